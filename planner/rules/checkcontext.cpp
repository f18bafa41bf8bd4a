#include "planner/rules/checkcontext.h"

#include <algorithm>

namespace pp {

double laneSpeedGbps(const PortGroup &group, int lanes)
{
    if (lanes <= 1)
        return group.speedGbps;
    for (const QString &text : group.breakouts)
        if (const auto b = Breakout::parse(text); b && b->lanes == lanes)
            return b->laneSpeedGbps;
    return group.speedGbps / lanes;
}

// A lane used without a known cable: the smallest breakout that has that lane.
static int lanesForLane(const PortGroup &group, int lane)
{
    int best = 0;
    for (const QString &text : group.breakouts)
        if (const auto b = Breakout::parse(text); b && b->lanes > lane && (best == 0 || b->lanes < best))
            best = b->lanes;
    return best == 0 ? lane + 1 : best;
}

CheckContext::CheckContext(const ResolvedPlan &resolved, const DesignLimits &limits)
    : m_resolved(resolved)
    , m_limits(limits)
    , m_power(resolved)
{
    m_recentDevices.fill({QString(), -1});
    const Plan &p = resolved.plan();
    const std::size_t n = p.devices.size();
    m_rackOf.resize(n, -1);
    m_weights.resize(p.racks.size());
    m_slotBase.resize(n + 1, 0);
    m_typeOfDevice.resize(n, -1);
    QHash<const DeviceType *, int> typeIndex;

    int slotTotal = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const Device &d = p.devices[i];
        const DeviceType *t = resolved.typeOf(i);
        m_slotBase[i] = slotTotal;
        if (!t)
            continue;
        slotTotal += indexPorts(i, *t, typeIndex);
        const int r = d.rack.isEmpty() ? -1 : resolved.rackIndex(d.rack);
        m_rackOf[i] = r;
        if (r < 0 || t->role == Role::Cable)
            continue;
        RackWeight &rack = m_weights[static_cast<std::size_t>(r)];
        if (t->weightKg.known())
            rack.weightKg += *t->weightKg.value;
        else
            ++rack.unknownWeight;
    }
    m_slotBase[n] = slotTotal;
    m_slotUses.assign(static_cast<std::size_t>(slotTotal), 0);
    resolveLinks();
    resolveUplinks();
}

// Numbers the physical ports of a device: returns how many slots it takes.
int CheckContext::indexPorts(std::size_t device, const DeviceType &type, QHash<const DeviceType *, int> &typeIndex)
{
    auto known = typeIndex.constFind(&type);
    if (known == typeIndex.constEnd()) {
        TypeInfo info;
        int total = 0;
        for (const PortGroup &g : type.ports) {
            info.groupOffsets.push_back(total);
            total += g.count;
        }
        info.groupOffsets.push_back(total);
        m_typeInfos.push_back(std::move(info));
        known = typeIndex.insert(&type, static_cast<int>(m_typeInfos.size()) - 1);
    }
    m_typeOfDevice[device] = *known;
    return m_typeInfos[static_cast<std::size_t>(*known)].groupOffsets.back();
}

void CheckContext::resolveLinks()
{
    const Plan &p = plan();
    const std::size_t n = p.devices.size();
    m_linkOffsets.assign(n + 1, 0);
    m_links.reserve(p.links.size());
    for (const Link &l : p.links) {
        LinkInfo info;
        info.cable = cableType(l.cable);
        info.a = resolveEnd(l.a, info.cable);
        info.b = resolveEnd(l.b, info.cable);
        for (const LinkEnd *end : {&info.a, &info.b})
            if (end->slot >= 0)
                ++m_slotUses[static_cast<std::size_t>(end->slot)];
        if (info.a.device >= 0)
            ++m_linkOffsets[static_cast<std::size_t>(info.a.device) + 1];
        if (info.b.device >= 0 && info.b.device != info.a.device)
            ++m_linkOffsets[static_cast<std::size_t>(info.b.device) + 1];
        m_links.push_back(std::move(info));
    }
    for (std::size_t i = 0; i < n; ++i)
        m_linkOffsets[i + 1] += m_linkOffsets[i];
    m_linkIds.resize(static_cast<std::size_t>(m_linkOffsets[n]));
    std::vector<int> fill(m_linkOffsets.begin(), m_linkOffsets.end() - 1);
    for (std::size_t li = 0; li < m_links.size(); ++li) {
        const int da = m_links[li].a.device;
        const int db = m_links[li].b.device;
        if (da >= 0)
            m_linkIds[static_cast<std::size_t>(fill[static_cast<std::size_t>(da)]++)] = static_cast<int>(li);
        if (db >= 0 && db != da)
            m_linkIds[static_cast<std::size_t>(fill[static_cast<std::size_t>(db)]++)] = static_cast<int>(li);
    }
}

