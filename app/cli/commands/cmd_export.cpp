#include "app/cli/commands.h"

#include "exporters/common/exportjob.h"

#include <QCommandLineParser>
#include <QDir>

namespace pp::cli {

int runExport(CliContext &ctx, const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption outOpt(QStringList{QStringLiteral("o"), QStringLiteral("output")},
                                    QStringLiteral("Folder to write into (created if missing)."),
                                    QStringLiteral("dir"));
    const QCommandLineOption bomOpt(QStringLiteral("bom"), QStringLiteral("Bill of materials: csv,xlsx,json,md."),
                                    QStringLiteral("formats"));
    const QCommandLineOption diagramsOpt(
        QStringLiteral("diagrams"), QStringLiteral("Rack diagrams: svg,png,pdf,drawio."), QStringLiteral("formats"));
    const QCommandLineOption cablesOpt(QStringLiteral("cables"), QStringLiteral("Cable plan: csv,md."),
                                       QStringLiteral("formats"));
    const QCommandLineOption runbookOpt(QStringLiteral("runbook"),
                                        QStringLiteral("Install runbook for the plan's track: md,html,pdf."),
                                        QStringLiteral("formats"));
    const QCommandLineOption reportOpt(QStringLiteral("report"), QStringLiteral("Check report: json,txt."),
                                       QStringLiteral("formats"));
    const QCommandLineOption netboxOpt(
        QStringLiteral("netbox"), QStringLiteral("NetBox bulk-import CSVs (racks, devices, cables, power feeds)."));
    const QCommandLineOption pageOpt(QStringLiteral("page"), QStringLiteral("PDF page size: a4 (default) or letter."),
                                     QStringLiteral("size"), QStringLiteral("a4"));
    const QCommandLineOption catalogOpt(QStringLiteral("catalog"), QStringLiteral("Extra catalog file or folder."),
                                        QStringLiteral("file"));
    parser.addOptions({outOpt, bomOpt, diagramsOpt, cablesOpt, runbookOpt, reportOpt, netboxOpt, pageOpt, catalogOpt});
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
    if (!parser.isSet(outOpt) || parser.value(outOpt).isEmpty()) {
        ctx.err() << "error: -o DIR is required: the folder to write into" << Qt::endl;
        return kExitUsage;
    }

    ExportOptions options;
    const bool anySelector = parser.isSet(bomOpt) || parser.isSet(diagramsOpt) || parser.isSet(cablesOpt) ||
        parser.isSet(runbookOpt) || parser.isSet(reportOpt) || parser.isSet(netboxOpt);
    if (!anySelector) {
        options = ExportOptions::everything();
    } else {
        const std::pair<const QCommandLineOption *, QStringList *> selectors[] = {{&bomOpt, &options.bom},
                                                                                  {&diagramsOpt, &options.diagrams},
                                                                                  {&cablesOpt, &options.cables},
                                                                                  {&runbookOpt, &options.runbook},
                                                                                  {&reportOpt, &options.report}};
        for (const auto &[opt, list] : selectors) {
            if (!parser.isSet(*opt))
                continue;
            QString why;
            if (!ExportOptions::parseFormats(opt->names().constFirst(), parser.values(*opt).join(QLatin1Char(',')),
                                             list, &why)) {
                ctx.err() << "error: " << why << Qt::endl;
                return kExitUsage;
            }
        }
        options.netbox = parser.isSet(netboxOpt);
    }
    const QString page = parser.value(pageOpt).toLower();
    if (page == QLatin1String("a4"))
        options.pageSize = QPageSize::A4;
    else if (page == QLatin1String("letter"))
        options.pageSize = QPageSize::Letter;
    else {
        ctx.err() << "error: --page: \"" << parser.value(pageOpt) << "\" is not a page size (a4 or letter)" << Qt::endl;
        return kExitUsage;
    }

    if (!ctx.loadCatalog(parser.values(catalogOpt)))
        return kExitUsage;
    const QString planFile = parser.positionalArguments().first();
    Plan plan;
    if (!ctx.loadPlan(planFile, plan))
        return kExitUsage;
    SiteProfile site;
    if (!ctx.resolveSite(planFile, plan, site))
        return kExitUsage;
    const ResolvedPlan resolved(plan, ctx.catalog(), site);
    OutputFolder folder(parser.value(outOpt));
    ExportJob job(resolved, options);
    QString error;
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
