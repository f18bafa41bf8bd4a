#include "app/cli/commands.h"

#include "exporters/reports/diffreportwriter.h"

#include <QCommandLineParser>

namespace pp::cli {

int runDiff(CliContext &ctx, const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption formatOpt(
        QStringLiteral("format"),
        QStringLiteral("Output format: text (default), json, md, html, or patch (the diff as a patch file that "
                       "turns the old plan into the new one)."),
        QStringLiteral("format"), QStringLiteral("text"));
    const QCommandLineOption catalogOpt(QStringLiteral("catalog"), QStringLiteral("Extra catalog file or folder."),
                                        QStringLiteral("file"));
    parser.addOptions({formatOpt, catalogOpt});
    parser.addPositionalArgument(QStringLiteral("old"), QStringLiteral("The older plan file."));
    parser.addPositionalArgument(QStringLiteral("new"), QStringLiteral("The newer plan file."));
    if (const int rc = ctx.parse(parser, args,
                                 QStringLiteral("List what changed between two versions of a plan, object by object: "
                                                "devices added, removed, moved, retyped and renamed; links added, "
                                                "removed and re-cabled; site fields, uplinks and waivers; and the "
                                                "figures and findings that moved.\n"
                                                "Exit code 0 when the plans are the same, 1 when they differ, 2 for "
                                                "unreadable or invalid input."));
        rc >= 0)
        return rc;
    if (parser.positionalArguments().size() != 2) {
        ctx.err() << "error: expected two plan files: old and new" << Qt::endl;
        return kExitUsage;
    }
    const QString format = parser.value(formatOpt);
    const QStringList formats{QStringLiteral("text"), QStringLiteral("json"), QStringLiteral("md"),
                              QStringLiteral("html"), QStringLiteral("patch")};
    if (!formats.contains(format)) {
        ctx.err() << "error: --format: expected text, json, md, html or patch, found \"" << format << "\"" << Qt::endl;
        return kExitUsage;
    }
    if (!ctx.loadCatalog(parser.values(catalogOpt)))
        return kExitUsage;
    const QString oldFile = parser.positionalArguments().at(0);
    const QString newFile = parser.positionalArguments().at(1);
    Plan before;
    Plan after;
    if (!ctx.loadPlan(oldFile, before) || !ctx.loadPlan(newFile, after))
        return kExitUsage;
    const PlanDiff diff = diffPlans(before, after);
    const int rc = diff.empty() ? kExitOk : kExitPlanErrors;
    if (format == QLatin1String("patch")) {
        ctx.out() << QString::fromStdString(planDiffToJson(diff).dump(2)) << "\n" << Qt::flush;
        return rc;
    }
    SiteProfile siteBefore;
    SiteProfile siteAfter;
    if (!ctx.resolveSite(oldFile, before, siteBefore) || !ctx.resolveSite(newFile, after, siteAfter))
        return kExitUsage;
    DiffReport report = buildDiffReport(before, after, diff, oldFile, newFile);
    report.figures =
        compareFigures(ResolvedPlan(before, ctx.catalog(), siteBefore), ResolvedPlan(after, ctx.catalog(), siteAfter));
    report.hasFigures = true;
    ctx.out() << QString::fromUtf8(DiffReportWriter::write(report, format)) << Qt::flush;
    return rc;
}

} // namespace pp::cli
