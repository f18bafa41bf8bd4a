#include "app/cli/commands.h"

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

static Json reportJson(const CablingReport &r, const QString &output)
{
    const auto list = [](const QStringList &l) {
        Json a = Json::array();
        for (const QString &s : l)
            a.push_back(s.toStdString());
        return a;
    };
    return Json{{"output", output.toStdString()},
                {"policy", r.policyId.toStdString()},
                {"oversubscription", r.oversubscription},
                {"leafSpine", r.leafSpine},
                {"leafPairs", r.leafPairs},
                {"spines", r.spines},
                {"switchesAdded", r.switchesAdded},
                {"racksAdded", r.racksAdded},
                {"linksMade", r.linksMade},
                {"manualKept", r.manualKept},
                {"uplinks", r.uplinks},
                {"errors", list(r.errors)},
                {"warnings", list(r.warnings)},
                {"notes", list(r.notes)}};
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
    if (parser.isSet(jsonOpt)) {
        ctx.out() << QString::fromStdString(reportJson(report, output).dump(2)) << Qt::endl;
    } else {
        ctx.out() << QStringLiteral(
                         "Cabled %1 → %2 with policy \"%3\": %4 links made, %5 kept by hand, %6 site uplinks\n")
                         .arg(input, output, report.policyId)
                         .arg(report.linksMade)
                         .arg(report.manualKept)
                         .arg(report.uplinks);
        ctx.out() << QStringLiteral("Topology: %1, %2 leaf pair(s), %3 spine(s), oversubscription %4:1; %5 switch(es) "
                                    "and %6 rack(s) added\n")
                         .arg(report.leafSpine ? QStringLiteral("leaf-spine") : QStringLiteral("one switch pair"))
                         .arg(report.leafPairs)
                         .arg(report.spines)
                         .arg(report.oversubscription)
                         .arg(report.switchesAdded)
                         .arg(report.racksAdded);
        constexpr int kMaxNotes = 20;
        for (int i = 0; i < report.notes.size() && i < kMaxNotes; ++i)
            ctx.out() << "note: " << report.notes.at(i) << "\n";
        if (report.notes.size() > kMaxNotes)
            ctx.out() << "note: … and " << report.notes.size() - kMaxNotes << " more (see --json)\n";
    }
    for (const QString &w : report.warnings)
        ctx.err() << "warning: " << w << Qt::endl;
    for (const QString &e : report.errors)
        ctx.err() << "error: " << e << Qt::endl;
    return report.errors.isEmpty() ? kExitOk : kExitPlanErrors;
}

} // namespace pp::cli
