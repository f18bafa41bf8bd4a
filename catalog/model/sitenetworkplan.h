#pragma once

#include "catalog/io/jsonfields.h"

#include <QString>
#include <QStringList>
#include <map>
#include <optional>
#include <vector>

namespace pp {

struct SiteProfile;

// RoCE settings of a switch or of a fabric: what must agree on every hop of the storage data path.
struct RoceSettings {
    int mtu = 9216;
    int pfcPriority = 3;
    bool ecn = true;
    QString trust = QStringLiteral("dscp"); // dscp or pcp: what the switch classifies RoCE traffic by
    int ecnMinKB = 150;                     // ECN marking starts at this queue depth
    int ecnMaxKB = 1500;                    // and marks every packet from here
    int ecnProbabilityPct = 100;
    bool pfcWatchdog = true;

    static RoceSettings fromJson(const Json &doc, const QString &path, const RoceSettings &fallback);
    Json toJson() const;
};

// One storage VLAN of the site, with its subnet; the leaf pair routes it (VRR/VARP gateway on .1).
struct DataVlan {
    int id = 100;
    QString name = QStringLiteral("storage");
    QString subnet;
};

// A site's choice for one switch, by hostname: its configuration dialect, a fixed management
// address, or RoCE settings that differ from the site's (the customer's switch as it is).
struct SwitchChoice {
    QString dialect; // nvue, eos, sonic; empty: by vendor
    QString mgmtAddress;
    std::optional<int> mtu;
    std::optional<int> pfcPriority;
    std::optional<bool> ecn;
    QString trust;
};

// The site's IP plan and switch policy (site profile "network": "ipPlan", "roce", "fabric",
// "switches"). The address plan assigns from these pools; the switch configurations use them.
struct SiteNetworkPlan {
    // The defaults are the POC profiles' starting point (private ranges, the jump host at .5 for
    // NTP/DNS/syslog), to be replaced by the site's own plan; they are not hardware figures.
    QString mgmtSubnet = QStringLiteral("10.10.0.0/21"); // every device's management and BMC address
    QString mgmtGateway;                                 // empty: the subnet's first address
    int mgmtVlan = 10;
    std::vector<DataVlan> dataVlans{{100, QStringLiteral("storage"), QStringLiteral("10.20.0.0/24")}};
    QString loopbackPool = QStringLiteral("10.30.0.0/24"); // one /32 per routed switch
    QString p2pPool = QStringLiteral("10.30.4.0/22");      // one /31 per leaf-spine link
    long long asnFirst = 65100;
    long long asnLast = 65199;
    QStringList ntpServers{QStringLiteral("10.10.0.5")};
    QStringList dnsServers{QStringLiteral("10.10.0.5")};
    QStringList syslogServers{QStringLiteral("10.10.0.5")};
    QString dialect; // the site's choice for every switch (nvue, eos, sonic); empty: by vendor
    RoceSettings roce;
    std::optional<RoceSettings> fabric; // the customer's fabric behind the uplinks, as the site declares it
    std::map<QString, SwitchChoice> switches;

    static QStringList dialects(); // nvue, eos, sonic
    // The plan of an effective site (profile with the plan's overrides), from its "network" object.
    static SiteNetworkPlan ofSite(const SiteProfile &site);
    // Reads "ipPlan", "roce", "fabric" and "switches" of a site's "network" object.
    static SiteNetworkPlan fromJson(const Json &network, const QString &path);
    void toJson(Json &network) const;
};

} // namespace pp
