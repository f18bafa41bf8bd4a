#pragma once

#include "catalog/model/catalog.h"
#include "planner/model/plan.h"

#include <vector>

namespace pp {

// Two edits of one object field that cannot both be kept, named by object and field.
struct MergeConflict {
    QString object; // "device cn3", "site overrides /power/budgetKW", "plan"
    QString field;  // "u", "hostname"; "(object)" when one side removed what the other changed
    QString base;   // the values as text; "(absent)" when the side has no such field or object
    QString ours;
    QString theirs;
    QString message; // instead of the three values, for what only the merged plan shows (an overlap)
    QString toString() const;
};

struct MergeResult {
    Plan plan; // the merge, valid only when conflicts is empty
    std::vector<MergeConflict> conflicts;
    bool ok() const { return conflicts.empty(); }
};

// Three-way merge of two edits (ours, theirs) of a common base, object by object: racks and
// devices by id, links by their two ends, uplinks by port, waivers by rule and subject, the plan
// and site fields and each site override by name. A field changed on one side takes that side's
// value; changed on both to different values, or an object removed on one side and changed on the
// other, is a conflict. The merged plan must then load and, with a catalog, place every device
// without overlap and use every port once; what breaks that is reported as a conflict too.
MergeResult mergePlans(const Plan &base, const Plan &ours, const Plan &theirs, const Catalog *catalog = nullptr);

} // namespace pp
