#pragma once

#include "planner/model/resolvedplan.h"

#include <QStringList>
#include <vector>

namespace pp {

// The numbers the dashboard charts: per-rack power and heat, per-feed load in the normal and
// feed-lost cases, and site totals, each with the limit it is drawn against (0 = no limit given).
// Every figure is read from PowerLoads, so a chart shows what the power and cooling rules measure.
struct DashboardData {
    QStringList racks; // rack names, in plan order
    std::vector<double> rackTypicalKW;
    std::vector<double> rackMaxKW;
    std::vector<double> rackHeatKW; // heat = typical electrical draw
    double rackLimitKW = 0;
    double rackCoolingKW = 0;

    // Feed loads at max draw, per rack and feed ("R1/A"): normal split across PSUs, and with a
    // feed lost (see PowerLoads for devices with one PSU or no feed given); 0 on the lost feed.
    QStringList feeds;
    std::vector<double> feedNormalKW;
    std::vector<double> feedALostKW;
    std::vector<double> feedBLostKW;
    double feedCapacityKW = 0;

    double siteTypicalKW = 0;
    double siteMaxKW = 0;
    double siteHeatKW = 0;
    double siteBudgetKW = 0;
    double siteCoolingKW = 0;
    int devicesWithUnknownPower = 0;
};

DashboardData buildDashboardData(const ResolvedPlan &plan);

} // namespace pp
