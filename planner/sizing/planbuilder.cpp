#include "planner/sizing/planbuilder.h"

#include "catalog/model/catalog.h"
#include "planner/ops/devicenamer.h"
#include "planner/ops/feedpolicy.h"
#include "planner/sizing/sizingdata.h"

#include <cmath>

namespace pp {

namespace {

// The catalog types a design is built from; mgmt stays null when the design has no management switch.
struct DesignTypes {
    const DeviceType *cnode = nullptr;
    const DeviceType *dbox = nullptr;
    const DeviceType *sw = nullptr;
    const DeviceType *mgmt = nullptr;
    const DeviceType *pdu = nullptr;
};

// Fills one rack of a plan as the sizing packed it, naming devices through one namer so that
// ids and hostnames stay unique across the plan.
class RackFiller {
public:
    RackFiller(Plan &plan, const DesignTypes &types, int rackU)
        : m_plan(plan)
        , m_types(types)
        , m_rackU(rackU)
        , m_namer(plan)
    { }

    void fill(const RackLoad &load, int index)
    {
        const QString rackId = QStringLiteral("R%1").arg(index + 1);
        m_plan.racks.push_back(Rack{
            rackId,
            QStringLiteral("POD-%1%2").arg(QChar(u'A' + index / 20 % 26)).arg(index % 20 + 1, 2, 10, QLatin1Char('0')),
            m_rackU, index / 20 + 1, index % 20 + 1});
        // Heavy D-boxes at the bottom, then C-nodes, then data switches; management on top.
        int u = 1;
        for (int i = 0; i < load.dboxes; ++i, u += m_types.dbox->uHeight)
            add(rackId, QStringLiteral("db"), QStringLiteral("dbox-"), m_types.dbox, u);
        for (int i = 0; i < load.cnodes; ++i, u += m_types.cnode->uHeight)
            add(rackId, QStringLiteral("cn"), QStringLiteral("cnode-"), m_types.cnode, u);
        for (int i = 0; i < load.leafSwitches; ++i, u += m_types.sw->uHeight)
            leafIds << add(rackId, QStringLiteral("leaf"), QStringLiteral("leaf-"), m_types.sw, u);
        for (int i = 0; i < load.spineSwitches; ++i, u += m_types.sw->uHeight)
            add(rackId, QStringLiteral("spine"), QStringLiteral("spine-"), m_types.sw, u);
        if (m_types.mgmt && load.mgmtSwitches > 0)
            add(rackId, QStringLiteral("oob"), QStringLiteral("oob-"), m_types.mgmt,
                m_rackU - m_types.mgmt->uHeight + 1);
        // PDUs are named after their rack and side ("pdu-3-a"), the way the site labels them.
        for (int i = 0; i < load.pdus; ++i)
            m_plan.devices.push_back(
                Device{m_namer.nextId(QStringLiteral("pdu")), m_types.pdu->id, rackId, 0, Face::Rear,
                       m_namer.uniqueHostname(QStringLiteral("pdu-%1-%2").arg(index + 1).arg(QChar(u'a' + i))),
                       ops::defaultPsuFeeds(*m_types.pdu)});
    }

    QStringList leafIds;

private:
    QString add(const QString &rackId, const QString &idPrefix, const QString &hostPrefix, const DeviceType *type,
                int u)
    {
        m_plan.devices.push_back(Device{m_namer.nextId(idPrefix), type->id, rackId, u, Face::Front,
                                        m_namer.nextHostname(hostPrefix), ops::defaultPsuFeeds(*type)});
        return m_plan.devices.back().id;
    }

    Plan &m_plan;
    const DesignTypes &m_types;
    int m_rackU;
    ops::DeviceNamer m_namer;
};

// Merge-patches the site's power budget and cooling up to the design's max draw where they fall short.
Json siteBudgetPatch(const SiteProfile &site, double maxKW)
{
    const double needKW = std::ceil(maxKW);
    Json patch = Json::object();
    if (site.power.budgetKW < needKW)
        patch["power"] = {{"budgetKW", needKW}};
    if (site.cooling.totalKW < needKW)
        patch["cooling"] = {{"totalKW", needKW}};
    return patch;
}

// Uplinks on each leaf's uplink ports of the port plan (after the node ports).
void addUplinks(Plan &plan, const DeviceType &sw, const QStringList &leafIds)
{
    int swPorts = 0;
    double swSpeed = 0;
    QString pattern;
    for (const PortGroup &g : sw.ports)
        if (g.purpose == PortPurpose::Data) {
            swPorts += g.count;
            swSpeed = g.speedGbps;
            pattern = g.pattern;
        }
    const SizingPortPlan *portPlan = SizingData::builtIn().portPlan(swPorts);
    if (!portPlan)
        return;
    const int nodePorts = static_cast<int>(portPlan->nodePorts.valueOr(0));
    const int uplinkPorts = static_cast<int>(portPlan->uplinkPorts.valueOr(0));
    for (const QString &id : leafIds)
        for (int p = 0; p < uplinkPorts; ++p)
            plan.uplinks.push_back(Uplink{
                id, QString(pattern).replace(QStringLiteral("{n}"), QString::number(nodePorts + 1 + p)), swSpeed});
}

} // namespace

PlanBuilder::PlanBuilder(const Catalog &catalog)
    : m_catalog(catalog)
{ }

bool PlanBuilder::build(const SizingResult &result, const PlanBuildOptions &options, Plan &plan, QString *error) const
{
    const auto fail = [&](const QString &why) {
        if (error)
            *error = why;
        plan = Plan();
        return false;
    };
    if (!result.ok())
        return fail(result.error);
    const SizingInputs &in = result.inputs;
    const DesignTypes types{m_catalog.deviceType(in.cnodeType), m_catalog.deviceType(in.dboxType),
                            m_catalog.deviceType(in.switchType),
                            in.mgmtSwitchType.isEmpty() ? nullptr : m_catalog.deviceType(in.mgmtSwitchType),
                            m_catalog.deviceType(in.pduType)};
    if (!types.cnode || !types.dbox || !types.sw || (!in.mgmtSwitchType.isEmpty() && !types.mgmt) || !types.pdu)
        return fail(QStringLiteral("a device type of the design is missing from the catalog"));

    plan = Plan();
    plan.name = options.name.isEmpty() ? in.name : options.name;
    plan.customer = options.customer;
    plan.track = options.track;
    plan.site.profile = options.siteProfile.isEmpty() ? in.site : options.siteProfile;
    if (options.raiseSiteBudget)
        if (const SiteProfile *site = m_catalog.site(plan.site.profile))
            plan.site.overrides = siteBudgetPatch(*site, result.design.maxKW);

    plan.racks.reserve(result.design.rackLoads.size());
    RackFiller filler(plan, types, in.rackU);
    for (std::size_t r = 0; r < result.design.rackLoads.size(); ++r)
        filler.fill(result.design.rackLoads[r], static_cast<int>(r));
    addUplinks(plan, *types.sw, filler.leafIds);
    return true;
}

} // namespace pp
