#pragma once

#include "catalog/model/catalog.h"
#include "planner/model/plan.h"
#include "planner/topology/cablepolicy.h"

#include <optional>

namespace pp {

struct CablingOptions {
    const CablePolicy *policy = nullptr;    // null: the site's policy (network.cablePolicy) or "default"
    std::optional<double> oversubscription; // leaf downlink : uplink bandwidth; overrides the policy
    bool addSwitches = true;                // add leaf pairs and spines when the plan's switches are not enough
    QString leafType;                       // catalog id for added leaves; default: the plan's leaf type
    QString spineType;                      // catalog id for added spines; default: the leaf type
};

// What an auto-cabling run did and what it could not do.
struct CablingReport {
    QStringList errors; // ports left unconnected, no cable fits, limits exceeded
    QStringList warnings;
    QStringList notes;
    QString policyId;
    int manualKept = 0;
    int linksMade = 0;
    int uplinks = 0;
    int leafPairs = 0;
    int spines = 0;
    int switchesAdded = 0;
    int racksAdded = 0;
    bool leafSpine = false;
    double oversubscription = 1.0;
};

// Cables a plan: replaces every link not made by hand (Link::manual) and the site uplinks with a
// fresh, deterministic set: every C-node and D-box data/DPU port dual-homed across a data switch
// pair, ISLs within each pair, management and BMC ports to the management switch, site uplinks
// with the site's count and speed, and leaf-spine links (adding leaves and spines) when one pair
// is not enough. Switches whose id or hostname contains "spine" are spines.
CablingReport autoCable(Plan &plan, const Catalog &catalog, const SiteProfile &site,
                        const CablingOptions &options = {});

// The policy a site asks for ("network": {"cablePolicy": "aoc-node-links"}), or the default.
const CablePolicy &sitePolicy(const SiteProfile &site);

} // namespace pp
