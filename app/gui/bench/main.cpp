// pocplanner-bench: the editor's canvas steps of the benchmark (scene, scene-edit), with the same
// options, table and goals as `pocplan bench`, which measures every other step.
//
// A separate executable rather than `pocplanner --bench`: the canvas is measured on the offscreen
// platform, which must be chosen before the QApplication exists, so `pocplanner` would have to scan
// argv for --bench before parsing (what pocplan no longer does); and the shipped editor stays free
// of the bench harness. This tool is built beside pocplanner and not installed.

#include "app/cli/bench/bench.h"
#include "app/cli/bench/benchrunner.h"
#include "app/cli/clicontext.h"
#include "app/gui/canvas/scenebench.h"

#include <QApplication>
#include <map>
#include <memory>

namespace {

std::vector<pp::cli::BenchStep> canvasSteps()
{
    using pp::cli::BenchInput;
    std::vector<pp::cli::BenchStep> steps;
    steps.push_back(
        {QStringLiteral("scene"), [](const BenchInput &in) { pp::gui::benchBuildScene(*in.plan, *in.catalog); }});
    steps.push_back({QStringLiteral("scene-edit"), [](const BenchInput &in) {
                         // The canvas is built once per plan size (the first run pays for it; the median does not).
                         static std::map<const pp::Plan *, std::unique_ptr<pp::gui::SceneEditBench>> fixtures;
                         auto &fixture = fixtures[in.plan];
                         if (!fixture)
                             fixture = std::make_unique<pp::gui::SceneEditBench>(*in.plan, *in.catalog);
                         fixture->editOnce();
                     }});
    return steps;
}

} // namespace

int main(int argc, char **argv)
{
    // Offscreen unless the caller chose a platform: figures that do not depend on a display.
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("pocplanner"));
    QCoreApplication::setOrganizationName(QStringLiteral("pocplanner"));
    QCoreApplication::setApplicationVersion(QStringLiteral(POCPLAN_VERSION));

    pp::cli::BenchTool tool;
    tool.description = QStringLiteral("Measure the editor's canvas (build the scene; one undoable move with the "
                                      "re-check and repaint) on generated, cabled plans; medians of repeated runs. "
                                      "`pocplan bench` measures the other steps.");
    tool.steps = canvasSteps();
    for (const pp::cli::BenchStep &step : pp::cli::benchSteps())
        tool.stepsElsewhere << step.name;
    tool.measuredBy = QStringLiteral("pocplan bench");
    pp::cli::CliContext ctx;
    QStringList args = QCoreApplication::arguments();
    args[0] = QStringLiteral("pocplanner-bench");
    return pp::cli::runBenchTool(ctx, args, tool);
}
