#include "app/cli/commands.h"

#include "catalog/io/siteprofilefile.h"
#include "exporters/reports/checkreportwriter.h"
#include "planner/analysis/whatifreport.h"
#include "planner/rules/ruleengine.h"

#include <QCommandLineParser>

namespace pp::cli {

// Reads a site profile file for --site the way the catalog reads its site folders; prints the file,
// place and reason when it cannot be used.
static bool loadSiteProfile(CliContext &ctx, const QString &fileName, SiteProfile &site)
{
    LoadError error;
    if (readSiteProfileFile(fileName, site, &error))
        return true;
    ctx.err() << "error: " << error.toString() << Qt::endl;
    return false;
}

int runCheck(CliContext &ctx, const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption siteOpt(
        QStringLiteral("site"),
        QStringLiteral(
            "Site profile file to check against instead of the plan's profile (the plan's overrides still apply)."),
        QStringLiteral("file"));
    const QCommandLineOption formatOpt(QStringLiteral("format"),
                                       QStringLiteral("Output format: text (default) or json."),
                                       QStringLiteral("format"), QStringLiteral("text"));
    const QCommandLineOption jsonOpt(QStringLiteral("json"), QStringLiteral("Same as --format json."));
    const QCommandLineOption severityOpt(
        QStringLiteral("severity"),
        QStringLiteral("Findings to list: error, warning (errors and warnings) or all (default)."),
        QStringLiteral("level"), QStringLiteral("all"));
    const QCommandLineOption catalogOpt(QStringLiteral("catalog"), QStringLiteral("Extra catalog file or folder."),
                                        QStringLiteral("file"));
    parser.addOptions({siteOpt, formatOpt, jsonOpt, severityOpt, catalogOpt});
    parser.addPositionalArgument(QStringLiteral("plan"), QStringLiteral("Plan file."));
    if (const int rc = ctx.parse(
            parser, args,
            QStringLiteral("Check a plan against its site and the design rules (space, power, cooling, weight, "
                           "network, resilience).\n"
                           "Exit code 0 when no unwaived error remains, 1 when one does, 2 for unreadable input."));
        rc >= 0)
        return rc;
    if (parser.positionalArguments().size() != 1) {
        ctx.err() << "error: expected one plan file" << Qt::endl;
        return kExitUsage;
    }
    const QString format = parser.isSet(jsonOpt) ? QStringLiteral("json") : parser.value(formatOpt);
    if (format != QLatin1String("text") && format != QLatin1String("json")) {
        ctx.err() << "error: --format: expected text or json, found \"" << format << "\"" << Qt::endl;
        return kExitUsage;
    }
    const auto filter = severityFilterFromId(parser.value(severityOpt));
    if (!filter) {
        ctx.err() << "error: --severity: expected error, warning or all, found \"" << parser.value(severityOpt) << "\""
                  << Qt::endl;
        return kExitUsage;
    }
    if (!ctx.loadCatalog(parser.values(catalogOpt)))
        return kExitUsage;
    SiteProfile siteFile;
    if (parser.isSet(siteOpt) && !loadSiteProfile(ctx, parser.value(siteOpt), siteFile))
        return kExitUsage;
    if (parser.isSet(siteOpt))
        ctx.catalog().addSite(siteFile); // before the plan loads, so that a plan naming this profile resolves
    const QString planFile = parser.positionalArguments().first();
    Plan plan;
    if (!ctx.loadPlan(planFile, plan))
        return kExitUsage;
    if (parser.isSet(siteOpt))
        plan.site.profile = siteFile.id;
    SiteProfile site;
    if (!ctx.resolveSite(planFile, plan, site))
        return kExitUsage;
    const ResolvedPlan resolved(plan, ctx.catalog(), site);
    const CheckReport report = runChecks(resolved);
    // The resilience section: the N-1 sweep of `pocplan whatif`, most harmful first.
    const FailureModel model(resolved);
    const WhatIfEngine engine(model);
    const WhatIfReport resilience = WhatIfReport::build(engine, WhatIfReport::Mode::SweepN1, engine.sweepN1());
    const QByteArray bytes = format == QLatin1String("json") ? CheckReportWriter::json(report, *filter, &resilience)
                                                             : CheckReportWriter::text(report, *filter, &resilience);
    ctx.out() << QString::fromUtf8(bytes) << Qt::flush;
    return report.unwaivedErrors() > 0 ? kExitPlanErrors : kExitOk;
}

} // namespace pp::cli
