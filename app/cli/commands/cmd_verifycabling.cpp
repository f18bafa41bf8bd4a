#include "app/cli/commands.h"

#include "planner/topology/lldpneighbours.h"

#include <QCommandLineParser>
#include <QFile>
#include <QFileInfo>

namespace pp::cli {

namespace {

// One capture per file: the LLDP neighbours of one switch; false: a file is unreadable, said on stderr.
bool readCaptures(CliContext &ctx, const QStringList &files, std::vector<LldpCapture> &captures)
{
    for (const QString &file : files) {
        QFile f(file);
        if (!f.open(QIODevice::ReadOnly)) {
            ctx.err() << "error: " << file << ": " << f.errorString() << Qt::endl;
            return false;
        }
        LldpCapture capture;
        QString why;
        if (!parseLldpCapture(QString::fromUtf8(f.readAll()), QFileInfo(file).completeBaseName(), capture, &why)) {
            ctx.err() << "error: " << file << ": " << why << Qt::endl;
            return false;
        }
        captures.push_back(std::move(capture));
    }
    return true;
}

// The result as JSON (format pocplanner-cabling-verification, version 1).
Json verificationJson(const CablingVerification &result)
{
    Json mismatches = Json::array();
    for (const CablingMismatch &m : result.mismatches) {
        const char *kind = m.kind == CablingMismatch::Kind::Miswired ? "miswired"
            : m.kind == CablingMismatch::Kind::Missing               ? "missing"
                                                                     : "unexpected";
        mismatches.push_back({{"kind", kind},
                              {"switch", m.localHost.toStdString()},
                              {"port", m.localPort.toStdString()},
                              {"expected", m.expected.toStdString()},
                              {"found", m.found.toStdString()},
                              {"label", m.label.toStdString()}});
    }
    Json swaps = Json::array(), hosts = Json::array(), unknown = Json::array();
    for (const QString &s : result.swaps)
        swaps.push_back(s.toStdString());
    for (const QString &s : result.hostsChecked)
        hosts.push_back(s.toStdString());
    for (const QString &s : result.unknownHosts)
        unknown.push_back(s.toStdString());
    return Json{{"format", "pocplanner-cabling-verification"},
                {"version", 1},
                {"clean", result.clean()},
                {"matched", result.matched},
                {"switches", hosts},
                {"unknownSwitches", unknown},
                {"mismatches", mismatches},
                {"swaps", swaps}};
}

} // namespace

int runVerifyCabling(CliContext &ctx, const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption jsonOpt(QStringLiteral("json"), QStringLiteral("Print JSON."));
    const QCommandLineOption catalogOpt(QStringLiteral("catalog"), QStringLiteral("Extra catalog file or folder."),
                                        QStringLiteral("file"));
    parser.addOptions({jsonOpt, catalogOpt});
    parser.addPositionalArgument(QStringLiteral("plan"), QStringLiteral("Plan file."));
    parser.addPositionalArgument(QStringLiteral("capture"), QStringLiteral("LLDP output of one switch per file."),
                                 QStringLiteral("FILE…"));
    if (const int rc = ctx.parse(
            parser, args,
            QStringLiteral(
                "Compare captured LLDP neighbour tables with the plan and list miswired, missing and unexpected links "
                "(and swapped pairs). Each FILE holds the output of one switch: NVUE `nv show interface --view=lldp`, "
                "SONiC `show lldp table` (alias naming mode) "
                "or "
                "Arista `show lldp neighbors`; the switch is named by the prompt line in the file (cumulus@leaf-a:~$ "
                "…, "
                "leaf-a# …) or else by the file name without extension. Exit 0 when the cabling matches, 1 when it "
                "does not."));
        rc >= 0)
        return rc;
    const QStringList pos = parser.positionalArguments();
    if (pos.size() < 2) {
        ctx.err() << "error: expected a plan file and at least one LLDP capture file" << Qt::endl;
        return kExitUsage;
    }
    if (!ctx.loadCatalog(parser.values(catalogOpt)))
        return kExitUsage;
    Plan plan;
    if (!ctx.loadPlan(pos.first(), plan))
        return kExitUsage;
    std::vector<LldpCapture> captures;
    if (!readCaptures(ctx, pos.mid(1), captures))
        return kExitUsage;
    const CablingVerification result = verifyCabling(expectedNeighbours(plan, ctx.catalog()), captures);
    if (parser.isSet(jsonOpt)) {
        ctx.out() << QString::fromStdString(verificationJson(result).dump(2)) << Qt::endl;
    } else {
        ctx.out() << cablingVerificationText(result);
    }
    return result.clean() ? kExitOk : kExitPlanErrors;
}

} // namespace pp::cli
