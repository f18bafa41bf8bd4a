#pragma once

#include "planner/model/plan.h"

#include <QByteArray>
#include <vector>

namespace pp {

// What `pocplan cables` lists: every link of a plan in plan order, and the site uplinks.
struct CableListData {
    std::vector<Link> links;
    std::vector<Uplink> uplinks;
};

CableListData buildCableList(const Plan &plan);

// Writes the cable list as the JSON of `pocplan cables --json` or as its aligned text table.
class CableListWriter {
public:
    static QByteArray json(const CableListData &list);
    static QByteArray text(const CableListData &list);
};

} // namespace pp
