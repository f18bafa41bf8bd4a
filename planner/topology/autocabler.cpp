#include "planner/topology/autocabler.h"

#include "planner/ops/devicenamer.h"
#include "planner/ops/feedpolicy.h"
#include "planner/topology/cablechooser.h"
#include "planner/topology/portallocator.h"

#include <QHash>
#include <algorithm>
#include <climits>
#include <cmath>
#include <map>
#include <optional>
#include <tuple>

namespace pp {

const CablePolicy &sitePolicy(const SiteProfile &site)
{
    if (site.raw.is_object()) {
        const auto net = site.raw.find("network");
        if (net != site.raw.end() && net->is_object()) {
            const auto id = net->find("cablePolicy");
            if (id != net->end() && id->is_string())
                if (const CablePolicy *p = CablePolicy::builtIn(json::fromStd(id->get<std::string>())))
                    return *p;
        }
    }
    return CablePolicy::defaultPolicy();
}

namespace {

enum class SwitchKind { NotSwitch, Leaf, Spine, Mgmt };

struct LeafPair {
    int a = -1;
    int b = -1; // -1 for a single leaf that found no partner
};

struct PortRanges { // 0-based indices into the switch's data port group
    int nodeFrom = 0, nodeTo = -1, upFrom = 0, upTo = -1, islFrom = 0, islTo = -1;
};

struct NewLink {
    int devA = -1;
    QString portA;
    int devB = -1;
    QString portB;
    LinkClass linkClass = LinkClass::Node;
    double speedGbps = 0;
    int lanes = 1; // > 1: the switch end (devB) is a lane of a split port
    QString media;
    int cable = -1; // the physical cable: breakout legs share one
};

int groupOf(const DeviceType *type, PortPurpose purpose, bool multiPortOnly = false)
{
    if (!type)
        return -1;
    for (std::size_t i = 0; i < type->ports.size(); ++i)
        if (type->ports[i].purpose == purpose && (!multiPortOnly || type->ports[i].count > 1))
            return static_cast<int>(i);
    return -1;
}

bool containsSpine(const Device &d)
{
    return d.id.contains(QLatin1String("spine"), Qt::CaseInsensitive) ||
        d.hostname.contains(QLatin1String("spine"), Qt::CaseInsensitive);
}

int roleRank(Role role)
{
    switch (role) {
    case Role::CNode:
        return 0;
    case Role::DBox:
        return 1;
    case Role::Switch:
        return 3;
    default:
        return 2;
    }
}

class Cabler {
public:
    Cabler(Plan &plan, const Catalog &catalog, const SiteProfile &site, const CablingOptions &options,
           CablingReport &report)
        : m_plan(plan)
        , m_catalog(catalog)
        , m_site(site)
        , m_policy(options.policy ? *options.policy : sitePolicy(site))
        , m_options(options)
        , m_report(report)
        , m_chooser(catalog, m_policy)
    {
        m_ratio = options.oversubscription.value_or(m_policy.oversubscription);
        m_report.policyId = m_policy.id;
        m_report.oversubscription = m_ratio;
    }

    void run()
    {
        index();
        keepManualLinks();
        classify();
        decideTopology();
        placeNodes();
        cableIsls();
        if (m_leafSpine)
            cableFabric();
        cableSiteUplinks();
        cableManagement();
        emitLinks();
        for (const auto &[text, count] : m_errorCounts)
            m_report.errors << (count > 1 ? QStringLiteral("%1 (%2 times)").arg(text).arg(count) : text);
    }

private:
    // ---- plan index -------------------------------------------------------------------------
    void index()
    {
        const std::size_t n = m_plan.devices.size();
        m_types.reserve(n * 2);
        m_kind.reserve(n * 2);
        for (std::size_t r = 0; r < m_plan.racks.size(); ++r)
            addRackIndex(static_cast<int>(r));
        for (std::size_t i = 0; i < n; ++i)
            indexDevice(static_cast<int>(i));
    }

    void addRackIndex(int r)
    {
        const Rack &rack = m_plan.racks[static_cast<std::size_t>(r)];
        m_rackIndex.insert(rack.id, r);
        m_rackDevices.emplace_back();
        m_occupied.emplace_back(static_cast<std::size_t>(std::max(rack.heightU, 0) + 2), char(0));
        m_rackPairs.emplace_back();
        m_rackMgmt.emplace_back();
    }

    void indexDevice(int i)
    {
        const Device &d = m_plan.devices[static_cast<std::size_t>(i)];
        const DeviceType *type = m_catalog.deviceType(d.type);
        m_types.push_back(type);
        m_ports.addDevice(type);
        m_devIndex.insert(d.id, i);
        m_lastRole.push_back(-1);
        m_roleStart.push_back(0);
        m_downGbps.push_back(0);
        m_kind.push_back(SwitchKind::NotSwitch);
        const int r = m_rackIndex.value(d.rack, -1);
        m_devRack.push_back(r);
        if (r >= 0) {
            m_rackDevices[static_cast<std::size_t>(r)].push_back(i);
            if (type && type->isRackMounted() && d.u > 0) {
                auto &occ = m_occupied[static_cast<std::size_t>(r)];
                for (int u = d.u; u < d.u + type->uHeight && u < static_cast<int>(occ.size()); ++u)
                    occ[static_cast<std::size_t>(u)] = 1;
            }
        }
    }

