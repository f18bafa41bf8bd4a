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
    : m_resolved(resolved), m_limits(limits)
{
    const Plan &p = resolved.plan();
    const std::size_t n = p.devices.size();
    m_rackOf.resize(n, -1);
    m_loads.resize(n);
    m_racks.resize(p.racks.size());
    m_slotBase.resize(n + 1, 0);

    int slotTotal = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const Device &d = p.devices[i];
        const DeviceType *t = resolved.typeOf(i);
        m_slotBase[i] = slotTotal;
        if (!t)
            continue;
        auto offsets = m_groupOffsets.find(t);
        if (offsets == m_groupOffsets.end()) {
            std::vector<int> o;
            int total = 0;
            for (const PortGroup &g : t->ports) {
                o.push_back(total);
                total += g.count;
            }
            o.push_back(total);
            offsets = m_groupOffsets.insert(t, std::move(o));
        }
        slotTotal += offsets->back();
        const int r = d.rack.isEmpty() ? -1 : resolved.rackIndex(d.rack);
        m_rackOf[i] = r;
        if (r < 0 || t->role == Role::Cable)
            continue;
        DeviceLoad &load = m_loads[i];
        load.counted = true;
        load.powerKnown = t->typicalW.known() || t->maxW.known();
        load.typicalW = t->typicalW.valueOr(t->maxW.valueOr(0));
        load.maxW = t->maxW.valueOr(load.typicalW);
        RackLoad &rack = m_racks[static_cast<std::size_t>(r)];
        rack.typicalW += load.typicalW;
        rack.maxW += load.maxW;
        m_totalTypicalW += load.typicalW;
        m_totalMaxW += load.maxW;
        if (t->role != Role::Pdu && !load.powerKnown)
            ++rack.unknownPower;
        if (t->weightKg.known())
            rack.weightKg += *t->weightKg.value;
        else
            ++rack.unknownWeight;
        const auto psus = d.psuFeeds.size();
        if (psus == 0) {
            rack.unassignedMaxW += load.maxW;
            continue;
        }
        const double share = 1.0 / static_cast<double>(psus);
        for (const QString &feed : d.psuFeeds) {
            const int f = feedIndex(feed);
            rack.feedTypicalW[static_cast<std::size_t>(f)] += load.typicalW * share;
            rack.feedMaxW[static_cast<std::size_t>(f)] += load.maxW * share;
        }
    }
    m_slotBase[n] = slotTotal;
    m_slotUses.assign(static_cast<std::size_t>(slotTotal), 0);

    m_linkOffsets.assign(n + 1, 0);
    m_links.reserve(p.links.size());
    for (const Link &l : p.links) {
        LinkInfo info;
        info.cable = resolved.catalog().deviceType(l.cable);
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

    m_uplinks.reserve(p.uplinks.size());
    for (const Uplink &u : p.uplinks) {
        LinkEnd end = resolveEnd(Endpoint{u.device, u.port}, nullptr);
        if (end.slot >= 0)
            ++m_slotUses[static_cast<std::size_t>(end.slot)];
        m_uplinks.push_back(std::move(end));
    }
}

CheckContext::LinkEnd CheckContext::resolveEnd(const Endpoint &endpoint, const DeviceType *cable)
{
    LinkEnd end;
    end.device = m_resolved.deviceIndex(endpoint.device);
    if (end.device < 0)
        return end;
    const DeviceType *t = type(end.device);
    if (!t)
        return end;
    const auto key = std::make_pair(t, endpoint.port);
    auto it = m_portCache.constFind(key);
    if (it == m_portCache.constEnd())
        it = m_portCache.insert(key, t->resolvePort(endpoint.port));
    end.port = *it;
    if (!end.port.valid())
        return end;
    end.slot = portSlot(end.device, *end.port.group, end.port.index);
    if (end.port.lane < 0) {
        end.speedGbps = end.port.group->speedGbps;
    } else {
        // Breakout texts are parsed once per port group and lane count, not once per link.
        const PortGroup *group = end.port.group;
        const int cableLegs = cable && cable->cable.legs > 1 ? cable->cable.legs : 0;
        const std::pair<const PortGroup *, int> key{group, cableLegs ? cableLegs : -1 - end.port.lane};
        const auto hit = std::find_if(m_laneSpeeds.begin(), m_laneSpeeds.end(), [&](const auto &e) { return e.first == key; });
        if (hit != m_laneSpeeds.end()) {
            end.speedGbps = hit->second;
        } else {
            end.speedGbps = laneSpeedGbps(*group, cableLegs ? cableLegs : lanesForLane(*group, end.port.lane));
            m_laneSpeeds.emplace_back(key, end.speedGbps);
        }
    }
    return end;
}

int CheckContext::groupOffset(const DeviceType *t, const PortGroup *group) const
{
    const auto it = m_groupOffsets.constFind(t);
    const auto g = static_cast<std::size_t>(group - t->ports.data());
    return it->at(g);
}

int CheckContext::portSlot(int device, const PortGroup &group, int index) const
{
    return m_slotBase[static_cast<std::size_t>(device)] + groupOffset(type(device), &group) + index;
}

QString CheckContext::feedSubject(int rack, int feed) const
{
    return plan().racks[static_cast<std::size_t>(rack)].id + QLatin1Char('/') + feedName(feed);
}

} // namespace pp
