#include "benchreport.h"

#include <QTextStream>
#include <algorithm>
#include <map>

namespace pp::cli {

namespace {

// A timed goal: the step's median at this plan size (racks 0: whatever size the step ran at).
struct StepGoal {
    const char *step;
    int racks;
    double limitMs;
};

// The goals the issues set for a 2-core machine: load, rules, SVG and RSS (hardening), cabling,
// every export format, sizing and the editor's canvas (their feature issues).
constexpr StepGoal kStepGoals[] = {
    {"load", 1000, 150}, {"check", 1000, 50},       {"export-svg", 1000, 3000}, {"cable", 1000, 200},
    {"size", 0, 100},    {"export-all", 100, 5000}, {"scene", 100, 150},        {"scene-edit", 100, 16},
};
constexpr double kPeakRssLimitMB = 300;
constexpr double kLoadRatioLimit = 3; // load at most 3 × nlohmann's parse of the same bytes
constexpr double kGrowthLimit = 12;   // ten times the racks may cost at most twelve times the time
constexpr int kLargestRacks = 1000;   // where the size-bound goals apply

using StepTimes = std::map<QString, std::map<int, double>>; // step -> racks -> median ms

StepTimes byStep(const std::vector<BenchResult> &results)
{
    StepTimes times;
    for (const BenchResult &r : results)
        times[r.step][r.racks] = r.medianMs;
    return times;
}

std::optional<double> timeAt(const StepTimes &times, const QString &step, int racks)
{
    const auto s = times.find(step);
    if (s == times.end() || s->second.empty())
        return std::nullopt;
    if (racks == 0)
        return s->second.begin()->second;
    const auto r = s->second.find(racks);
    return r == s->second.end() ? std::nullopt : std::optional<double>(r->second);
}

QString racksLabel(int racks)
{
    return racks == 0 ? QString() : QStringLiteral(" at %1 racks").arg(racks);
}

} // namespace

BenchSummary summarizeBench(const std::vector<BenchResult> &results, std::optional<double> peakRssMB,
                            const QStringList &stepsElsewhere, const QString &measuredBy)
{
    const StepTimes times = byStep(results);
    BenchSummary summary;
    summary.stepsElsewhere = stepsElsewhere;
    summary.measuredBy = measuredBy;

    const auto load = times.find(QStringLiteral("load"));
    const auto floor = times.find(QStringLiteral("parse-floor"));
    if (load != times.end() && floor != times.end())
        for (const auto &[racks, loadMs] : load->second)
            if (const auto f = floor->second.find(racks); f != floor->second.end() && f->second > 0) {
                const std::optional<double> simdjsonMs = timeAt(times, QStringLiteral("parse-floor-simdjson"), racks);
                summary.loadRatios.push_back(
                    {racks, loadMs / f->second,
                     simdjsonMs && *simdjsonMs > 0 ? std::optional<double>(loadMs / *simdjsonMs) : std::nullopt});
            }

    for (const auto &[step, bySize] : times)
        for (const auto &[racks, ms] : bySize)
            if (const auto big = bySize.find(racks * 10); big != bySize.end() && ms > 0)
                summary.growth.push_back({step, racks, big->first, big->second / ms});

    for (const StepGoal &g : kStepGoals)
        if (!stepsElsewhere.contains(QLatin1String(g.step)))
            summary.goals.push_back({QStringLiteral("%1%2").arg(QLatin1String(g.step), racksLabel(g.racks)),
                                     QStringLiteral("ms"), g.limitMs, timeAt(times, QLatin1String(g.step), g.racks)});

    BenchGoalOutcome ratioGoal{QStringLiteral("load ÷ parse floor%1").arg(racksLabel(kLargestRacks)),
                               QStringLiteral("×"), kLoadRatioLimit, std::nullopt};
    for (const LoadRatio &r : summary.loadRatios)
        if (r.racks == kLargestRacks)
            ratioGoal.measured = r.ratio;
    if (!stepsElsewhere.contains(QLatin1String("load")))
        summary.goals.push_back(ratioGoal);

    // The parse floors are the yardsticks, not our cost: their growth is shown, not judged.
    for (const BenchGrowth &g : summary.growth)
        if (g.toRacks == kLargestRacks && !g.step.startsWith(QLatin1String("parse-floor")))
            summary.goals.push_back(
                {QStringLiteral("%1 growth %2 → %3 racks").arg(g.step).arg(g.fromRacks).arg(g.toRacks),
                 QStringLiteral("×"), kGrowthLimit, g.factor});

    // Peak RSS only says something about the largest plan when that plan was part of the run.
    const bool largestRan =
        std::any_of(results.begin(), results.end(), [](const BenchResult &r) { return r.racks == kLargestRacks; });
    summary.goals.push_back({QStringLiteral("peak RSS%1").arg(racksLabel(kLargestRacks)), QStringLiteral("MB"),
                             kPeakRssLimitMB, largestRan ? peakRssMB : std::nullopt});
    return summary;
}

Json benchJson(const std::vector<BenchResult> &results, double peakRssMB, const BenchSummary &summary)
{
    Json rows = Json::array();
    for (const BenchResult &r : results)
        rows.push_back(
            {{"racks", r.racks}, {"devices", r.devices}, {"step", r.step.toStdString()}, {"medianMs", r.medianMs}});
    Json ratios = Json::array();
    for (const LoadRatio &r : summary.loadRatios)
        ratios.push_back({{"racks", r.racks},
                          {"loadToParseFloor", r.ratio},
                          {"loadToSimdjsonFloor", r.toSimdjsonFloor ? Json(*r.toSimdjsonFloor) : Json()}});
    Json growth = Json::array();
    for (const BenchGrowth &g : summary.growth)
        growth.push_back(
            {{"step", g.step.toStdString()}, {"fromRacks", g.fromRacks}, {"toRacks", g.toRacks}, {"factor", g.factor}});
    Json goals = Json::array();
    for (const BenchGoalOutcome &g : summary.goals)
        goals.push_back({{"goal", g.what.toStdString()},
                         {"unit", g.unit.toStdString()},
                         {"limit", g.limit},
                         {"measured", g.measured ? Json(*g.measured) : Json()},
                         {"met", g.measured ? Json(g.met()) : Json()}});
    Json elsewhere = Json::array();
    for (const QString &step : summary.stepsElsewhere)
        elsewhere.push_back(step.toStdString());
    return Json{{"format", "pocplanner-bench"},
                {"version", 1},
                {"results", rows},
                {"peakRssMB", peakRssMB},
                {"loadRatios", ratios},
                {"growth", growth},
                {"goals", goals},
                {"measuredElsewhere", {{"steps", elsewhere}, {"by", summary.measuredBy.toStdString()}}}};
}

QString benchSummaryText(const BenchSummary &summary)
{
    QString text;
    QTextStream out(&text);
    for (const LoadRatio &r : summary.loadRatios) {
        out << QStringLiteral("load ÷ parse floor at %1 racks: %2 ×").arg(r.racks).arg(r.ratio, 0, 'f', 2);
        if (r.toSimdjsonFloor)
            out << QStringLiteral(" (÷ simdjson DOM floor: %1 ×)").arg(*r.toSimdjsonFloor, 0, 'f', 2);
        out << '\n';
    }
    for (const BenchGrowth &g : summary.growth)
        out << QStringLiteral("growth %1 %2 → %3 racks: %4 ×\n")
                   .arg(g.step)
                   .arg(g.fromRacks)
                   .arg(g.toRacks)
                   .arg(g.factor, 0, 'f', 1);
    out << QStringLiteral("goals:\n");
    for (const BenchGoalOutcome &g : summary.goals) {
        const QString verdict = !g.measured ? QStringLiteral("not measured")
            : g.met()                       ? QStringLiteral("met")
                                            : QStringLiteral("MISSED");
        const QString measured =
            g.measured ? QStringLiteral("%1 %2").arg(*g.measured, 0, 'f', 2).arg(g.unit) : QStringLiteral("–");
        out << QStringLiteral("  %1 %2 ≤ %3 %4  %5\n")
                   .arg(g.what, -34)
                   .arg(measured, 12)
                   .arg(g.limit)
                   .arg(g.unit, -2)
                   .arg(verdict);
    }
    if (!summary.stepsElsewhere.isEmpty())
        out << QStringLiteral("not measured here: %1 (run %2)\n")
                   .arg(summary.stepsElsewhere.join(QStringLiteral(", ")), summary.measuredBy);
    return text;
}

} // namespace pp::cli
