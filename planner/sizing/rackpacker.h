#pragma once

#include "planner/sizing/sizingresult.h"

#include <vector>

namespace pp {

struct DeviceType;

// Counts and types to place in racks, and each rack's limits.
struct RackPackRequest {
    int cnodes = 0;
    int dboxes = 0;
    int leafSwitches = 0;
    int spineSwitches = 0;
    const DeviceType *cnode = nullptr;
    const DeviceType *dbox = nullptr;
    const DeviceType *dataSwitch = nullptr;
    const DeviceType *mgmtSwitch = nullptr; // one per rack, at the top
    int pdusPerRack = 2;                    // an A and a B feed, 0U
    int rackU = 42;
    double rackLimitW = 0; // against each device's max draw (typical when max unknown)
};

// Fills racks one after another within U and power: switches first, then C-nodes and D-boxes
// interleaved in their overall ratio so that every rack carries a similar mix. Sizing and the
// plan builder share it, so the rack count of a design is the rack count of its plan. A device
// whose draw is unknown takes no power in its rack; each rack counts them (unknownPowerDevices).
std::vector<RackLoad> packRacks(const RackPackRequest &request);

// The draw used against the rack limit: deviceDraw()'s max, 0 when unknown (and the device counts as unknown).
double packingW(const DeviceType *type);
// Whether packingW() is a figure (deviceDraw() knows it) rather than the 0 W stand-in.
bool packingWKnown(const DeviceType *type);

} // namespace pp
