#pragma once

#include "catalog/model/catalog.h"
#include "planner/model/plan.h"
#include "planner/ops/planops.h"
#include "planner/topology/cablepolicy.h"

#include <QHash>

namespace pp {

class PortAllocator;

// One port of a device and what is plugged into it, for port views and listings.
struct PortStatus {
    QString port;
    PortPurpose purpose = PortPurpose::Data;
    double speedGbps = 0;
    QString peer; // "device:port" at the other end, empty when free
    QString cable;
    double lengthM = 0;
    QString label;
    bool manual = false;
    bool uplink = false; // a site uplink leaves here
    int linkIndex = -1;
};

// Hand edits of the cabling: the port view's connect and disconnect, checked so that no port is
// ever booked twice. Every link made here is marked manual, so auto-cabling keeps it.
namespace linkedit {

// Books every link end and uplink of the plan; index maps device id → allocator index.
void bookPlan(const Plan &plan, const Catalog &catalog, PortAllocator &ports, QHash<QString, int> &index);

// The ports of a device, whole ports in catalog order, with breakout lanes where links use them.
std::vector<PortStatus> portsOf(const Plan &plan, const Catalog &catalog, const QString &device);

// Ports of `device` that a link from a port of linkSpeedGbps could use: free whole ports, or free
// lanes where that speed needs a breakout ("swp5s0").
QStringList freePortsFor(const Plan &plan, const Catalog &catalog, const QString &device, double linkSpeedGbps);

// The manual link a ↔ b with a cable and length chosen by the policy, checked against the ports in
// use; the plan is not changed. When no catalog cable fits, the link is made all the same with its
// cable left to choose, and `note` says why.
ops::OpResult makeLink(const Plan &plan, const Catalog &catalog, const CablePolicy &policy, const Endpoint &a,
                       const Endpoint &b, Link *out, QString *note = nullptr);

// Adds a link at index (-1: at the end) after checking that both ends exist and are free.
ops::OpResult addLink(Plan &plan, const Catalog &catalog, const Link &link, int index = -1);

// What disconnecting a port removed, with the places it held, so that restoreLinks() puts the plan back exactly.
struct RemovedLinks {
    std::vector<std::pair<int, Link>> links;     // (index in plan.links, link), ascending
    std::vector<std::pair<int, Uplink>> uplinks; // (index in plan.uplinks, uplink), ascending
};

// Removes the link on that port (and a site uplink on it); refused when the port has none.
ops::OpResult removeLinksAt(Plan &plan, const Endpoint &end, RemovedLinks *removed);
ops::OpResult restoreLinks(Plan &plan, const RemovedLinks &removed);

// Replaces the cable, length, label and manual flag of the link joining updated.a and updated.b;
// refused when there is no such link, the cable is not a catalog cable, or the length is negative.
ops::OpResult setLink(Plan &plan, const Catalog &catalog, const Link &updated);

// Adds a manual link a ↔ b with a cable and length chosen by the policy; false with why when a
// port is unknown or taken.
bool connectPorts(Plan &plan, const Catalog &catalog, const CablePolicy &policy, const Endpoint &a, const Endpoint &b,
                  QString *why);

// Removes the link on that port (and a site uplink on it); false when the port has none.
bool disconnectPort(Plan &plan, const Endpoint &end);

} // namespace linkedit
} // namespace pp