    const DeviceType *type(int dev) const { return m_types[static_cast<std::size_t>(dev)]; }
    const Device &device(int dev) const { return m_plan.devices[static_cast<std::size_t>(dev)]; }
    int rackOf(int dev) const { return m_devRack[static_cast<std::size_t>(dev)]; }

    void error(const QString &text) { ++m_errorCounts[text]; }

    void keepManualLinks()
    {
        std::vector<Link> kept;
        for (const Link &l : m_plan.links) {
            if (!l.manual)
                continue;
            int legs = 0;
            if (const DeviceType *c = m_catalog.deviceType(l.cable); c && c->cable.legs > 1)
                legs = c->cable.legs;
            for (const Endpoint *end : {&l.a, &l.b}) {
                const int dev = m_devIndex.value(end->device, -1);
                QString why;
                if (dev < 0)
                    m_report.errors << QStringLiteral("manual link %1--%2: no device \"%3\"")
                                           .arg(l.a.toString(), l.b.toString(), end->device);
                else if (m_ports.book(dev, end->port,
                                      type(dev) && type(dev)->resolvePort(end->port).lane >= 0 ? legs : 0,
                                      &why) != PortAllocator::Status::Ok)
                    m_report.errors << QStringLiteral("manual link %1--%2: %3: %4")
                                           .arg(l.a.toString(), l.b.toString(), end->device, why);
            }
            kept.push_back(l);
        }
        m_report.manualKept = static_cast<int>(kept.size());
        m_plan.links = std::move(kept);
        m_plan.uplinks.clear();
    }

    // ---- switches -----------------------------------------------------------------------------
    void classifyDevice(int i)
    {
        const DeviceType *t = type(i);
        if (!t || t->role != Role::Switch)
            return;
        if (groupOf(t, PortPurpose::Data) >= 0)
            m_kind[static_cast<std::size_t>(i)] = containsSpine(device(i)) ? SwitchKind::Spine : SwitchKind::Leaf;
        else if (groupOf(t, PortPurpose::Mgmt, true) >= 0)
            m_kind[static_cast<std::size_t>(i)] = SwitchKind::Mgmt;
    }

    void classify()
    {
        std::vector<int> leaves;
        for (int i = 0; i < static_cast<int>(m_types.size()); ++i) {
            classifyDevice(i);
            const SwitchKind k = m_kind[static_cast<std::size_t>(i)];
            if (k == SwitchKind::Leaf)
                leaves.push_back(i);
            else if (k == SwitchKind::Spine)
                m_spines.push_back(i);
            else if (k == SwitchKind::Mgmt)
                registerMgmt(i);
        }
        // Pair leaves within a rack, top switch first; leaves left alone pair across racks.
        std::stable_sort(leaves.begin(), leaves.end(), [this](int a, int b) {
            const int ra = rackOf(a) < 0 ? INT_MAX : rackOf(a), rb = rackOf(b) < 0 ? INT_MAX : rackOf(b);
            if (ra != rb)
                return ra < rb;
            return device(a).u > device(b).u;
        });
        std::vector<int> alone;
        for (std::size_t i = 0; i < leaves.size(); ++i) {
            if (i + 1 < leaves.size() && rackOf(leaves[i]) == rackOf(leaves[i + 1]) && rackOf(leaves[i]) >= 0) {
                addPair(leaves[i], leaves[i + 1]);
                ++i;
            } else {
                alone.push_back(leaves[i]);
            }
        }
        for (std::size_t i = 0; i < alone.size(); i += 2) {
            if (i + 1 < alone.size()) {
                addPair(alone[i], alone[i + 1]);
            } else {
                addPair(alone[i], -1);
                m_report.warnings << QStringLiteral("data switch %1 has no partner: its nodes are not dual-homed")
                                         .arg(device(alone[i]).id);
            }
        }
        if (m_leafType.isEmpty())
            m_leafType = !m_options.leafType.isEmpty() ? m_options.leafType
                : !m_pairs.empty()                     ? device(m_pairs.front().a).type
                : !m_spines.empty()                    ? device(m_spines.front()).type
                                                       : QStringLiteral("sw-sn5400");
        m_spineType = !m_options.spineType.isEmpty() ? m_options.spineType
            : !m_spines.empty()                      ? device(m_spines.front()).type
                                                     : m_leafType;
    }

    void registerMgmt(int i)
    {
        m_mgmtSwitches.push_back(i);
        if (rackOf(i) >= 0)
            m_rackMgmt[static_cast<std::size_t>(rackOf(i))].push_back(i);
    }

    void addPair(int a, int b)
    {
        m_pairs.push_back(LeafPair{a, b});
        if (rackOf(a) >= 0)
            m_rackPairs[static_cast<std::size_t>(rackOf(a))].push_back(static_cast<int>(m_pairs.size() - 1));
    }

