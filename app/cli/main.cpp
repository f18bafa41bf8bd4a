#include "commands.h"

#include <QGuiApplication>

namespace pp::cli {

const std::vector<Command> &commands()
{
    static const std::vector<Command> list{
        {"new", "create a plan from a template", runNew},
        {"info", "devices, U, power, heat and capacity of a plan", runInfo},
        {"check", "check a plan against its site and the design rules", runCheck},
        {"whatif", "what a failure leaves: N-1/N-2 sweeps, single points of failure, GB/s and power left", runWhatIf},
        {"catalog", "list the device types and site profiles", runCatalog},
        {"size", "size a storage design from GPUs, bandwidth, capacity and checkpoints", runSize},
        {"compare", "compare designs with object-store and Lustre columns (md, csv, json, pdf)", runCompare},
        {"diff", "what changed between two versions of a plan (text, json, md, html, patch)", runDiff},
        {"merge-driver", "git merge driver: merge two edits of a plan object by object", runMergeDriver},
        {"export", "write the BOM, rack diagrams, cable plan, runbook, check report and NetBox files", runExport},
        {"netbox", "push a plan to NetBox over its REST API (--dry-run prints it)", runNetBox},
        {"bench", "measure load, checks and exports on generated plans", runBench},
        {"cable", "cable a plan automatically (switch pair, leaf-spine, uplinks, management)", runCable},
        {"cables", "list every link: both ends, cable, length, label", runCables},
        {"verify-cabling", "compare captured LLDP neighbours with the plan", runVerifyCabling},
        {"switch-config", "write switch configurations (NVUE) from the port map", runSwitchConfig},
    };
    return list;
}

static void printUsage(QTextStream &s)
{
    s << "Usage: pocplan <command> [options]\n\n"
         "POC Planner: plan, check and export AI-storage proof-of-concept deployments.\n\n"
         "Commands:\n";
    for (const Command &c : commands())
        s << "  " << QString::fromLatin1(c.name).leftJustified(16) << c.summary << "\n";
    s << "\nRun 'pocplan <command> --help' for the options of a command.\n"
         "Exit codes: 0 done and clean, 1 the plan has unwaived errors or an operation failed,\n"
         "2 usage error or unreadable / invalid input file.\n";
}

} // namespace pp::cli

int main(int argc, char **argv)
{
    using namespace pp::cli;
    // One application class for every command, chosen by design rather than by scanning argv:
    // the exporters paint PDF and PNG text with QtGui, which needs a QGuiApplication, and `bench`
    // and `export` paint by default. The offscreen platform needs no display and gives the same
    // output on a desktop and on a build server; a platform the caller set is kept.
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("pocplanner"));
    QCoreApplication::setOrganizationName(QStringLiteral("pocplanner"));
    QCoreApplication::setApplicationVersion(QStringLiteral(POCPLAN_VERSION));
    CliContext ctx;
    const QStringList args = QCoreApplication::arguments();
    if (args.size() < 2 || args.at(1) == QLatin1String("--help") || args.at(1) == QLatin1String("-h") ||
        args.at(1) == QLatin1String("help")) {
        printUsage(args.size() < 2 ? ctx.err() : ctx.out());
        return args.size() < 2 ? kExitUsage : kExitOk;
    }
    if (args.at(1) == QLatin1String("--version")) {
        ctx.out() << "pocplan " << POCPLAN_VERSION << Qt::endl;
        return kExitOk;
    }
    for (const Command &c : commands()) {
        if (args.at(1) == QLatin1String(c.name)) {
            QStringList sub = args.mid(2);
            sub.prepend(QStringLiteral("pocplan ") + args.at(1));
            return c.run(ctx, sub);
        }
    }
    ctx.err() << "error: unknown command '" << args.at(1) << "'\n\n";
    printUsage(ctx.err());
    return kExitUsage;
}
