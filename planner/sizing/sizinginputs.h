#pragma once

#include "catalog/io/jsonfields.h"

#include <QString>
#include <optional>

namespace pp {

class Catalog;
struct DesignPreset;
struct SizingData;
struct SiteProfile;

// What the engineer asks of a storage design: GPUs, bandwidth, capacity, checkpoints, hardware
// and site limits. Fixed counts (fixedCnodes/fixedDboxes > 0) turn sizing around: counts → figures.
struct SizingInputs {
    QString name;
    int gpus = 0;
    int gpusPerNode = 8;
    QString profile = QStringLiteral("better"); // good, better, best, or custom
    double customReadGBpsPerGpu = 0;            // used when profile == "custom"
    double customWriteGBpsPerGpu = 0;
    double capacityPB = 0; // usable (logical) capacity wanted today

    double ckptParams = 0; // model parameters; 0 = no checkpoint constraint
    double ckptBytesPerParam = 14;
    double ckptIntervalMin = 30;
    double ckptStallPct = 5;

    std::optional<double> mixReadPct; // concurrent read share of GPU traffic; unset = phases apart
    double dataReduction = 1.0;       // effective capacity = usable × this
    double growthYears = 0;
    double growthPctPerYear = 0;

    double readEfficiency = 1.0; // achievable / nominal
    double writeEfficiency = 1.0;
    double linkEfficiency = 0.96; // payload / line rate on client links
    double reservePct = 0;        // capacity kept free beyond erasure coding

    QString cnodeType = QStringLiteral("cnode-turin");
    QString dboxType = QStringLiteral("dbox-ceres-1350");
    QString switchType = QStringLiteral("sw-sn5600");
    QString mgmtSwitchType = QStringLiteral("sw-sn2201");
    QString pduType = QStringLiteral("pdu-415v-32a-3ph");
    QString site = QStringLiteral("customer-lab-poc");

    double rackKW = 30;
    int rackU = 42;
    double feedCapacityKW = 0;  // one feed's usable kW; 0 = not limiting
    bool feedsRedundant = true; // A+B: one feed carries the whole rack
    double siteMW = 0;          // 0 = no site limit

    int fixedCnodes = 0;
    int fixedDboxes = 0;

    double datasetTB = 30;
    double wanGbps = 800;
    double wanEfficiency = 0.96;

    // Defaults from resources/sizing (bytes per parameter, efficiencies, dataset size).
    static SizingInputs defaults(const SizingData &data);
    // Site limits (rack kW and U, feed capacity, WAN uplinks) from a site profile.
    void applySite(const SiteProfile &site);
    // Sets the keys present in a design preset's "inputs"; throws FieldError naming the path.
    void applyJson(const Json &inputs, const QString &path);
    Json toJson() const;

    // Defaults, then the preset's site profile (when the catalog has it), then the preset's inputs.
    static SizingInputs forDesign(const DesignPreset &preset, const SizingData &data, const Catalog &catalog);
};

} // namespace pp
