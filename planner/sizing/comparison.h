#pragma once

#include "planner/sizing/sizingresult.h"

#include <QMap>
#include <optional>
#include <vector>

namespace pp {

struct SizingData;

// One row of the side-by-side table: a figure key, its label and unit.
struct ComparisonRow {
    QString key;
    QString label;
    QString unit;
    int precision = 1;
};

// One column: a sized design, the cloud object store or a Lustre tier. A missing value is unknown.
struct ComparisonColumn {
    QString id;
    QString name;
    QString kind;                                // design, object-store, lustre
    QMap<QString, std::optional<double>> values; // a key without a value is unknown; a missing key is n/a
    QString note;

    std::optional<double> value(const QString &key) const { return values.value(key); }
    bool applies(const QString &key) const { return values.contains(key); }
};

// Time to pre-stage a dataset from the object store and to copy a checkpoint back, over the WAN.
struct DataMovement {
    QString design;
    double datasetTB = 0;
    double prestageGbps = 0;
    double prestageS = 0;
    QString prestageLimitedBy;
    double checkpointTB = 0;
    double copyBackGbps = 0;
    std::optional<double> copyBackS;
    QString copyBackLimitedBy;
    double intervalS = 0;
    bool copyBackKeepsUp = true;
};

// How many pods reach a target, their totals, and the share of site power that storage takes.
struct Extrapolation {
    QString design;
    QString target; // "1 EB usable", "400,000 GPUs"
    int pods = 0;
    int cnodes = 0;
    int dboxes = 0;
    int racks = 0;
    double usablePB = 0;
    double readTBps = 0;
    double writeTBps = 0;
    double typicalKW = 0;
    double maxKW = 0;
    double siteMinMW = 0;
    double siteMaxMW = 0;
    double powerShareMinPct = 0; // of the larger site
    double powerShareMaxPct = 0; // of the smaller site
};

// Designs side by side with object-store and Lustre columns at the reference design's capacity.
struct Comparison {
    std::vector<SizingResult> designs;
    std::vector<ComparisonColumn> columns;
    std::vector<DataMovement> movement;
    std::vector<Extrapolation> extrapolations;
    int referenceIndex = 0; // which design sets the capacity of the comparison columns

    static const std::vector<ComparisonRow> &rows();
};

// User figures for the object store where no public source gives them.
struct ObjectStoreUserFigures {
    std::optional<double> racks;
    std::optional<double> powerKW;
};

ComparisonColumn columnFor(const SizingResult &result);
// checkpointTB and intervalS (0 = none) give the checkpoint write time and stall of each column.
ComparisonColumn objectStoreColumn(const SizingData &data, double usablePB, double checkpointTB,
                                   const ObjectStoreUserFigures &user, double intervalS = 0);
std::vector<ComparisonColumn> lustreColumns(const SizingData &data, double usablePB, double checkpointTB,
                                            double intervalS = 0);
DataMovement dataMovementFor(const SizingResult &result, const SizingData &data);
Extrapolation extrapolate(const SizingResult &pod, const QString &target, int pods, const SizingData &data);
std::vector<Extrapolation> extrapolationsFor(const SizingResult &pod, const SizingData &data);

Comparison buildComparison(std::vector<SizingResult> designs, int referenceIndex, const SizingData &data,
                           const ObjectStoreUserFigures &user = {});

} // namespace pp
