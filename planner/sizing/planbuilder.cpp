#include "planner/sizing/planbuilder.h"

#include "catalog/model/catalog.h"
#include "planner/sizing/sizingdata.h"

#include <cmath>

namespace pp {

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
    const SizingDesign &d = result.design;
    const DeviceType *cnode = m_catalog.deviceType(in.cnodeType);
    const DeviceType *dbox = m_catalog.deviceType(in.dboxType);
    const DeviceType *sw = m_catalog.deviceType(in.switchType);
    const DeviceType *mgmt = in.mgmtSwitchType.isEmpty() ? nullptr : m_catalog.deviceType(in.mgmtSwitchType);
    const DeviceType *pdu = m_catalog.deviceType(in.pduType);
    if (!cnode || !dbox || !sw || (!in.mgmtSwitchType.isEmpty() && !mgmt) || !pdu)
        return fail(QStringLiteral("a device type of the design is missing from the catalog"));

    plan = Plan();
    plan.name = options.name.isEmpty() ? in.name : options.name;
    plan.customer = options.customer;
    plan.track = options.track;
    plan.site.profile = options.siteProfile.isEmpty() ? in.site : options.siteProfile;
    if (options.raiseSiteBudget) {
        if (const SiteProfile *site = m_catalog.site(plan.site.profile)) {
            const double needKW = std::ceil(d.maxKW);
            Json patch = Json::object();
            if (site->power.budgetKW < needKW)
                patch["power"] = {{"budgetKW", needKW}};
            if (site->cooling.totalKW < needKW)
                patch["cooling"] = {{"totalKW", needKW}};
            plan.site.overrides = patch;
        }
    }

    const QStringList feeds{QStringLiteral("A"), QStringLiteral("B")};
    int cn = 0;
    int db = 0;
    int leaf = 0;
    int spine = 0;
    int oob = 0;
    int pduNo = 0;
    QStringList leafIds;
    plan.racks.reserve(d.rackLoads.size());
    for (std::size_t r = 0; r < d.rackLoads.size(); ++r) {
        const RackLoad &load = d.rackLoads[r];
        const int index = static_cast<int>(r);
        const QString rackId = QStringLiteral("R%1").arg(index + 1);
        plan.racks.push_back(Rack{
            rackId,
            QStringLiteral("POD-%1%2").arg(QChar(u'A' + index / 20 % 26)).arg(index % 20 + 1, 2, 10, QLatin1Char('0')),
            in.rackU, index / 20 + 1, index % 20 + 1});
        const auto add = [&](const QString &id, const DeviceType *type, int u, const QString &hostname) {
            plan.devices.push_back(Device{id, type->id, rackId, u, Face::Front, hostname, feeds});
        };
        // Heavy D-boxes at the bottom, then C-nodes, then data switches; management on top.
        int u = 1;
        for (int i = 0; i < load.dboxes; ++i, u += dbox->uHeight) {
            ++db;
            add(QStringLiteral("db%1").arg(db), dbox, u, QStringLiteral("dbox-%1").arg(db));
        }
        for (int i = 0; i < load.cnodes; ++i, u += cnode->uHeight) {
            ++cn;
            add(QStringLiteral("cn%1").arg(cn), cnode, u, QStringLiteral("cnode-%1").arg(cn));
        }
        for (int i = 0; i < load.leafSwitches; ++i, u += sw->uHeight) {
            ++leaf;
            leafIds << QStringLiteral("leaf%1").arg(leaf);
            add(leafIds.back(), sw, u, QStringLiteral("leaf-%1").arg(leaf));
        }
        for (int i = 0; i < load.spineSwitches; ++i, u += sw->uHeight) {
            ++spine;
            add(QStringLiteral("spine%1").arg(spine), sw, u, QStringLiteral("spine-%1").arg(spine));
        }
        if (mgmt && load.mgmtSwitches > 0) {
            ++oob;
            add(QStringLiteral("oob%1").arg(oob), mgmt, in.rackU - mgmt->uHeight + 1,
                QStringLiteral("oob-%1").arg(oob));
        }
        for (int i = 0; i < load.pdus; ++i) {
            ++pduNo;
            plan.devices.push_back(Device{QStringLiteral("pdu%1").arg(pduNo),
                                          pdu->id,
                                          rackId,
                                          0,
                                          Face::Rear,
                                          QStringLiteral("pdu-%1-%2").arg(index + 1).arg(QChar(u'a' + i)),
                                          {}});
        }
    }

    // Uplinks on each leaf's uplink ports of the port plan (after the node ports).
    int swPorts = 0;
    double swSpeed = 0;
    QString pattern;
    for (const PortGroup &g : sw->ports)
        if (g.purpose == PortPurpose::Data) {
            swPorts += g.count;
            swSpeed = g.speedGbps;
            pattern = g.pattern;
        }
    if (const SizingPortPlan *portPlan = SizingData::builtIn().portPlan(swPorts)) {
        const int nodePorts = static_cast<int>(portPlan->nodePorts.valueOr(0));
        const int uplinkPorts = static_cast<int>(portPlan->uplinkPorts.valueOr(0));
        for (const QString &id : leafIds)
            for (int p = 0; p < uplinkPorts; ++p)
                plan.uplinks.push_back(Uplink{
                    id, QString(pattern).replace(QStringLiteral("{n}"), QString::number(nodePorts + 1 + p)), swSpeed});
    }
    return true;
}

} // namespace pp
