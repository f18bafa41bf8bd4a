#pragma once

#include "bench.h"

#include <QStringList>

namespace pp::cli {

class CliContext;

// One bench executable: its steps, and the steps another executable measures. `pocplan bench`
// and pocplanner-bench share this harness, so both take the same options and print the same table.
struct BenchTool {
    QString description;
    std::vector<BenchStep> steps;
    QStringList stepsElsewhere; // asked for with --step, they are a usage error that names `measuredBy`
    QString measuredBy;
};

// Parses the bench options (--json, --racks, --repeat, --step), times every step on generated
// plans and prints the table (or JSON) and the goals. Returns the process exit code.
int runBenchTool(CliContext &ctx, const QStringList &args, const BenchTool &tool);

} // namespace pp::cli
