#pragma once

#include "planner/model/resolvedplan.h"

#include <QStringList>
#include <vector>

namespace pp::gui {

// The numbers the dashboard charts: per-rack power and heat, per-feed load in the normal and
// feed-lost cases, and site totals, each with the limit it is drawn against (0 = no limit given).
struct DashboardData {
    QStringList racks; // rack names, in plan order
    std::vector<double> rackTypicalKW;
    std::vector<double> rackMaxKW;
    std::vector<double> rackHeatKW; // heat = typical electrical draw
    double rackLimitKW = 0;
    double rackCoolingKW = 0;

    // Feed loads at max draw, per rack and feed ("R1/A"): normal split across PSUs, and with the
    // other feed lost (a dual-fed device then draws everything from the remaining feed).
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

} // namespace pp::gui
