#include "planner/rules/weightrules.h"

#include "planner/rules/rulesupport.h"

#include <cmath>

namespace pp {

void WeightRackStaticRule::check(const CheckContext &ctx, std::vector<Finding> &out) const
{
    const Plan &plan = ctx.plan();
    const double maxKg = ctx.site().rack.maxStaticKg;
    UnknownFigureTally unknown;
    for (int i = 0; i < ctx.deviceCount(); ++i)
        if (ctx.load(i).counted && !ctx.type(i)->weightKg.known())
            unknown.add(ctx.type(i));
    if (maxKg <= 0) {
        if (!plan.racks.empty())
            out.push_back(
                makeFinding(id(), Severity::Info,
                            QStringLiteral("site %1 gives no rack static load rating: rack weight is not checked")
                                .arg(siteSubject(ctx)),
                            {siteSubject(ctx)}, std::nullopt, std::nullopt, QStringLiteral("kg")));
    } else {
        const auto &racks = ctx.rackWeights();
        for (std::size_t r = 0; r < racks.size(); ++r) {
            if (racks[r].weightKg <= maxKg)
                continue;
            const QString note = racks[r].unknownWeight
                ? QStringLiteral(" (%1 device(s) with unknown weight not counted)").arg(racks[r].unknownWeight)
                : QString();
            out.push_back(makeFinding(id(), Severity::Error,
                                      QStringLiteral("rack %1 holds %2 kg, over its %3 kg static load rating%4")
                                          .arg(plan.racks[r].id, fmt(racks[r].weightKg), fmt(maxKg), note),
                                      {plan.racks[r].id}, std::round(racks[r].weightKg * 100) / 100, maxKg,
                                      QStringLiteral("kg")));
        }
    }
    unknown.report(id(), QStringLiteral("weight"), QStringLiteral("not counted in rack loads"), out);
}

} // namespace pp
