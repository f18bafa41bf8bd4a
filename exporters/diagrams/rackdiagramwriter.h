#pragma once

#include "exporters/diagrams/rackdiagramdata.h"

#include <QByteArray>
#include <QPageSize>
#include <QSizeF>

class QPainter;

namespace pp {

// Draws rack elevations: one SVG per rack face (hand-written, one <g class="device"> per
// device), and the same drawing with QPainter for PNG and a multi-page PDF (one face per page).
class RackDiagramWriter {
public:
    static QByteArray svg(const RackDiagramData &data, const RackFaceDiagram &face);
    static QSizeF svgSize(const RackFaceDiagram &face);
    // The same drawing as svg(), painted in its user units (PNG, PDF, and the GUI if it wants).
    static void paint(QPainter &painter, const RackDiagramData &data, const RackFaceDiagram &face);
    // scale 2 gives a sharp image for documents (about 1000 px wide for a 42U rack).
    static bool png(const RackDiagramData &data, const RackFaceDiagram &face, QByteArray *out, QString *error,
                    double scale = 2.0);
    static bool pdf(const RackDiagramData &data, QPageSize::PageSizeId pageSize, QByteArray *out, QString *error);
};

} // namespace pp
