#pragma once

#include "exporters/bom/bomdata.h"
#include "exporters/reports/diffreport.h"

#include <optional>
#include <vector>

namespace pp {

// One part whose quantity differs between two versions of a plan: order the difference when it
// grew, return it when it shrank. Cables still to choose (no cable, or one that does not fit the
// run) are not orderable: "choose" when more are left to choose, "chosen" when fewer.
struct BomDeltaLine {
    BomSection section = BomSection::Equipment;
    QString typeId;
    QString vendor;
    QString model;
    QString partNumber;
    std::optional<double> lengthM;
    int before = 0;
    int after = 0;
    int change() const { return after - before; }
    QString action() const;
    QString partText() const; // vendor and model, or what a cable still to choose is
};

// What it takes to go from the old plan to the new one: parts to order and return, devices to
// ship and rack, devices to move, cables to pull, re-cable and lay, and the drills to repeat.
struct BomDelta {
    QString plan;
    QString since; // the old plan's file, as given
    std::vector<BomDeltaLine> lines;
    std::vector<DiffEntry> ship;    // devices added: ship to site, rack and stack
    std::vector<DiffEntry> move;    // devices moved
    std::vector<DiffEntry> retire;  // devices removed: unrack and send back (or keep as spares)
    std::vector<DiffEntry> cabling; // links removed, re-cabled, added, changed (in that order)
    QStringList drills;             // failure drills to repeat, by title, with the reason
};

BomDelta buildBomDelta(const ExportContext &before, const ExportContext &after, const DiffReport &report,
                       const QString &sinceName);

// Writes the delta: CSV (the parts) and Markdown (parts, then the change runbook).
class BomDeltaWriter {
public:
    static QByteArray csv(const BomDelta &delta);
    static QByteArray markdown(const BomDelta &delta);
};

} // namespace pp
