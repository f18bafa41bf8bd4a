#pragma once

#include "catalog/io/jsonfields.h"

#include <QString>
#include <QStringList>
#include <optional>
#include <vector>

namespace pp::cli {

// One measured step at one plan size.
struct BenchResult {
    int racks = 0;
    qsizetype devices = 0;
    QString step;
    double medianMs = 0;
};

// How load compares to nlohmann_json parsing the same bytes (judged), and to simdjson's DOM parse
// of them (shown: the fastest parse Debian ships).
struct LoadRatio {
    int racks = 0;
    double ratio = 0;                      // load median / parse-floor median
    std::optional<double> toSimdjsonFloor; // load median / parse-floor-simdjson median, when it ran
};

// How a step's median grows from one plan size to a ten-times larger one.
struct BenchGrowth {
    QString step;
    int fromRacks = 0;
    int toRacks = 0;
    double factor = 0;
};

// A goal of the benchmark and what this run measured for it (nothing when its size did not run).
struct BenchGoalOutcome {
    QString what;
    QString unit;
    double limit = 0;
    std::optional<double> measured;
    bool met() const { return measured && *measured <= limit; }
};

// The figures the goals are judged on, derived from the raw medians.
struct BenchSummary {
    std::vector<LoadRatio> loadRatios;
    std::vector<BenchGrowth> growth;
    std::vector<BenchGoalOutcome> goals;
    QStringList stepsElsewhere; // measured by another executable: their goals are judged there
    QString measuredBy;
};

// stepsElsewhere: steps this executable does not offer (pocplan's canvas steps are measured by
// pocplanner-bench); their goals are left out here and the summary names where they are measured.
BenchSummary summarizeBench(const std::vector<BenchResult> &results, std::optional<double> peakRssMB,
                            const QStringList &stepsElsewhere = {}, const QString &measuredBy = {});

// The `pocplanner-bench` JSON document: the raw results plus the summary.
Json benchJson(const std::vector<BenchResult> &results, double peakRssMB, const BenchSummary &summary);

// The summary below the table: ratios, growth, and each goal met, missed or not measured.
QString benchSummaryText(const BenchSummary &summary);

} // namespace pp::cli
