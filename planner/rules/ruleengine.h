#pragma once

#include "planner/rules/finding.h"
#include "planner/rules/rule.h"

namespace pp {

// Runs every rule on a snapshot of the plan, then applies the plan's waivers.
CheckReport runChecks(const ResolvedPlan &plan);
CheckReport runChecks(const ResolvedPlan &plan, const std::vector<std::unique_ptr<Rule>> &rules);

// A waiver matches a finding when the rule ids are equal and the subject is one of its subjects
// (an empty subject waives the rule for every subject).
void applyWaivers(const Plan &plan, std::vector<Finding> &findings);

} // namespace pp
