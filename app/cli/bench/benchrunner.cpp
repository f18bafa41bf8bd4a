#include "benchrunner.h"

#include "app/cli/clicontext.h"
#include "benchreport.h"

#include "planner/io/planio.h"
#include "planner/templates/generatedplan.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <algorithm>

namespace pp::cli {

namespace {

struct BenchOptions {
    bool json = false;
    std::vector<int> racks;
    int repeat = 0; // 0: the default, 7 runs per step and 3 at 1,000 racks or more
    QStringList only;
};

QStringList namesOf(const std::vector<BenchStep> &steps)
{
    QStringList names;
    for (const BenchStep &s : steps)
        names << s.name;
    return names;
}

// A step another executable measures is named with that executable, so that a user who asks
// `pocplan bench --step scene` learns where the canvas is measured instead of getting an empty table.
bool checkStepNames(CliContext &ctx, const QStringList &only, const BenchTool &tool)
{
    const QStringList known = namesOf(tool.steps);
    for (const QString &name : only) {
        if (tool.stepsElsewhere.contains(name)) {
            ctx.err() << "error: --step: " << name << " is measured by " << tool.measuredBy << Qt::endl;
            return false;
        }
        if (!known.contains(name)) {
            ctx.err() << "error: --step: unknown step \"" << name << "\" (steps: " << known.join(QStringLiteral(", "))
                      << ")" << Qt::endl;
            return false;
        }
    }
    return true;
}

// Returns -1 to go on with the options filled in, or the exit code (help printed, usage error).
int parseOptions(CliContext &ctx, const QStringList &args, const BenchTool &tool, BenchOptions &options)
{
    QCommandLineParser parser;
    const QCommandLineOption jsonOpt(QStringLiteral("json"), QStringLiteral("Print JSON."));
    const QCommandLineOption sizesOpt(QStringLiteral("racks"),
                                      QStringLiteral("Comma-separated rack counts (default 1,10,100,1000)."),
                                      QStringLiteral("list"), QStringLiteral("1,10,100,1000"));
    const QCommandLineOption repeatOpt(
        QStringLiteral("repeat"), QStringLiteral("Runs per step (default 7; 3 at 1,000 racks)."), QStringLiteral("n"));
    const QCommandLineOption stepOpt(
        QStringLiteral("step"),
        QStringLiteral("Only these steps (comma-separated): %1.").arg(namesOf(tool.steps).join(QStringLiteral(", "))),
        QStringLiteral("list"));
    parser.addOptions({jsonOpt, sizesOpt, repeatOpt, stepOpt});
    if (const int rc = ctx.parse(parser, args, tool.description); rc >= 0)
        return rc;
    for (const QString &s : parser.value(sizesOpt).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        bool ok = false;
        const int n = s.toInt(&ok);
        if (!ok || n < 1 || n > 100000) {
            ctx.err() << "error: --racks: \"" << s << "\" is not a rack count" << Qt::endl;
            return kExitUsage;
        }
        options.racks.push_back(n);
    }
    options.json = parser.isSet(jsonOpt);
    options.repeat = parser.isSet(repeatOpt) ? std::max(1, parser.value(repeatOpt).toInt()) : 0;
    options.only = parser.value(stepOpt).split(QLatin1Char(','), Qt::SkipEmptyParts);
    return checkStepNames(ctx, options.only, tool) ? -1 : kExitUsage;
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    const std::size_t n = v.size();
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2.0;
}

double medianMs(const BenchStep &step, const BenchInput &input, int repeat)
{
    std::vector<double> times;
    for (int i = 0; i < repeat; ++i) {
        QElapsedTimer timer;
        timer.start();
        step.run(input);
        times.push_back(static_cast<double>(timer.nsecsElapsed()) / 1e6);
    }
    return median(times);
}

QString tableRow(const QString &racks, const QString &devices, const QString &step, const QString &ms)
{
    return QStringLiteral("%1 %2 %3 %4\n").arg(racks, 6).arg(devices, 8).arg(step, -14).arg(ms, 10);
}

// Times every chosen step on one plan size; false when the generated plan does not load (a bug).
bool measureSize(CliContext &ctx, int racks, const BenchTool &tool, const BenchOptions &options,
                 std::vector<BenchResult> &results)
{
    // The steps work on the plan as a user has it: saved to a file and opened again.
    const QByteArray bytes = planToBytes(generatePlan(racks));
    Plan plan;
    LoadError error;
    PlanLoadOptions loadOptions;
    loadOptions.catalog = &ctx.catalog();
    if (!loadPlanData(bytes, QStringLiteral("generated-%1.pocplan.json").arg(racks), plan, &error, loadOptions)) {
        ctx.err() << error.toString() << Qt::endl;
        return false;
    }
    const BenchInput input{racks, &plan, bytes, &ctx.catalog()};
    const int repeat = options.repeat > 0 ? options.repeat : (racks >= 1000 ? 3 : 7);
    const auto devices = static_cast<qsizetype>(plan.devices.size());
    for (const BenchStep &step : tool.steps) {
        if (racks > step.maxRacks || (!options.only.isEmpty() && !options.only.contains(step.name)))
            continue;
        const double ms = medianMs(step, input, repeat);
        results.push_back({racks, devices, step.name, ms});
        if (!options.json)
            ctx.out() << tableRow(QString::number(racks), QString::number(devices), step.name,
                                  QString::number(ms, 'f', 2))
                      << Qt::flush;
    }
    return true;
}

} // namespace

int runBenchTool(CliContext &ctx, const QStringList &args, const BenchTool &tool)
{
    BenchOptions options;
    if (const int rc = parseOptions(ctx, args, tool, options); rc >= 0)
        return rc;
    if (!options.json)
        ctx.out() << tableRow(QStringLiteral("RACKS"), QStringLiteral("DEVICES"), QStringLiteral("STEP"),
                              QStringLiteral("MEDIAN ms"));
    std::vector<BenchResult> results;
    for (int racks : options.racks)
        if (!measureSize(ctx, racks, tool, options, results))
            return kExitPlanErrors; // the generator and the loader disagree: a bug, reported as a failed operation
    const double rss = peakRssMB();
    // 0 means /proc/self/status could not be read: not measured, rather than a met goal.
    const BenchSummary summary = summarizeBench(results, rss > 0 ? std::optional<double>(rss) : std::nullopt,
                                                tool.stepsElsewhere, tool.measuredBy);
    if (options.json)
        ctx.out() << QString::fromStdString(benchJson(results, rss, summary).dump(2)) << Qt::endl;
    else
        ctx.out() << QStringLiteral("peak RSS: %1 MB\n").arg(rss, 0, 'f', 1) << benchSummaryText(summary);
    return kExitOk;
}

} // namespace pp::cli
