#pragma once

#include "catalog/model/catalog.h"
#include "planner/model/plan.h"
#include "planner/topology/cablepolicy.h"

#include <optional>

namespace pp {

// Where one end of a run sits: the rack (null for loose items) and the height of the port in U.
struct RunEnd {
    const Rack *rack = nullptr;
    int rackIndex = -1; // position of the rack in the plan, used when the rack has no row/position
    double centreU = 0; // rack units from the bottom to the middle of the device
};

// A cable picked for one link: catalog cable id, stock length, and the optics it needs.
struct CableSelection {
    QString cableId;
    double lengthM = 0;
    double runM = 0;       // measured run before rounding up to a stock length
    QString transceiverId; // for "optics": the transceiver at each end
    QString kind;          // dac, aoc, optics, copper
};

// Picks cable types and stock lengths by a policy: DAC inside a rack, AOC or optics between racks;
// measures runs from U distance (same rack) or rack row/position and pitch (between racks).
class CableChooser {
public:
    CableChooser(const Catalog &catalog, const CablePolicy &policy);

    const CablePolicy &policy() const { return m_policy; }
    double runLengthM(const RunEnd &a, const RunEnd &b) const;
    static bool sameRack(const RunEnd &a, const RunEnd &b) { return a.rack && a.rack == b.rack; }
    // Whether a policy choice ("dac", "aoc", "optics", "copper") admits a cable of that kind.
    static bool kindMatches(const QString &choiceKind, const QString &cableKind);
    // The shortest stock length of the cable that covers runM (cut to order when it lists none).
    static std::optional<double> stockLengthM(const CableSpec &cable, double runM);

    // A cable for a link of this class carrying legSpeedGbps per leg over `legs` legs (2 for a
    // 400G → 2 × 200G breakout). Empty when no catalog cable fits; why says what was missing.
    std::optional<CableSelection> choose(LinkClass linkClass, double legSpeedGbps, int legs, bool sameRack, double runM,
                                         const QString &media, QString *why = nullptr) const;

    // "cnode-1:p1--leaf-a:swp1s0": the text printed on the cable's label.
    static QString label(const Device &a, const QString &portA, const Device &b, const QString &portB);

private:
    const CablePolicy &m_policy;
    std::vector<const DeviceType *> m_cables;
    std::vector<std::vector<double>> m_stockM; // each cable's stock lengths, sorted
};

// Optics a link needs besides its cable: a fibre run takes a transceiver of its speed at each
// end (count 2); DAC, AOC and copper need none. For BOM lines.
struct LinkOptics {
    QString transceiverId;
    int count = 0;
};
LinkOptics opticsForCable(const Catalog &catalog, const QString &cableId);

} // namespace pp
