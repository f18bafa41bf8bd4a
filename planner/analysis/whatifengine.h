#pragma once

#include "planner/analysis/failuremodel.h"
#include "planner/analysis/whatifresult.h"

namespace pp {

// Failure-domain what-if analysis over a FailureModel: for one failure or a set, which devices go
// dark, which nodes lose their network, and the read/write GB/s (the sizing model's
// ThroughputModel), data availability, capacity and feed loads that remain; N-1 and N-2 sweeps
// sorted by impact; single points of failure. One evaluation is one pass over devices and links.
class WhatIfEngine {
public:
    explicit WhatIfEngine(const FailureModel &model, WhatIfRequirements requirements = {});

    const FailureModel &model() const { return m_model; }
    const WhatIfResult &intact() const { return m_intact; }

    WhatIfResult evaluate(const std::vector<int> &domains) const;
    // Every domain of the sweep alone, most harmful first.
    std::vector<WhatIfResult> sweepN1() const;
    // Each of `firsts` together with every other domain of the sweep, most harmful first.
    std::vector<WhatIfResult> sweepN2(const std::vector<int> &firsts) const;
    // The results of a sweep whose single (non-aggregate) domain makes data unavailable or
    // disconnects a powered node.
    static bool isSinglePoint(const FailureModel &model, const WhatIfResult &r);
    static std::vector<const WhatIfResult *> singlePoints(const FailureModel &model,
                                                          const std::vector<WhatIfResult> &sweep);
    // Why a result loses data or network, in words: "data unavailable: 18 of 18 strips of a stripe
    // lost, erasure coding tolerates 4"; empty when it loses neither.
    QString harm(const WhatIfResult &r) const;
    // The single points of failure without a full sweep: the same results as singlePoints(sweepN1()),
    // found by evaluating only the domains that can lose data or cut a node off (a switch that is an
    // articulation point or the last switch of a node, a feed or PDU that some device hangs on
    // alone, a D-box whose stripes cannot spare it, a DPU that carries all of a D-box's links, a
    // switch's only uplink, the last C-node). One pass over the plan plus those evaluations: what
    // the rule runs after every edit.
    std::vector<WhatIfResult> singlePointScan() const;
    // Sorts results most harmful first (data unavailable, nodes cut off, read and write lost, devices dark).
    void sortByImpact(std::vector<WhatIfResult> &results) const;

private:
    std::vector<int> scanCandidates() const;
    void switchCandidates(std::vector<char> &candidate) const;
    void articulationCandidates(std::vector<char> &candidate, const std::vector<int> &uplinkCount) const;
    void power(WhatIfResult &r) const;
    void network(WhatIfResult &r) const;
    void storage(WhatIfResult &r) const;
    void checkRequirements(WhatIfResult &r) const;

    const FailureModel &m_model;
    WhatIfRequirements m_requirements;
    WhatIfResult m_intact;
    std::vector<char> m_intactConnected; // per device: reaches the clients with nothing failed
    std::vector<int> m_intactDpuLinks;   // per D-box: live DPU links with nothing failed
    std::vector<char> m_intactReached;   // per switch: reaches the clients with nothing failed
    std::vector<double> m_intactFeedW;   // per rack feed (rack × 2 + feed): its load with nothing failed
    // Scratch state of one evaluation, reused so that a sweep allocates little.
    mutable std::vector<char> m_down;
    mutable std::vector<char> m_feedLost;
    mutable std::vector<char> m_uplinkDown;
    mutable std::vector<int> m_dpuDown; // per device: bit (dpu - 1) set when that DPU is down
    mutable std::vector<char> m_reached;
    mutable std::vector<int> m_queue;
    mutable std::vector<int> m_liveLinks;
    mutable std::vector<double> m_liveGbps;
};

} // namespace pp
