#include "app/cli/bench/bench.h"
#include "app/cli/bench/benchreport.h"
#include "app/cli/commands.h"

#include "exporters/bom/bomdata.h"
#include "exporters/bom/bomwriter.h"
#include "exporters/bom/bomxlsxwriter.h"
#include "exporters/common/exportjob.h"
#include "exporters/diagrams/pngencoder.h"
#include "exporters/diagrams/rackdiagramdata.h"
#include "exporters/diagrams/rackdiagramwriter.h"
#include "planner/io/planio.h"
#include "planner/model/resolvedplan.h"
#include "planner/rules/ruleengine.h"
#include "planner/sizing/sizingdata.h"
#include "planner/sizing/sizingengine.h"
#include "planner/templates/generatedplan.h"
#include "planner/topology/autocabler.h"

#ifdef POCPLAN_HAS_GUI
#include "app/gui/canvas/scenebench.h"

#include <QApplication>
#include <map>
#endif

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QPainter>
#include <QTemporaryDir>
#include <algorithm>
#include <map>
#include <simdjson.h>

namespace pp::cli {

double peakRssMB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n'))
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').first().toDouble() / 1024.0;
    return 0;
}

namespace {

// simdjson's DOM of the same bytes (a fresh parser, as a program that parses one file): the fastest
// parse Debian ships, the floor the load is compared with beside nlohmann's.
void parseWithSimdjson(const BenchInput &in)
{
    simdjson::dom::parser parser;
    simdjson::dom::object root;
    if (parser.parse(in.planBytes.constData(), static_cast<std::size_t>(in.planBytes.size())).get_object().get(root) ||
        root.size() == 0)
        qFatal("parse-floor-simdjson: not a plan");
}

// Encoding one PNG rack face, the part of a PNG export the encoder decides: the first rack's front,
// painted once per plan size as the PNG export paints it.
void encodeOnePngFace(const BenchInput &in)
{
    static std::map<int, QImage> faces; // by rack count: each size's plan lives at the same address
    QImage &image = faces[in.racks];
    if (image.isNull()) {
        SiteProfile site;
        QString error;
        if (!ResolvedPlan::resolveSite(*in.plan, *in.catalog, site, &error))
            qFatal("%s", qPrintable(error));
        const ResolvedPlan resolved(*in.plan, *in.catalog, site);
        const RackDiagramData data = buildRackDiagrams(ExportContext(resolved));
        const RackFaceDiagram &face = data.faces.front();
        image = QImage((RackDiagramWriter::svgSize(face) * 2).toSize(), QImage::Format_RGB32);
        image.fill(Qt::white);
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setRenderHint(QPainter::TextAntialiasing);
        painter.scale(2, 2);
        RackDiagramWriter::paint(painter, data, face);
    }
    if (encodePng(image).isEmpty())
        qFatal("png-face: encoding failed");
}

} // namespace

