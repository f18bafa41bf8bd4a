#include "app/cli/commands.h"
#include "app/cli/sizingoptions.h"

#include "planner/io/planio.h"
#include "planner/sizing/comparison.h"
#include "planner/sizing/planbuilder.h"
#include "planner/sizing/sizingdata.h"
#include "planner/sizing/sizingengine.h"
#include "planner/sizing/sizingjson.h"

#include <QCommandLineParser>
#include <cmath>

namespace pp::cli {

static QString valueText(const std::optional<double> &v, const QString &unit)
{
    if (!v)
        return QStringLiteral("unknown");
    const double a = std::abs(*v);
    const int precision = a == std::floor(a) ? 0 : a >= 100 ? 1 : a >= 1 ? 2 : 4;
    return unit.isEmpty() ? QString::number(*v, 'f', precision)
                          : QStringLiteral("%1 %2").arg(*v, 0, 'f', precision).arg(unit);
}

static void printResult(QTextStream &out, const SizingResult &r, const SizingData &data)
{
    const SizingDesign &d = r.design;
    out << "Design: " << r.inputs.name << "\n\nSteps:\n";
    for (const SizingStep &s : r.steps)
        out << "  " << s.name.leftJustified(34) << valueText(s.value, s.unit).leftJustified(18) << s.why << "\n";
    out << "\nResult:\n";
    out << QStringLiteral("  C-nodes %1 (set by %2), D-boxes %3 (set by %4), switches %5, racks %6\n")
               .arg(d.cnodes)
               .arg(d.cnodesSetBy)
               .arg(d.dboxes)
               .arg(d.dboxesSetBy)
               .arg(d.switches)
               .arg(d.racks);
    out << QStringLiteral("  Capacity %1 PB raw, %2 PB usable; read %3 TB/s, write %4 TB/s\n")
               .arg(d.rawPB, 0, 'f', 2)
               .arg(d.usablePB, 0, 'f', 2)
               .arg(d.readTBps, 0, 'f', 2)
               .arg(d.writeTBps, 0, 'f', 2);
    if (d.checkpointWriteS)
        out << QStringLiteral("  Checkpoint %1 TB written in %2 s, stall %3%\n")
                   .arg(d.checkpointTB, 0, 'f', 2)
                   .arg(*d.checkpointWriteS, 0, 'f', 1)
                   .arg(*d.stallPct, 0, 'f', 2);
    out << QStringLiteral("  Power %1 kW typical, %2 kW max\n").arg(d.typicalKW, 0, 'f', 1).arg(d.maxKW, 0, 'f', 1);
    const DataMovement m = dataMovementFor(r, data);
    out << QStringLiteral("  Pre-stage %1 TB over %2 Gbit/s (%3): %4 min\n")
               .arg(m.datasetTB)
               .arg(m.prestageGbps, 0, 'f', 1)
               .arg(m.prestageLimitedBy)
               .arg(m.prestageS / 60.0, 0, 'f', 1);
    if (m.copyBackS)
        out << QStringLiteral("  Checkpoint copy-back over %1 Gbit/s (%2): %3 min against a %4 min interval%5\n")
                   .arg(m.copyBackGbps, 0, 'f', 1)
                   .arg(m.copyBackLimitedBy)
                   .arg(*m.copyBackS / 60.0, 0, 'f', 1)
                   .arg(m.intervalS / 60.0, 0, 'f', 0)
                   .arg(m.copyBackKeepsUp ? QString() : QStringLiteral(" — does not keep up"));
    for (const Extrapolation &e : extrapolationsFor(r, data))
        out << QStringLiteral(
                   "  Toward %1: %2 pods, %3 C-nodes, %4 D-boxes, %5 racks, %6 kW max (%7–%8% of a %9–%10 MW site)\n")
                   .arg(e.target)
                   .arg(e.pods)
                   .arg(e.cnodes)
                   .arg(e.dboxes)
                   .arg(e.racks)
                   .arg(e.maxKW, 0, 'f', 0)
                   .arg(e.powerShareMinPct, 0, 'f', 1)
                   .arg(e.powerShareMaxPct, 0, 'f', 1)
                   .arg(e.siteMinMW)
                   .arg(e.siteMaxMW);
    for (const QString &w : r.warnings)
        out << "warning: " << w << "\n";
}

int runSize(CliContext &ctx, const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption jsonOpt(QStringLiteral("json"), QStringLiteral("Print JSON (format pocplanner-sizing)."));
    const QCommandLineOption designOpt(QStringLiteral("design"),
                                       QStringLiteral("Start from a design preset: poc, ncp or density."),
                                       QStringLiteral("id"));
    const QCommandLineOption planOpt(QStringLiteral("plan"),
                                     QStringLiteral("Also write a plan of this design (racks filled) to this file."),
                                     QStringLiteral("file"));
    const QCommandLineOption catalogOpt(QStringLiteral("catalog"), QStringLiteral("Extra catalog file or folder."),
                                        QStringLiteral("file"));
    parser.addOptions({jsonOpt, designOpt, planOpt, catalogOpt});
    const SizingOptions sizing;
    sizing.addTo(parser);
    if (const int rc = ctx.parse(parser, args,
                                 QStringLiteral("Size a storage design from GPUs, bandwidth, capacity and checkpoints "
                                                "(or from fixed C-node and D-box counts); every step is shown."));
        rc >= 0)
        return rc;
    if (!parser.positionalArguments().isEmpty()) {
        ctx.err() << "error: unexpected argument \"" << parser.positionalArguments().first() << "\"" << Qt::endl;
        return kExitUsage;
    }
    if (!ctx.loadCatalog(parser.values(catalogOpt)))
        return kExitUsage;
    SizingInputs inputs;
    if (!designInputs(ctx, parser.value(designOpt), inputs) || !sizing.apply(parser, ctx, inputs))
        return kExitUsage;
    const SizingData &data = SizingData::builtIn();
    const SizingResult result = SizingEngine(ctx.catalog(), data).size(inputs);
    if (parser.isSet(jsonOpt))
        ctx.out() << QString::fromStdString(sizingResultToJson(result, data).dump(2)) << Qt::endl;
    else if (result.ok())
        printResult(ctx.out(), result, data);
    if (!result.ok()) {
        ctx.err() << "error: " << result.error << Qt::endl;
        return result.inputsBeyondRange ? kExitUsage : kExitPlanErrors;
    }
    if (parser.isSet(planOpt)) {
        Plan plan;
        QString error;
        if (!PlanBuilder(ctx.catalog()).build(result, PlanBuildOptions{}, plan, &error) ||
            !savePlanFile(plan, parser.value(planOpt), &error)) {
            ctx.err() << "error: " << parser.value(planOpt) << ": " << error << Qt::endl;
            return kExitPlanErrors;
        }
        if (!parser.isSet(jsonOpt))
            ctx.out() << "Plan written to " << parser.value(planOpt) << " (" << plan.racks.size() << " racks, "
                      << plan.devices.size() << " devices; links left for the auto-cabler)" << Qt::endl;
    }
    return kExitOk;
}

} // namespace pp::cli
