#pragma once

#include "clicontext.h"

namespace pp::cli {

// One function per sub-command; args[0] is "pocplan <command>".
int runNew(CliContext &ctx, const QStringList &args);
int runInfo(CliContext &ctx, const QStringList &args);
int runCatalog(CliContext &ctx, const QStringList &args);
int runSize(CliContext &ctx, const QStringList &args);
int runCompare(CliContext &ctx, const QStringList &args);
int runBench(CliContext &ctx, const QStringList &args);
int runCheck(CliContext &ctx, const QStringList &args);
int runWhatIf(CliContext &ctx, const QStringList &args);
int runCable(CliContext &ctx, const QStringList &args);
int runCables(CliContext &ctx, const QStringList &args);
int runVerifyCabling(CliContext &ctx, const QStringList &args);
int runSwitchConfig(CliContext &ctx, const QStringList &args);
int runExport(CliContext &ctx, const QStringList &args);
int runNetBox(CliContext &ctx, const QStringList &args);
int runDiff(CliContext &ctx, const QStringList &args);
int runMergeDriver(CliContext &ctx, const QStringList &args);

struct Command {
    const char *name;
    const char *summary;
    int (*run)(CliContext &, const QStringList &);
};

const std::vector<Command> &commands();

} // namespace pp::cli
