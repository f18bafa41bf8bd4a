#pragma once

#include "planner/model/plan.h"
#include "planner/rules/finding.h"

#include <QColor>
#include <QGraphicsItem>

namespace pp::gui {

// How bad the worst finding on a subject is; drawn as a marker.
enum class Marker { None, Info, Warning, Error };
Marker markerFor(Severity severity);
QColor markerColor(Marker marker);

// A rack on the canvas: frame, rails, U numbers and a header with name, id, face, U and power in use.
// It holds only what it draws; the rack itself lives in the plan and is found by id.
class RackItem : public QGraphicsItem {
public:
    RackItem(const QString &rackId, const QRectF &frame, int heightU);

    QString rackId() const { return m_rackId; }
    void setTexts(const QString &title, const QString &subtitle, bool overLimit);
    void setMarker(Marker marker);
    QRectF frame() const { return m_frame; }
    QRectF headerRect() const;

    QRectF boundingRect() const override;
    QPainterPath shape() const override; // the header only, so clicks inside the rack reach the canvas
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    QString m_rackId;
    QRectF m_frame;
    int m_heightU;
    QString m_title;
    QString m_subtitle;
    bool m_overLimit = false;
    Marker m_marker = Marker::None;
};

// A device drawn as a labelled block spanning its U (or a vertical strip for 0U PDUs), coloured
// by role, with a marker when findings name it. data(0) holds the device id.
class DeviceItem : public QGraphicsItem {
public:
    enum { Type = UserType + 1 };

    // What-if mode: failed by the user, dark (lost power or failed), degraded (lost links or its network).
    enum class WhatIf { Normal, Failed, Dark, Degraded };

    explicit DeviceItem(const QString &deviceId);

    int type() const override { return Type; }
    QString deviceId() const { return m_id; }
    void setGeometry(const QRectF &sceneRect);
    void setAppearance(const QString &label, const QString &detail, const QColor &fill, bool facing, bool vertical);
    void setMarker(Marker marker);
    Marker marker() const { return m_marker; }
    void setWhatIf(WhatIf state);
    WhatIf whatIf() const { return m_whatIf; }

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    void paintWhatIf(QPainter *p, const QRectF &r) const;

    QString m_id;
    QSizeF m_size;
    QString m_label;
    QString m_detail;
    QColor m_fill;
    bool m_facing = true;
    bool m_vertical = false;
    Marker m_marker = Marker::None;
    WhatIf m_whatIf = WhatIf::Normal;
};

// Where a dragged type or moved device would land: green when it fits, red with the reason when not.
class GhostItem : public QGraphicsItem {
public:
    GhostItem();
    void setGhost(const QRectF &sceneRect, bool ok, const QString &text);

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    QSizeF m_size;
    bool m_ok = true;
    QString m_text;
};

} // namespace pp::gui
