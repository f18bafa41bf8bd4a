#pragma once

#include "catalog/model/catalog.h"
#include "planner/model/plan.h"
#include "planner/ops/linkfollow.h"

#include <utility>
#include <vector>

// Every mutation of a plan, as a function that validates first and changes nothing when it refuses.
// The GUI wraps each one in an undo command; the CLI and tests call them directly.
namespace pp::ops {

// The outcome of an operation: done, or refused with a reason a person can act on.
struct OpResult {
    bool ok = true;
    QString error;
    QStringList notes; // what a done operation also did or found: links dropped, cables that no longer fit

    static OpResult done() { return {}; }
    static OpResult refused(const QString &why) { return {false, why, {}}; }
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

// Refused when the device's hostname is already another device's: labels and the BOM name devices by hostname.
OpResult addDevice(Plan &plan, const Catalog &catalog, const Device &device, int index = -1);
OpResult removeDevice(Plan &plan, const QString &id, RemovedDevice *removed);
OpResult restoreDevice(Plan &plan, const RemovedDevice &removed);
// Moves keep the links of the moved devices in line (see followLinks); linkUndo records what that changed.
OpResult moveDevice(Plan &plan, const Catalog &catalog, const QString &id, const Placement &to,
                    LinkUndo *linkUndo = nullptr);
// Whether the moves can be made: each target against the devices that stay and against the other
// targets. Changes nothing.
OpResult checkMoves(const Plan &plan, const Catalog &catalog, const std::vector<std::pair<QString, Placement>> &moves);
// Moves several devices as one step: each target is checked against the devices that stay and
// against the other moved devices' targets.
OpResult moveDevices(Plan &plan, const Catalog &catalog, const std::vector<std::pair<QString, Placement>> &moves,
                     LinkUndo *linkUndo = nullptr);
// Replaces a device's properties (hostname, type, rack, U, face, PSU feeds) by id, validating all of them
// (a hostname another device has is refused). Its links follow: labels, lengths and cables; a new type
// keeps only the links on ports it has, and the result's notes name the links it dropped.
OpResult setDevice(Plan &plan, const Catalog &catalog, const Device &updated, LinkUndo *linkUndo = nullptr);
// Copies of the devices with fresh ids and hostnames, each in the free slot nearest its original
// (same rack first, then any rack). The plan is not changed; add the copies with addDevice().
OpResult planDuplicates(const Plan &plan, const Catalog &catalog, const QStringList &ids, std::vector<Device> *copies);

// A rack and the devices it held.
struct RemovedRack {
    Rack rack;
    int index = -1;
    std::vector<RemovedDevice> devices; // in removal order; restore in reverse
    LinkUndo links;                     // the other racks' links, re-measured after the removal
};

// The overloads without a catalog leave the links as they are. Racks without a floor position
// stand in plan order, so adding, removing or reordering racks changes the runs between racks:
// the overloads with a catalog keep the links in line and record what that changed.
OpResult addRack(Plan &plan, const Rack &rack, int index = -1);
OpResult addRack(Plan &plan, const Catalog &catalog, const Rack &rack, int index, LinkUndo *linkUndo);
OpResult removeRack(Plan &plan, const QString &id, RemovedRack *removed);
OpResult removeRack(Plan &plan, const Catalog &catalog, const QString &id, RemovedRack *removed);
OpResult restoreRack(Plan &plan, const RemovedRack &removed);
OpResult renameRack(Plan &plan, const QString &id, const QString &name);
OpResult setRackHeight(Plan &plan, const Catalog &catalog, const QString &id, int heightU,
                       LinkUndo *linkUndo = nullptr);
OpResult moveRack(Plan &plan, const QString &id, int newIndex);
OpResult moveRack(Plan &plan, const Catalog &catalog, const QString &id, int newIndex, LinkUndo *linkUndo);

OpResult addWaiver(Plan &plan, const Waiver &waiver, int index = -1);
// Removes the waiver for rule + subject; reports what was removed and where, for undo.
OpResult removeWaiver(Plan &plan, const QString &rule, const QString &subject, Waiver *removed = nullptr,
                      int *index = nullptr);

// Sets the site profile and its overrides (an RFC 7396 merge patch); refused when the result does not resolve.
OpResult setSite(Plan &plan, const Catalog &catalog, const QString &profile, const Json &overrides);
// The merge patch that turns `from` into `to` (objects recursively; removed keys become null).
Json mergePatchDiff(const Json &from, const Json &to);

} // namespace pp::ops