    PortRanges ranges(int sw) const
    {
        PortRanges r;
        const int g = groupOf(type(sw), PortPurpose::Data);
        if (g < 0)
            return r;
        const int count = type(sw)->ports[static_cast<std::size_t>(g)].count;
        const SwitchPortPlan plan = SwitchPortPlan::forPortCount(count);
        r.islFrom = plan.islFirst - 1;
        r.islTo = plan.islLast - 1;
        r.upFrom = plan.uplinksFirst - 1;
        r.upTo = plan.uplinksLast - 1;
        r.nodeFrom = plan.nodesFirst - 1;
        r.nodeTo = plan.nodesLast - 1;
        if (m_leafSpine && m_kind[static_cast<std::size_t>(sw)] == SwitchKind::Leaf) {
            // Below the ISLs, split the ports between nodes and spine uplinks by the ratio.
            const int available = plan.islFirst - 1;
            const int nodes = std::max(1, static_cast<int>(std::floor(available * m_ratio / (m_ratio + 1.0))));
            r.nodeTo = nodes - 1;
            r.upFrom = nodes;
            r.upTo = available - 1;
        }
        return r;
    }

    // Node data ports: C-node "data" and D-box "dpu" groups, as (group, index) in catalog order.
    const std::vector<std::pair<int, int>> &dataPorts(const DeviceType *t)
    {
        auto it = m_dataPorts.find(t);
        if (it == m_dataPorts.end())
            it = m_dataPorts.emplace(t, computeDataPorts(t)).first;
        return it->second;
    }

    static std::vector<std::pair<int, int>> computeDataPorts(const DeviceType *t)
    {
        std::vector<std::pair<int, int>> out;
        if (!t || (t->role != Role::CNode && t->role != Role::DBox))
            return out;
        for (std::size_t g = 0; g < t->ports.size(); ++g)
            if (t->ports[g].purpose == PortPurpose::Data || t->ports[g].purpose == PortPurpose::Dpu)
                for (int i = 0; i < t->ports[g].count; ++i)
                    out.emplace_back(static_cast<int>(g), i);
        return out;
    }

    void decideTopology()
    {
        // Nodes in rack order, C-nodes before D-boxes within a rack, then loose nodes.
        for (std::size_t r = 0; r < m_rackDevices.size(); ++r)
            for (int rank = 0; rank < 2; ++rank)
                for (int dev : m_rackDevices[r])
                    if (type(dev) && roleRank(type(dev)->role) == rank && !dataPorts(type(dev)).empty())
                        m_nodes.push_back(dev);
        for (int dev = 0; dev < static_cast<int>(m_types.size()); ++dev)
            if (rackOf(dev) < 0 && type(dev) && roleRank(type(dev)->role) < 2 && !dataPorts(type(dev)).empty())
                m_nodes.push_back(dev);

        if (!m_spines.empty() || m_pairs.size() > 1) {
            m_leafSpine = true;
            return;
        }
        const DeviceType *leaf = m_pairs.empty() ? m_catalog.deviceType(m_leafType) : type(m_pairs.front().a);
        const int g = groupOf(leaf, PortPurpose::Data);
        if (!leaf || g < 0)
            return;
        const PortGroup &group = leaf->ports[static_cast<std::size_t>(g)];
        const SwitchPortPlan plan = SwitchPortPlan::forPortCount(group.count);
        double portsNeeded = 2; // a fresh port for each kind of node
        for (int dev : m_nodes) {
            const auto &ports = dataPorts(type(dev));
            const double speed = type(dev)->ports[static_cast<std::size_t>(ports.front().first)].speedGbps;
            portsNeeded += std::ceil(ports.size() / 2.0) / PortAllocator::lanesFor(group, speed);
        }
        m_leafSpine = portsNeeded > plan.nodesLast - plan.nodesFirst + 1;
    }

    // ---- adding switches and racks ------------------------------------------------------------
    int freeTopU(int rack, int heightU) const
    {
        const auto &occ = m_occupied[static_cast<std::size_t>(rack)];
        const int top = m_plan.racks[static_cast<std::size_t>(rack)].heightU;
        for (int u = top - heightU + 1; u >= 1; --u) {
            bool free = true;
            for (int k = u; k < u + heightU && free; ++k)
                free = !occ[static_cast<std::size_t>(k)];
            if (free)
                return u;
        }
        return 0;
    }

    int addRack()
    {
        Rack rack;
        rack.id = m_plan.unusedRackId();
        rack.name = QStringLiteral("NET-%1").arg(++m_racksAdded);
        rack.heightU = m_site.rack.heightU;
        if (!m_plan.racks.empty()) {
            const Rack &last = m_plan.racks.back();
            if (last.row || last.position) {
                rack.row = last.row;
                rack.position = last.position + 1;
            }
        }
        m_plan.racks.push_back(rack);
        const int r = static_cast<int>(m_plan.racks.size() - 1);
        addRackIndex(r);
        m_report.racksAdded++;
        m_report.notes << QStringLiteral("added rack %1 (%2) for network switches").arg(rack.id, rack.name);
        return r;
    }

