#include "app/cli/commands.h"

#include "planner/model/plansummary.h"

#include <QCommandLineParser>

namespace pp::cli {

static Json infoJson(const ResolvedPlan &resolved, const PlanSummary &s)
{
    Json counts = Json::object();
    for (auto it = s.countsByRole.cbegin(); it != s.countsByRole.cend(); ++it)
        counts[it.key().toStdString()] = it.value();
    Json racks = Json::array();
    for (const RackSummary &r : s.racks)
        racks.push_back({{"id", r.id.toStdString()},
                         {"name", r.name.toStdString()},
                         {"heightU", r.heightU},
                         {"usedU", r.usedU},
                         {"typicalW", r.typicalW},
                         {"maxW", r.maxW},
                         {"weightKg", r.weightKg}});
    const SiteProfile &site = resolved.site();
    return Json{
        {"plan", resolved.plan().name.toStdString()},
        {"site", {{"id", site.id.toStdString()}, {"budgetKW", site.power.budgetKW}}},
        {"counts", counts},
        {"power", {{"typicalW", s.typicalW}, {"maxW", s.maxW}, {"devicesWithUnknownPower", s.devicesWithUnknownPower}}},
        {"heat",
         {{"btuPerHour", s.heatBtuPerHour()}, {"kW", s.typicalW / 1000.0}, {"maxBtuPerHour", s.maxHeatBtuPerHour()}}},
        {"capacity", {{"rawTB", s.rawTB}, {"usableTB", s.usableTB}, {"clusterSsds", s.clusterSsds}}},
        {"weightKg", s.weightKg},
        {"racks", racks}};
}

static void printInfo(QTextStream &out, const ResolvedPlan &resolved, const PlanSummary &s)
{
    const Plan &plan = resolved.plan();
    out << "Plan:      " << plan.name << "\n";
    out << "Site:      " << resolved.site().name << " (" << resolved.site().id << "), budget "
        << resolved.site().power.budgetKW << " kW\n";
    out << "Devices:   ";
    QStringList parts;
    for (auto it = s.countsByRole.cbegin(); it != s.countsByRole.cend(); ++it)
        parts << QStringLiteral("%1 %2").arg(it.value()).arg(it.key());
    out << parts.join(QStringLiteral(", ")) << "\n";
    out << QStringLiteral("Power:     %1 kW typical, %2 kW max")
               .arg(s.typicalW / 1000.0, 0, 'f', 2)
               .arg(s.maxW / 1000.0, 0, 'f', 2);
    if (s.devicesWithUnknownPower)
        out << " (" << s.devicesWithUnknownPower << " devices with unknown power not counted)";
    out << "\n";
    out << QStringLiteral("Heat:      %1 kW, %2 BTU/h typical\n")
               .arg(s.typicalW / 1000.0, 0, 'f', 2)
               .arg(s.heatBtuPerHour(), 0, 'f', 0);
    out << QStringLiteral("Capacity:  %1 TB raw, %2 TB usable (%3 SSDs)\n")
               .arg(s.rawTB, 0, 'f', 1)
               .arg(s.usableTB, 0, 'f', 1)
               .arg(s.clusterSsds);
    out << QStringLiteral("Weight:    %1 kg\n").arg(s.weightKg, 0, 'f', 1);
    out << "Racks:\n";
    for (const RackSummary &r : s.racks)
        out << QStringLiteral("  %1 %2: %3/%4 U, %5 kW typical, %6 kW max\n")
                   .arg(r.id, r.name)
                   .arg(r.usedU)
                   .arg(r.heightU)
                   .arg(r.typicalW / 1000.0, 0, 'f', 2)
                   .arg(r.maxW / 1000.0, 0, 'f', 2);
}

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
    const ResolvedPlan resolved(plan, ctx.catalog(), site);
    const PlanSummary summary = summarize(resolved);
    if (parser.isSet(jsonOpt))
        ctx.out() << QString::fromStdString(infoJson(resolved, summary).dump(2)) << Qt::endl;
    else
        printInfo(ctx.out(), resolved, summary);
    return kExitOk;
}

} // namespace pp::cli
