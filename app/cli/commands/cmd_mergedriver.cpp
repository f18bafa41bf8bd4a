#include "app/cli/commands.h"

#include "planner/diff/planmerge.h"
#include "planner/io/planio.h"

#include <QCommandLineParser>

namespace pp::cli {

int runMergeDriver(CliContext &ctx, const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption catalogOpt(QStringLiteral("catalog"), QStringLiteral("Extra catalog file or folder."),
                                        QStringLiteral("file"));
    parser.addOptions({catalogOpt});
    parser.addPositionalArgument(QStringLiteral("base"), QStringLiteral("%O: the common ancestor."));
    parser.addPositionalArgument(QStringLiteral("ours"), QStringLiteral("%A: our version; the merge is written here."));
    parser.addPositionalArgument(QStringLiteral("theirs"), QStringLiteral("%B: their version."));
    parser.addPositionalArgument(QStringLiteral("path"), QStringLiteral("%P: the plan's path, for messages."),
                                 QStringLiteral("[path]"));
    if (const int rc = ctx.parse(
            parser, args,
            QStringLiteral("Git merge driver for plan files: merges two edits of a plan object by object (racks, "
                           "devices, links, uplinks, waivers, plan and site fields) and writes the result to the "
                           "ours file. Real conflicts are listed by object and field on stderr; the ours file is "
                           "then left as it was.\n"
                           "In .gitattributes: *.pocplan.json merge=pocplan; in git config: "
                           "merge.pocplan.driver = pocplan merge-driver %O %A %B %P\n"
                           "Exit code 0 merged, 1 conflicts, 2 unreadable input."));
        rc >= 0)
        return rc;
    const QStringList files = parser.positionalArguments();
    if (files.size() != 3 && files.size() != 4) {
        ctx.err() << "error: expected three plan files: base, ours, theirs (and optionally the path)" << Qt::endl;
        return kExitUsage;
    }
    if (!ctx.loadCatalog(parser.values(catalogOpt)))
        return kExitUsage;
    const QString name = files.size() == 4 ? files.at(3) : files.at(1);
    Plan base;
    Plan ours;
    Plan theirs;
    if (!ctx.loadPlan(files.at(0), base) || !ctx.loadPlan(files.at(1), ours) || !ctx.loadPlan(files.at(2), theirs))
        return kExitUsage;
    const MergeResult merged = mergePlans(base, ours, theirs, &ctx.catalog());
    if (!merged.ok()) {
        ctx.err() << name << ": " << merged.conflicts.size() << " merge conflict"
                  << (merged.conflicts.size() == 1 ? "" : "s") << " (the file keeps our version):\n";
        for (const MergeConflict &c : merged.conflicts)
            ctx.err() << "  " << c.toString() << "\n";
        ctx.err() << Qt::flush;
        return kExitPlanErrors;
    }
    QString error;
    if (!writeFileAtomically(files.at(1), planToBytes(merged.plan), &error)) {
        ctx.err() << "error: " << error << Qt::endl;
        return kExitPlanErrors;
    }
    return kExitOk;
}

} // namespace pp::cli
