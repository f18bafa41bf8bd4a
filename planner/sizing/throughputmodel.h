#pragma once

#include "catalog/model/devicetype.h"

#include <QString>

namespace pp {

// The throughput model of DESIGN.md §Sizing as plain functions, shared by the sizing engine (which
// sizes a design from it) and the what-if analysis (which applies it to what a failure leaves), so
// that both give the same GB/s for the same hardware.
struct ThroughputModel {
    // Total count and speed of a device's ports of one purpose (the first group's speed).
    struct PortSum {
        int count = 0;
        double speedGbps = 0;
    };
    // Read and write a cluster delivers, and what bounds each.
    struct Cluster {
        double readGBps = 0;
        double writeGBps = 0;
        QString readLimitedBy;  // "C-nodes" or "D-box links"
        QString writeLimitedBy; // likewise
    };

    static PortSum portsOf(const DeviceType &type, PortPurpose purpose);
    // Payload over links: count × Gbit/s / 8 × link efficiency.
    static double linkGBps(int links, double speedGbps, double linkEfficiency);
    // What one C-node achieves: min(nominal, its client links) × achievable factor.
    static double cnodeGBps(double nominalGBps, double linkGBps, double efficiency);
    // Reads are bound by the C-nodes and the D-boxes' DPU links; writes carry parity over the DPU
    // links too, so those count at the erasure-code efficiency.
    static Cluster cluster(double cnodesReadGBps, double cnodesWriteGBps, double dboxLinksGBps, double ecEfficiency);
};

} // namespace pp
