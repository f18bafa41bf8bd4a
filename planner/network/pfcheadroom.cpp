#include "planner/network/pfcheadroom.h"

namespace pp {

double pfcHeadroomFloorBytes(double speedGbps, double lengthM, int mtuBytes)
{
    const double roundTripS = 2.0 * lengthM * kPropagationNsPerM * 1e-9;
    const double inFlightBytes = speedGbps * 1e9 * roundTripS / 8.0;
    return 2.0 * mtuBytes + inFlightBytes;
}

} // namespace pp