    // Places `count` switches of a type stacked in one rack: the preferred rack, else the first
    // rack with room (searching on from the last rack used), else a new rack.
    std::vector<int> addSwitches(const QString &typeId, const QString &prefix, int count, int preferredRack)
    {
        std::vector<int> out;
        const DeviceType *t = m_catalog.deviceType(typeId);
        if (!t || t->role != Role::Switch) {
            error(QStringLiteral("cannot add switches: \"%1\" is not a switch in the catalog").arg(typeId));
            return out;
        }
        const int h = std::max(1, t->uHeight);
        int rack = -1, u = 0;
        if (preferredRack >= 0 && (u = freeTopU(preferredRack, h * count)) > 0)
            rack = preferredRack;
        for (int tries = 0; rack < 0 && tries < static_cast<int>(m_plan.racks.size()); ++tries) {
            const int r = (m_spaceCursor + tries) % static_cast<int>(m_plan.racks.size());
            if ((u = freeTopU(r, h * count)) > 0) {
                rack = r;
                m_spaceCursor = r;
            }
        }
        if (rack < 0) {
            rack = addRack();
            m_spaceCursor = rack;
            u = freeTopU(rack, h * count);
            if (u <= 0) {
                error(QStringLiteral("cannot add switches: %1 × %2U does not fit in a %3U rack")
                          .arg(count)
                          .arg(h)
                          .arg(m_site.rack.heightU));
                return out;
            }
        }
        for (int k = 0; k < count; ++k) {
            // Built on first use: most runs add no switch, and a 20,000-device plan costs a pass.
            if (!m_namer)
                m_namer.emplace(m_plan);
            Device d;
            d.id = m_namer->nextId(prefix);
            // The hostname carries the id's number ("leaf3" is "leaf-3") unless another device has it.
            d.hostname = m_namer->uniqueHostname(prefix + QLatin1Char('-') + d.id.mid(prefix.size()));
            d.type = typeId;
            d.rack = m_plan.racks[static_cast<std::size_t>(rack)].id;
            d.u = u + h * (count - 1 - k); // first switch on top
            d.psuFeeds = ops::defaultPsuFeeds(*t);
            m_plan.devices.push_back(d);
            const int idx = static_cast<int>(m_plan.devices.size() - 1);
            indexDevice(idx);
            classifyDevice(idx);
            out.push_back(idx);
            m_report.switchesAdded++;
            m_report.notes << QStringLiteral("added %1 %2 in %3 at U%4").arg(typeId, d.id, d.rack).arg(d.u);
        }
        return out;
    }

    // ---- node links ---------------------------------------------------------------------------
    const std::vector<int> &pairsByDistance(int rack)
    {
        auto it = m_pairOrder.find(rack);
        if (it != m_pairOrder.end() && it->second.size() == m_pairs.size())
            return it->second;
        std::vector<std::pair<double, int>> d;
        const RunEnd from{rack >= 0 ? &m_plan.racks[static_cast<std::size_t>(rack)] : nullptr, rack, 0};
        for (std::size_t p = 0; p < m_pairs.size(); ++p) {
            const int r = rackOf(m_pairs[p].a);
            const RunEnd to{r >= 0 ? &m_plan.racks[static_cast<std::size_t>(r)] : nullptr, r, 0};
            d.emplace_back(r == rack ? 0.0 : m_chooser.runLengthM(from, to), static_cast<int>(p));
        }
        std::stable_sort(d.begin(), d.end());
        std::vector<int> order;
        for (const auto &e : d)
            order.push_back(e.second);
        return m_pairOrder[rack] = std::move(order);
    }

    bool tryPlace(int node, const LeafPair &pair)
    {
        const DeviceType *t = type(node);
        const auto &ports = dataPorts(t);
        const int role = roleRank(t->role);
        struct Booked {
            int sw;
            QString name;
            int lastRole;
            int roleStart;
        };
        std::vector<Booked> booked;
        std::vector<NewLink> links;
        for (std::size_t k = 0; k < ports.size(); ++k) {
            const PortGroup &ng = t->ports[static_cast<std::size_t>(ports[k].first)];
            const QString nodePort = ng.nameAt(ports[k].second);
            if (!m_ports.isFree(node, nodePort))
                continue; // made by hand
            const int sw = (k % 2 == 0 || pair.b < 0) ? pair.a : pair.b;
            const int g = groupOf(type(sw), PortPurpose::Data);
            const PortGroup &sg = type(sw)->ports[static_cast<std::size_t>(g)];
            const PortRanges r = ranges(sw);
            const int lanes = lanesFor(sg, ng.speedGbps);
            const int before = m_lastRole[static_cast<std::size_t>(sw)];
            const int startBefore = m_roleStart[static_cast<std::size_t>(sw)];
            // A new kind of node starts on a fresh physical port; nodes of the same kind continue
            // from there, so that the port map reads C-nodes, then D-boxes, and so on.
            const int from = before == role ? std::max(r.nodeFrom, startBefore) : r.nodeFrom;
            int portIndex = -1;
            const QString name = m_ports.bookNext(sw, g, from, r.nodeTo, lanes, before != role, &portIndex);
            if (name.isEmpty()) {
                for (auto it = booked.rbegin(); it != booked.rend(); ++it) {
                    m_ports.release(it->sw, it->name);
                    m_lastRole[static_cast<std::size_t>(it->sw)] = it->lastRole;
                    m_roleStart[static_cast<std::size_t>(it->sw)] = it->roleStart;
                }
                return false;
            }
            booked.push_back({sw, name, before, startBefore});
            if (before != role)
                m_roleStart[static_cast<std::size_t>(sw)] = portIndex;
            m_lastRole[static_cast<std::size_t>(sw)] = role;
            links.push_back(NewLink{node, nodePort, sw, name, LinkClass::Node,
                                    std::min(ng.speedGbps, sg.speedGbps / lanes), lanes, sg.media, portIndex});
        }
        for (NewLink &l : links) {
            m_ports.book(node, l.portA);
            m_downGbps[static_cast<std::size_t>(l.devB)] += l.speedGbps;
            addLink(std::move(l));
        }
        return true;
    }

