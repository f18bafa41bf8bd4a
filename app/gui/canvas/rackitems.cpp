#include "rackitems.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QStyleOptionGraphicsItem>

namespace pp::gui {

namespace {

constexpr double kHeaderPx = 46.0;
constexpr double kNumberMarginPx = 26.0;

QColor textColorOn(const QColor &fill)
{
    // Relative luminance decides black or white text, so labels stay readable on every role colour.
    const double l = 0.2126 * fill.redF() + 0.7152 * fill.greenF() + 0.0722 * fill.blueF();
    return l > 0.55 ? QColor(0x1d, 0x1d, 0x1d) : Qt::white;
}

void drawMarker(QPainter *p, const QPointF &centre, double radius, Marker marker)
{
    if (marker == Marker::None || marker == Marker::Info)
        return;
    p->setPen(QPen(Qt::white, 1.2));
    p->setBrush(markerColor(marker));
    p->drawEllipse(centre, radius, radius);
    QFont f = p->font();
    f.setBold(true);
    f.setPixelSize(static_cast<int>(radius * 1.5));
    p->setFont(f);
    p->setPen(marker == Marker::Warning ? QColor(0x1d, 0x1d, 0x1d) : Qt::white);
    p->drawText(QRectF(centre.x() - radius, centre.y() - radius, 2 * radius, 2 * radius), Qt::AlignCenter,
                QStringLiteral("!"));
}

} // namespace

Marker markerFor(Severity severity)
{
    switch (severity) {
    case Severity::Error:
        return Marker::Error;
    case Severity::Warning:
        return Marker::Warning;
    case Severity::Info:
        break;
    }
    return Marker::Info;
}

QColor markerColor(Marker marker)
{
    switch (marker) {
    case Marker::Error:
        return QColor(0xd3, 0x2f, 0x2f);
    case Marker::Warning:
        return QColor(0xf9, 0xa8, 0x25);
    case Marker::Info:
        return QColor(0x19, 0x76, 0xd2);
    case Marker::None:
        break;
    }
    return Qt::transparent;
}

RackItem::RackItem(const QString &rackId, const QRectF &frame, int heightU)
    : m_rackId(rackId)
    , m_frame(frame)
    , m_heightU(heightU)
{
    setFlag(ItemIsSelectable);
    setZValue(-10);
    setData(1, rackId);
}

void RackItem::setTexts(const QString &title, const QString &subtitle, bool overLimit)
{
    m_title = title;
    m_subtitle = subtitle;
    m_overLimit = overLimit;
    update();
}

void RackItem::setMarker(Marker marker)
{
    if (m_marker == marker)
        return;
    m_marker = marker;
    update();
}

QRectF RackItem::headerRect() const
{
    return QRectF(m_frame.left() - 6, m_frame.top() - kHeaderPx - 6, m_frame.width() + 12, kHeaderPx - 2);
}

QRectF RackItem::boundingRect() const
{
    return QRectF(m_frame.left() - kNumberMarginPx, m_frame.top() - kHeaderPx - 8,
                  m_frame.width() + kNumberMarginPx + 8, m_frame.height() + kHeaderPx + 16);
}

QPainterPath RackItem::shape() const
{
    QPainterPath path;
    path.addRect(headerRect());
    return path;
}

void RackItem::paint(QPainter *p, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const double lod = option->levelOfDetailFromTransform(p->worldTransform());
    // Frame and rails.
    p->setPen(Qt::NoPen);
    p->setBrush(QColor(0x37, 0x3b, 0x40));
    p->drawRoundedRect(m_frame.adjusted(-6, -6, 6, 6), 3, 3);
    p->setBrush(QColor(0xf7, 0xf8, 0xf9));
    p->drawRect(m_frame);
    if (lod > 0.25) {
        p->setPen(QPen(QColor(0xe0, 0xe3, 0xe6), 0));
        const double unitPx = m_frame.height() / m_heightU;
        for (int u = 1; u < m_heightU; ++u) {
            const double y = m_frame.top() + u * unitPx;
            p->drawLine(QPointF(m_frame.left(), y), QPointF(m_frame.right(), y));
        }
        QFont small = p->font();
        small.setPixelSize(10);
        p->setFont(small);
        p->setPen(QColor(0x5f, 0x63, 0x68));
        for (int u = 1; u <= m_heightU; ++u) {
            const double top = m_frame.top() + (m_heightU - u) * unitPx;
            p->drawText(QRectF(m_frame.left() - kNumberMarginPx, top, kNumberMarginPx - 8, unitPx),
                        Qt::AlignRight | Qt::AlignVCenter, QString::number(u));
        }
    }
    // Header: name and subtitle, highlighted when the rack is selected.
    const QRectF header = headerRect();
    if (isSelected()) {
        p->setPen(QPen(QColor(0x1e, 0x88, 0xe5), 2));
        p->setBrush(QColor(0x1e, 0x88, 0xe5, 40));
        p->drawRoundedRect(header, 3, 3);
    }
    if (lod > 0.15) {
        QFont title = p->font();
        title.setPixelSize(14);
        title.setBold(true);
        p->setFont(title);
        p->setPen(QColor(0x20, 0x24, 0x28));
        const QRectF titleRect = header.adjusted(6, 2, -24, -header.height() / 2);
        p->drawText(titleRect, Qt::AlignLeft | Qt::AlignVCenter,
                    QFontMetricsF(title).elidedText(m_title, Qt::ElideRight, titleRect.width()));
        QFont sub = p->font();
        sub.setPixelSize(11);
        sub.setBold(m_overLimit);
        p->setFont(sub);
        p->setPen(m_overLimit ? QColor(0xb0, 0x00, 0x20) : QColor(0x4a, 0x4f, 0x55));
        const QRectF subRect = header.adjusted(6, header.height() / 2, -6, -2);
        p->drawText(subRect, Qt::AlignLeft | Qt::AlignVCenter,
                    QFontMetricsF(sub).elidedText(m_subtitle, Qt::ElideRight, subRect.width()));
    }
    drawMarker(p, QPointF(header.right() - 12, header.top() + 12), 8, m_marker);
}

DeviceItem::DeviceItem(const QString &deviceId)
    : m_id(deviceId)
{
    setFlag(ItemIsSelectable);
    setData(0, deviceId);
    setAcceptHoverEvents(false);
}

void DeviceItem::setGeometry(const QRectF &sceneRect)
{
    if (m_size != sceneRect.size()) {
        prepareGeometryChange();
        m_size = sceneRect.size();
    }
    setPos(sceneRect.topLeft());
}

void DeviceItem::setAppearance(const QString &label, const QString &detail, const QColor &fill, bool facing,
                               bool vertical)
{
    m_label = label;
    m_detail = detail;
    m_fill = fill;
    m_facing = facing;
    m_vertical = vertical;
    setZValue(facing ? 2 : 1);
    update();
}

void DeviceItem::setMarker(Marker marker)
{
    if (m_marker == marker)
        return;
    m_marker = marker;
    update();
}

QRectF DeviceItem::boundingRect() const
{
    return QRectF(QPointF(-2, -2), m_size + QSizeF(4, 4));
}

// Failed: a red cross over the greyed block; degraded: an orange dashed frame.
void DeviceItem::paintWhatIf(QPainter *p, const QRectF &r) const
{
    if (m_whatIf == WhatIf::Failed) {
        p->setPen(QPen(QColor(0xc6, 0x28, 0x28), 2));
        p->drawLine(r.topLeft(), r.bottomRight());
        p->drawLine(r.bottomLeft(), r.topRight());
    } else if (m_whatIf == WhatIf::Degraded) {
        p->setPen(QPen(QColor(0xef, 0x6c, 0x00), 3, Qt::DashLine));
        p->setBrush(Qt::NoBrush);
        p->drawRoundedRect(r.adjusted(1.5, 1.5, -1.5, -1.5), 2, 2);
    }
}

void DeviceItem::setWhatIf(WhatIf state)
{
    if (state == m_whatIf)
        return;
    m_whatIf = state;
    update();
}

void DeviceItem::paint(QPainter *p, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const QRectF r(QPointF(0, 0), m_size);
    const bool dark = m_whatIf == WhatIf::Dark || m_whatIf == WhatIf::Failed;
    QColor fill = dark ? QColor(0x9a, 0x9c, 0xa0) : m_fill;
    if (!m_facing)
        fill = QColor::fromRgbF(fill.redF() * 0.35 + 0.65 * 0.93, fill.greenF() * 0.35 + 0.65 * 0.93,
                                fill.blueF() * 0.35 + 0.65 * 0.93);
    p->setPen(QPen(m_facing ? m_fill.darker(140) : m_fill, 1, m_facing ? Qt::SolidLine : Qt::DashLine));
    p->setBrush(fill);
    p->drawRoundedRect(r.adjusted(0.5, 0.5, -0.5, -0.5), 2, 2);
    if (isSelected()) {
        p->setPen(QPen(QColor(0x1e, 0x88, 0xe5), 2.5));
        p->setBrush(Qt::NoBrush);
        p->drawRoundedRect(r.adjusted(-1, -1, 1, 1), 3, 3);
    }
    paintWhatIf(p, r);
    const double lod = option->levelOfDetailFromTransform(p->worldTransform());
    const double markerSpace = m_marker == Marker::Error || m_marker == Marker::Warning ? 18 : 0;
    if (lod * std::min(m_size.width(), m_size.height()) >= 8) {
        QFont f = p->font();
        f.setPixelSize(std::min(12, static_cast<int>(std::min(m_size.width(), m_size.height()) * 0.62)));
        p->setPen(dark ? QColor(0x3c, 0x3e, 0x42) : m_facing ? textColorOn(m_fill) : QColor(0x4a, 0x4f, 0x55));
        if (m_vertical) {
            p->save();
            p->translate(r.center());
            p->rotate(-90);
            const QRectF tr(-r.height() / 2 + 4, -r.width() / 2, r.height() - 8 - markerSpace, r.width());
            p->setFont(f);
            p->drawText(tr, Qt::AlignCenter, QFontMetricsF(f).elidedText(m_label, Qt::ElideRight, tr.width()));
            p->restore();
        } else {
            const QRectF text = r.adjusted(6, 0, -6 - markerSpace, 0);
            QFont bold = f;
            bold.setBold(true);
            const QFontMetricsF bm(bold);
            const QString label = bm.elidedText(m_label, Qt::ElideRight, text.width() * 0.55);
            p->setFont(bold);
            p->drawText(text, Qt::AlignLeft | Qt::AlignVCenter, label);
            const double used = bm.horizontalAdvance(label) + 10;
            const QRectF detailRect = text.adjusted(used, 0, 0, 0);
            if (detailRect.width() > 24) {
                p->setFont(f);
                p->drawText(detailRect, Qt::AlignRight | Qt::AlignVCenter,
                            QFontMetricsF(f).elidedText(m_detail, Qt::ElideRight, detailRect.width()));
            }
        }
    }
    if (markerSpace > 0) {
        const double radius = std::min(7.0, std::min(m_size.width(), m_size.height()) / 2 - 1);
        const QPointF c = m_vertical ? QPointF(r.center().x(), r.top() + radius + 3)
                                     : QPointF(r.right() - radius - 4, r.center().y());
        drawMarker(p, c, radius, m_marker);
    }
}

GhostItem::GhostItem()
{
    setZValue(100);
    setVisible(false);
}

void GhostItem::setGhost(const QRectF &sceneRect, bool ok, const QString &text)
{
    prepareGeometryChange();
    m_size = sceneRect.size();
    m_ok = ok;
    m_text = text;
    setPos(sceneRect.topLeft());
    setVisible(true);
    update();
}

QRectF GhostItem::boundingRect() const
{
    return QRectF(QPointF(-2, -2), m_size + QSizeF(4, 4));
}

void GhostItem::paint(QPainter *p, const QStyleOptionGraphicsItem *, QWidget *)
{
    const QRectF r(QPointF(0, 0), m_size);
    const QColor c = m_ok ? QColor(0x2e, 0x7d, 0x32) : QColor(0xd3, 0x2f, 0x2f);
    p->setPen(QPen(c, 2, Qt::DashLine));
    QColor fill = c;
    fill.setAlpha(70);
    p->setBrush(fill);
    p->drawRect(r);
    if (!m_text.isEmpty() && r.height() >= 10) {
        QFont f = p->font();
        f.setPixelSize(std::min(12, static_cast<int>(r.height() * 0.62)));
        f.setBold(true);
        p->setFont(f);
        p->setPen(m_ok ? QColor(0x1b, 0x5e, 0x20) : QColor(0x8e, 0x00, 0x00));
        p->drawText(r.adjusted(6, 0, -6, 0), Qt::AlignLeft | Qt::AlignVCenter,
                    QFontMetricsF(f).elidedText(m_text, Qt::ElideRight, r.width() - 12));
    }
}

} // namespace pp::gui
