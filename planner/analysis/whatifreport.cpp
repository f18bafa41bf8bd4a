#include "planner/analysis/whatifreport.h"

namespace pp {

WhatIfReport WhatIfReport::build(const WhatIfEngine &engine, Mode mode, std::vector<WhatIfResult> results)
{
    WhatIfReport report;
    report.engine = &engine;
    const Plan &plan = engine.model().resolved().plan();
    report.plan = plan.name;
    report.site = engine.model().resolved().site().id;
    report.mode = mode;
    report.results = std::move(results);
    const FailureModel &model = engine.model();
    for (std::size_t i = 0; i < report.results.size(); ++i) {
        if (WhatIfEngine::isSinglePoint(model, report.results[i]))
            report.singlePoints.push_back(static_cast<int>(i));
    }
    return report;
}

QString WhatIfReport::modeId() const
{
    switch (mode) {
    case Mode::Fail:
        return QStringLiteral("fail");
    case Mode::SweepN1:
        return QStringLiteral("n-1");
    case Mode::SweepN2:
        return QStringLiteral("n-2");
    }
    return QString();
}

} // namespace pp