    void placeNodes()
    {
        for (int node : m_nodes) {
            const int rack = rackOf(node);
            bool placed = false;
            if (rack >= 0)
                for (int p : m_rackPairs[static_cast<std::size_t>(rack)])
                    if ((placed = tryPlace(node, m_pairs[static_cast<std::size_t>(p)])))
                        break;
            if (!placed && !m_pairs.empty() && !m_pairsFull)
                for (int p : pairsByDistance(rack))
                    if ((placed = tryPlace(node, m_pairs[static_cast<std::size_t>(p)])))
                        break;
            if (!placed && m_options.addSwitches && (m_leafSpine || m_pairs.empty())) {
                const std::vector<int> added = addSwitches(m_leafType, QStringLiteral("leaf"), 2, rack);
                if (added.size() == 2) {
                    addPair(added[0], added[1]);
                    placed = tryPlace(node, m_pairs.back());
                }
            }
            if (!placed) {
                if (!m_pairs.empty())
                    m_pairsFull = true; // every pair is full: later nodes need not search again
                error(m_pairs.empty()
                          ? QStringLiteral("no data switch in the plan: node data ports left unconnected")
                          : QStringLiteral("data switches full: node %1 not connected").arg(device(node).id));
            }
        }
        m_report.leafPairs = static_cast<int>(m_pairs.size());
        m_report.leafSpine = m_leafSpine;
    }

    // ---- ISLs, fabric and site uplinks --------------------------------------------------------
    void cableIsls()
    {
        for (const LeafPair &p : m_pairs) {
            if (p.b < 0)
                continue;
            const int ga = groupOf(type(p.a), PortPurpose::Data), gb = groupOf(type(p.b), PortPurpose::Data);
            const PortGroup &pa = type(p.a)->ports[static_cast<std::size_t>(ga)];
            const PortGroup &pb = type(p.b)->ports[static_cast<std::size_t>(gb)];
            const PortRanges ra = ranges(p.a), rb = ranges(p.b);
            std::vector<int> chosen;
            for (int i = std::min(ra.islTo, rb.islTo);
                 i >= std::max(ra.islFrom, rb.islFrom) && static_cast<int>(chosen.size()) < m_policy.islLinks; --i)
                if (m_ports.isFree(p.a, pa.nameAt(i)) && m_ports.isFree(p.b, pb.nameAt(i)))
                    chosen.push_back(i);
            if (static_cast<int>(chosen.size()) < m_policy.islLinks)
                m_report.warnings << QStringLiteral("%1–%2: only %3 of %4 ISL ports free")
                                         .arg(device(p.a).id, device(p.b).id)
                                         .arg(chosen.size())
                                         .arg(m_policy.islLinks);
            std::sort(chosen.begin(), chosen.end());
            for (int i : chosen) {
                m_ports.book(p.a, pa.nameAt(i));
                m_ports.book(p.b, pb.nameAt(i));
                addLink(NewLink{p.a, pa.nameAt(i), p.b, pb.nameAt(i), LinkClass::Isl,
                                std::min(pa.speedGbps, pb.speedGbps), 1, pb.media, -1});
            }
        }
    }

