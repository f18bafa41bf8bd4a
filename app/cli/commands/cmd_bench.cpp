#include "app/cli/bench/bench.h"
#include "app/cli/bench/benchrunner.h"
#include "app/cli/commands.h"

namespace pp::cli {

// The editor's canvas steps need Qt Widgets, which pocplan does not link: pocplanner-bench
// (app/gui/bench) measures them with the same options and the same report.
int runBench(CliContext &ctx, const QStringList &args)
{
    BenchTool tool;
    tool.description = QStringLiteral("Measure the planner on generated, cabled plans of 1, 10, 100 and 1,000 racks "
                                      "(about 20 devices each); medians of repeated runs. The editor's canvas "
                                      "(scene, scene-edit) is measured by pocplanner-bench.");
    tool.steps = benchSteps();
    tool.stepsElsewhere = {QStringLiteral("scene"), QStringLiteral("scene-edit")};
    tool.measuredBy = QStringLiteral("pocplanner-bench");
    return runBenchTool(ctx, args, tool);
}

} // namespace pp::cli
