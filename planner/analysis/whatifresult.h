#pragma once

#include <QString>
#include <QStringList>
#include <array>
#include <optional>
#include <vector>

namespace pp {

// What the remainder must still deliver: the sizing tier's read and write, the usable capacity and
// the checkpoint stall limit. Unset figures are not checked; with none set, the what-if compares
// against the intact plan only.
struct WhatIfRequirements {
    QString source; // "better tier, 41472 GPUs": where the figures come from
    std::optional<double> readGBps;
    std::optional<double> writeGBps;
    std::optional<double> usablePB;
    std::optional<double> checkpointTB; // with the interval and the stall limit below
    double checkpointIntervalMin = 30;
    double checkpointStallPct = 5;
};

// One requirement against what the remainder gives; a remaining figure nobody can give is unset.
struct RequirementCheck {
    QString name;
    double required = 0;
    std::optional<double> remaining;
    QString unit;
    bool held = false;
};

// A feed's load with the failure, against its capacity (unset when the site gives no rating).
struct FeedLoad {
    int rack = -1;
    int feed = 0; // 0 = A, 1 = B
    double loadW = 0;
    std::optional<double> capacityW;
    bool lost = false; // the feed itself is down
};

// What one failure (one domain or a set) leaves: what goes dark, what loses its network, the
// throughput, data and capacity left, the surviving feeds' load and the requirements still held.
struct WhatIfResult {
    std::vector<int> domains;           // the failed domains (indices into FailureModel::domains)
    std::vector<int> darkDevices;       // devices (not PDUs) that fail or lose power
    std::vector<int> disconnectedNodes; // powered C-nodes and D-boxes with no path left to the clients
    std::vector<int> degradedDboxes;    // serving, with fewer DPU links than intact
    int cnodesServing = 0;
    int dboxesServing = 0;
    double cnodesReadGBps = 0; // sum over serving C-nodes of the sizing model's per-node figure
    double cnodesWriteGBps = 0;
    double dboxLinksGBps = 0; // serving D-boxes' live DPU links × link efficiency
    double readGBps = 0;
    double writeGBps = 0;
    QString readLimitedBy;
    QString writeLimitedBy;
    int uplinksUp = 0;
    double uplinkGBps = 0; // live site uplinks × link efficiency
    bool dataAvailable = true;
    int dboxesLost = 0;
    int stripsLost = 0; // of one stripe, worst case
    double usablePB = 0;
    double rebuildTB = 0;               // raw TB of the lost D-boxes, to rebuild if they do not return
    std::optional<double> rebuildHours; // unknown: no source gives a rebuild rate
    // The rack feeds the failure loses or loads differently (every rack feed for the intact plan):
    // a sweep keeps thousands of results, so the unchanged feeds are not repeated in each.
    std::vector<FeedLoad> feeds;
    std::array<std::optional<FeedLoad>, 2> worst; // the most loaded surviving rack feed of side A and B
    int overCapacity = 0;                         // surviving rack feeds over their rating
    std::vector<RequirementCheck> requirements;
    QStringList notes;

    bool lostNetworkOrData() const { return !dataAvailable || !disconnectedNodes.empty() || cnodesServing == 0; }
    const FeedLoad *worstFeed(int feed) const
    {
        return worst[static_cast<std::size_t>(feed)] ? &*worst[static_cast<std::size_t>(feed)] : nullptr;
    }
    int feedsOverCapacity() const { return overCapacity; }
    bool requirementsHeld() const;
};

} // namespace pp
