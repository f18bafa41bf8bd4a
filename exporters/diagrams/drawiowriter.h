#pragma once

#include "exporters/diagrams/rackdiagramdata.h"

#include <QByteArray>

namespace pp {

// Writes a draw.io (.drawio) file that opens editable: a "Front" and a "Rear" page, each with one
// numbered rackCabinet3 container per rack and the devices as its children at their U
// (14.8 px per U, U1 at the bottom), carrying NetBox-style metadata.
class DrawioWriter {
public:
    static constexpr double kUnitPx = 14.8;
    static constexpr double kMarginTop = 21;
    static constexpr double kMarginBottom = 22;
    static constexpr double kMarginLeft = 33;
    static constexpr double kMarginRight = 9;
    static constexpr double kCabinetWidth = 204;

    static QByteArray write(const RackDiagramData &data);
    // y of a device inside its cabinet, the draw.io rack layout's convention.
    static double deviceY(int rackHeightU, int lowestU, int heightU);
};

} // namespace pp
