#pragma once

#include "planner/diff/planobjects.h"
#include "planner/model/plan.h"

#include <QStringList>
#include <optional>
#include <vector>

namespace pp {

// One field of an object that differs between two plans, in its saved form; an absent value
// (a field the file leaves out) is nullopt.
struct FieldChange {
    QString field;
    std::optional<Json> from;
    std::optional<Json> to;
};

// One object found in both plans with fields that differ. key is its identity in the old plan,
// newKey in the new one (they differ when a device was matched by hostname or a link re-ended).
struct ObjectChange {
    QString key;
    QString newKey;
    std::vector<FieldChange> fields;
    const FieldChange *field(const QString &name) const;
};

// The difference in one list of the plan: objects that went, came and changed, and the order of
// the new list when applying the rest would not give it.
struct CollectionDiff {
    std::vector<Json> removed; // as saved in the old plan
    std::vector<Json> added;   // as saved in the new plan
    std::vector<ObjectChange> changed;
    QStringList order; // keys in the new plan's order; empty when the natural order is right
    bool empty() const { return removed.empty() && added.empty() && changed.empty() && order.isEmpty(); }
};

// The semantic difference between two plans, object by object, that is also a patch: applying
// the diff of (a, b) to a gives b, saved byte for byte as b saves. Devices are matched by id,
// then the ones left by hostname; links by their two ends.
struct PlanDiff {
    std::vector<FieldChange> header;    // name, customer, track, site.profile
    std::vector<FieldChange> overrides; // site overrides, field = JSON pointer ("/power/budgetKW")
    CollectionDiff racks;
    CollectionDiff devices;
    CollectionDiff links;
    CollectionDiff uplinks;
    CollectionDiff waivers;

    bool empty() const;
    CollectionDiff &collection(plandiff::Collection c);
    const CollectionDiff &collection(plandiff::Collection c) const;
};

PlanDiff diffPlans(const Plan &before, const Plan &after);
// Applies a diff; false with the reason, and the plan unchanged, when the plan is not the one the
// diff was made on (an object to change or remove is missing or holds other values).
bool applyPlanDiff(Plan &plan, const PlanDiff &diff, QString *error);

// The patch file: {"format": "pocplanner-plan-diff", "version": 1, ...}.
Json planDiffToJson(const PlanDiff &diff);
PlanDiff planDiffFromJson(const Json &doc); // throws FieldError

} // namespace pp
