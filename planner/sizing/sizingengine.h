#pragma once

#include "planner/sizing/sizingresult.h"

namespace pp {

class Catalog;
struct SizingData;

// The sizing method of DESIGN.md §Sizing: requirements → counts (or fixed counts → figures),
// capacity, throughput, checkpoint time, switches, racks and power, every step recorded.
class SizingEngine {
public:
    SizingEngine(const Catalog &catalog, const SizingData &data);

    SizingResult size(const SizingInputs &inputs) const;

    // Usable PB of this many D-boxes of a type (erasure coding by cluster SSD count, reserve).
    static double usablePBFor(int dboxes, double rawTBPerBox, int ssdsPerBox, double reservePct);

private:
    const Catalog &m_catalog;
    const SizingData &m_data;
};

} // namespace pp
