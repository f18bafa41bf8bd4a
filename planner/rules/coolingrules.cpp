#include "planner/rules/coolingrules.h"

#include "planner/model/plansummary.h"
#include "planner/rules/rulesupport.h"

#include <cmath>

namespace pp {

namespace {

QString btu(double watts)
{
    return QString::number(std::round(watts * kBtuPerHourPerWatt), 'f', 0);
}

QString unknownNote(int devices)
{
    return devices ? QStringLiteral(" (%1 device(s) with unknown power not counted)").arg(devices) : QString();
}

// Error when the typical heat exceeds the limit, warning when only the max does.
void checkHeat(const QString &rule, const QString &what, const QStringList &subjects, double typicalW, double maxW,
               double limitW, int unknownPower, std::vector<Finding> &out)
{
    if (typicalW > limitW)
        out.push_back(makeFinding(
            rule, Severity::Error,
            QStringLiteral("%1 gives off %2 kW (%3 BTU/h) typical, over %4 kW%5")
                .arg(what, fmt(typicalW / 1000), btu(typicalW), fmt(limitW / 1000), unknownNote(unknownPower)),
            subjects, kW(typicalW), kW(limitW), QStringLiteral("kW")));
    else if (maxW > limitW)
        out.push_back(makeFinding(
            rule, Severity::Warning,
            QStringLiteral("%1 gives off up to %2 kW (%3 BTU/h) at max draw, over %4 kW (typical %5 kW fits)%6")
                .arg(what, fmt(maxW / 1000), btu(maxW), fmt(limitW / 1000), fmt(typicalW / 1000),
                     unknownNote(unknownPower)),
            subjects, kW(maxW), kW(limitW), QStringLiteral("kW")));
}

} // namespace

void CoolingRackHeatRule::check(const CheckContext &ctx, std::vector<Finding> &out) const
{
    const double limitW = ctx.site().cooling.rackLimitKW * 1000.0;
    const Plan &plan = ctx.plan();
    if (limitW <= 0) {
        if (!plan.racks.empty())
            out.push_back(makeFinding(
                id(), Severity::Info,
                QStringLiteral("site %1 gives no rack cooling figure: rack heat is not checked").arg(siteSubject(ctx)),
                {siteSubject(ctx)}, std::nullopt, std::nullopt, QStringLiteral("kW")));
        return;
    }
    const auto &racks = ctx.rackLoads();
    for (std::size_t r = 0; r < racks.size(); ++r)
        checkHeat(id(), QStringLiteral("rack %1").arg(plan.racks[r].id), {plan.racks[r].id}, racks[r].typicalW,
                  racks[r].maxW, limitW, racks[r].unknownPower, out);
}

void CoolingSiteHeatRule::check(const CheckContext &ctx, std::vector<Finding> &out) const
{
    const double limitW = ctx.site().cooling.totalKW * 1000.0;
    const QString site = siteSubject(ctx);
    if (limitW <= 0) {
        out.push_back(
            makeFinding(id(), Severity::Info,
                        QStringLiteral("site %1 gives no total cooling figure: total heat is not checked").arg(site),
                        {site}, kW(ctx.totalTypicalW()), std::nullopt, QStringLiteral("kW")));
        return;
    }
    checkHeat(id(), QStringLiteral("the plan"), {site}, ctx.totalTypicalW(), ctx.totalMaxW(), limitW,
              ctx.power().unknownPower(), out);
}

void CoolingAirDensityRule::check(const CheckContext &ctx, std::vector<Finding> &out) const
{
    const SiteProfile::Cooling &cooling = ctx.site().cooling;
    if (cooling.type.compare(QLatin1String("air"), Qt::CaseInsensitive) != 0)
        return;
    const Plan &plan = ctx.plan();
    const double limitW = cooling.airDensityLimitKW * 1000.0;
    if (limitW <= 0) {
        if (!plan.racks.empty())
            out.push_back(
                makeFinding(id(), Severity::Info,
                            QStringLiteral("site %1 is air-cooled but gives no air density limit: not checked")
                                .arg(siteSubject(ctx)),
                            {siteSubject(ctx)}, std::nullopt, std::nullopt, QStringLiteral("kW")));
        return;
    }
    const auto &racks = ctx.rackLoads();
    for (std::size_t r = 0; r < racks.size(); ++r)
        checkHeat(id(), QStringLiteral("air-cooled rack %1").arg(plan.racks[r].id), {plan.racks[r].id},
                  racks[r].typicalW, racks[r].maxW, limitW, racks[r].unknownPower, out);
}

void CoolingAirflowMixRule::check(const CheckContext &ctx, std::vector<Finding> &out) const
{
    const Plan &plan = ctx.plan();
    UnknownFigureTally unknown;
    for (int r = 0; r < static_cast<int>(plan.racks.size()); ++r) {
        // Count first; names are gathered only for a rack that mixes directions.
        const auto direction = [&](int i) {
            const DeviceType *t = ctx.type(i);
            if (!t || !t->isRackMounted() || t->airflow == Airflow::Passive || t->airflow == Airflow::Unknown)
                return 0;
            const bool reversed = ctx.device(i).face == Face::Rear;
            return (t->airflow == Airflow::FrontToRear) != reversed ? 1 : -1;
        };
        int f2r = 0;
        int r2f = 0;
        for (int i : ctx.resolved().devicesInRack(r)) {
            const DeviceType *t = ctx.type(i);
            if (t && t->isRackMounted() && t->airflow == Airflow::Unknown)
                unknown.add(t);
            const int d = direction(i);
            f2r += d > 0;
            r2f += d < 0;
        }
        if (f2r == 0 || r2f == 0)
            continue;
        QStringList frontToRear;
        QStringList rearToFront;
        for (int i : ctx.resolved().devicesInRack(r)) {
            const int d = direction(i);
            if (d != 0)
                (d > 0 ? frontToRear : rearToFront) << ctx.device(i).id;
        }
        // Name the minority: those are the devices to turn or move.
        const bool fewerRearToFront = rearToFront.size() <= frontToRear.size();
        const QStringList &odd = fewerRearToFront ? rearToFront : frontToRear;
        const QString &rack = plan.racks[static_cast<std::size_t>(r)].id;
        QStringList subjects{rack};
        subjects << odd;
        out.push_back(
            makeFinding(id(), Severity::Warning,
                        QStringLiteral("rack %1 mixes airflow: %2 blow %3 against %4 device(s) blowing %5")
                            .arg(rack, odd.join(QStringLiteral(", ")),
                                 fewerRearToFront ? QStringLiteral("rear-to-front") : QStringLiteral("front-to-rear"))
                            .arg((fewerRearToFront ? frontToRear : rearToFront).size())
                            .arg(fewerRearToFront ? QStringLiteral("front-to-rear") : QStringLiteral("rear-to-front")),
                        subjects, odd.size(), 0, QStringLiteral("devices")));
    }
    unknown.report(id(), QStringLiteral("airflow direction"), QStringLiteral("not checked for mixed airflow"), out);
}

} // namespace pp
