#pragma once

#include "planner/io/planio.h"
#include "planner/rules/ruleengine.h"
#include "planner/templates/templates.h"

#include <QtTest>

// Helpers the rule tests share: the 3C+1D template, a catalog whose unknown figures are filled
// with test values, and running the checks on a plan.
namespace rulefixture {

using namespace pp;

inline Plan templatePlan()
{
    Plan plan;
    LoadError error;
    if (!loadTemplate(QStringLiteral("poc-3c1d"), Catalog::builtIn(), plan, &error))
        qFatal("%s", qPrintable(error.toString()));
    return plan;
}

// The built-in catalog with test values where no source gives a figure (depth, connectors,
// outlets, the SN2201's power, PDU weight), so that checks run without "unknown" infos.
inline Catalog knownCatalog()
{
    Catalog catalog = Catalog::builtIn();
    for (const DeviceType *t : Catalog::builtIn().deviceTypes()) {
        DeviceType copy = *t;
        if (copy.isRackMounted())
            copy.depthMM.value = 800;
        if (copy.role != Role::Pdu && copy.role != Role::Cable)
            copy.psu.connector = QStringLiteral("C14");
        if (copy.role == Role::Pdu) {
            copy.weightKg.value = 5;
            for (PduOutletGroup &g : copy.pdu.outlets)
                g.count.value = g.connector == QLatin1String("C19") ? 6 : 24;
        }
        if (copy.id == QLatin1String("sw-sn2201")) {
            copy.typicalW.value = 100;
            copy.maxW.value = 150;
        }
        catalog.addDeviceType(copy);
    }
    return catalog;
}

inline void removeDevice(Plan &plan, const QString &id)
{
    plan.devices.erase(
        std::remove_if(plan.devices.begin(), plan.devices.end(), [&](const Device &d) { return d.id == id; }),
        plan.devices.end());
    plan.links.erase(std::remove_if(plan.links.begin(), plan.links.end(),
                                    [&](const Link &l) { return l.a.device == id || l.b.device == id; }),
                     plan.links.end());
    plan.uplinks.erase(
        std::remove_if(plan.uplinks.begin(), plan.uplinks.end(), [&](const Uplink &u) { return u.device == id; }),
        plan.uplinks.end());
}

inline Link *findLink(Plan &plan, const QString &a)
{
    for (Link &l : plan.links)
        if (l.a.toString() == a)
            return &l;
    return nullptr;
}

inline CheckReport check(const Plan &plan, const Catalog &catalog = Catalog::builtIn())
{
    SiteProfile site;
    QString error;
    if (!ResolvedPlan::resolveSite(plan, catalog, site, &error))
        qFatal("%s", qPrintable(error));
    const ResolvedPlan resolved(plan, catalog, site);
    return runChecks(resolved);
}

inline std::vector<Finding> of(const CheckReport &report, const QString &rule)
{
    std::vector<Finding> out;
    for (const Finding &f : report.findings)
        if (f.rule == rule)
            out.push_back(f);
    return out;
}

inline QString dump(const CheckReport &report)
{
    QStringList lines;
    for (const Finding &f : report.findings)
        lines << QStringLiteral("%1 %2 [%3] %4")
                     .arg(f.rule, severityId(f.severity), f.subjects.join(QLatin1Char(',')), f.message);
    return lines.join(QLatin1Char('\n'));
}

} // namespace rulefixture
