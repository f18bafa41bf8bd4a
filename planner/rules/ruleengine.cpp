#include "planner/rules/ruleengine.h"

namespace pp {

void applyWaivers(const Plan &plan, std::vector<Finding> &findings)
{
    for (Finding &f : findings) {
        f.originalSeverity = f.severity;
        for (const Waiver &w : plan.waivers) {
            if (w.rule != f.rule || (!w.subject.isEmpty() && !f.subjects.contains(w.subject)))
                continue;
            f.waived = true;
            f.reason = w.reason;
            f.severity = Severity::Info;
            break;
        }
    }
}

CheckReport runChecks(const ResolvedPlan &plan, const std::vector<std::unique_ptr<Rule>> &rules)
{
    CheckReport report;
    report.plan = plan.plan().name;
    report.site = plan.site().id;
    const CheckContext context(plan);
    for (const auto &rule : rules)
        rule->check(context, report.findings);
    applyWaivers(plan.plan(), report.findings);
    return report;
}

CheckReport runChecks(const ResolvedPlan &plan)
{
    return runChecks(plan, allRules());
}

} // namespace pp
