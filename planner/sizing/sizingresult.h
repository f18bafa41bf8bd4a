#pragma once

#include "planner/sizing/sizinginputs.h"

#include <QStringList>
#include <optional>
#include <vector>

namespace pp {

// One visible step of the sizing method: what was computed, its value and unit, and why.
// An empty value is a figure no source gives: it is shown as "unknown".
struct SizingStep {
    QString name;
    std::optional<double> value;
    QString unit;
    QString why;
};

// Device counts of a design per rack, after packing within the rack's U and power limits.
struct RackLoad {
    int cnodes = 0;
    int dboxes = 0;
    int leafSwitches = 0;
    int spineSwitches = 0;
    int mgmtSwitches = 0;
    int pdus = 0;
    int usedU = 0;
    double typicalW = 0;
    double maxW = 0;
    int unknownPowerDevices = 0; // packed at 0 W: neither max nor typical draw is known
};

// What a design delivers: counts, capacity, throughput, checkpoint time and power.
struct SizingDesign {
    int gpuNodes = 0;
    int cnodes = 0;
    int dboxes = 0;
    int leafSwitches = 0;
    int spineSwitches = 0;
    int mgmtSwitches = 0;
    int switches = 0;
    int uplinks = 0;
    int pdus = 0;
    int racks = 0;
    QString cnodesSetBy; // read, write, checkpoint, mixed, resilient minimum, fixed
    QString dboxesSetBy; // capacity, read (D-box links), write (D-box links), resilient minimum, fixed

    int clusterSsds = 0;
    int dataStrips = 0;
    double ecEfficiency = 0;
    double rawPB = 0;
    double usablePB = 0;
    double effectivePB = 0; // usable × data reduction
    double requiredUsablePB = 0;

    double requiredReadTBps = 0;
    double requiredWriteTBps = 0;
    double readTBps = 0;
    double writeTBps = 0;
    QString readLimitedBy;
    QString writeLimitedBy;
    double cnodeReadGBps = 0; // achievable per C-node
    double cnodeWriteGBps = 0;
    double cnodeLinkGBps = 0;
    double dboxLinkGBps = 0;                  // one D-box's DPU links × efficiency
    std::optional<double> dboxThroughputGBps; // per-D-box figure: unknown in the catalog
    std::optional<double> readGBpsPerGpu;
    std::optional<double> writeGBpsPerGpu;

    double checkpointTB = 0;
    std::optional<double> checkpointWriteS;
    std::optional<double> stallPct;

    double rackPowerLimitKW = 0;
    double typicalKW = 0;
    double maxKW = 0;
    double heatBtuPerHour = 0;
    int devicesWithUnknownPower = 0;
    std::vector<RackLoad> rackLoads;
};

// The result of one sizing run: the inputs as used, the design, every step, and warnings.
struct SizingResult {
    SizingInputs inputs;
    SizingDesign design;
    std::vector<SizingStep> steps;
    QStringList warnings;
    QString error; // non-empty when sizing was impossible (e.g. unknown device type)
    // The inputs ask for more than one plan can hold (see SizingRun::withinRange): an input error.
    bool inputsBeyondRange = false;
    bool ok() const { return error.isEmpty(); }

    const SizingStep *step(const QString &name) const;
};

} // namespace pp