std::vector<BenchStep> benchSteps()
{
    std::vector<BenchStep> steps;
    // nlohmann_json's own document, as a program that only parses would build it (the default
    // nlohmann::json, not the insertion-ordered one the loaders use).
    steps.push_back({QStringLiteral("parse-floor"), [](const BenchInput &in) {
                         const nlohmann::json doc = nlohmann::json::parse(
                             in.planBytes.constData(), in.planBytes.constData() + in.planBytes.size());
                         if (doc.empty())
                             qFatal("empty plan");
                     }});
    steps.push_back({QStringLiteral("parse-floor-simdjson"), parseWithSimdjson});
    steps.push_back({QStringLiteral("load"), [](const BenchInput &in) {
                         Plan plan;
                         LoadError error;
                         PlanLoadOptions options;
                         options.catalog = in.catalog;
                         if (!loadPlanData(in.planBytes, QStringLiteral("bench.json"), plan, &error, options))
                             qFatal("%s", qPrintable(error.toString()));
                     }});
    steps.push_back({QStringLiteral("check"), [](const BenchInput &in) {
                         // What the editor does after an edit: snapshot the plan, then run every rule.
                         SiteProfile site;
                         QString error;
                         if (!ResolvedPlan::resolveSite(*in.plan, *in.catalog, site, &error))
                             qFatal("%s", qPrintable(error));
                         const ResolvedPlan resolved(*in.plan, *in.catalog, site);
                         const CheckReport report = runChecks(resolved);
                         if (report.findings.size() > in.plan->devices.size() * 4 + 100)
                             qFatal("check: %zu findings on a generated plan", report.findings.size());
                     }});
    steps.push_back({QStringLiteral("cable"), [](const BenchInput &in) {
                         // The generated plan's racks and devices, uncabled, cabled from scratch.
                         Plan plan;
                         plan.name = in.plan->name;
                         plan.site = in.plan->site;
                         plan.racks = in.plan->racks;
                         plan.devices = in.plan->devices;
                         SiteProfile site;
                         QString error;
                         if (!ResolvedPlan::resolveSite(plan, *in.catalog, site, &error))
                             qFatal("%s", qPrintable(error));
                         const CablingReport report = autoCable(plan, *in.catalog, site);
                         if (report.linksMade == 0)
                             qFatal("cable: no links made");
                     }});
#ifdef POCPLAN_HAS_GUI
    // The editor's canvas; main() creates an offscreen QApplication when these steps run.
    steps.push_back({QStringLiteral("scene"), [](const BenchInput &in) {
                         if (!qobject_cast<QApplication *>(QCoreApplication::instance()))
                             qFatal("scene: needs a QApplication");
                         gui::benchBuildScene(*in.plan, *in.catalog);
                     }});
    steps.push_back({QStringLiteral("scene-edit"), [](const BenchInput &in) {
                         if (!qobject_cast<QApplication *>(QCoreApplication::instance()))
                             qFatal("scene-edit: needs a QApplication");
                         // The canvas is built once per plan size (the first run pays for it; the median does not).
                         static std::map<const Plan *, std::unique_ptr<gui::SceneEditBench>> fixtures;
                         auto &fixture = fixtures[in.plan];
                         if (!fixture)
                             fixture = std::make_unique<gui::SceneEditBench>(*in.plan, *in.catalog);
                         fixture->editOnce();
                     }});
#endif
    // 1,000 sizing scenarios (GPUs × profile × capacity × checkpoint); independent of the plan size.
    steps.push_back({QStringLiteral("size"),
                     [](const BenchInput &in) {
                         const SizingData &data = SizingData::builtIn();
                         const SizingEngine engine(*in.catalog, data);
                         const QStringList profiles{QStringLiteral("good"), QStringLiteral("better"),
                                                    QStringLiteral("best"), QStringLiteral("custom")};
                         int cnodes = 0;
                         for (int i = 0; i < 1000; ++i) {
                             SizingInputs s = SizingInputs::defaults(data);
                             s.gpus = 1024 * (1 + i % 50) * 8;
                             s.profile = profiles.at(i / 50 % 4);
                             s.customReadGBpsPerGpu = 0.5;
                             s.customWriteGBpsPerGpu = 0.25;
                             s.capacityPB = 10.0 * (1 + i / 200);
                             s.ckptParams = 1e11 * (1 + i % 20);
                             s.dboxType =
                                 i % 2 ? QStringLiteral("dbox-maverick-5400") : QStringLiteral("dbox-ceres-1350");
                             cnodes += engine.size(s).design.cnodes;
                         }
                         if (cnodes <= 0)
                             qFatal("sizing bench produced no C-nodes");
                     },
                     1});
    // Export steps run on the resolved plan, as `pocplan export` does (checks included).
    const auto resolvedSite = [](const BenchInput &in) {
        SiteProfile site;
        QString error;
        if (!ResolvedPlan::resolveSite(*in.plan, *in.catalog, site, &error))
            qFatal("%s", qPrintable(error));
        return site;
    };
    steps.push_back({QStringLiteral("export-bom"), [resolvedSite](const BenchInput &in) {
                         const ResolvedPlan resolved(*in.plan, *in.catalog, resolvedSite(in));
                         const BomData bom = buildBom(ExportContext(resolved));
                         QByteArray xlsx;
                         QString error;
                         if (BomWriter::csv(bom).isEmpty() || BomWriter::json(bom).isEmpty() ||
                             BomWriter::markdown(bom).isEmpty() || !BomXlsxWriter::write(bom, &xlsx, &error))
                             qFatal("export-bom failed: %s", qPrintable(error));
                     }});
    steps.push_back({QStringLiteral("export-svg"), [resolvedSite](const BenchInput &in) {
                         const ResolvedPlan resolved(*in.plan, *in.catalog, resolvedSite(in));
                         const RackDiagramData data = buildRackDiagrams(ExportContext(resolved));
                         qsizetype bytes = 0;
                         for (const RackFaceDiagram &face : data.faces)
                             bytes += RackDiagramWriter::svg(data, face).size();
                         if (bytes == 0)
                             qFatal("export-svg wrote nothing");
                     }});
    steps.push_back({QStringLiteral("png-face"), encodeOnePngFace});
    steps.push_back({QStringLiteral("export-pdf"),
                     [resolvedSite](const BenchInput &in) {
                         const ResolvedPlan resolved(*in.plan, *in.catalog, resolvedSite(in));
                         const RackDiagramData data = buildRackDiagrams(ExportContext(resolved));
                         QByteArray pdf;
                         QString error;
                         if (!RackDiagramWriter::pdf(data, QPageSize::A4, &pdf, &error))
                             qFatal("export-pdf failed: %s", qPrintable(error));
                     },
                     100});
    // Every format of `pocplan export`, written to a temporary folder (the 100-rack goal is 5 s).
    steps.push_back({QStringLiteral("export-all"),
                     [resolvedSite](const BenchInput &in) {
                         const ResolvedPlan resolved(*in.plan, *in.catalog, resolvedSite(in));
                         QTemporaryDir dir;
                         OutputFolder folder(dir.path());
                         ExportJob job(resolved, ExportOptions::everything());
                         QString error;
                         if (!job.run(folder, &error))
                             qFatal("export-all failed: %s", qPrintable(error));
                     },
                     100});
    return steps;
}

