#pragma once

#include "planner/model/resolvedplan.h"

#include <QMap>

namespace pp {

constexpr double kBtuPerHourPerWatt = 3.412;

struct RackSummary {
    QString id;
    QString name;
    int heightU = 0;
    int usedU = 0;
    double typicalW = 0;
    double maxW = 0;
    double weightKg = 0;
    int devicesWithUnknownPower = 0;
};

// Totals of a plan: devices by role, U, power, heat and capacity. Unknown figures are counted, not guessed.
struct PlanSummary {
    QMap<QString, int> countsByRole; // role id → devices
    double typicalW = 0;
    double maxW = 0;
    double weightKg = 0;
    double rawTB = 0;
    double usableTB = 0;
    int clusterSsds = 0;
    int devicesWithUnknownPower = 0;
    std::vector<RackSummary> racks;

    double heatBtuPerHour() const { return typicalW * kBtuPerHourPerWatt; }
    double maxHeatBtuPerHour() const { return maxW * kBtuPerHourPerWatt; }
};

PlanSummary summarize(const ResolvedPlan &plan);

} // namespace pp