    void cableFabric()
    {
        std::vector<int> leaves;
        for (const LeafPair &p : m_pairs) {
            leaves.push_back(p.a);
            if (p.b >= 0)
                leaves.push_back(p.b);
        }
        if (leaves.empty())
            return;
        const DeviceType *spineType = m_spines.empty() ? m_catalog.deviceType(m_spineType) : type(m_spines.front());
        const int sg = groupOf(spineType, PortPurpose::Data);
        if (!spineType || sg < 0) {
            error(QStringLiteral("no spine switch type with data ports (\"%1\")").arg(m_spineType));
            return;
        }
        const PortGroup &spineGroup = spineType->ports[static_cast<std::size_t>(sg)];
        const SwitchPortPlan spinePlan = SwitchPortPlan::forPortCount(spineGroup.count);
        // Uplinks each leaf needs: its node bandwidth divided by the oversubscription ratio.
        std::vector<int> need(leaves.size());
        int total = 0;
        int maxNeed = 0;
        for (std::size_t i = 0; i < leaves.size(); ++i) {
            const int g = groupOf(type(leaves[i]), PortPurpose::Data);
            const PortGroup &lg = type(leaves[i])->ports[static_cast<std::size_t>(g)];
            const double upGbps = std::min(lg.speedGbps, spineGroup.speedGbps);
            const PortRanges r = ranges(leaves[i]);
            const int room = m_ports.freeSlots(leaves[i], g, r.upFrom, r.upTo, 1);
            int n =
                static_cast<int>(std::ceil(m_downGbps[static_cast<std::size_t>(leaves[i])] / m_ratio / upGbps - 1e-9));
            if (n > room) {
                m_report.warnings << QStringLiteral("%1 needs %2 spine uplinks for %3:1 but has %4 ports for them")
                                         .arg(device(leaves[i]).id)
                                         .arg(n)
                                         .arg(m_ratio)
                                         .arg(room);
                n = room;
            }
            need[i] = n;
            total += n;
            maxNeed = std::max(maxNeed, n);
        }
        const int lanesPerUplink = PortAllocator::lanesFor(
            spineGroup,
            std::min(spineGroup.speedGbps,
                     type(leaves.front())
                         ->ports[static_cast<std::size_t>(groupOf(type(leaves.front()), PortPurpose::Data))]
                         .speedGbps));
        const int spineDown = (spinePlan.uplinksFirst - 1) * lanesPerUplink;
        int spinesWanted =
            std::max(2, static_cast<int>(std::ceil(static_cast<double>(total) / std::max(1, spineDown))));
        // More spines, fewer links from each leaf to each spine, until every spine can take every leaf.
        while (spinesWanted<maxNeed &&static_cast<long long>(leaves.size()) *
                            ((maxNeed + spinesWanted - 1) / spinesWanted)>
                   spineDown)
            ++spinesWanted;
        if (static_cast<int>(m_spines.size()) < spinesWanted && m_options.addSwitches) {
            const int missing = spinesWanted - static_cast<int>(m_spines.size());
            for (int k = 0; k < missing; k += 2) {
                const auto added = addSwitches(m_spineType, QStringLiteral("spine"), std::min(2, missing - k), -1);
                for (int s : added)
                    m_spines.push_back(s);
                if (added.empty())
                    break;
            }
        }
        m_report.spines = static_cast<int>(m_spines.size());
        if (m_spines.empty()) {
            error(QStringLiteral(
                "leaf–spine needed but no spine switches (add switches named \"spine…\" or allow adding)"));
            return;
        }
        const int S = static_cast<int>(m_spines.size());
        const int perSpinePerLeaf = (maxNeed + S - 1) / S;
        const bool fullMesh = static_cast<long long>(leaves.size()) * perSpinePerLeaf <= spineDown;
        if (!fullMesh)
            error(QStringLiteral(
                      "two-tier leaf–spine limit: %1 leaves × %2 links each exceed the %3 downlinks of a %4 spine; "
                      "not every leaf reaches every spine (plan a super-spine tier)")
                      .arg(leaves.size())
                      .arg(perSpinePerLeaf)
                      .arg(spineDown)
                      .arg(spineType->id));
        for (std::size_t i = 0; i < leaves.size(); ++i) {
            const int leaf = leaves[i];
            int n = need[i];
            const PortRanges r = ranges(leaf);
            const int g = groupOf(type(leaf), PortPurpose::Data);
            // Round up to a multiple of the spine count so that each leaf reaches each spine evenly.
            const int even = ((n + S - 1) / S) * S;
            if (fullMesh && even <= m_ports.freeSlots(leaf, g, r.upFrom, r.upTo, 1))
                n = even;
            const int offset = fullMesh ? 0 : static_cast<int>((static_cast<long long>(i) * std::max(1, n)) % S);
            for (int k = 0; k < n; ++k) {
                const int spine = m_spines[static_cast<std::size_t>((offset + k) % S)];
                const int spg = groupOf(type(spine), PortPurpose::Data);
                const PortGroup &spGroup = type(spine)->ports[static_cast<std::size_t>(spg)];
                const PortGroup &lg = type(leaf)->ports[static_cast<std::size_t>(g)];
                const double speed = std::min(lg.speedGbps, spGroup.speedGbps);
                const int lanes = lanesFor(spGroup, speed);
                const SwitchPortPlan sp = SwitchPortPlan::forPortCount(spGroup.count);
                int spineIndex = -1;
                QString spinePort = m_ports.bookNext(spine, spg, 0, sp.uplinksFirst - 2, lanes, false, &spineIndex);
                if (spinePort.isEmpty())
                    spinePort =
                        m_ports.bookNext(spine, spg, sp.islFirst - 1, sp.islLast - 1, lanes, false, &spineIndex);
                if (spinePort.isEmpty()) {
                    error(QStringLiteral("spine ports exhausted: leaf uplinks left unconnected"));
                    break;
                }
                const QString leafPort = m_ports.bookNext(leaf, g, r.upFrom, r.upTo, 1);
                if (leafPort.isEmpty()) {
                    m_ports.release(spine, spinePort);
                    break;
                }
                addLink(NewLink{leaf, leafPort, spine, spinePort, LinkClass::Fabric, speed, lanes, spGroup.media,
                                spineIndex});
            }
        }
    }

    QString bookHighestFree(int sw, int g)
    {
        const PortGroup &group = type(sw)->ports[static_cast<std::size_t>(g)];
        for (int i = group.count - 1; i >= 0; --i)
            if (m_ports.isFree(sw, group.nameAt(i)) && m_ports.book(sw, group.nameAt(i)) == PortAllocator::Status::Ok)
                return group.nameAt(i);
        return QString();
    }

