#include "planner/analysis/whatifengine.h"

#include "planner/model/erasurecoding.h"
#include "planner/sizing/throughputmodel.h"

#include <algorithm>
#include <cmath>
#include <tuple>

namespace pp {

bool WhatIfResult::requirementsHeld() const
{
    return std::all_of(requirements.begin(), requirements.end(), [](const RequirementCheck &c) { return c.held; });
}

WhatIfEngine::WhatIfEngine(const FailureModel &model, WhatIfRequirements requirements)
    : m_model(model)
    , m_requirements(std::move(requirements))
{
    // Nodes the intact plan connects, and the D-boxes' intact DPU links, are what failures are measured against.
    evaluate({});
    const std::size_t n = m_model.nodes().size();
    m_intactReached = m_reached;
    m_intactConnected.assign(n, 0);
    m_intactDpuLinks.assign(n, 0);
    for (std::size_t i = 0; i < n; ++i) {
        m_intactConnected[i] = m_liveLinks[i] > 0;
        m_intactDpuLinks[i] = m_liveLinks[i];
    }
    m_intact = evaluate({});
    for (const FeedLoad &f : m_intact.feeds)
        m_intactFeedW.push_back(f.loadW);
}

WhatIfResult WhatIfEngine::evaluate(const std::vector<int> &domains) const
{
    const std::size_t n = m_model.nodes().size();
    m_down.assign(n, 0);
    m_dpuDown.assign(n, 0);
    m_feedLost.assign(static_cast<std::size_t>(m_model.rackCount()) * 2, 0);
    m_uplinkDown.assign(m_model.uplinks().size(), 0);
    for (int d : domains) {
        const FailureDomain &domain = m_model.domain(d);
        for (int dev : domain.devices)
            m_down[static_cast<std::size_t>(dev)] = 1;
        for (const auto &[rack, feed] : domain.rackFeeds)
            m_feedLost[static_cast<std::size_t>(rack * 2 + feed)] = 1;
        for (const auto &[dev, dpu] : domain.dpus)
            m_dpuDown[static_cast<std::size_t>(dev)] |= 1 << (dpu - 1);
        for (int u : domain.uplinks)
            m_uplinkDown[static_cast<std::size_t>(u)] = 1;
    }
    WhatIfResult r;
    r.domains = domains;
    power(r);
    network(r);
    storage(r);
    checkRequirements(r);
    return r;
}

// Which devices go dark, and each rack feed's load at max draw over the PSUs left (as PowerLoads
// counts it: a device's draw split over its live PSUs; one with no PSU feed in the plan on both feeds).
void WhatIfEngine::power(WhatIfResult &r) const
{
    const auto &nodes = m_model.nodes();
    const int racks = m_model.rackCount();
    std::vector<double> loadW(static_cast<std::size_t>(racks) * 2, 0.0);
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        const FailureModel::Node &node = nodes[i];
        if (!node.counted || node.role == Role::Cable)
            continue;
        const std::size_t base = static_cast<std::size_t>(node.rack) * 2;
        const bool live[2] = {!m_feedLost[base], !m_feedLost[base + 1]};
        const int psus = node.psus[0] + node.psus[1];
        const int livePsus = node.psus[0] * live[0] + node.psus[1] * live[1];
        const bool unpowered = psus > 0 ? livePsus == 0 : !live[0] && !live[1];
        if (node.role == Role::Pdu)
            continue; // a PDU's loss is its feed's; it is not listed as a device going dark
        if (m_down[i] || unpowered) {
            m_down[i] = 1;
            r.darkDevices.push_back(static_cast<int>(i));
            continue;
        }
        for (int f = 0; f < 2; ++f) {
            if (!live[f])
                continue;
            loadW[base + static_cast<std::size_t>(f)] +=
                psus == 0 ? node.maxW : node.maxW * node.psus[f] / static_cast<double>(livePsus);
        }
    }
    const std::optional<double> capacityW = m_model.feedCapacityW();
    for (int rack = 0; rack < racks; ++rack)
        for (int f = 0; f < 2; ++f) {
            const std::size_t k = static_cast<std::size_t>(rack * 2 + f);
            const FeedLoad load{rack, f, loadW[k], capacityW, m_feedLost[k] != 0};
            if (m_intactFeedW.empty() || load.lost || std::abs(load.loadW - m_intactFeedW[k]) > 0.5)
                r.feeds.push_back(load);
            if (load.lost)
                continue;
            std::optional<FeedLoad> &worst = r.worst[static_cast<std::size_t>(f)];
            if (!worst || load.loadW > worst->loadW)
                worst = load;
            if (capacityW && load.loadW > *capacityW + 1e-9)
                ++r.overCapacity;
        }
}

