#include "bench.h"

#include "exporters/bom/bomdata.h"
#include "exporters/bom/bomwriter.h"
#include "exporters/bom/bomxlsxwriter.h"
#include "exporters/common/exportjob.h"
#include "exporters/diagrams/pngencoder.h"
#include "exporters/diagrams/rackdiagramdata.h"
#include "exporters/diagrams/rackdiagramwriter.h"
#include "planner/analysis/whatifengine.h"
#include "planner/io/planio.h"
#include "planner/model/resolvedplan.h"
#include "planner/rules/ruleengine.h"
#include "planner/sizing/planbuilder.h"
#include "planner/sizing/sizingdata.h"
#include "planner/sizing/sizingengine.h"
#include "planner/topology/autocabler.h"

#include <QFile>
#include <QPainter>
#include <QTemporaryDir>
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

SiteProfile resolvedSite(const Plan &plan, const Catalog &catalog)
{
    SiteProfile site;
    QString error;
    if (!ResolvedPlan::resolveSite(plan, catalog, site, &error))
        qFatal("%s", qPrintable(error));
    return site;
}

// nlohmann_json's own document, as a program that only parses would build it (the default
// nlohmann::json, not the insertion-ordered one the loaders use).
void parseFloor(const BenchInput &in)
{
    const nlohmann::json doc =
        nlohmann::json::parse(in.planBytes.constData(), in.planBytes.constData() + in.planBytes.size());
    if (doc.empty())
        qFatal("empty plan");
}

// simdjson's DOM of the same bytes (a fresh parser, as a program that parses one file): the fastest
// parse Debian ships, the floor the load is compared with beside nlohmann's.
void parseFloorSimdjson(const BenchInput &in)
{
    simdjson::dom::parser parser;
    simdjson::dom::object root;
    if (parser.parse(in.planBytes.constData(), static_cast<std::size_t>(in.planBytes.size())).get_object().get(root) ||
        root.size() == 0)
        qFatal("parse-floor-simdjson: not a plan");
}

void load(const BenchInput &in)
{
    Plan plan;
    LoadError error;
    PlanLoadOptions options;
    options.catalog = in.catalog;
    if (!loadPlanData(in.planBytes, QStringLiteral("bench.json"), plan, &error, options))
        qFatal("%s", qPrintable(error.toString()));
}

// What the editor does after an edit: snapshot the plan, then run every rule.
void check(const BenchInput &in)
{
    const ResolvedPlan resolved(*in.plan, *in.catalog, resolvedSite(*in.plan, *in.catalog));
    const CheckReport report = runChecks(resolved);
    if (report.findings.size() > in.plan->devices.size() * 4 + 100)
        qFatal("check: %zu findings on a generated plan", report.findings.size());
}

// The generated plan's racks and devices, uncabled, cabled from scratch.
void cable(const BenchInput &in)
{
    Plan plan;
    plan.name = in.plan->name;
    plan.site = in.plan->site;
    plan.racks = in.plan->racks;
    plan.devices = in.plan->devices;
    const CablingReport report = autoCable(plan, *in.catalog, resolvedSite(plan, *in.catalog));
    if (report.linksMade == 0)
        qFatal("cable: no links made");
}

// A cabled NCP design sized for this many GPUs (`pocplan size --design ncp --profile better`, then the
// auto-cabler), built once per process: the what-if steps time the sweep, not the build.
struct CabledDesign {
    Plan plan;
    SiteProfile site;
};

const CabledDesign &ncpDesign(const Catalog &catalog, int gpus, double capacityPB)
{
    static std::map<int, CabledDesign> built;
    auto it = built.find(gpus);
    if (it != built.end())
        return it->second;
    const SizingData &data = SizingData::builtIn();
    SizingInputs in = SizingInputs::forDesign(*data.design(QStringLiteral("ncp")), data, catalog);
    in.gpus = gpus;
    in.profile = QStringLiteral("better");
    in.capacityPB = capacityPB;
    CabledDesign d;
    QString error;
    if (!PlanBuilder(catalog).build(SizingEngine(catalog, data).size(in), PlanBuildOptions{}, d.plan, &error))
        qFatal("whatif bench: %s", qPrintable(error));
    d.site = resolvedSite(d.plan, catalog);
    autoCable(d.plan, catalog, d.site);
    return built.emplace(gpus, std::move(d)).first->second;
}

// The whole N-1 sweep of a design: failure model (the graph, once), then every domain alone.
void whatIfSweep(const CabledDesign &design, const Catalog &catalog)
{
    const ResolvedPlan resolved(design.plan, catalog, design.site);
    const FailureModel model(resolved);
    const WhatIfEngine engine(model);
    if (engine.sweepN1().empty() || !engine.intact().dataAvailable)
        qFatal("whatif bench: the cabled design serves no data");
}

// The NCP pod of the sizing brief: 41,472 GPUs, better tier, 215 PB.
void whatIfPod(const BenchInput &in)
{
    whatIfSweep(ncpDesign(*in.catalog, 41472, 215), *in.catalog);
}

