#pragma once

namespace pp {

// Stripe geometry of the storage cluster's erasure coding. Values come from resources/sizing.
struct ErasureCoding {
    int parityStrips = 0;
    int minDataStrips = 0;
    int maxDataStrips = 0;
    int rebuildReserveSsds = 0;

    // The erasure coding of resources/sizing/sizing.json.
    static const ErasureCoding &fromSizingData();

    // Data strips per stripe for a cluster with this many SSDs: the widest stripe that leaves
    // the rebuild reserve free, clamped to [minDataStrips, maxDataStrips].
    int dataStripsFor(int clusterSsds) const;
    // Share of raw capacity that holds data: N / (N + parity).
    double efficiencyFor(int clusterSsds) const;
    double usableTB(double rawTB, int clusterSsds, double reservePct = 0) const;
};

} // namespace pp
