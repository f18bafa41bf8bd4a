#pragma once

namespace pp {

// The least PFC headroom one port needs on its lossless priority: what is still arriving after the
// port sends PAUSE. Counted here: the frame the receiver is taking in when it decides to pause and
// the frame the sender has started when PAUSE reaches it (2 × MTU), plus the bits in flight on the
// cable both ways (5 ns per metre of fibre or copper: light at about 2/3 c). Device response times
// are left out because the catalog gives none, so the figure is a floor: a buffer below it is
// certainly too small.
double pfcHeadroomFloorBytes(double speedGbps, double lengthM, int mtuBytes);

constexpr double kPropagationNsPerM = 5.0;

} // namespace pp