// Switches reachable from the clients (a live switch with a live site uplink; every live leaf when
// the plan has no uplinks), then each live node's links to them.
void WhatIfEngine::network(WhatIfResult &r) const
{
    const auto &nodes = m_model.nodes();
    const auto &edges = m_model.edges();
    const std::size_t n = nodes.size();
    m_reached.assign(n, 0);
    m_queue.clear();
    const auto reach = [&](int dev) {
        if (!m_reached[static_cast<std::size_t>(dev)] && !m_down[static_cast<std::size_t>(dev)] &&
            nodes[static_cast<std::size_t>(dev)].dataSwitch) {
            m_reached[static_cast<std::size_t>(dev)] = 1;
            m_queue.push_back(dev);
        }
    };
    const auto &uplinks = m_model.uplinks();
    for (std::size_t u = 0; u < uplinks.size(); ++u) {
        if (m_uplinkDown[u] || uplinks[u].device < 0 || m_down[static_cast<std::size_t>(uplinks[u].device)])
            continue;
        ++r.uplinksUp;
        r.uplinkGBps += ThroughputModel::linkGBps(1, uplinks[u].speedGbps, m_model.linkEfficiency());
        reach(uplinks[u].device);
    }
    if (uplinks.empty())
        for (std::size_t i = 0; i < n; ++i)
            if (nodes[i].counted && !nodes[i].spine)
                reach(static_cast<int>(i));
    for (std::size_t head = 0; head < m_queue.size(); ++head) {
        const int s = m_queue[head];
        for (const int *e = m_model.edgesBegin(s); e != m_model.edgesEnd(s); ++e) {
            const FailureModel::Edge &edge = edges[static_cast<std::size_t>(*e)];
            reach(edge.a == s ? edge.b : edge.a);
        }
    }
    m_liveLinks.assign(n, 0);
    m_liveGbps.assign(n, 0.0);
    for (std::size_t i = 0; i < n; ++i) {
        const FailureModel::Node &node = nodes[i];
        if (!node.counted || (node.role != Role::CNode && node.role != Role::DBox) || m_down[i])
            continue;
        const int dev = static_cast<int>(i);
        for (const int *e = m_model.edgesBegin(dev); e != m_model.edgesEnd(dev); ++e) {
            const FailureModel::Edge &edge = edges[static_cast<std::size_t>(*e)];
            const int other = edge.a == dev ? edge.b : edge.a;
            const int dpu = edge.a == dev ? edge.dpuA : edge.dpuB;
            if (!m_reached[static_cast<std::size_t>(other)] || (dpu > 0 && (m_dpuDown[i] & (1 << (dpu - 1)))))
                continue;
            ++m_liveLinks[i];
            m_liveGbps[i] += edge.speedGbps;
        }
        if (m_liveLinks[i] == 0 && !m_intactConnected.empty() && m_intactConnected[i])
            r.disconnectedNodes.push_back(dev);
    }
}

