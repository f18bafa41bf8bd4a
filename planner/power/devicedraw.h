#pragma once

#include "catalog/model/devicetype.h"

namespace pp {

// What one device of a type draws, as every power figure of the planner counts it: the one place
// that turns the catalog's typical and max figures into the watts rules, sizing, the summary, the
// dashboard and the exporters add up.
struct DeviceDraw {
    bool known = false;  // a source gives a figure, or the part draws nothing by nature
    double typicalW = 0; // 0 when unknown: unknown is counted apart, never guessed
    double maxW = 0;
};

// The draw of one device of this type:
// - cables, PDUs and passive parts (airflow "passive") draw nothing unless the catalog gives a
//   figure for them: a PDU's inlet rating is what it can pass on, not what it consumes;
// - a missing typical figure is counted at max (an upper bound, so a total is never understated)
//   and a missing max at typical (the only figure there is);
// - with neither figure the draw is unknown: 0 W in the sums, and counted as a device with
//   unknown power so that every total says what it leaves out.
DeviceDraw deviceDraw(const DeviceType *type);

} // namespace pp