void CheckContext::resolveUplinks()
{
    m_uplinks.reserve(plan().uplinks.size());
    for (const Uplink &u : plan().uplinks) {
        LinkEnd end = resolveEnd(Endpoint{u.device, u.port}, nullptr);
        if (end.slot >= 0)
            ++m_slotUses[static_cast<std::size_t>(end.slot)];
        m_uplinks.push_back(std::move(end));
    }
}

int CheckContext::deviceIndexOf(const QString &id)
{
    // Consecutive links mostly share a device (a node's ports, a leaf's ports): try the last few first.
    for (const auto &[recentId, index] : m_recentDevices)
        if (index >= 0 && recentId == id)
            return index;
    const int index = m_resolved.deviceIndex(id);
    m_recentDevices[m_nextRecent] = {id, index};
    m_nextRecent = (m_nextRecent + 1) % m_recentDevices.size();
    return index;
}

const DeviceType *CheckContext::cableType(const QString &id)
{
    for (const auto &[cableId, type] : m_cables)
        if (cableId == id)
            return type;
    const DeviceType *type = m_resolved.catalog().deviceType(id);
    m_cables.emplace_back(id, type);
    return type;
}

CheckContext::LinkEnd CheckContext::resolveEnd(const Endpoint &endpoint, const DeviceType *cable)
{
    LinkEnd end;
    end.device = deviceIndexOf(endpoint.device);
    if (end.device < 0)
        return end;
    const DeviceType *t = type(end.device);
    if (!t)
        return end;
    TypeInfo &info = m_typeInfos[static_cast<std::size_t>(m_typeOfDevice[static_cast<std::size_t>(end.device)])];
    auto it = info.ports.constFind(endpoint.port);
    if (it == info.ports.constEnd()) {
        const PortRef ref = t->resolvePort(endpoint.port);
        CachedPort cached;
        if (ref.valid()) {
            cached.port = PortAt{ref.group, ref.index, ref.lane};
            cached.groupOffset = info.groupOffsets[static_cast<std::size_t>(ref.group - t->ports.data())];
        }
        it = info.ports.insert(endpoint.port, cached);
    }
    end.port = it->port;
    if (!end.port.valid())
        return end;
    end.slot = m_slotBase[static_cast<std::size_t>(end.device)] + it->groupOffset + end.port.index;
    if (end.port.lane < 0) {
        end.speedGbps = end.port.group->speedGbps;
    } else {
        // Breakout texts are parsed once per port group and lane count, not once per link.
        const PortGroup *group = end.port.group;
        const int cableLegs = cable && cable->cable.legs > 1 ? cable->cable.legs : 0;
        const std::pair<const PortGroup *, int> laneKey{group, cableLegs ? cableLegs : -1 - end.port.lane};
        const auto hit =
            std::find_if(m_laneSpeeds.begin(), m_laneSpeeds.end(), [&](const auto &e) { return e.first == laneKey; });
        if (hit != m_laneSpeeds.end()) {
            end.speedGbps = hit->second;
        } else {
            end.speedGbps = laneSpeedGbps(*group, cableLegs ? cableLegs : lanesForLane(*group, end.port.lane));
            m_laneSpeeds.emplace_back(laneKey, end.speedGbps);
        }
    }
    return end;
}

int CheckContext::portSlot(int device, const PortGroup &group, int index) const
{
    const TypeInfo &info = m_typeInfos[static_cast<std::size_t>(m_typeOfDevice[static_cast<std::size_t>(device)])];
    return m_slotBase[static_cast<std::size_t>(device)] +
        info.groupOffsets[static_cast<std::size_t>(&group - type(device)->ports.data())] + index;
}

QString CheckContext::feedSubject(int rack, int feed) const
{
    return plan().racks[static_cast<std::size_t>(rack)].id + QLatin1Char('/') + feedName(feed);
}

} // namespace pp