// C-nodes and D-boxes left, through the sizing model; data availability from the stripe geometry.
void WhatIfEngine::storage(WhatIfResult &r) const
{
    const auto &nodes = m_model.nodes();
    const double eff = m_model.linkEfficiency();
    double servingRawTB = 0;
    int servingSsds = 0;
    int dboxes = 0;
    QStringList unknownThroughput;
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        const FailureModel::Node &node = nodes[i];
        if (!node.counted)
            continue;
        const int links = m_liveLinks[i];
        const double linksGBps = links > 0 ? ThroughputModel::linkGBps(links, m_liveGbps[i] / links, eff) : 0.0;
        if (node.role == Role::CNode && links > 0) {
            ++r.cnodesServing;
            if (!node.nominalReadGBps || !node.nominalWriteGBps) {
                const QString id = m_model.resolved().plan().devices[i].type;
                if (!unknownThroughput.contains(id))
                    unknownThroughput << id;
                continue;
            }
            r.cnodesReadGBps += ThroughputModel::cnodeGBps(*node.nominalReadGBps, linksGBps, m_model.readEfficiency());
            r.cnodesWriteGBps +=
                ThroughputModel::cnodeGBps(*node.nominalWriteGBps, linksGBps, m_model.writeEfficiency());
        } else if (node.role == Role::DBox) {
            ++dboxes;
            if (links == 0) {
                ++r.dboxesLost;
                r.rebuildTB += node.rawTB;
                continue;
            }
            ++r.dboxesServing;
            r.dboxLinksGBps += linksGBps;
            servingRawTB += node.rawTB;
            servingSsds += node.ssds;
            if (!m_intactDpuLinks.empty() && links < m_intactDpuLinks[i])
                r.degradedDboxes.push_back(static_cast<int>(i));
        }
    }
    if (!unknownThroughput.isEmpty())
        r.notes << QStringLiteral("C-node type(s) %1 give no throughput figures: their GB/s are unknown, not counted")
                       .arg(unknownThroughput.join(QStringLiteral(", ")));
    r.stripsLost = std::min(m_model.stripeWidth(), r.dboxesLost * m_model.stripsPerDbox());
    r.dataAvailable = dboxes > 0 && r.stripsLost <= m_model.parityStrips();
    if (r.dataAvailable) {
        r.usablePB = ErasureCoding::fromSizingData().usableTB(servingRawTB, servingSsds) / 1000.0;
        const ThroughputModel::Cluster c =
            ThroughputModel::cluster(r.cnodesReadGBps, r.cnodesWriteGBps, r.dboxLinksGBps, m_model.ecEfficiency());
        r.readGBps = c.readGBps;
        r.writeGBps = c.writeGBps;
        r.readLimitedBy = c.readLimitedBy;
        r.writeLimitedBy = c.writeLimitedBy;
    } else {
        r.readLimitedBy = r.writeLimitedBy = QStringLiteral("data unavailable");
    }
    if (!r.dataAvailable || r.dboxesLost == 0)
        r.rebuildTB = 0;
}

void WhatIfEngine::checkRequirements(WhatIfResult &r) const
{
    const WhatIfRequirements &q = m_requirements;
    const auto add = [&](const QString &name, double required, std::optional<double> remaining, const QString &unit,
                         bool held) {
        r.requirements.push_back({name, required, remaining, unit, held});
    };
    if (q.readGBps)
        add(QStringLiteral("read"), *q.readGBps, r.readGBps, QStringLiteral("GB/s"), r.readGBps + 1e-9 >= *q.readGBps);
    if (q.writeGBps)
        add(QStringLiteral("write"), *q.writeGBps, r.writeGBps, QStringLiteral("GB/s"),
            r.writeGBps + 1e-9 >= *q.writeGBps);
    if (q.usablePB)
        add(QStringLiteral("usable capacity"), *q.usablePB, r.usablePB, QStringLiteral("PB"),
            r.usablePB + 1e-9 >= *q.usablePB);
    if (q.checkpointTB && *q.checkpointTB > 0) {
        std::optional<double> stallPct;
        if (r.writeGBps > 0)
            stallPct = *q.checkpointTB * 1000.0 / r.writeGBps / (q.checkpointIntervalMin * 60.0) * 100.0;
        add(QStringLiteral("checkpoint stall"), q.checkpointStallPct, stallPct, QStringLiteral("%"),
            stallPct && *stallPct <= q.checkpointStallPct + 1e-9);
    }
}

std::vector<WhatIfResult> WhatIfEngine::sweepN1() const
{
    std::vector<WhatIfResult> results;
    const int count = static_cast<int>(m_model.domains().size());
    results.reserve(static_cast<std::size_t>(count));
    for (int d = 0; d < count; ++d)
        if (m_model.domain(d).sweep)
            results.push_back(evaluate({d}));
    sortByImpact(results);
    return results;
}