// A 400k-GPU design (409,600 GPUs, better tier, 2,150 PB: the pod's figures × ~10).
void whatIf400k(const BenchInput &in)
{
    whatIfSweep(ncpDesign(*in.catalog, 409600, 2150), *in.catalog);
}

// 1,000 sizing scenarios (GPUs × profile × capacity × checkpoint); independent of the plan size.
void size(const BenchInput &in)
{
    const SizingData &data = SizingData::builtIn();
    const SizingEngine engine(*in.catalog, data);
    const QStringList profiles{QStringLiteral("good"), QStringLiteral("better"), QStringLiteral("best"),
                               QStringLiteral("custom")};
    int cnodes = 0;
    for (int i = 0; i < 1000; ++i) {
        SizingInputs s = SizingInputs::defaults(data);
        s.gpus = 1024 * (1 + i % 50) * 8;
        s.profile = profiles.at(i / 50 % 4);
        s.customReadGBpsPerGpu = 0.5;
        s.customWriteGBpsPerGpu = 0.25;
        s.capacityPB = 10.0 * (1 + i / 200);
        s.ckptParams = 1e11 * (1 + i % 20);
        s.dboxType = i % 2 ? QStringLiteral("dbox-maverick-5400") : QStringLiteral("dbox-ceres-1350");
        cnodes += engine.size(s).design.cnodes;
    }
    if (cnodes <= 0)
        qFatal("sizing bench produced no C-nodes");
}

// The export steps run on the resolved plan, as `pocplan export` does (checks included).
void exportBom(const BenchInput &in)
{
    const ResolvedPlan resolved(*in.plan, *in.catalog, resolvedSite(*in.plan, *in.catalog));
    const BomData bom = buildBom(ExportContext(resolved));
    QByteArray xlsx;
    QString error;
    if (BomWriter::csv(bom).isEmpty() || BomWriter::json(bom).isEmpty() || BomWriter::markdown(bom).isEmpty() ||
        !BomXlsxWriter::write(bom, &xlsx, &error))
        qFatal("export-bom failed: %s", qPrintable(error));
}

void exportSvg(const BenchInput &in)
{
    const ResolvedPlan resolved(*in.plan, *in.catalog, resolvedSite(*in.plan, *in.catalog));
    const RackDiagramData data = buildRackDiagrams(ExportContext(resolved));
    qsizetype bytes = 0;
    for (const RackFaceDiagram &face : data.faces)
        bytes += RackDiagramWriter::svg(data, face).size();
    if (bytes == 0)
        qFatal("export-svg wrote nothing");
}

// Encoding one PNG rack face, the part of a PNG export the encoder decides: the first rack's front,
// painted once per plan size as the PNG export paints it.
void pngFace(const BenchInput &in)
{
    static std::map<int, QImage> faces; // by rack count: each size's plan lives at the same address
    QImage &image = faces[in.racks];
    if (image.isNull()) {
        const SiteProfile site = resolvedSite(*in.plan, *in.catalog);
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

void exportPdf(const BenchInput &in)
{
    const ResolvedPlan resolved(*in.plan, *in.catalog, resolvedSite(*in.plan, *in.catalog));
    const RackDiagramData data = buildRackDiagrams(ExportContext(resolved));
    QByteArray pdf;
    QString error;
    if (!RackDiagramWriter::pdf(data, QPageSize::A4, &pdf, &error))
        qFatal("export-pdf failed: %s", qPrintable(error));
}

// Every format of `pocplan export`, written to a temporary folder (the 100-rack goal is 5 s).
void exportAll(const BenchInput &in)
{
    const ResolvedPlan resolved(*in.plan, *in.catalog, resolvedSite(*in.plan, *in.catalog));
    QTemporaryDir dir;
    OutputFolder folder(dir.path());
    ExportJob job(resolved, ExportOptions::everything());
    QString error;
    if (!job.run(folder, &error))
        qFatal("export-all failed: %s", qPrintable(error));
}

} // namespace

std::vector<BenchStep> benchSteps()
{
    return {
        {QStringLiteral("parse-floor"), parseFloor},
        {QStringLiteral("parse-floor-simdjson"), parseFloorSimdjson},
        {QStringLiteral("load"), load},
        {QStringLiteral("check"), check},
        {QStringLiteral("cable"), cable},
        {QStringLiteral("size"), size, 1},
        {QStringLiteral("whatif-pod"), whatIfPod, 1},
        {QStringLiteral("whatif-400k"), whatIf400k, 1},
        {QStringLiteral("export-bom"), exportBom},
        {QStringLiteral("export-svg"), exportSvg},
        {QStringLiteral("png-face"), pngFace},
        {QStringLiteral("export-pdf"), exportPdf, 100},
        {QStringLiteral("export-all"), exportAll, 100},
    };
}

} // namespace pp::cli
