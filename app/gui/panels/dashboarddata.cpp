#include "dashboarddata.h"

#include "planner/model/plansummary.h"

namespace pp::gui {

DashboardData buildDashboardData(const ResolvedPlan &resolved)
{
    const Plan &plan = resolved.plan();
    const SiteProfile &site = resolved.site();
    const PlanSummary summary = summarize(resolved);
    DashboardData d;
    d.rackLimitKW = site.power.rackLimitKW;
    d.rackCoolingKW = site.cooling.rackLimitKW;
    d.feedCapacityKW = site.power.feeds.capacityW() / 1000.0;
    d.siteTypicalKW = summary.typicalW / 1000.0;
    d.siteMaxKW = summary.maxW / 1000.0;
    d.siteHeatKW = summary.typicalW / 1000.0;
    d.siteBudgetKW = site.power.budgetKW;
    d.siteCoolingKW = site.cooling.totalKW;
    d.devicesWithUnknownPower = summary.devicesWithUnknownPower;
    for (std::size_t r = 0; r < plan.racks.size(); ++r) {
        const RackSummary &rs = summary.racks[r];
        d.racks << plan.racks[r].name;
        d.rackTypicalKW.push_back(rs.typicalW / 1000.0);
        d.rackMaxKW.push_back(rs.maxW / 1000.0);
        d.rackHeatKW.push_back(rs.typicalW / 1000.0);

        double normal[2] = {0, 0};
        double aLost = 0; // load on feed B when A is lost
        double bLost = 0; // load on feed A when B is lost
        for (int i : resolved.devicesInRack(static_cast<int>(r))) {
            const Device &dev = plan.devices[static_cast<std::size_t>(i)];
            const DeviceType *type = resolved.typeOf(static_cast<std::size_t>(i));
            if (!type || dev.psuFeeds.isEmpty())
                continue;
            const double w = type->maxW.valueOr(type->typicalW.valueOr(0));
            const int onA = static_cast<int>(dev.psuFeeds.count(QStringLiteral("A")));
            const int onB = static_cast<int>(dev.psuFeeds.size()) - onA;
            const int n = onA + onB;
            normal[0] += w * onA / n;
            normal[1] += w * onB / n;
            if (onB > 0)
                aLost += w;
            if (onA > 0)
                bLost += w;
        }
        d.feeds << plan.racks[r].id + QStringLiteral("/A") << plan.racks[r].id + QStringLiteral("/B");
        d.feedNormalKW.push_back(normal[0] / 1000.0);
        d.feedNormalKW.push_back(normal[1] / 1000.0);
        d.feedALostKW.push_back(0); // feed A is the one lost
        d.feedALostKW.push_back(aLost / 1000.0);
        d.feedBLostKW.push_back(bLost / 1000.0);
        d.feedBLostKW.push_back(0);
    }
    return d;
}

} // namespace pp::gui