std::vector<WhatIfResult> WhatIfEngine::sweepN2(const std::vector<int> &firsts) const
{
    std::vector<WhatIfResult> results;
    const int count = static_cast<int>(m_model.domains().size());
    for (std::size_t k = 0; k < firsts.size(); ++k)
        for (int d = 0; d < count; ++d) {
            const auto earlier = firsts.begin() + static_cast<std::ptrdiff_t>(k);
            // Each pair once: skip the first itself and pairs of two firsts already made.
            if (d == firsts[k] || !m_model.domain(d).sweep || std::find(firsts.begin(), earlier, d) != earlier)
                continue;
            results.push_back(evaluate({firsts[k], d}));
        }
    sortByImpact(results);
    return results;
}

std::vector<const WhatIfResult *> WhatIfEngine::singlePoints(const FailureModel &model,
                                                             const std::vector<WhatIfResult> &sweep)
{
    std::vector<const WhatIfResult *> out;
    for (const WhatIfResult &r : sweep)
        if (isSinglePoint(model, r))
            out.push_back(&r);
    return out;
}

bool WhatIfEngine::isSinglePoint(const FailureModel &model, const WhatIfResult &r)
{
    return r.domains.size() == 1 && !model.domain(r.domains.front()).aggregate && r.lostNetworkOrData();
}

QString WhatIfEngine::harm(const WhatIfResult &r) const
{
    QStringList parts;
    if (!r.dataAvailable) {
        if (m_model.dboxCount() == 0)
            parts << QStringLiteral("no D-box in the plan");
        else
            parts << QStringLiteral("data unavailable until the D-box(es) return: %1 of %2 strips of a stripe lost, "
                                    "erasure coding tolerates %3")
                         .arg(r.stripsLost)
                         .arg(m_model.stripeWidth())
                         .arg(m_model.parityStrips());
    }
    if (!r.disconnectedNodes.empty()) {
        QStringList ids;
        for (int i : r.disconnectedNodes) {
            if (ids.size() == 5) {
                ids << QStringLiteral("…");
                break;
            }
            ids << m_model.resolved().plan().devices[static_cast<std::size_t>(i)].id;
        }
        parts << QStringLiteral("%1 powered node(s) lose every path to the clients (%2)")
                     .arg(r.disconnectedNodes.size())
                     .arg(ids.join(QStringLiteral(", ")));
    }
    if (r.cnodesServing == 0 && m_intact.cnodesServing > 0)
        parts << QStringLiteral("no C-node left to serve the clients");
    return parts.join(QStringLiteral("; "));
}

void WhatIfEngine::sortByImpact(std::vector<WhatIfResult> &results) const
{
    const auto key = [this](const WhatIfResult &r) {
        QStringList ids;
        for (int d : r.domains)
            ids << m_model.domain(d).id;
        return std::make_tuple(r.dataAvailable, -static_cast<int>(r.disconnectedNodes.size()), r.readGBps, r.writeGBps,
                               -static_cast<int>(r.darkDevices.size()), ids.join(QLatin1Char('+')));
    };
    std::stable_sort(results.begin(), results.end(),
                     [&](const WhatIfResult &a, const WhatIfResult &b) { return key(a) < key(b); });
}

std::vector<WhatIfResult> WhatIfEngine::singlePointScan() const
{
    std::vector<WhatIfResult> out;
    if (!m_intact.dataAvailable || m_intact.cnodesServing == 0)
        return out; // nothing to lose: the other rules name what is missing
    for (int d : scanCandidates()) {
        WhatIfResult r = evaluate({d});
        if (isSinglePoint(m_model, r))
            out.push_back(std::move(r));
    }
    sortByImpact(out);
    return out;
}

