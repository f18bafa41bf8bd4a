#pragma once

#include "planner/topology/lldpneighbours.h"

#include <QByteArray>
#include <vector>

namespace pp {

// The expected LLDP neighbour table as CSV (expected-lldp.csv, `pocplan cables --lldp`): hostnames
// and labels are user text, so every field goes through textescape::csvField like the other CSVs.
class LldpNeighbourCsvWriter {
public:
    static QByteArray csv(const std::vector<NeighbourRow> &rows);
};

} // namespace pp
