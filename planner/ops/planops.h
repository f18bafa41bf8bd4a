#pragma once

#include "catalog/model/catalog.h"
#include "planner/model/plan.h"

#include <utility>
#include <vector>

// Every mutation of a plan, as a function that validates first and changes nothing when it refuses.
// The GUI wraps each one in an undo command; the CLI and tests call them directly.
namespace pp::ops {

// The outcome of an operation: done, or refused with a reason a person can act on.
struct OpResult {
    bool ok = true;
    QString error;

    static OpResult done() { return {}; }
    static OpResult refused(const QString &why) { return {false, why}; }
    explicit operator bool() const { return ok; }
};

// Where a device goes: a rack, its lowest U (0 for 0U items and loose items) and the face it is mounted on.
struct Placement {
    QString rack;
    int u = 0;
    Face face = Face::Front;
};

// The U range a device of this type occupies at u, or {0, -1} when it takes no rack units.
std::pair<int, int> occupiedUnits(const DeviceType &type, int u);

// Whether a device of typeId fits at the placement: the rack exists, the device stays inside it,
// and it overlaps no other device (ignoreIds are left out, e.g. the devices being moved).
OpResult checkPlacement(const Plan &plan, const Catalog &catalog, const QString &typeId, const Placement &where,
                        const QStringList &ignoreIds = {});

// The free U nearest to preferU (searching up first, then down) for typeId in a rack; 0 when the rack is full.
int findFreeU(const Plan &plan, const Catalog &catalog, const QString &typeId, const QString &rack, Face face,
              int preferU = 1, const QStringList &ignoreIds = {});

// A device and everything that referred to it, so that restoreDevice() puts the plan back exactly.
struct RemovedDevice {
    Device device;
    int index = -1;
    std::vector<std::pair<int, Link>> links;     // (index in plan.links, link), ascending
    std::vector<std::pair<int, Uplink>> uplinks; // (index in plan.uplinks, uplink), ascending
};

OpResult addDevice(Plan &plan, const Catalog &catalog, const Device &device, int index = -1);
OpResult removeDevice(Plan &plan, const QString &id, RemovedDevice *removed);
OpResult restoreDevice(Plan &plan, const RemovedDevice &removed);
OpResult moveDevice(Plan &plan, const Catalog &catalog, const QString &id, const Placement &to);
// Whether the moves can be made: each target against the devices that stay and against the other
// targets. Changes nothing.
OpResult checkMoves(const Plan &plan, const Catalog &catalog, const std::vector<std::pair<QString, Placement>> &moves);
// Moves several devices as one step: each target is checked against the devices that stay and
// against the other moved devices' targets.
OpResult moveDevices(Plan &plan, const Catalog &catalog, const std::vector<std::pair<QString, Placement>> &moves);
// Replaces a device's properties (hostname, type, rack, U, face, PSU feeds) by id, validating all of them.
OpResult setDevice(Plan &plan, const Catalog &catalog, const Device &updated);
// Copies of the devices with fresh ids and hostnames, each in the free slot nearest its original
// (same rack first, then any rack). The plan is not changed; add the copies with addDevice().
OpResult planDuplicates(const Plan &plan, const Catalog &catalog, const QStringList &ids, std::vector<Device> *copies);

// A rack and the devices it held.
struct RemovedRack {
    Rack rack;
    int index = -1;
    std::vector<RemovedDevice> devices; // in removal order; restore in reverse
};

OpResult addRack(Plan &plan, const Rack &rack, int index = -1);
OpResult removeRack(Plan &plan, const QString &id, RemovedRack *removed);
OpResult restoreRack(Plan &plan, const RemovedRack &removed);
OpResult renameRack(Plan &plan, const QString &id, const QString &name);
OpResult setRackHeight(Plan &plan, const Catalog &catalog, const QString &id, int heightU);
OpResult moveRack(Plan &plan, const QString &id, int newIndex);

OpResult addWaiver(Plan &plan, const Waiver &waiver, int index = -1);
// Removes the waiver for rule + subject; reports what was removed and where, for undo.
OpResult removeWaiver(Plan &plan, const QString &rule, const QString &subject, Waiver *removed = nullptr,
                      int *index = nullptr);

// Sets the site profile and its overrides (an RFC 7396 merge patch); refused when the result does not resolve.
OpResult setSite(Plan &plan, const Catalog &catalog, const QString &profile, const Json &overrides);
// The merge patch that turns `from` into `to` (objects recursively; removed keys become null).
Json mergePatchDiff(const Json &from, const Json &to);

} // namespace pp::ops