// Domains whose loss alone may lose data or cut a node off; every other single domain provably
// leaves every node a path and every D-box reachable (a candidate is evaluated, not assumed).
std::vector<int> WhatIfEngine::scanCandidates() const
{
    const auto &nodes = m_model.nodes();
    const std::size_t n = nodes.size();
    std::vector<char> device(n, 0); // devices whose own loss may matter
    switchCandidates(device);
    std::vector<char> rackFeed(static_cast<std::size_t>(m_model.rackCount()) * 2, 0);
    std::vector<int> dpuCandidate(n, 0); // bit (dpu - 1): that DPU carries all the D-box's links
    for (std::size_t i = 0; i < n; ++i) {
        const FailureModel::Node &node = nodes[i];
        if (!node.counted || node.role == Role::Pdu || node.role == Role::Cable)
            continue;
        for (int f = 0; f < 2; ++f)
            if (node.psus[f] > 0 && node.psus[1 - f] == 0)
                rackFeed[static_cast<std::size_t>(node.rack * 2 + f)] = 1; // hangs on one feed
        const int dev = static_cast<int>(i);
        if (node.role == Role::DBox && m_intactDpuLinks[i] > 0) {
            device[i] = m_model.stripsPerDbox() > m_model.parityStrips() ? 1 : 0;
            int dpus = 0;
            int only = 0;
            for (const int *e = m_model.edgesBegin(dev); e != m_model.edgesEnd(dev); ++e) {
                const FailureModel::Edge &edge = m_model.edges()[static_cast<std::size_t>(*e)];
                const int dpu = edge.a == dev ? edge.dpuA : edge.dpuB;
                if (dpu > 0 && !(dpus & (1 << (dpu - 1)))) {
                    dpus |= 1 << (dpu - 1);
                    only = dpu;
                }
            }
            if (only > 0 && dpus == (1 << (only - 1)))
                dpuCandidate[i] = dpus;
        } else if (node.role == Role::CNode) {
            device[i] = m_intact.cnodesServing == 1 && m_intactConnected[i] ? 1 : 0;
        } else if (node.role == Role::Other) {
            device[i] = m_model.edgesBegin(dev) != m_model.edgesEnd(dev) ? 1 : 0;
        }
    }
    std::vector<int> out;
    for (int d = 0; d < static_cast<int>(m_model.domains().size()); ++d) {
        const FailureDomain &domain = m_model.domain(d);
        if (domain.aggregate || !domain.sweep)
            continue;
        bool candidate = false;
        for (int dev : domain.devices)
            candidate = candidate || (device[static_cast<std::size_t>(dev)] & 1);
        for (const auto &[rack, feed] : domain.rackFeeds)
            candidate = candidate || rackFeed[static_cast<std::size_t>(rack * 2 + feed)];
        for (const auto &[dev, dpu] : domain.dpus)
            candidate = candidate || (dpuCandidate[static_cast<std::size_t>(dev)] & (1 << (dpu - 1)));
        // A switch's only uplink, when no neighbouring switch has one of its own.
        for (int u : domain.uplinks)
            candidate = candidate ||
                (device[static_cast<std::size_t>(m_model.uplinks()[static_cast<std::size_t>(u)].device)] & 2);
        if (candidate)
            out.push_back(d);
    }
    return out;
}

// Articulation points between the clients and the switches: an iterative DFS from a virtual root
// (index n) joined to the rooted switches (those with an uplink, or every leaf without uplinks);
// a switch is one when a DFS child cannot reach above it (Tarjan's low-link).
void WhatIfEngine::articulationCandidates(std::vector<char> &candidate, const std::vector<int> &uplinkCount) const
{
    const auto &nodes = m_model.nodes();
    const auto &edges = m_model.edges();
    const int n = static_cast<int>(nodes.size());
    const auto isSwitch = [&](int i) {
        return nodes[static_cast<std::size_t>(i)].counted && nodes[static_cast<std::size_t>(i)].dataSwitch;
    };
    const bool noUplinks = m_model.uplinks().empty();
    const auto rooted = [&](int i) {
        return noUplinks ? !nodes[static_cast<std::size_t>(i)].spine : uplinkCount[static_cast<std::size_t>(i)] > 0;
    };
    std::vector<int> disc(static_cast<std::size_t>(n) + 1, -1);
    std::vector<int> low(static_cast<std::size_t>(n) + 1, 0);
    int time = 0;
    struct Frame {
        int v;
        int parent;
        const int *next;
        int rootNext;
    };
    std::vector<Frame> stack;
    disc[static_cast<std::size_t>(n)] = low[static_cast<std::size_t>(n)] = time++;
    for (int s = 0; s < n; ++s) {
        if (!isSwitch(s) || !rooted(s) || disc[static_cast<std::size_t>(s)] >= 0)
            continue;
        disc[static_cast<std::size_t>(s)] = low[static_cast<std::size_t>(s)] = time++;
        stack.push_back({s, n, m_model.edgesBegin(s), 0});
        while (!stack.empty()) {
            Frame &f = stack.back();
            if (f.next != m_model.edgesEnd(f.v)) {
                const FailureModel::Edge &e = edges[static_cast<std::size_t>(*f.next++)];
                const int w = e.a == f.v ? e.b : e.a;
                if (!isSwitch(w))
                    continue;
                if (disc[static_cast<std::size_t>(w)] < 0) {
                    disc[static_cast<std::size_t>(w)] = low[static_cast<std::size_t>(w)] = time++;
                    stack.push_back({w, f.v, m_model.edgesBegin(w), 0});
                } else if (w != f.parent) {
                    low[static_cast<std::size_t>(f.v)] =
                        std::min(low[static_cast<std::size_t>(f.v)], disc[static_cast<std::size_t>(w)]);
                }
                continue;
            }
            // A rooted switch also reaches the root directly.
            if (rooted(f.v))
                low[static_cast<std::size_t>(f.v)] = std::min(low[static_cast<std::size_t>(f.v)], 0);
            const int v = f.v;
            const int parent = f.parent;
            stack.pop_back();
            if (parent == n)
                continue;
            low[static_cast<std::size_t>(parent)] =
                std::min(low[static_cast<std::size_t>(parent)], low[static_cast<std::size_t>(v)]);
            if (low[static_cast<std::size_t>(v)] >= disc[static_cast<std::size_t>(parent)])
                candidate[static_cast<std::size_t>(parent)] |= 1;
        }
    }
}

