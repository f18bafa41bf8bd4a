#pragma once

#include "planner/diff/changefigures.h"
#include "planner/diff/plandiff.h"

#include <QString>
#include <vector>

namespace pp {

// One change a person reads in a diff: what object, how it changed, from what to what.
struct DiffEntry {
    QString kind;     // site, rack, device, link, uplink, waiver
    QString key;      // the object's id (or, for a re-cabled link, the end that stayed)
    QString hostname; // devices: the hostname in the new plan (the old one when removed)
    QString change;   // added, removed, moved, retyped, renamed, id-changed, re-cabled, changed
    QString before;   // text; empty for an added object
    QString after;    // text; empty for a removed object
};

// What `pocplan diff` reports: the changes object by object and the figures and findings that moved.
struct DiffReport {
    QString oldName; // the files compared, as given
    QString newName;
    std::vector<DiffEntry> entries; // grouped by kind: site, rack, device, link, uplink, waiver
    ChangeFigures figures;
    bool hasFigures = false; // false when the plans could not be resolved against the catalog

    bool empty() const { return entries.empty(); }
    int count(const QString &kind, const QString &change) const;
};

// Reads a diff the way a person asks about it: moves as moves, links whose one end moved as re-cabled.
DiffReport buildDiffReport(const Plan &before, const Plan &after, const PlanDiff &diff, const QString &oldName,
                           const QString &newName);

} // namespace pp
