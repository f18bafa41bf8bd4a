#pragma once

#include "exporters/common/exportcontext.h"

#include <optional>
#include <vector>

namespace pp {

enum class BomSection { Equipment, Cables, CablesToChoose, Optics, Pdus };
QString bomSectionId(BomSection section);    // "equipment", "cables", "cables-to-choose", "optics", "pdus"
QString bomSectionTitle(BomSection section); // "Equipment", "Cables", ...

// One orderable line of the bill of materials: a part (and, for cables, a length) with its quantity.
struct BomLine {
    BomSection section = BomSection::Equipment;
    QString typeId;
    QString vendor;
    QString model;
    QString partNumber;
    QString description;
    QString role;                  // role id of the catalog type
    std::optional<double> lengthM; // cables only; empty = length not chosen yet
    int quantity = 0;
    std::optional<int> uHeight; // empty for cables and optics
    std::optional<double> unitTypicalW;
    std::optional<double> unitMaxW;
    std::optional<double> unitWeightKg;
    QString note;

    std::optional<double> totalTypicalW() const;
    std::optional<double> totalMaxW() const;
    std::optional<double> totalWeightKg() const;
    std::optional<int> totalU() const;
};

// The plan's totals as the BOM summary shows them (devices only; optics listed apart).
struct BomTotals {
    double typicalW = 0;
    double maxW = 0;
    double heatKW = 0;
    double heatBtuPerHour = 0;
    int rackUnits = 0;
    double weightKg = 0;
    double rawTB = 0;
    double usableTB = 0;
    int racks = 0;
    int devicesWithUnknownPower = 0;
    int devicesWithUnknownWeight = 0;
    double opticsMaxW = 0; // transceivers, when their power is known
};

// Everything a BOM writer needs, gathered from the plan; writers only format it.
struct BomData {
    QString plan;
    QString customer;
    QString site;
    QString track;
    std::vector<BomLine> lines; // equipment, cables, cables still to choose, optics, PDUs
    BomTotals totals;

    int quantityOf(const QString &typeId) const; // summed over lengths; cables still to choose not counted
};

// Builds the BOM: devices grouped by part, cables by type and length counted per physical cable
// (a breakout with its legs on one switch port is one cable), optics at both ends of fibre runs
// and at the kit's end of each site uplink, then PDUs. A link whose cable is missing or does not fit
// (what network.cable-fit reports) is listed, one line per link, under cables still to choose.
BomData buildBom(const ExportContext &context);

} // namespace pp
