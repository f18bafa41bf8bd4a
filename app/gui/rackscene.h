#pragma once

#include "planner/plandocument.h"

#include <QGraphicsScene>

namespace pp::gui {

// Draws the plan's racks side by side as front (or rear) elevations. It maps the document to
// graphics items and rebuilds them when the document changes; items refer to devices by id.
class RackScene : public QGraphicsScene {
    Q_OBJECT
public:
    static constexpr double kUnitPx = 18.0;
    static constexpr double kRackWidthPx = 260.0;
    static constexpr double kRackGapPx = 90.0;
    static constexpr double kLabelMarginPx = 28.0;

    explicit RackScene(PlanDocument &document, QObject *parent = nullptr);

    void setFace(Face face);
    Face face() const { return m_face; }
    void rebuild();

    // Geometry shared with editing tools: the scene rectangle of U position u in a rack.
    QRectF rackRect(int rackIndex) const;
    QRectF slotRect(int rackIndex, int u, int heightU) const;

private:
    PlanDocument &m_document;
    Face m_face = Face::Front;
};

} // namespace pp::gui
