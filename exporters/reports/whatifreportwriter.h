#pragma once

#include "catalog/io/jsonfields.h"
#include "planner/analysis/whatifreport.h"

#include <QByteArray>
#include <QStringList>

namespace pp {

// Writes a what-if run as text (for the terminal), Markdown (for a report) or JSON (for programs):
// the intact figures, then each failure's remainder, or a sweep's table most harmful first, and the
// single points of failure. Figures carry their unit; a figure no source gives is "unknown".
class WhatIfReportWriter {
public:
    static constexpr int kFormatVersion = 1;

    static QByteArray text(const WhatIfReport &report);
    static QByteArray markdown(const WhatIfReport &report);
    static QByteArray json(const WhatIfReport &report);
    static Json toJson(const WhatIfReport &report);

    // What one failure leaves, one line per aspect: dark devices, network, read, write, data,
    // capacity, rebuild, feeds, requirements. Shared with the runbook's failure drills.
    static QStringList describe(const WhatIfEngine &engine, const WhatIfResult &r);
    // "db1", "feed:A + sw1": the failed domains' ids.
    static QString failedIds(const FailureModel &model, const WhatIfResult &r);
    // An N-1 sweep in a few lines for a report: the intact figures, each single point of failure and
    // the `limit` most harmful failures as an aligned table.
    static QStringList resilienceLines(const WhatIfReport &report, int limit);
    // The N-1 table as Markdown rows (header included), at most `limit` rows (0 = all).
    static QStringList markdownTable(const WhatIfReport &report, int limit = 0);
};

} // namespace pp