    void cableSiteUplinks()
    {
        std::vector<int> border = m_leafSpine ? m_spines : std::vector<int>{};
        if (!m_leafSpine && !m_pairs.empty()) {
            border.push_back(m_pairs.front().a);
            if (m_pairs.front().b >= 0)
                border.push_back(m_pairs.front().b);
        }
        const int wanted = m_site.network.uplinksRequired;
        if (wanted <= 0)
            return;
        if (border.empty()) {
            error(QStringLiteral("no data switch for the %1 site uplinks").arg(wanted));
            return;
        }
        for (int j = 0; j < wanted; ++j) {
            const int sw = border[static_cast<std::size_t>(j) % border.size()];
            const int g = groupOf(type(sw), PortPurpose::Data);
            const PortGroup &group = type(sw)->ports[static_cast<std::size_t>(g)];
            const SwitchPortPlan plan = SwitchPortPlan::forPortCount(group.count);
            QString port = m_ports.bookNext(sw, g, plan.uplinksFirst - 1, plan.uplinksLast - 1, 1, true);
            if (port.isEmpty())
                port = bookHighestFree(sw, g);
            if (port.isEmpty()) {
                error(QStringLiteral("no free port for site uplink %1 on %2").arg(j + 1).arg(device(sw).id));
                continue;
            }
            if (group.speedGbps < m_site.network.uplinkSpeedGbps)
                m_report.warnings << QStringLiteral("%1:%2 runs at %3 Gbit/s, the site asks for %4 Gbit/s uplinks")
                                         .arg(device(sw).id, port)
                                         .arg(group.speedGbps)
                                         .arg(m_site.network.uplinkSpeedGbps);
            m_plan.uplinks.push_back(Uplink{device(sw).id, port, m_site.network.uplinkSpeedGbps});
            m_report.uplinks++;
        }
    }

    // ---- management ---------------------------------------------------------------------------
    const std::vector<int> &mgmtByDistance(int rack)
    {
        auto it = m_mgmtOrder.find(rack);
        if (it != m_mgmtOrder.end())
            return it->second;
        std::vector<std::pair<double, int>> d;
        const RunEnd from{rack >= 0 ? &m_plan.racks[static_cast<std::size_t>(rack)] : nullptr, rack, 0};
        for (int sw : m_mgmtSwitches) {
            const int r = rackOf(sw);
            const RunEnd to{r >= 0 ? &m_plan.racks[static_cast<std::size_t>(r)] : nullptr, r, 0};
            d.emplace_back(r == rack ? 0.0 : m_chooser.runLengthM(from, to), sw);
        }
        std::stable_sort(d.begin(), d.end());
        std::vector<int> order;
        for (const auto &e : d)
            order.push_back(e.second);
        return m_mgmtOrder[rack] = std::move(order);
    }

    void cableManagement()
    {
        std::vector<int> order;
        for (std::size_t r = 0; r < m_rackDevices.size(); ++r)
            for (int rank = 0; rank < 4; ++rank)
                for (int dev : m_rackDevices[r])
                    if (type(dev) && roleRank(type(dev)->role) == rank &&
                        m_kind[static_cast<std::size_t>(dev)] != SwitchKind::Mgmt)
                        order.push_back(dev);
        int unconnected = 0;
        for (int dev : order) {
            const DeviceType *t = type(dev);
            for (const PortGroup &g : t->ports) {
                if (g.purpose != PortPurpose::Mgmt && g.purpose != PortPurpose::Bmc)
                    continue;
                for (int i = 0; i < g.count; ++i) {
                    const QString port = g.nameAt(i);
                    if (m_ports.book(dev, port) != PortAllocator::Status::Ok)
                        continue; // made by hand
                    bool done = false;
                    const int rack = rackOf(dev);
                    const auto tryOn = [&](int sw) {
                        const int mg = groupOf(type(sw), PortPurpose::Mgmt, true);
                        const QString name =
                            m_ports.bookNext(sw, mg, 0, type(sw)->ports[static_cast<std::size_t>(mg)].count - 1, 1);
                        if (name.isEmpty())
                            return false;
                        const PortGroup &sg = type(sw)->ports[static_cast<std::size_t>(mg)];
                        addLink(NewLink{dev, port, sw, name, LinkClass::Mgmt, std::min(g.speedGbps, sg.speedGbps), 1,
                                        sg.media, -1});
                        return true;
                    };
                    if (rack >= 0)
                        for (int sw : m_rackMgmt[static_cast<std::size_t>(rack)])
                            if ((done = tryOn(sw)))
                                break;
                    if (!done && !m_mgmtFull)
                        for (int sw : mgmtByDistance(rack))
                            if ((done = tryOn(sw)))
                                break;
                    if (!done) {
                        m_ports.release(dev, port);
                        m_mgmtFull = true;
                        ++unconnected;
                    }
                }
            }
        }
        if (unconnected)
            m_report.warnings << (m_mgmtSwitches.empty()
                                      ? QStringLiteral("no management switch: %1 management/BMC ports left unconnected")
                                            .arg(unconnected)
                                      : QStringLiteral(
                                            "management switches full: %1 management/BMC ports left unconnected")
                                            .arg(unconnected));
    }

    // ---- cables ---------------------------------------------------------------------------------
    RunEnd runEnd(int dev) const
    {
        const int r = rackOf(dev);
        const DeviceType *t = type(dev);
        const double h = t ? std::max(1, t->uHeight) : 1;
        return RunEnd{r >= 0 ? &m_plan.racks[static_cast<std::size_t>(r)] : nullptr, r, device(dev).u + h / 2.0};
    }