static double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    const std::size_t n = v.size();
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2.0;
}

int runBench(CliContext &ctx, const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption jsonOpt(QStringLiteral("json"), QStringLiteral("Print JSON."));
    const QCommandLineOption sizesOpt(QStringLiteral("racks"),
                                      QStringLiteral("Comma-separated rack counts (default 1,10,100,1000)."),
                                      QStringLiteral("list"), QStringLiteral("1,10,100,1000"));
    const QCommandLineOption repeatOpt(
        QStringLiteral("repeat"), QStringLiteral("Runs per step (default 7; 3 at 1,000 racks)."), QStringLiteral("n"));
    const QCommandLineOption stepOpt(QStringLiteral("step"), QStringLiteral("Only these steps (comma-separated)."),
                                     QStringLiteral("list"));
    parser.addOptions({jsonOpt, sizesOpt, repeatOpt, stepOpt});
    if (const int rc = ctx.parse(parser, args,
                                 QStringLiteral("Measure the planner on generated, cabled plans of 1, 10, 100 and "
                                                "1,000 racks (about 20 devices each); medians of repeated runs."));
        rc >= 0)
        return rc;
    std::vector<int> sizes;
    for (const QString &s : parser.value(sizesOpt).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        bool ok = false;
        const int n = s.toInt(&ok);
        if (!ok || n < 1 || n > 100000) {
            ctx.err() << "error: --racks: \"" << s << "\" is not a rack count" << Qt::endl;
            return kExitUsage;
        }
        sizes.push_back(n);
    }
    const QStringList only = parser.value(stepOpt).split(QLatin1Char(','), Qt::SkipEmptyParts);

    std::vector<BenchResult> results;
    const bool asJson = parser.isSet(jsonOpt);
    if (!asJson)
        ctx.out() << QStringLiteral("%1 %2 %3 %4\n")
                         .arg(QStringLiteral("RACKS"), 6)
                         .arg(QStringLiteral("DEVICES"), 8)
                         .arg(QStringLiteral("STEP"), -14)
                         .arg(QStringLiteral("MEDIAN ms"), 10);
    for (int racks : sizes) {
        // The steps work on the plan as a user has it: saved to a file and opened again.
        const QByteArray bytes = planToBytes(generatePlan(racks));
        Plan plan;
        LoadError error;
        PlanLoadOptions options;
        options.catalog = &ctx.catalog();
        if (!loadPlanData(bytes, QStringLiteral("generated-%1.pocplan.json").arg(racks), plan, &error, options)) {
            ctx.err() << error.toString() << Qt::endl;
            return kExitPlanErrors; // the generator and the loader disagree: a bug, reported as a failed operation
        }
        BenchInput input{racks, &plan, bytes, &ctx.catalog()};
        const int repeat =
            parser.isSet(repeatOpt) ? std::max(1, parser.value(repeatOpt).toInt()) : (racks >= 1000 ? 3 : 7);
        for (const BenchStep &step : benchSteps()) {
            if (racks > step.maxRacks || (!only.isEmpty() && !only.contains(step.name)))
                continue;
            std::vector<double> times;
            for (int i = 0; i < repeat; ++i) {
                QElapsedTimer timer;
                timer.start();
                step.run(input);
                times.push_back(static_cast<double>(timer.nsecsElapsed()) / 1e6);
            }
            const double ms = median(times);
            results.push_back({racks, static_cast<qsizetype>(plan.devices.size()), step.name, ms});
            if (!asJson)
                ctx.out() << QStringLiteral("%1 %2 %3 %4\n")
                                 .arg(racks, 6)
                                 .arg(plan.devices.size(), 8)
                                 .arg(step.name, -14)
                                 .arg(ms, 10, 'f', 2)
                          << Qt::flush;
        }
    }
    const double rss = peakRssMB();
    // 0 means /proc/self/status could not be read: not measured, rather than a met goal.
    const BenchSummary summary = summarizeBench(results, rss > 0 ? std::optional<double>(rss) : std::nullopt);
    if (asJson)
        ctx.out() << QString::fromStdString(benchJson(results, rss, summary).dump(2)) << Qt::endl;
    else
        ctx.out() << QStringLiteral("peak RSS: %1 MB\n").arg(rss, 0, 'f', 1) << benchSummaryText(summary);
    return kExitOk;
}

} // namespace pp::cli
