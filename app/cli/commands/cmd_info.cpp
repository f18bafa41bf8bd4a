#include "app/cli/commands.h"

#include "exporters/reports/planinfowriter.h"

#include <QCommandLineParser>

namespace pp::cli {

int runInfo(CliContext &ctx, const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption jsonOpt(QStringLiteral("json"), QStringLiteral("Print JSON."));
    const QCommandLineOption catalogOpt(QStringLiteral("catalog"), QStringLiteral("Extra catalog file or folder."),
                                        QStringLiteral("file"));
    parser.addOptions({jsonOpt, catalogOpt});
    parser.addPositionalArgument(QStringLiteral("plan"), QStringLiteral("Plan file."));
    if (const int rc = ctx.parse(
            parser, args, QStringLiteral("Show devices by role, U per rack, power, heat and capacity of a plan."));
        rc >= 0)
        return rc;
    if (parser.positionalArguments().size() != 1) {
        ctx.err() << "error: expected one plan file" << Qt::endl;
        return kExitUsage;
    }
    if (!ctx.loadCatalog(parser.values(catalogOpt)))
        return kExitUsage;
    Plan plan;
    if (!ctx.loadPlan(parser.positionalArguments().first(), plan))
        return kExitUsage;
    SiteProfile site;
    if (!ctx.resolveSite(parser.positionalArguments().first(), plan, site))
        return kExitUsage;
    const PlanInfoData info = buildPlanInfo(ResolvedPlan(plan, ctx.catalog(), site));
    const QByteArray bytes = parser.isSet(jsonOpt) ? PlanInfoWriter::json(info) : PlanInfoWriter::text(info);
    ctx.out() << QString::fromUtf8(bytes) << Qt::flush;
    return kExitOk;
}

} // namespace pp::cli
