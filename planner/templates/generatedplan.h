#pragma once

#include "planner/model/plan.h"

namespace pp {

// A synthetic, cabled plan of many racks for benchmarks and scale tests: per rack a data switch
// pair, a management switch, 8 C-nodes, 7 D-boxes and 2 PDUs (20 devices).
Plan generatePlan(int rackCount);

} // namespace pp
