#include "app/cli/commands.h"

#include "exporters/bom/bomdelta.h"
#include "exporters/common/exportjob.h"
#include "planner/diff/plandiff.h"

#include <QCommandLineParser>
#include <QDir>

namespace pp::cli {

namespace {

// The options of `export`.
struct ExportCliOptions {
    const QCommandLineOption outOpt{QStringList{QStringLiteral("o"), QStringLiteral("output")},
                                    QStringLiteral("Folder to write into (created if missing)."),
                                    QStringLiteral("dir")};
    const QCommandLineOption bomOpt{QStringLiteral("bom"), QStringLiteral("Bill of materials: csv,xlsx,json,md."),
                                    QStringLiteral("formats")};
    const QCommandLineOption diagramsOpt{
        QStringLiteral("diagrams"), QStringLiteral("Rack diagrams: svg,png,pdf,drawio."), QStringLiteral("formats")};
    const QCommandLineOption cablesOpt{QStringLiteral("cables"), QStringLiteral("Cable plan: csv,md."),
                                       QStringLiteral("formats")};
    const QCommandLineOption runbookOpt{QStringLiteral("runbook"),
                                        QStringLiteral("Install runbook for the plan's track: md,html,pdf."),
                                        QStringLiteral("formats")};
    const QCommandLineOption reportOpt{QStringLiteral("report"), QStringLiteral("Check report: json,txt."),
                                       QStringLiteral("formats")};
    const QCommandLineOption netboxOpt{
        QStringLiteral("netbox"), QStringLiteral("NetBox bulk-import CSVs (racks, devices, cables, power feeds).")};
    const QCommandLineOption pageOpt{QStringLiteral("page"), QStringLiteral("PDF page size: a4 (default) or letter."),
                                     QStringLiteral("size"), QStringLiteral("a4")};
    const QCommandLineOption catalogOpt{QStringLiteral("catalog"), QStringLiteral("Extra catalog file or folder."),
                                        QStringLiteral("file")};
    const QCommandLineOption sinceOpt{
        QStringLiteral("since"),
        QStringLiteral("An older version of the plan: write what changes since it (change-bom.csv, change-bom.md "
                       "with the change runbook). Alone, only those files are written."),
        QStringLiteral("old-plan")};
};

// The change files of --since: parts to order and return, devices to ship, move and retire,
// re-cabling and drills to repeat. False with the reason when the old plan cannot be used.
bool writeChange(CliContext &ctx, const QString &oldFile, const ResolvedPlan &resolved, OutputFolder &folder,
                 QString *error)
{
    Plan old;
    if (!ctx.loadPlan(oldFile, old))
        return false;
    SiteProfile oldSite;
    if (!ctx.resolveSite(oldFile, old, oldSite))
        return false;
    const ResolvedPlan oldResolved(old, ctx.catalog(), oldSite);
    const ExportContext before(oldResolved);
    const ExportContext after(resolved);
    const PlanDiff diff = diffPlans(old, resolved.plan());
    const DiffReport report = buildDiffReport(old, resolved.plan(), diff, oldFile, QString());
    const BomDelta delta = buildBomDelta(before, after, report, oldFile);
    return folder.prepare(error) && folder.write(QStringLiteral("change-bom.csv"), BomDeltaWriter::csv(delta), error) &&
        folder.write(QStringLiteral("change-bom.md"), BomDeltaWriter::markdown(delta), error);
}

// What to write (everything without a selector) and the PDF page size; false: a usage error, said on stderr.
bool readExportOptions(CliContext &ctx, const QCommandLineParser &parser, const ExportCliOptions &o,
                       ExportOptions &options)
{
    const bool anySelector = parser.isSet(o.bomOpt) || parser.isSet(o.diagramsOpt) || parser.isSet(o.cablesOpt) ||
        parser.isSet(o.runbookOpt) || parser.isSet(o.reportOpt) || parser.isSet(o.netboxOpt);
    if (!anySelector && parser.isSet(o.sinceOpt)) {
        options = ExportOptions();
    } else if (!anySelector) {
        options = ExportOptions::everything();
    } else {
        const std::pair<const QCommandLineOption *, QStringList *> selectors[] = {{&o.bomOpt, &options.bom},
                                                                                  {&o.diagramsOpt, &options.diagrams},
                                                                                  {&o.cablesOpt, &options.cables},
                                                                                  {&o.runbookOpt, &options.runbook},
                                                                                  {&o.reportOpt, &options.report}};
        for (const auto &[opt, list] : selectors) {
            if (!parser.isSet(*opt))
                continue;
            QString why;
            if (!ExportOptions::parseFormats(opt->names().constFirst(), parser.values(*opt).join(QLatin1Char(',')),
                                             list, &why)) {
                ctx.err() << "error: " << why << Qt::endl;
                return false;
            }
        }
        options.netbox = parser.isSet(o.netboxOpt);
    }
    const QString page = parser.value(o.pageOpt).toLower();
    if (page == QLatin1String("a4"))
        options.pageSize = QPageSize::A4;
    else if (page == QLatin1String("letter"))
        options.pageSize = QPageSize::Letter;
    else {
        ctx.err() << "error: --page: \"" << parser.value(o.pageOpt) << "\" is not a page size (a4 or letter)"
                  << Qt::endl;
        return false;
    }
    return true;
}

} // namespace

int runExport(CliContext &ctx, const QStringList &args)
{
    QCommandLineParser parser;
    const ExportCliOptions o;
    parser.addOptions({o.outOpt, o.bomOpt, o.diagramsOpt, o.cablesOpt, o.runbookOpt, o.reportOpt, o.netboxOpt,
                       o.pageOpt, o.catalogOpt, o.sinceOpt});
    parser.addPositionalArgument(QStringLiteral("plan"), QStringLiteral("Plan file."));
    const QString description = QStringLiteral(
        "Write the customer deliverables of a plan: BOM, rack diagrams, cable plan, install runbook,\n"
        "check report and NetBox import files. Without a selector everything is written.\n"
        "A plan with unwaived errors still exports; its diagrams and runbook are marked DRAFT.\n"
        "Each file is written to a temporary name and renamed: a failed export leaves no partial file.\n"
        "Exit codes: 0 written, 1 an output file could not be written, 2 usage error or unreadable plan.");
    if (const int rc = ctx.parse(parser, args, description); rc >= 0)
        return rc;
    if (parser.positionalArguments().size() != 1) {
        ctx.err() << "error: expected one plan file\n\n" << parser.helpText();
        return kExitUsage;
    }
    if (!parser.isSet(o.outOpt) || parser.value(o.outOpt).isEmpty()) {
        ctx.err() << "error: -o DIR is required: the folder to write into" << Qt::endl;
        return kExitUsage;
    }

    ExportOptions options;
    if (!readExportOptions(ctx, parser, o, options))
        return kExitUsage;
    if (!ctx.loadCatalog(parser.values(o.catalogOpt)))
        return kExitUsage;
    const QString planFile = parser.positionalArguments().first();
    Plan plan;
    if (!ctx.loadPlan(planFile, plan))
        return kExitUsage;
    SiteProfile site;
    if (!ctx.resolveSite(planFile, plan, site))
        return kExitUsage;
    const ResolvedPlan resolved(plan, ctx.catalog(), site);
    OutputFolder folder(parser.value(o.outOpt));
    ExportJob job(resolved, options);
    QString error;
    if (parser.isSet(o.sinceOpt) && !writeChange(ctx, parser.value(o.sinceOpt), resolved, folder, &error)) {
        if (error.isEmpty())
            return kExitUsage; // the old plan could not be read; loadPlan said why
        ctx.err() << "error: " << error << Qt::endl;
        return kExitPlanErrors;
    }
    if (!job.run(folder, &error)) {
        ctx.err() << "error: " << error << Qt::endl;
        if (!folder.written().isEmpty())
            ctx.err() << "note: " << folder.written().size()
                      << " file(s) were written before the failure; none is partial" << Qt::endl;
        return kExitPlanErrors;
    }
    for (const QString &f : folder.written())
        ctx.out() << QDir::cleanPath(folder.pathOf(f)) << "\n";
    if (job.unresolvedErrors() > 0)
        ctx.err() << "warning: " << planFile << ": " << job.unresolvedErrors()
                  << " unresolved error(s); diagrams and runbook are marked DRAFT (run 'pocplan check' for the list)"
                  << Qt::endl;
    ctx.out().flush();
    return kExitOk;
}

} // namespace pp::cli
