#include "exporters/common/exportcontext.h"

#include "planner/rules/ruleengine.h"

namespace pp {

ExportContext::ExportContext(const ResolvedPlan &plan)
    : m_plan(plan)
    , m_summary(summarize(plan))
    , m_report(runChecks(plan))
{ }

QString ExportContext::draftMark() const
{
    const int n = unresolvedErrors();
    if (n <= 0)
        return QString();
    return QStringLiteral("DRAFT \u2014 %1 unresolved error%2").arg(n).arg(n == 1 ? QString() : QStringLiteral("s"));
}

} // namespace pp
