#pragma once

#include "planner/model/plansummary.h"

#include <QByteArray>

namespace pp {

// What `pocplan info` reports about a plan: its name, the site it is checked against and the summary.
struct PlanInfoData {
    QString planName;
    QString siteId;
    QString siteName;
    double siteBudgetKW = 0;
    PlanSummary summary;
};

PlanInfoData buildPlanInfo(const ResolvedPlan &resolved);

// Writes plan info as the JSON of `pocplan info --json` or as its text; both end with a newline.
class PlanInfoWriter {
public:
    static QByteArray json(const PlanInfoData &info);
    static QByteArray text(const PlanInfoData &info);
};

} // namespace pp
