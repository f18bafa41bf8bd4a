#pragma once

#include "planner/model/plansummary.h"
#include "planner/rules/finding.h"

namespace pp {

// What every exporter reads: the resolved plan, its totals and its check results, computed once.
class ExportContext {
public:
    explicit ExportContext(const ResolvedPlan &plan);

    const ResolvedPlan &resolved() const { return m_plan; }
    const Plan &plan() const { return m_plan.plan(); }
    const Catalog &catalog() const { return m_plan.catalog(); }
    const SiteProfile &site() const { return m_plan.site(); }
    const PlanSummary &summary() const { return m_summary; }
    const CheckReport &checkReport() const { return m_report; }

    int unresolvedErrors() const { return m_report.unwaivedErrors(); }
    // "DRAFT — 3 unresolved errors" when the plan has unwaived errors, else empty.
    QString draftMark() const;

private:
    const ResolvedPlan &m_plan;
    PlanSummary m_summary;
    CheckReport m_report;
};

} // namespace pp
