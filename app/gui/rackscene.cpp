#include "rackscene.h"

#include "rolecolors.h"

#include <QBrush>
#include <QFont>
#include <QGraphicsRectItem>
#include <QGraphicsSimpleTextItem>
#include <QPen>

namespace pp::gui {

RackScene::RackScene(PlanDocument &document, QObject *parent)
    : QGraphicsScene(parent), m_document(document)
{
    connect(&m_document, &PlanDocument::planChanged, this, &RackScene::rebuild);
    rebuild();
}

void RackScene::setFace(Face face)
{
    if (m_face == face)
        return;
    m_face = face;
    rebuild();
}

QRectF RackScene::rackRect(int rackIndex) const
{
    const Plan &plan = m_document.plan();
    const int heightU = plan.racks[static_cast<std::size_t>(rackIndex)].heightU;
    const double x = rackIndex * (kRackWidthPx + kRackGapPx + kLabelMarginPx);
    return QRectF(x + kLabelMarginPx, 40, kRackWidthPx, heightU * kUnitPx);
}

QRectF RackScene::slotRect(int rackIndex, int u, int heightU) const
{
    const QRectF rack = rackRect(rackIndex);
    const int rackU = m_document.plan().racks[static_cast<std::size_t>(rackIndex)].heightU;
    const double top = rack.top() + (rackU - (u + heightU - 1)) * kUnitPx;
    return QRectF(rack.left(), top, rack.width(), heightU * kUnitPx);
}

void RackScene::rebuild()
{
    clear();
    const Plan &plan = m_document.plan();
    const Catalog &catalog = m_document.catalog();
    QFont small;
    small.setPointSizeF(7);
    QFont label;
    label.setPointSizeF(8);
    QFont title;
    title.setPointSizeF(10);
    title.setBold(true);

    for (std::size_t r = 0; r < plan.racks.size(); ++r) {
        const Rack &rack = plan.racks[r];
        const QRectF frame = rackRect(static_cast<int>(r));
        addRect(frame.adjusted(-6, -6, 6, 6), QPen(QColor(0x33, 0x33, 0x33), 2), QBrush(QColor(0x2b, 0x2b, 0x2b)));
        addRect(frame, QPen(Qt::NoPen), QBrush(QColor(0xf4, 0xf4, 0xf4)));
        auto *name = addSimpleText(QStringLiteral("%1 — %2 (%3)").arg(rack.id, rack.name, m_face == Face::Front ? tr("front") : tr("rear")), title);
        name->setPos(frame.left(), frame.top() - 32);
        for (int u = 1; u <= rack.heightU; ++u) {
            const QRectF slot = slotRect(static_cast<int>(r), u, 1);
            addLine(slot.left(), slot.bottom(), slot.right(), slot.bottom(), QPen(QColor(0xdd, 0xdd, 0xdd)));
            auto *number = addSimpleText(QString::number(u), small);
            number->setPos(frame.left() - 22, slot.top() + 3);
        }
    }
    for (const Device &device : plan.devices) {
        const int r = plan.rackIndex(device.rack);
        const DeviceType *type = catalog.deviceType(device.type);
        if (r < 0 || !type || type->uHeight < 1 || device.u < 1)
            continue;
        const bool facing = device.face == m_face || type->fullDepth;
        const QRectF rect = slotRect(r, device.u, type->uHeight).adjusted(2, 1, -2, -1);
        QColor fill = roleColor(type->role);
        if (!facing)
            fill.setAlpha(70);
        auto *item = addRect(rect, QPen(fill.darker(150)), QBrush(fill));
        item->setData(0, device.id);
        item->setToolTip(QStringLiteral("%1 (%2)\n%3 %4\nU%5, %6U").arg(device.hostname, device.id, type->vendor, type->model)
                             .arg(device.u).arg(type->uHeight));
        auto *text = addSimpleText(QStringLiteral("%1  ·  %2").arg(device.hostname.isEmpty() ? device.id : device.hostname, type->model), label);
        text->setBrush(facing ? Qt::white : Qt::darkGray);
        text->setParentItem(item);
        text->setPos(rect.left() + 6, rect.center().y() - text->boundingRect().height() / 2);
    }
    setSceneRect(itemsBoundingRect().adjusted(-20, -20, 20, 20));
}

} // namespace pp::gui
