#include "app/cli/commands.h"

#include "exporters/cabling/cablingreportwriter.h"
#include "planner/io/planio.h"
#include "planner/model/resolvedplan.h"
#include "planner/topology/autocabler.h"

#include <QCommandLineParser>
#include <QFileInfo>

namespace pp::cli {

// --policy takes a built-in id or a policy file.
static bool resolvePolicy(CliContext &ctx, const QString &value, CablePolicy &policy)
{
    if (const CablePolicy *p = CablePolicy::builtIn(value)) {
        policy = *p;
        return true;
    }
    if (!QFileInfo::exists(value)) {
        QStringList ids;
        for (const CablePolicy &p : CablePolicy::builtIns())
            ids << p.id;
        ctx.err() << "error: --policy: \"" << value << "\" is neither a built-in policy ("
                  << ids.join(QStringLiteral(", ")) << ") nor a file" << Qt::endl;
        return false;
    }
    LoadError error;
    if (!CablePolicy::loadFile(value, policy, &error)) {
        ctx.err() << "error: " << error.toString() << Qt::endl;
        return false;
    }
    return true;
}

int runCable(CliContext &ctx, const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption outOpt(QStringList{QStringLiteral("o"), QStringLiteral("output")},
                                    QStringLiteral("Write the cabled plan here (may be the input file)."),
                                    QStringLiteral("file"));
    const QCommandLineOption policyOpt(
        QStringLiteral("policy"),
        QStringLiteral("Cable policy: a built-in id (default, aoc-node-links) or a policy JSON file. Default: the "
                       "site's network.cablePolicy, else \"default\"."),
        QStringLiteral("id|file"));
    const QCommandLineOption ratioOpt(
        QStringLiteral("oversubscription"),
        QStringLiteral("Leaf downlink : uplink bandwidth for leaf-spine designs, e.g. 1 or 3 (default: the policy's)."),
        QStringLiteral("R"));
    const QCommandLineOption noAddOpt(
        QStringLiteral("no-add-switches"),
        QStringLiteral("Never add leaf or spine switches; report the ports left unconnected instead."));
    const QCommandLineOption jsonOpt(QStringLiteral("json"), QStringLiteral("Print the cabling report as JSON."));
    const QCommandLineOption catalogOpt(QStringLiteral("catalog"), QStringLiteral("Extra catalog file or folder."),
                                        QStringLiteral("file"));
    parser.addOptions({outOpt, policyOpt, ratioOpt, noAddOpt, jsonOpt, catalogOpt});
    parser.addPositionalArgument(QStringLiteral("plan"), QStringLiteral("Plan file."));
    if (const int rc = ctx.parse(
            parser, args,
            QStringLiteral(
                "Cable a plan automatically: dual-home every C-node and D-box data port across the data switch pair, "
                "ISLs within each pair, management and BMC ports to the management switch, site uplinks with the "
                "site's count and speed, and leaf-spine (adding leaves and spines) when one pair is not enough. "
                "Links marked \"manual\": true are kept. Exit 1 when some ports could not be cabled (the plan is "
                "still written)."));
        rc >= 0)
        return rc;
    if (parser.positionalArguments().size() != 1 || !parser.isSet(outOpt)) {
        ctx.err() << "error: expected one plan file and -o FILE" << Qt::endl << Qt::endl << parser.helpText();
        return kExitUsage;
    }
    CablingOptions options;
    CablePolicy policy;
    if (parser.isSet(policyOpt)) {
        if (!resolvePolicy(ctx, parser.value(policyOpt), policy))
            return kExitUsage;
        options.policy = &policy;
    }
    if (parser.isSet(ratioOpt)) {
        bool ok = false;
        const double r = parser.value(ratioOpt).toDouble(&ok);
        if (!ok || r < 0.1 || r > 100) {
            ctx.err() << "error: --oversubscription: \"" << parser.value(ratioOpt)
                      << "\" is not a ratio between 0.1 and 100" << Qt::endl;
            return kExitUsage;
        }
        options.oversubscription = r;
    }
    options.addSwitches = !parser.isSet(noAddOpt);
    if (!ctx.loadCatalog(parser.values(catalogOpt)))
        return kExitUsage;
    const QString input = parser.positionalArguments().first();
    Plan plan;
    if (!ctx.loadPlan(input, plan))
        return kExitUsage;
    SiteProfile site;
    if (!ctx.resolveSite(input, plan, site))
        return kExitUsage;
    const CablingReport report = autoCable(plan, ctx.catalog(), site, options);
    QString writeError;
    const QString output = parser.value(outOpt);
    if (!savePlanFile(plan, output, &writeError)) {
        ctx.err() << "error: " << writeError << Qt::endl;
        return kExitPlanErrors;
    }
    const QByteArray bytes = parser.isSet(jsonOpt) ? CablingReportWriter::json(report, output)
                                                   : CablingReportWriter::text(report, input, output);
    ctx.out() << QString::fromUtf8(bytes) << Qt::flush;
    for (const QString &w : report.warnings)
        ctx.err() << "warning: " << w << Qt::endl;
    for (const QString &e : report.errors)
        ctx.err() << "error: " << e << Qt::endl;
    return report.errors.isEmpty() ? kExitOk : kExitPlanErrors;
}

} // namespace pp::cli
