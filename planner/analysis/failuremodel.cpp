#include "planner/analysis/failuremodel.h"

#include "planner/model/erasurecoding.h"
#include "planner/rules/checkcontext.h"
#include "planner/sizing/sizingdata.h"
#include "planner/sizing/sizinginputs.h"

#include <QRegularExpression>
#include <algorithm>
#include <numeric>

namespace pp {

namespace {

bool isSpineName(const Device &d)
{
    // The auto-cabler's convention: switches whose id or hostname contains "spine" are spines.
    return d.id.contains(QLatin1String("spine"), Qt::CaseInsensitive) ||
        d.hostname.contains(QLatin1String("spine"), Qt::CaseInsensitive);
}

bool hasDataPorts(const DeviceType &t)
{
    return std::any_of(t.ports.begin(), t.ports.end(), [](const PortGroup &g) {
        return g.purpose == PortPurpose::Data || g.purpose == PortPurpose::Isl;
    });
}

// The feed a PDU carries, from its name as the plan builder and the kit write it ("pdu-3-a", "pduB").
int pduFeedFromName(const Device &d)
{
    static const QRegularExpression host(QStringLiteral("(?:^|[-_ ])([abAB])$"));
    static const QRegularExpression id(QStringLiteral("([AB])$"));
    if (const auto m = host.match(d.hostname); m.hasMatch())
        return m.captured(1).compare(QLatin1String("b"), Qt::CaseInsensitive) == 0 ? 1 : 0;
    if (const auto m = id.match(d.id); m.hasMatch())
        return m.captured(1) == QLatin1String("B") ? 1 : 0;
    return -1;
}

bool carriesData(const CheckContext::LinkEnd &end)
{
    return end.port.valid() && end.port.group->purpose != PortPurpose::Mgmt &&
        end.port.group->purpose != PortPurpose::Bmc;
}

QString labelOf(const Device &d)
{
    return d.hostname.isEmpty() || d.hostname == d.id ? d.id : QStringLiteral("%1 (%2)").arg(d.hostname, d.id);
}

} // namespace

FailureModel::FailureModel(const ResolvedPlan &plan)
    : m_resolved(plan)
{
    const CheckContext ctx(plan);
    build(ctx);
}

FailureModel::FailureModel(const CheckContext &ctx)
    : m_resolved(ctx.resolved())
{
    build(ctx);
}

FailureModel::~FailureModel() = default;

void FailureModel::build(const CheckContext &ctx)
{
    const SizingInputs defaults = SizingInputs::defaults(SizingData::builtIn());
    m_linkEfficiency = defaults.linkEfficiency;
    m_readEfficiency = defaults.readEfficiency;
    m_writeEfficiency = defaults.writeEfficiency;
    m_rackCount = static_cast<int>(ctx.plan().racks.size());
    const double capacityW = ctx.site().power.feeds.capacityW();
    if (capacityW > 0)
        m_feedCapacityW = capacityW;
    buildNodes(ctx);
    buildEdges(ctx);
    buildStorage();
    buildDomains();
}

void FailureModel::buildNodes(const CheckContext &ctx)
{
    const int n = ctx.deviceCount();
    m_nodes.resize(static_cast<std::size_t>(n));
    std::vector<int> pdusSeen(static_cast<std::size_t>(m_rackCount), 0);
    for (int i = 0; i < n; ++i) {
        Node &node = m_nodes[static_cast<std::size_t>(i)];
        const Device &d = ctx.device(i);
        const DeviceType *t = ctx.type(i);
        node.rack = ctx.rackOf(i);
        node.counted = ctx.load(i).counted;
        node.maxW = ctx.load(i).maxW;
        node.powerKnown = ctx.load(i).powerKnown;
        for (const QString &f : d.psuFeeds)
            ++node.psus[PowerLoads::feedIndex(f)];
        if (!t)
            continue;
        node.role = t->role;
        if (t->role == Role::Switch) {
            node.dataSwitch = hasDataPorts(*t);
            node.spine = node.dataSwitch && isSpineName(d);
        } else if (t->role == Role::Pdu && node.rack >= 0) {
            node.pduFeed = pduFeedFromName(d);
            // Unnamed PDUs: the first of a rack carries A, the second B, as the plan builder adds them.
            int &seen = pdusSeen[static_cast<std::size_t>(node.rack)];
            if (node.pduFeed < 0 && seen < 2)
                node.pduFeed = seen;
            ++seen;
        } else if (t->role == Role::CNode) {
            node.nominalReadGBps = t->throughputGBpsAt(100);
            node.nominalWriteGBps = t->throughputGBpsAt(0);
        } else if (t->role == Role::DBox) {
            node.rawTB = t->storage.rawTB.valueOr(0);
            node.ssds = static_cast<int>(t->storage.driveCount.valueOr(0));
        }
    }
}

void FailureModel::buildEdges(const CheckContext &ctx)
{
    const auto dpuOf = [](const CheckContext::LinkEnd &end) { return end.port.group->dpu; };
    for (const CheckContext::LinkInfo &l : ctx.links()) {
        if (l.a.device < 0 || l.b.device < 0 || l.a.device == l.b.device || !carriesData(l.a) || !carriesData(l.b))
            continue;
        Edge e;
        e.a = l.a.device;
        e.b = l.b.device;
        e.dpuA = dpuOf(l.a);
        e.dpuB = dpuOf(l.b);
        e.speedGbps = std::min(l.a.speedGbps, l.b.speedGbps);
        m_edges.push_back(e);
    }
    const std::size_t n = m_nodes.size();
    m_adjOffsets.assign(n + 1, 0);
    for (const Edge &e : m_edges) {
        ++m_adjOffsets[static_cast<std::size_t>(e.a) + 1];
        ++m_adjOffsets[static_cast<std::size_t>(e.b) + 1];
    }
    std::partial_sum(m_adjOffsets.begin(), m_adjOffsets.end(), m_adjOffsets.begin());
    m_adj.resize(static_cast<std::size_t>(m_adjOffsets.back()));
    std::vector<int> fill(m_adjOffsets.begin(), m_adjOffsets.end() - 1);
    for (std::size_t k = 0; k < m_edges.size(); ++k) {
        m_adj[static_cast<std::size_t>(fill[static_cast<std::size_t>(m_edges[k].a)]++)] = static_cast<int>(k);
        m_adj[static_cast<std::size_t>(fill[static_cast<std::size_t>(m_edges[k].b)]++)] = static_cast<int>(k);
    }
    const std::vector<Uplink> &planUplinks = ctx.plan().uplinks;
    for (std::size_t u = 0; u < planUplinks.size(); ++u)
        m_uplinks.push_back({ctx.uplinks()[u].device, planUplinks[u].speedGbps});
}

void FailureModel::buildStorage()
{
    for (const Node &node : m_nodes) {
        if (node.role != Role::DBox || !node.counted)
            continue;
        ++m_dboxCount;
        m_rawTB += node.rawTB;
        m_clusterSsds += node.ssds;
    }
    const ErasureCoding &ec = ErasureCoding::fromSizingData();
    m_parityStrips = ec.parityStrips;
    if (m_dboxCount > 0) {
        m_ecEfficiency = ec.efficiencyFor(m_clusterSsds);
        m_stripeWidth = ec.dataStripsFor(m_clusterSsds) + ec.parityStrips;
        m_stripsPerDbox = (m_stripeWidth + m_dboxCount - 1) / m_dboxCount;
    }
}

int FailureModel::dboxesToSurviveOneLoss() const
{
    if (m_dboxCount == 0)
        return 0;
    const ErasureCoding &ec = ErasureCoding::fromSizingData();
    const int ssdsPerBox = std::max(1, m_clusterSsds / m_dboxCount);
    for (int boxes = 1; boxes <= 10000; ++boxes) {
        const int width = ec.dataStripsFor(boxes * ssdsPerBox) + ec.parityStrips;
        if ((width + boxes - 1) / boxes <= ec.parityStrips)
            return boxes;
    }
    return 0;
}

void FailureModel::addDomain(FailureDomain domain)
{
    m_domainIndex.insert(domain.id, static_cast<int>(m_domains.size()));
    m_domains.push_back(std::move(domain));
}

void FailureModel::buildDomains()
{
    buildPowerDomains();
    const std::vector<int> leaves = buildDeviceDomains();
    buildLeafPairDomains(leaves);
    const Plan &plan = m_resolved.plan();
    for (std::size_t u = 0; u < plan.uplinks.size(); ++u) {
        const Uplink &up = plan.uplinks[u];
        FailureDomain d;
        d.kind = FailureKind::Uplink;
        d.id = QStringLiteral("uplink:%1:%2").arg(up.device, up.port);
        d.label = QStringLiteral("site uplink %1:%2 (%3 Gbit/s)").arg(up.device, up.port).arg(up.speedGbps);
        d.uplinks = {static_cast<int>(u)};
        addDomain(std::move(d));
    }
}

// Site feeds, rack feeds and whole racks.
void FailureModel::buildPowerDomains()
{
    const Plan &plan = m_resolved.plan();
    for (int f = 0; f < 2; ++f) {
        FailureDomain d;
        d.kind = FailureKind::SiteFeed;
        d.id = QStringLiteral("feed:") + PowerLoads::feedName(f);
        d.label = QStringLiteral("feed %1 of every rack").arg(PowerLoads::feedName(f));
        for (int r = 0; r < m_rackCount; ++r)
            d.rackFeeds.emplace_back(r, f);
        addDomain(std::move(d));
    }
    for (int r = 0; r < m_rackCount; ++r) {
        const QString rackId = plan.racks[static_cast<std::size_t>(r)].id;
        for (int f = 0; f < 2; ++f) {
            FailureDomain d;
            d.kind = FailureKind::RackFeed;
            d.id = QStringLiteral("feed:%1/%2").arg(rackId, PowerLoads::feedName(f));
            d.label = QStringLiteral("feed %1 of rack %2").arg(PowerLoads::feedName(f), rackId);
            d.rackFeeds.emplace_back(r, f);
            d.sweep = m_rackCount > 1;
            addDomain(std::move(d));
        }
        FailureDomain rack;
        rack.kind = FailureKind::Rack;
        rack.id = QStringLiteral("rack:") + rackId;
        rack.label = QStringLiteral("rack %1 (every device in it)").arg(rackId);
        rack.aggregate = true;
        rack.devices = m_resolved.devicesInRack(r);
        rack.rackFeeds = {{r, 0}, {r, 1}};
        addDomain(std::move(rack));
    }
}

// One domain per device in a rack (a PDU takes its rack feed with it) and per DPU; returns the leaves.
std::vector<int> FailureModel::buildDeviceDomains()
{
    const Plan &plan = m_resolved.plan();
    std::vector<int> leaves;
    for (std::size_t i = 0; i < m_nodes.size(); ++i) {
        const Node &node = m_nodes[i];
        if (!node.counted)
            continue;
        const Device &dev = plan.devices[i];
        FailureDomain d;
        d.id = dev.id;
        d.label = labelOf(dev);
        d.devices = {static_cast<int>(i)};
        switch (node.role) {
        case Role::Pdu:
            d.kind = FailureKind::Pdu;
            if (node.pduFeed >= 0)
                d.rackFeeds.emplace_back(node.rack, node.pduFeed);
            break;
        case Role::Switch:
            d.kind = !node.dataSwitch ? FailureKind::MgmtSwitch
                : node.spine          ? FailureKind::SpineSwitch
                                      : FailureKind::LeafSwitch;
            if (d.kind == FailureKind::LeafSwitch)
                leaves.push_back(static_cast<int>(i));
            break;
        case Role::CNode:
            d.kind = FailureKind::CNode;
            break;
        case Role::DBox:
            d.kind = FailureKind::DBox;
            break;
        case Role::Cable:
            continue;
        case Role::Other:
            d.kind = FailureKind::Device;
            break;
        }
        addDomain(std::move(d));
        if (node.role != Role::DBox)
            continue;
        QList<int> dpus;
        if (const DeviceType *t = m_resolved.typeOf(i))
            for (const PortGroup &g : t->ports)
                if (g.dpu > 0 && !dpus.contains(g.dpu))
                    dpus << g.dpu;
        for (int dpu : dpus) {
            FailureDomain p;
            p.kind = FailureKind::Dpu;
            p.id = QStringLiteral("dpu:%1/%2").arg(dev.id).arg(dpu);
            p.label = QStringLiteral("DPU %1 of %2").arg(dpu).arg(labelOf(dev));
            p.dpus.emplace_back(static_cast<int>(i), dpu);
            addDomain(std::move(p));
        }
    }
    return leaves;
}

// Leaf pairs: two leaves joined by a link (their ISLs), as the auto-cabler pairs them.
void FailureModel::buildLeafPairDomains(const std::vector<int> &leaves)
{
    const Plan &plan = m_resolved.plan();
    std::vector<int> pairOf(m_nodes.size(), -1);
    for (int leaf : leaves) {
        if (pairOf[static_cast<std::size_t>(leaf)] >= 0)
            continue;
        for (const int *e = edgesBegin(leaf); e != edgesEnd(leaf); ++e) {
            const Edge &edge = m_edges[static_cast<std::size_t>(*e)];
            const int other = edge.a == leaf ? edge.b : edge.a;
            const Node &o = m_nodes[static_cast<std::size_t>(other)];
            if (o.role != Role::Switch || !o.dataSwitch || o.spine || pairOf[static_cast<std::size_t>(other)] >= 0)
                continue;
            pairOf[static_cast<std::size_t>(leaf)] = other;
            pairOf[static_cast<std::size_t>(other)] = leaf;
            const Device &a = plan.devices[static_cast<std::size_t>(leaf)];
            const Device &b = plan.devices[static_cast<std::size_t>(other)];
            FailureDomain d;
            d.kind = FailureKind::LeafPair;
            d.id = QStringLiteral("pair:%1+%2").arg(a.id, b.id);
            d.label = QStringLiteral("leaf pair %1 + %2").arg(labelOf(a), labelOf(b));
            d.aggregate = true;
            d.devices = {leaf, other};
            addDomain(std::move(d));
            break;
        }
    }
}

int FailureModel::addGroup(const QString &name, const QStringList &memberIds, QString *error)
{
    const QString id = QStringLiteral("group:") + name;
    if (name.isEmpty() || m_domainIndex.contains(id)) {
        if (error)
            *error = name.isEmpty() ? QStringLiteral("a group needs a name")
                                    : QStringLiteral("group \"%1\" is defined twice").arg(name);
        return -1;
    }
    FailureDomain g;
    g.kind = FailureKind::Group;
    g.id = id;
    g.label = QStringLiteral("%1 (%2)").arg(name, memberIds.join(QStringLiteral(", ")));
    g.aggregate = true;
    for (const QString &member : memberIds) {
        const int m = domainIndex(member);
        if (m < 0) {
            if (error)
                *error = QStringLiteral("group \"%1\": no failure domain \"%2\"").arg(name, member);
            return -1;
        }
        const FailureDomain &d = m_domains[static_cast<std::size_t>(m)];
        g.devices.insert(g.devices.end(), d.devices.begin(), d.devices.end());
        g.rackFeeds.insert(g.rackFeeds.end(), d.rackFeeds.begin(), d.rackFeeds.end());
        g.dpus.insert(g.dpus.end(), d.dpus.begin(), d.dpus.end());
        g.uplinks.insert(g.uplinks.end(), d.uplinks.begin(), d.uplinks.end());
    }
    addDomain(std::move(g));
    return static_cast<int>(m_domains.size()) - 1;
}

} // namespace pp
