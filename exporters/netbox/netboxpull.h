#pragma once

#include "catalog/model/catalog.h"
#include "exporters/netbox/netboxpush.h"
#include "planner/model/plan.h"

#include <map>

namespace pp {

// What a pull read: the plan, or why there is none, and what it could not take over.
struct NetBoxPullResult {
    bool ok = false;
    QString error;       // set when !ok: the site is missing or NetBox did not answer
    Plan plan;           // valid when ok
    QStringList skipped; // objects left out, each with the reason (a device type not in the catalog)
};

// Builds a plan from what one NetBox site holds: racks, devices (types mapped to catalog ids by
// the catalog id a push wrote, else by manufacturer and model), and the cables between their
// interfaces. Plan ids come from the descriptions a push wrote ("POC Planner device cn1"), else
// from the NetBox names. NetBox holds no PSU feeds, uplinks or waivers: the plan gets none.
class NetBoxPuller {
public:
    NetBoxPuller(const Catalog &catalog, NetBoxTransport &transport);
    // profileId: the site profile for the plan; empty = the profile named in the site's
    // description by a push, else the first lab profile of the catalog.
    NetBoxPullResult pull(const QString &siteName, const QString &profileId = QString());

private:
    struct Listing;
    std::vector<Json> list(const QString &endpoint, const QString &query, QString *error);
    bool listSite(const QString &siteName, Listing &listing, QString *error);
    void readDevices(const Listing &listing, const std::map<int, QString> &rackIds, NetBoxPullResult &result);
    void readCables(const Listing &listing, NetBoxPullResult &result);

    const Catalog &m_catalog;
    NetBoxTransport &m_transport;
    std::map<int, std::size_t> m_deviceIndex; // NetBox device id → index in the pulled plan
};

// The plan side of a drift report: `fromNetBox` with what NetBox cannot hold (PSU feeds, cable
// catalog ids, labels, rack floor positions, uplinks, waivers, site overrides) taken from
// `planned` wherever the object is the same, so that only real drift remains. Loose items
// (cables in the device list), which a push leaves out, are dropped from the planned side.
void alignWithPlan(const Plan &planned, const Catalog &catalog, Plan &pushable, Plan &fromNetBox);

} // namespace pp
