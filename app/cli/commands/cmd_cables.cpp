#include "app/cli/commands.h"

#include "exporters/cabling/cablelistwriter.h"
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
    const CableListData list = buildCableList(plan);
    const QByteArray bytes = parser.isSet(jsonOpt) ? CableListWriter::json(list) : CableListWriter::text(list);
    ctx.out() << QString::fromUtf8(bytes) << Qt::flush;
    return kExitOk;
}

} // namespace pp::cli
