#pragma once

#include "catalog/model/catalog.h"
#include "planner/model/plan.h"

#include <QByteArray>
#include <functional>
#include <vector>

namespace pp::cli {

// One input size of the benchmark: a generated plan, its file bytes, and the catalog.
struct BenchInput {
    int racks = 0;
    const Plan *plan = nullptr;
    QByteArray planBytes;
    const Catalog *catalog = nullptr;
};

// A measured step; run() does the work once and the harness times repeated calls.
struct BenchStep {
    QString name;
    std::function<void(const BenchInput &)> run;
    int maxRacks = 1000; // sizes above this are skipped for slow steps
};

// The steps of `pocplan bench`: everything that needs no Qt Widgets (load, rules, cabling,
// sizing, exports). The editor's canvas steps live in pocplanner-bench (app/gui/bench).
std::vector<BenchStep> benchSteps();
double peakRssMB();

} // namespace pp::cli
