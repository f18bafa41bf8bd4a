#pragma once

#include "planner/model/resolvedplan.h"

#include <vector>

namespace pp {

enum class SwitchTier { Mgmt, Leaf, Spine, SuperSpine };

QString switchTierId(SwitchTier tier); // mgmt, leaf, spine, super-spine

// A switch of the plan with its place in the fabric: tier, MLAG peer and the number its name carries.
struct FabricSwitch {
    int device = -1;  // index into plan.devices
    QString id;       // plan device id
    QString hostname; // the device's hostname, or its id
    SwitchTier tier = SwitchTier::Leaf;
    QString peer;     // MLAG peer device id (an ISL to a switch of the same tier), empty without one
    int ordinal = -1; // from the hostname: "leaf-7" → 7, "leaf-a" → 1, "pdu-2-b" → 4; -1 without one
};

// The plan's switches, in plan order. A switch without data ports is a management switch; "super"
// and "spine" in the id or hostname make a super-spine or a spine (as the auto-cabler names them);
// every other switch is a leaf.
std::vector<FabricSwitch> fabricSwitches(const ResolvedPlan &plan);

// The number a hostname carries, for addresses that must not move when other devices are added:
// the last run of digits, with a trailing "-a"/"-b" making 2n-1 / 2n; a lone trailing letter a..z
// gives 1..26. -1 when the name carries none.
int hostnameOrdinal(const QString &hostname);

// The name a device goes by in the address plan and on the switches.
QString deviceHostname(const Device &device);

} // namespace pp
