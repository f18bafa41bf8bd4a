#pragma once

#include "catalog/io/jsonfields.h"
#include "catalog/model/figure.h"

#include <QString>
#include <map>
#include <vector>

namespace pp {

// A DGX SuperPOD storage tier: aggregate per scalable unit and single-node peaks.
struct SuperPodProfile {
    QString id;
    QString name;
    int suNodes = 32;
    Figure suReadGBps;
    Figure suWriteGBps;
    Figure nodeReadGBps;
    Figure nodeWriteGBps;
};

// Which switch ports face nodes, uplinks and ISLs, for a switch with this many ports.
struct SizingPortPlan {
    int switchPorts = 0;
    Figure nodePorts;
    Figure uplinkPorts;
    Figure islPorts;
};

// An Azure Managed Lustre throughput tier with its file-system size range.
struct LustreTier {
    QString id;
    QString name;
    Figure mbpsPerTiB;
    Figure minTiB;
    Figure maxTiB;
    Figure incrementTiB;
};

// A named design the customer asked for: its sizing inputs (JSON) and the figures they quoted.
struct DesignPreset {
    QString id;
    QString name;
    QString note;
    Json inputs;
    Json quoted;
};

// The sizing figures of resources/sizing/sizing.json, each with its source and confidence.
struct SizingData {
    std::map<QString, QString> sourceTitles;
    Figure bytesPerParam;
    Figure exampleParams;
    Figure exampleIntervalMin;
    Figure exampleStallPct;
    std::vector<SuperPodProfile> profiles;
    Figure readEfficiency;
    Figure writeEfficiency;
    Figure observedReadEfficiency;
    Figure observedWriteEfficiency;
    Figure clientLinkEfficiency;
    std::vector<SizingPortPlan> portPlans;
    Figure objectStoreTbitPer100PB;
    Figure objectStoreRacks;
    Figure objectStorePowerKW;
    Figure accountIngressGbps;
    Figure accountEgressGbps;
    std::vector<LustreTier> lustreTiers;
    Figure lustreOnRequestMaxPB;
    Figure cnodeDboxRatio;
    Figure datasetTB;
    Figure targetGpus;
    Figure siteMinMW;
    Figure siteMaxMW;
    Figure targetUsablePB;
    std::vector<DesignPreset> designs;

    // The data bundled in the binaries; aborts if the bundled file is broken (a build error).
    static const SizingData &builtIn();
    // Throws FieldError naming the JSON path.
    static SizingData fromJson(const Json &doc);

    const SuperPodProfile *profile(const QString &id) const;
    const DesignPreset *design(const QString &id) const;
    // The port plan for a switch with this many ports, or nullptr when none is known.
    const SizingPortPlan *portPlan(int switchPorts) const;
};

} // namespace pp
