#pragma once

#include "planner/analysis/whatifengine.h"

namespace pp {

// One what-if run gathered for the writers: the plan, the intact figures, the failures evaluated
// (one set given by the user, or a sweep sorted by impact) and which of them are single points of
// failure. The engine (and so its model and plan) must outlive the report.
struct WhatIfReport {
    enum class Mode { Fail, SweepN1, SweepN2 };

    const WhatIfEngine *engine = nullptr;
    QString plan;
    QString site;
    Mode mode = Mode::SweepN1;
    std::vector<WhatIfResult> results;
    std::vector<int> singlePoints; // indices into results

    static WhatIfReport build(const WhatIfEngine &engine, Mode mode, std::vector<WhatIfResult> results);
    QString modeId() const; // "fail", "n-1", "n-2"
};

} // namespace pp