    // Files a new link under its physical cable: the legs of one breakout cable (same switch,
    // same split port) share a cable, so they get one length and one cable type.
    void addLink(NewLink l)
    {
        if (l.lanes > 1 && l.cable >= 0) {
            const qint64 key = (static_cast<qint64>(l.devB) << 20) | l.cable;
            auto it = m_breakoutCable.find(key);
            if (it == m_breakoutCable.end())
                it = m_breakoutCable.insert(key, newCable());
            l.cable = *it;
        } else {
            l.cable = newCable();
        }
        m_cables[static_cast<std::size_t>(l.cable)].push_back(static_cast<int>(m_links.size()));
        m_links.push_back(std::move(l));
    }

    int newCable()
    {
        m_cables.emplace_back();
        return static_cast<int>(m_cables.size() - 1);
    }

    int lanesFor(const PortGroup &group, double speedGbps)
    {
        const auto key = std::make_pair(&group, speedGbps);
        const auto it = m_lanesCache.find(key);
        if (it != m_lanesCache.end())
            return it->second;
        return m_lanesCache[key] = PortAllocator::lanesFor(group, speedGbps);
    }

    void emitLinks()
    {
        std::vector<CableSelection> chosen(m_links.size());
        for (const std::vector<int> &legs : m_cables) {
            if (legs.empty())
                continue;
            double runM = 0;
            bool inRack = true;
            for (int i : legs) {
                const NewLink &l = m_links[static_cast<std::size_t>(i)];
                const RunEnd a = runEnd(l.devA), b = runEnd(l.devB);
                runM = std::max(runM, m_chooser.runLengthM(a, b));
                inRack = inRack && CableChooser::sameRack(a, b);
            }
            const NewLink &first = m_links[static_cast<std::size_t>(legs.front())];
            // Many links share class, speed and run length: choose once for each.
            const auto key = std::make_tuple(static_cast<int>(first.linkClass), first.speedGbps, first.lanes, inRack,
                                             runM, first.media);
            auto cached = m_choices.find(key);
            if (cached == m_choices.end()) {
                QString why;
                auto sel =
                    m_chooser.choose(first.linkClass, first.speedGbps, first.lanes, inRack, runM, first.media, &why);
                cached = m_choices.emplace(key, std::make_pair(std::move(sel), why)).first;
            }
            const auto &sel = cached->second.first;
            if (!sel)
                error(cached->second.second);
            for (int i : legs)
                chosen[static_cast<std::size_t>(i)] = sel.value_or(CableSelection{});
        }
        m_plan.links.reserve(m_plan.links.size() + m_links.size());
        for (std::size_t i = 0; i < m_links.size(); ++i) {
            const NewLink &l = m_links[i];
            Link link;
            link.a = Endpoint{device(l.devA).id, l.portA};
            link.b = Endpoint{device(l.devB).id, l.portB};
            link.cable = chosen[i].cableId;
            link.lengthM = chosen[i].lengthM;
            link.label = CableChooser::label(device(l.devA), l.portA, device(l.devB), l.portB);
            m_plan.links.push_back(std::move(link));
        }
        m_report.linksMade = static_cast<int>(m_links.size());
    }

    Plan &m_plan;
    const Catalog &m_catalog;
    const SiteProfile &m_site;
    const CablePolicy &m_policy;
    const CablingOptions &m_options;
    CablingReport &m_report;
    CableChooser m_chooser;
    double m_ratio = 1.0;
    bool m_leafSpine = false;
    bool m_pairsFull = false;
    bool m_mgmtFull = false;
    QString m_leafType;
    QString m_spineType;
    int m_spaceCursor = 0;
    int m_racksAdded = 0;

    PortAllocator m_ports;
    std::vector<const DeviceType *> m_types;
    std::vector<SwitchKind> m_kind;
    std::vector<int> m_devRack;
    std::vector<int> m_lastRole;
    std::vector<int> m_roleStart;
    std::vector<double> m_downGbps;
    QHash<QString, int> m_devIndex;
    QHash<QString, int> m_rackIndex;
    std::vector<std::vector<int>> m_rackDevices;
    std::vector<std::vector<char>> m_occupied;
    std::vector<std::vector<int>> m_rackPairs;
    std::vector<std::vector<int>> m_rackMgmt;
    std::vector<LeafPair> m_pairs;
    std::vector<int> m_spines;
    std::vector<int> m_mgmtSwitches;
    std::vector<int> m_nodes;
    std::vector<NewLink> m_links;
    std::vector<std::vector<int>> m_cables; // link indices per physical cable
    QHash<qint64, int> m_breakoutCable;     // (switch, split port) → cable
    std::map<std::pair<const PortGroup *, double>, int> m_lanesCache;
    std::map<const DeviceType *, std::vector<std::pair<int, int>>> m_dataPorts;
    std::map<std::tuple<int, double, int, bool, double, QString>, std::pair<std::optional<CableSelection>, QString>>
        m_choices;
    std::map<int, std::vector<int>> m_pairOrder;
    std::map<int, std::vector<int>> m_mgmtOrder;
    std::optional<ops::DeviceNamer> m_namer;
    std::map<QString, int> m_errorCounts;
};

} // namespace

CablingReport autoCable(Plan &plan, const Catalog &catalog, const SiteProfile &site, const CablingOptions &options)
{
    CablingReport report;
    Cabler(plan, catalog, site, options, report).run();
    return report;
}

} // namespace pp
