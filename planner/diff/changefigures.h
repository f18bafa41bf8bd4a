#pragma once

#include "planner/model/resolvedplan.h"
#include "planner/rules/finding.h"

#include <optional>
#include <vector>

namespace pp {

// One figure of a plan before and after a change; nullopt is "unknown" (no source gives it, or
// the object does not exist on that side).
struct FigureChange {
    QString name; // "site typical kW", "rack R1 typical kW"
    QString unit; // kW, PB, TB/s
    std::optional<double> before;
    std::optional<double> after;
};

// The figures and findings that moved between two versions of a plan: kW per rack and for the
// site, raw and usable PB, nominal C-node read TB/s, and the findings opened and closed.
struct ChangeFigures {
    std::vector<FigureChange> figures; // only the ones that differ
    std::vector<Finding> opened;       // unwaived errors and warnings the new plan has and the old has not
    std::vector<Finding> closed;       // the reverse
};

ChangeFigures compareFigures(const ResolvedPlan &before, const ResolvedPlan &after);

// The nominal read throughput of the racked C-nodes (catalog mix at 100 % read); unknown when any
// racked C-node's type gives no figure, or when there is no C-node.
std::optional<double> nominalReadTBps(const ResolvedPlan &plan);

} // namespace pp
