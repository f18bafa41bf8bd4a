#pragma once

#include "planner/model/resolvedplan.h"
#include "planner/templates/templates.h"
#include "planner/topology/autocabler.h"

#include <QtTest>

// The plans the network tests share: the auto-cabled 3C+1D kit, and the same kit grown into a
// two-tier pod by two SN4700 spines in its rack (the auto-cabler then cables leaf-spine).
namespace netfixture {

using namespace pp;

inline SiteProfile siteOf(const Plan &plan)
{
    SiteProfile site;
    QString error;
    if (!ResolvedPlan::resolveSite(plan, Catalog::builtIn(), site, &error))
        qFatal("%s", qPrintable(error));
    return site;
}

inline Plan cabled(Plan plan)
{
    const CablingReport report = autoCable(plan, Catalog::builtIn(), siteOf(plan));
    if (!report.errors.isEmpty())
        qFatal("%s", qPrintable(report.errors.join(QLatin1Char('\n'))));
    return plan;
}

inline Plan kitPlan()
{
    Plan plan;
    LoadError error;
    if (!loadTemplate(QStringLiteral("poc-3c1d"), Catalog::builtIn(), plan, &error))
        qFatal("%s", qPrintable(error.toString()));
    return plan;
}

inline Plan cabledKit()
{
    return cabled(kitPlan());
}

inline Plan cabledPod()
{
    Plan plan = kitPlan();
    for (int i = 1; i <= 2; ++i)
        plan.devices.push_back(Device{QStringLiteral("spine%1").arg(i),
                                      QStringLiteral("sw-sn4700"),
                                      QStringLiteral("R1"),
                                      40 - i,
                                      Face::Front,
                                      QStringLiteral("spine-%1").arg(i),
                                      {QStringLiteral("A"), QStringLiteral("B")}});
    return cabled(plan);
}

// The plan with a JSON merge patch over its site ("network": {...}).
inline Plan withSite(Plan plan, const Json &overrides)
{
    plan.site.overrides = overrides;
    return plan;
}

} // namespace netfixture
