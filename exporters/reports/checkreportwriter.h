#pragma once

#include "catalog/io/jsonfields.h"
#include "planner/rules/finding.h"

#include <QByteArray>

namespace pp {

struct WhatIfReport;

// Which findings a report lists (the summary always counts the whole run).
enum class SeverityFilter { Errors, Warnings, All };

// Turns a check report into the pocplanner-check JSON of DESIGN.md Contracts, or into a plain
// KiCad-DRC-like text report. Output is deterministic: findings in rule order, no timestamps.
class CheckReportWriter {
public:
    static constexpr int kFormatVersion = 1;

    // A waived finding is listed when its severity before the waiver passes the filter.
    static bool listed(const Finding &finding, SeverityFilter filter);
    // With an N-1 sweep (`resilience`), the report ends with a resilience section: the single points
    // of failure and the most harmful failures (text: the first 10; JSON: every domain).
    static Json toJson(const CheckReport &report, SeverityFilter filter = SeverityFilter::All,
                       const WhatIfReport *resilience = nullptr);
    static QByteArray json(const CheckReport &report, SeverityFilter filter = SeverityFilter::All,
                           const WhatIfReport *resilience = nullptr);
    static QByteArray text(const CheckReport &report, SeverityFilter filter = SeverityFilter::All,
                           const WhatIfReport *resilience = nullptr);
};

// "error", "warning", "all" → filter; nullopt for anything else.
std::optional<SeverityFilter> severityFilterFromId(const QString &id);

} // namespace pp