// Marks (bit 1) the switches whose loss may cut something off: the last switch of a node, or an
// articulation point between the clients and other switches (Tarjan's low-link over the switch
// graph with a virtual root at the clients); marks (bit 2) switches whose only uplink matters.
void WhatIfEngine::switchCandidates(std::vector<char> &candidate) const
{
    const auto &nodes = m_model.nodes();
    const auto &edges = m_model.edges();
    const int n = static_cast<int>(nodes.size());
    const auto isSwitch = [&](int i) {
        return nodes[static_cast<std::size_t>(i)].counted && nodes[static_cast<std::size_t>(i)].dataSwitch;
    };
    std::vector<int> uplinkCount(static_cast<std::size_t>(n), 0);
    for (const FailureModel::UplinkEnd &u : m_model.uplinks())
        if (u.device >= 0)
            ++uplinkCount[static_cast<std::size_t>(u.device)];
    // Nodes with one switch left: that switch.
    for (int i = 0; i < n; ++i) {
        const Role role = nodes[static_cast<std::size_t>(i)].role;
        if (!m_intactConnected[static_cast<std::size_t>(i)] || (role != Role::CNode && role != Role::DBox))
            continue;
        int first = -1;
        bool several = false;
        for (const int *e = m_model.edgesBegin(i); e != m_model.edgesEnd(i); ++e) {
            const int other = edges[static_cast<std::size_t>(*e)].a == i ? edges[static_cast<std::size_t>(*e)].b
                                                                         : edges[static_cast<std::size_t>(*e)].a;
            if (!isSwitch(other) || !m_intactReached[static_cast<std::size_t>(other)])
                continue;
            if (first >= 0 && other != first)
                several = true;
            first = first < 0 ? other : first;
        }
        if (first >= 0 && !several)
            candidate[static_cast<std::size_t>(first)] |= 1;
    }
    articulationCandidates(candidate, uplinkCount);
    // An only uplink matters when its switch has no other and no neighbouring switch has one.
    for (const FailureModel::UplinkEnd &u : m_model.uplinks()) {
        if (u.device < 0 || uplinkCount[static_cast<std::size_t>(u.device)] > 1)
            continue;
        bool neighbourRooted = false;
        for (const int *e = m_model.edgesBegin(u.device); e != m_model.edgesEnd(u.device); ++e) {
            const int w = edges[static_cast<std::size_t>(*e)].a == u.device ? edges[static_cast<std::size_t>(*e)].b
                                                                            : edges[static_cast<std::size_t>(*e)].a;
            neighbourRooted = neighbourRooted || (isSwitch(w) && uplinkCount[static_cast<std::size_t>(w)] > 0);
        }
        if (!neighbourRooted)
            candidate[static_cast<std::size_t>(u.device)] |= 2;
    }
}

} // namespace pp
