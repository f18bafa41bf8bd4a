#pragma once

#include "planner/ops/planops.h"

#include <utility>
#include <vector>

namespace pp::ops {

// Items removed from and added to one list of the plan, each with its index: removed in the list
// before the change, added in the list after it (both ascending).
template<typename T> struct ListDelta {
    std::vector<std::pair<int, T>> removed;
    std::vector<std::pair<int, T>> added;
    bool empty() const { return removed.empty() && added.empty(); }
};

// The change an edit of many parts made (auto-cabling: links and uplinks replaced, switches and
// racks added), held as what went and what came rather than as two copies of the plan. Applying
// it to the plan before gives the plan after, byte for byte; reverting does the opposite.
struct PlanDelta {
    ListDelta<Rack> racks;
    ListDelta<Device> devices;
    ListDelta<Link> links;
    ListDelta<Uplink> uplinks;

    bool empty() const { return racks.empty() && devices.empty() && links.empty() && uplinks.empty(); }
    // Ids of the devices added or removed, for views that update item by item.
    QStringList deviceIds() const;
};

// The delta that turns `before` into `after`. Refused when anything other than the racks,
// devices, links and uplinks differs (name, site, waivers), since the delta could not hold it.
OpResult diffPlans(const Plan &before, const Plan &after, PlanDelta *delta);
// Applies or reverts a delta; refused, changing nothing, when the plan is not the one it was made on.
OpResult applyDelta(Plan &plan, const PlanDelta &delta);
OpResult revertDelta(Plan &plan, const PlanDelta &delta);

} // namespace pp::ops
