#include "planner/power/dashboarddata.h"

#include "planner/power/powerloads.h"

namespace pp {

DashboardData buildDashboardData(const ResolvedPlan &resolved)
{
    const Plan &plan = resolved.plan();
    const SiteProfile &site = resolved.site();
    const PowerLoads power(resolved);
    DashboardData d;
    d.rackLimitKW = site.power.rackLimitKW;
    d.rackCoolingKW = site.cooling.rackLimitKW;
    d.feedCapacityKW = site.power.feeds.capacityW() / 1000.0;
    d.siteTypicalKW = power.totalTypicalW() / 1000.0;
    d.siteMaxKW = power.totalMaxW() / 1000.0;
    d.siteHeatKW = power.totalTypicalW() / 1000.0;
    d.siteBudgetKW = site.power.budgetKW;
    d.siteCoolingKW = site.cooling.totalKW;
    d.devicesWithUnknownPower = power.unknownPower();
    for (std::size_t r = 0; r < plan.racks.size(); ++r) {
        const PowerLoads::Rack &rack = power.racks()[r];
        d.racks << plan.racks[r].name;
        d.rackTypicalKW.push_back(rack.typicalW / 1000.0);
        d.rackMaxKW.push_back(rack.maxW / 1000.0);
        d.rackHeatKW.push_back(rack.typicalW / 1000.0);
        for (int f = 0; f < PowerLoads::kFeedCount; ++f) {
            d.feeds << plan.racks[r].id + QLatin1Char('/') + PowerLoads::feedName(f);
            d.feedNormalKW.push_back(rack.feedMaxW[static_cast<std::size_t>(f)] / 1000.0);
            d.feedALostKW.push_back(rack.feedMaxWithLostW(f, 0) / 1000.0);
            d.feedBLostKW.push_back(rack.feedMaxWithLostW(f, 1) / 1000.0);
        }
    }
    return d;
}

} // namespace pp
