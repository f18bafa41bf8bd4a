#include "app/cli/commands.h"

#include "exporters/cabling/lldpneighbourcsvwriter.h"

#include <QCommandLineParser>

namespace pp::cli {

int runCables(CliContext &ctx, const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption jsonOpt(
        QStringLiteral("json"),
        QStringLiteral(
            "Print JSON: {\"links\": [{\"a\", \"b\", \"cable\", \"lengthM\", \"label\"}], \"uplinks\": […]}."));
    const QCommandLineOption lldpOpt(
        QStringLiteral("lldp"),
        QStringLiteral("Print the expected LLDP neighbour table (CSV, one row per switch port) instead."));
    const QCommandLineOption catalogOpt(QStringLiteral("catalog"), QStringLiteral("Extra catalog file or folder."),
                                        QStringLiteral("file"));
    parser.addOptions({jsonOpt, lldpOpt, catalogOpt});
    parser.addPositionalArgument(QStringLiteral("plan"), QStringLiteral("Plan file."));
    if (const int rc =
            ctx.parse(parser, args,
                      QStringLiteral(
                          "List every link of a plan: both ends, cable type, length and label; and the site uplinks."));
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
    if (parser.isSet(lldpOpt)) {
        ctx.out() << QString::fromUtf8(LldpNeighbourCsvWriter::csv(expectedNeighbours(plan, ctx.catalog())));
        return kExitOk;
    }
    if (parser.isSet(jsonOpt)) {
        Json links = Json::array();
        for (const Link &l : plan.links)
            links.push_back({{"a", l.a.toString().toStdString()},
                             {"b", l.b.toString().toStdString()},
                             {"cable", l.cable.toStdString()},
                             {"lengthM", l.lengthM},
                             {"label", l.label.toStdString()},
                             {"manual", l.manual}});
        Json uplinks = Json::array();
        for (const Uplink &u : plan.uplinks)
            uplinks.push_back(
                {{"device", u.device.toStdString()}, {"port", u.port.toStdString()}, {"speedGbps", u.speedGbps}});
        ctx.out() << QString::fromStdString(Json{{"links", links}, {"uplinks", uplinks}}.dump(2)) << Qt::endl;
        return kExitOk;
    }
    int wa = 4, wb = 4, wc = 5;
    for (const Link &l : plan.links) {
        wa = std::max(wa, static_cast<int>(l.a.toString().size()));
        wb = std::max(wb, static_cast<int>(l.b.toString().size()));
        wc = std::max(wc, static_cast<int>(l.cable.size()));
    }
    ctx.out() << QStringLiteral("%1  %2  %3  %4  %5\n")
                     .arg(QStringLiteral("A"), -wa)
                     .arg(QStringLiteral("B"), -wb)
                     .arg(QStringLiteral("CABLE"), -wc)
                     .arg(QStringLiteral("LENGTH"), 7)
                     .arg(QStringLiteral("LABEL"));
    for (const Link &l : plan.links)
        ctx.out() << QStringLiteral("%1  %2  %3  %4  %5%6\n")
                         .arg(l.a.toString(), -wa)
                         .arg(l.b.toString(), -wb)
                         .arg(l.cable.isEmpty() ? QStringLiteral("?") : l.cable, -wc)
                         .arg(l.lengthM > 0 ? QStringLiteral("%1 m").arg(l.lengthM, 0, 'f', 1) : QStringLiteral("?"), 7)
                         .arg(l.label, l.manual ? QStringLiteral("  (by hand)") : QString());
    for (const Uplink &u : plan.uplinks)
        ctx.out()
            << QStringLiteral("uplink %1:%2 %3 Gbit/s to the site network\n").arg(u.device, u.port).arg(u.speedGbps);
    ctx.out() << QStringLiteral("%1 links, %2 site uplinks\n").arg(plan.links.size()).arg(plan.uplinks.size());
    return kExitOk;
}

} // namespace pp::cli
