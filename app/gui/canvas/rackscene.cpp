#include "rackscene.h"

#include "app/gui/window/planeditor.h"
#include "rackitems.h"
#include "rolecolors.h"

#include "planner/model/plansummary.h"

#include <QApplication>
#include <QGraphicsSceneContextMenuEvent>
#include <QGraphicsSceneDragDropEvent>
#include <QGraphicsSceneMouseEvent>
#include <QMimeData>
#include <QSignalBlocker>
#include <cmath>

namespace pp::gui {

const char *const RackScene::kDeviceTypeMime = "application/x-pocplanner-device-type";

RackScene::RackScene(PlanDocument &document, PlanEditor *editor, QObject *parent)
    : QGraphicsScene(parent)
    , m_document(document)
    , m_editor(editor)
{
    setItemIndexMethod(QGraphicsScene::BspTreeIndex);
    connect(&m_document, &PlanDocument::changed, this, &RackScene::onChanged);
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
    const double x = rackIndex * rackPitch();
    return QRectF(x + kLabelMarginPx, kTopPx, kRackWidthPx, heightU * kUnitPx);
}

QRectF RackScene::slotRect(int rackIndex, int u, int heightU) const
{
    const QRectF rack = rackRect(rackIndex);
    const int rackU = m_document.plan().racks[static_cast<std::size_t>(rackIndex)].heightU;
    const double top = rack.top() + (rackU - (u + heightU - 1)) * kUnitPx;
    return QRectF(rack.left(), top, rack.width(), heightU * kUnitPx);
}

QRectF RackScene::zeroUSlotRect(int rackIndex, int slot) const
{
    const QRectF rack = rackRect(rackIndex);
    const double x = rack.right() + 10 + std::min(slot, 1) * (kZeroUWidthPx + 4) + std::max(0, slot - 1) * 5;
    return QRectF(x, rack.top() + kUnitPx, kZeroUWidthPx, rack.height() - 2 * kUnitPx);
}

int RackScene::rackAt(const QPointF &scenePos) const
{
    const int count = static_cast<int>(m_document.plan().racks.size());
    if (count == 0 || scenePos.x() < 0)
        return -1;
    const int index = static_cast<int>(scenePos.x() / rackPitch());
    if (index >= count)
        return -1;
    return index;
}

int RackScene::unitAt(int rackIndex, double sceneY) const
{
    const QRectF rack = rackRect(rackIndex);
    const int rackU = m_document.plan().racks[static_cast<std::size_t>(rackIndex)].heightU;
    return rackU - static_cast<int>(std::floor((sceneY - rack.top()) / kUnitPx));
}

void RackScene::rebuild()
{
    ++m_rebuildCount;
    // Forget the items before deleting them: deleting a selected item emits selectionChanged, and
    // listeners must not reach items that are half gone.
    const bool hadSelection = !selectedItems().isEmpty();
    m_ghosts.clear();
    m_rackItems.clear();
    m_deviceItems.clear();
    {
        const QSignalBlocker blocker(this);
        clear();
    }
    if (hadSelection)
        emit selectionChanged();
    const Plan &plan = m_document.plan();
    for (std::size_t r = 0; r < plan.racks.size(); ++r) {
        auto *item = new RackItem(plan.racks[r].id, rackRect(static_cast<int>(r)), plan.racks[r].heightU);
        addItem(item);
        m_rackItems.insert(plan.racks[r].id, item);
    }
    // One pass over the devices with a rack index at hand: looking each device and rack up by id
    // made building the scene quadratic (2 s for 1,000 racks).
    QHash<QString, int> rackIndexOf;
    rackIndexOf.reserve(static_cast<qsizetype>(plan.racks.size()));
    for (std::size_t r = 0; r < plan.racks.size(); ++r)
        rackIndexOf.insert(plan.racks[r].id, static_cast<int>(r));
    m_deviceItems.reserve(static_cast<qsizetype>(plan.devices.size()));
    for (const Device &d : plan.devices)
        placeDevice(d.id, &d, rackIndexOf.value(d.rack, -1));
    layoutAllZeroU(rackIndexOf);
    updateRackTexts();
    const double width = std::max<double>(1, static_cast<double>(plan.racks.size())) * rackPitch();
    int maxU = 42;
    for (const Rack &r : plan.racks)
        maxU = std::max(maxU, r.heightU);
    setSceneRect(QRectF(-20, 0, width + 20, kTopPx + maxU * kUnitPx + 30));
    emit rebuilt();
}

void RackScene::onChanged(const PlanChange &change)
{
    if (change.touches(PlanChange::Racks) || change.scope == PlanChange::All) {
        QStringList selected = selectedDeviceIds();
        if (const QString rack = selectedRackId(); !rack.isEmpty())
            selected << rack;
        rebuild();
        selectSubjects(selected);
        return;
    }
    if (change.touches(PlanChange::Devices)) {
        QStringList racks;
        for (const QString &id : change.deviceIds) {
            if (DeviceItem *old = m_deviceItems.value(id))
                racks << old->data(1).toString(); // the rack it leaves
            updateDevice(id);
            if (const Device *d = m_document.plan().findDevice(id))
                racks << d->rack;
        }
        racks.removeDuplicates();
        for (const QString &rack : racks)
            layoutZeroU(rack);
    }
    if (change.touches(PlanChange::Devices | PlanChange::Site))
        updateRackTexts();
}

void RackScene::updateDevice(const QString &id)
{
    const Plan &plan = m_document.plan();
    const Device *device = plan.findDevice(id);
    placeDevice(id, device, device ? plan.rackIndex(device->rack) : -1);
}

void RackScene::placeDevice(const QString &id, const Device *device, int r)
{
    const DeviceType *type = device ? m_document.catalog().deviceType(device->type) : nullptr;
    DeviceItem *item = m_deviceItems.value(id);
    if (!device || !type || r < 0 || (type->isRackMounted() && device->u < 1) || type->role == Role::Cable) {
        if (item) {
            m_deviceItems.remove(id);
            delete item;
        }
        return;
    }
    if (!item) {
        item = new DeviceItem(id);
        addItem(item);
        m_deviceItems.insert(id, item);
    }
    item->setData(1, device->rack);
    const bool zeroU = !type->isRackMounted();
    const bool facing = zeroU || device->face == m_face || type->fullDepth;
    // One line on the canvas whatever the name holds (line breaks, tabs).
    const QString label = (device->hostname.isEmpty() ? device->id : device->hostname).simplified();
    item->setAppearance(label, type->model, roleColor(type->role), facing, zeroU);
    if (!zeroU)
        item->setGeometry(slotRect(r, device->u, type->uHeight).adjusted(2, 1, -2, -1));
    item->setToolTip(QStringLiteral("<b>%1</b> (%2)<br>%3 %4<br>%5")
                         .arg(label.toHtmlEscaped(), device->id.toHtmlEscaped(), type->vendor.toHtmlEscaped(),
                              type->model.toHtmlEscaped(),
                              zeroU ? tr("0U, beside rack %1").arg(device->rack)
                                    : tr("U%1, %2U, %3")
                                          .arg(device->u)
                                          .arg(type->uHeight)
                                          .arg(device->face == Face::Front ? tr("front") : tr("rear"))));
    applyMarker(item);
    applyWhatIf(item);
}

void RackScene::layoutZeroU(const QString &rackId)
{
    const Plan &plan = m_document.plan();
    const int r = plan.rackIndex(rackId);
    if (r < 0)
        return;
    int slot = 0;
    for (const Device &d : plan.devices) {
        if (d.rack != rackId)
            continue;
        DeviceItem *item = m_deviceItems.value(d.id);
        const DeviceType *type = m_document.catalog().deviceType(d.type);
        if (!item || !type || type->isRackMounted())
            continue;
        item->setGeometry(zeroUSlotRect(r, slot++));
    }
}

void RackScene::layoutAllZeroU(const QHash<QString, int> &rackIndexOf)
{
    // layoutZeroU for every rack at once: slots are handed out in plan order, per rack.
    const Plan &plan = m_document.plan();
    std::vector<int> nextSlot(plan.racks.size(), 0);
    for (const Device &d : plan.devices) {
        const int r = rackIndexOf.value(d.rack, -1);
        DeviceItem *item = r >= 0 ? m_deviceItems.value(d.id) : nullptr;
        const DeviceType *type = item ? m_document.catalog().deviceType(d.type) : nullptr;
        if (!type || type->isRackMounted())
            continue;
        item->setGeometry(zeroUSlotRect(r, nextSlot[static_cast<std::size_t>(r)]++));
    }
}

void RackScene::updateRackTexts()
{
    const Plan &plan = m_document.plan();
    SiteProfile site;
    const bool siteOk = ResolvedPlan::resolveSite(plan, m_document.catalog(), site, nullptr);
    const ResolvedPlan resolved(plan, m_document.catalog(), site);
    const PlanSummary summary = summarize(resolved);
    for (std::size_t r = 0; r < plan.racks.size() && r < summary.racks.size(); ++r) {
        RackItem *item = m_rackItems.value(plan.racks[r].id);
        if (!item)
            continue;
        const RackSummary &s = summary.racks[r];
        const double limitKW = siteOk ? site.power.rackLimitKW : 0;
        const bool over = limitKW > 0 && s.typicalW / 1000.0 > limitKW;
        QString sub = tr("%1/%2 U · %3 kW typ · %4 kW max")
                          .arg(s.usedU)
                          .arg(s.heightU)
                          .arg(s.typicalW / 1000.0, 0, 'f', 2)
                          .arg(s.maxW / 1000.0, 0, 'f', 2);
        if (limitKW > 0)
            sub += tr(" of %1").arg(limitKW, 0, 'f', 0);
        item->setTexts(QStringLiteral("%1  (%2) · %3")
                           .arg(plan.racks[r].name.simplified(), plan.racks[r].id,
                                m_face == Face::Front ? tr("front") : tr("rear")),
                       sub, over);
    }
}

void RackScene::applyMarker(DeviceItem *item)
{
    const auto it = m_worst.constFind(item->deviceId());
    item->setMarker(it == m_worst.constEnd() ? Marker::None : markerFor(*it));
}

void RackScene::applyWhatIf(DeviceItem *item)
{
    item->setWhatIf(static_cast<DeviceItem::WhatIf>(m_whatIf.value(item->deviceId(), 0)));
}

void RackScene::setWhatIf(const QStringList &failed, const QStringList &dark, const QStringList &degraded)
{
    m_whatIf.clear();
    for (const QString &id : degraded)
        m_whatIf.insert(id, static_cast<int>(DeviceItem::WhatIf::Degraded));
    for (const QString &id : dark)
        m_whatIf.insert(id, static_cast<int>(DeviceItem::WhatIf::Dark));
    for (const QString &id : failed)
        m_whatIf.insert(id, static_cast<int>(DeviceItem::WhatIf::Failed));
    for (DeviceItem *item : std::as_const(m_deviceItems))
        applyWhatIf(item);
}

void RackScene::setFindings(const CheckReport &report)
{
    m_worst.clear();
    for (const Finding &f : report.findings) {
        if (f.waived || f.severity == Severity::Info)
            continue;
        for (const QString &subject : f.subjects) {
            // Feeds ("R1/A") and links ("cn1:p1") mark their rack or device.
            QString id = subject.section(QLatin1Char('/'), 0, 0).section(QLatin1Char(':'), 0, 0);
            auto it = m_worst.find(id);
            if (it == m_worst.end() || static_cast<int>(f.severity) < static_cast<int>(*it))
                m_worst.insert(id, f.severity);
        }
    }
    for (DeviceItem *item : std::as_const(m_deviceItems))
        applyMarker(item);
    for (RackItem *item : std::as_const(m_rackItems)) {
        const auto it = m_worst.constFind(item->rackId());
        item->setMarker(it == m_worst.constEnd() ? Marker::None : markerFor(*it));
    }
}

QStringList RackScene::selectedDeviceIds() const
{
    QStringList ids;
    for (const Device &d : m_document.plan().devices)
        if (DeviceItem *item = m_deviceItems.value(d.id); item && item->isSelected())
            ids << d.id;
    return ids;
}

QString RackScene::selectedRackId() const
{
    for (RackItem *item : m_rackItems)
        if (item->isSelected())
            return item->rackId();
    return QString();
}

QString RackScene::currentRackId() const
{
    const QString rack = selectedRackId();
    if (!rack.isEmpty())
        return rack;
    const QStringList devices = selectedDeviceIds();
    if (!devices.isEmpty())
        if (const Device *d = m_document.plan().findDevice(devices.front()))
            return d->rack;
    return m_document.plan().racks.empty() ? QString() : m_document.plan().racks.front().id;
}

QRectF RackScene::selectSubjects(const QStringList &subjects)
{
    clearSelection();
    QRectF bounds;
    for (const QString &subject : subjects) {
        const QString id = subject.section(QLatin1Char('/'), 0, 0).section(QLatin1Char(':'), 0, 0);
        QGraphicsItem *item = m_deviceItems.value(id);
        if (!item)
            item = m_rackItems.value(id);
        if (!item)
            continue;
        item->setSelected(true);
        bounds = bounds.united(item->sceneBoundingRect());
    }
    return bounds;
}

DeviceItem *RackScene::deviceItemAt(const QPointF &scenePos) const
{
    for (QGraphicsItem *item : items(scenePos, Qt::IntersectsItemShape, Qt::DescendingOrder))
        if (item->type() == DeviceItem::Type)
            return static_cast<DeviceItem *>(item);
    return nullptr;
}

GhostItem *RackScene::ghost(int index)
{
    while (static_cast<int>(m_ghosts.size()) <= index) {
        auto *g = new GhostItem;
        addItem(g);
        m_ghosts.push_back(g);
    }
    return m_ghosts[static_cast<std::size_t>(index)];
}

void RackScene::clearGhosts()
{
    for (GhostItem *g : m_ghosts)
        g->setVisible(false);
}

bool RackScene::placementAt(const QString &typeId, const QPointF &scenePos, ops::Placement *where) const
{
    const int r = rackAt(scenePos);
    const DeviceType *type = m_document.catalog().deviceType(typeId);
    if (r < 0 || !type)
        return false;
    where->rack = m_document.plan().racks[static_cast<std::size_t>(r)].id;
    where->face = m_face;
    // The pointer holds the device by its middle, snapped to whole U.
    where->u = type->isRackMounted() ? unitAt(r, scenePos.y()) - (type->uHeight - 1) / 2 : 0;
    if (!type->isRackMounted())
        where->face = Face::Rear;
    return true;
}

void RackScene::showDropGhost(const QString &typeId, const QPointF &scenePos)
{
    ops::Placement where;
    const DeviceType *type = m_document.catalog().deviceType(typeId);
    if (!type || !placementAt(typeId, scenePos, &where)) {
        clearGhosts();
        emit message(tr("Drop onto a rack"));
        return;
    }
    const int r = m_document.plan().rackIndex(where.rack);
    const ops::OpResult check = ops::checkPlacement(m_document.plan(), m_document.catalog(), typeId, where);
    const QRectF rect =
        type->isRackMounted() ? slotRect(r, where.u, type->uHeight).adjusted(2, 1, -2, -1) : zeroUSlotRect(r, 0);
    ghost(0)->setGhost(rect, check.ok, check.ok ? tr("%1 at U%2").arg(type->model).arg(where.u) : tr("refused"));
    for (std::size_t i = 1; i < m_ghosts.size(); ++i)
        m_ghosts[i]->setVisible(false);
    emit message(check.ok ? tr("%1 → %2 U%3 (%4)")
                                .arg(type->model, where.rack)
                                .arg(where.u)
                                .arg(where.face == Face::Front ? tr("front") : tr("rear"))
                          : tr("Cannot place here: %1").arg(check.error));
}

bool RackScene::dropDeviceType(const QString &typeId, const QPointF &scenePos)
{
    clearGhosts();
    ops::Placement where;
    if (!placementAt(typeId, scenePos, &where)) {
        emit message(tr("Refused: drop a device onto a rack"));
        return false;
    }
    const ops::OpResult check = ops::checkPlacement(m_document.plan(), m_document.catalog(), typeId, where);
    if (!check) {
        emit message(tr("Refused: %1").arg(check.error));
        return false;
    }
    if (!m_editor)
        return false;
    const int before = static_cast<int>(m_document.plan().devices.size());
    const ops::OpResult r = m_editor->addDevice(typeId, where);
    if (r && static_cast<int>(m_document.plan().devices.size()) > before) {
        clearSelection();
        if (DeviceItem *item = m_deviceItems.value(m_document.plan().devices.back().id))
            item->setSelected(true);
    }
    return r.ok;
}

bool RackScene::computeMoves(const QPointF &scenePos, std::vector<std::pair<QString, ops::Placement>> *moves,
                             QString *why) const
{
    const Plan &plan = m_document.plan();
    const Device *anchor = plan.findDevice(m_pressDevice);
    const int targetRack = rackAt(scenePos);
    if (!anchor || targetRack < 0) {
        *why = tr("not over a rack");
        return false;
    }
    const int anchorRack = plan.rackIndex(anchor->rack);
    const int deltaRack = targetRack - anchorRack;
    const int deltaU = unitAt(targetRack, scenePos.y()) - unitAt(anchorRack, m_pressPos.y());
    moves->clear();
    for (const QString &id : selectedDeviceIds()) {
        const Device *d = plan.findDevice(id);
        const DeviceType *type = m_document.catalog().deviceType(d->type);
        const int r = plan.rackIndex(d->rack) + deltaRack;
        if (r < 0 || r >= static_cast<int>(plan.racks.size())) {
            *why = tr("%1 would leave the row of racks").arg(d->hostname);
            return false;
        }
        const int u = type && type->isRackMounted() ? d->u + deltaU : 0;
        moves->emplace_back(id, ops::Placement{plan.racks[static_cast<std::size_t>(r)].id, u, d->face});
    }
    const ops::OpResult check = ops::checkMoves(plan, m_document.catalog(), *moves);
    *why = check.error;
    return check.ok;
}

void RackScene::showMoveGhosts(const QPointF &scenePos)
{
    std::vector<std::pair<QString, ops::Placement>> moves;
    QString why;
    const bool ok = computeMoves(scenePos, &moves, &why);
    clearGhosts();
    int n = 0;
    for (const auto &[id, to] : moves) {
        const Device *d = m_document.plan().findDevice(id);
        const DeviceType *type = d ? m_document.catalog().deviceType(d->type) : nullptr;
        const int r = m_document.plan().rackIndex(to.rack);
        if (!type || r < 0)
            continue;
        const QRectF rect =
            type->isRackMounted() ? slotRect(r, to.u, type->uHeight).adjusted(2, 1, -2, -1) : zeroUSlotRect(r, 0);
        const QString text = n == 0 ? (ok ? tr("%1 U%2").arg(to.rack).arg(to.u) : tr("refused")) : QString();
        ghost(n++)->setGhost(rect, ok, text);
    }
    emit message(ok ? tr("Move to %1")
                          .arg(moves.empty() ? QString()
                                             : tr("%1 U%2").arg(moves.front().second.rack).arg(moves.front().second.u))
                    : tr("Cannot move here: %1").arg(why));
}

void RackScene::mousePressEvent(QGraphicsSceneMouseEvent *event)
{
    m_pressDevice.clear();
    m_dragging = false;
    m_pressKeepsSelection = false;
    if (event->button() == Qt::LeftButton) {
        if (DeviceItem *item = deviceItemAt(event->scenePos())) {
            m_pressDevice = item->deviceId();
            m_pressPos = event->scenePos();
            // Pressing on a device that is already selected keeps a multi-selection for dragging.
            if (item->isSelected() && event->modifiers() == Qt::NoModifier) {
                m_pressKeepsSelection = true;
                event->accept();
                return;
            }
        }
    }
    QGraphicsScene::mousePressEvent(event);
}

void RackScene::mouseMoveEvent(QGraphicsSceneMouseEvent *event)
{
    if (!m_pressDevice.isEmpty() && (event->buttons() & Qt::LeftButton)) {
        if (!m_dragging && QLineF(event->scenePos(), m_pressPos).length() >= QApplication::startDragDistance())
            m_dragging = true;
        if (m_dragging)
            showMoveGhosts(event->scenePos());
        event->accept();
        return;
    }
    QGraphicsScene::mouseMoveEvent(event);
}

void RackScene::mouseReleaseEvent(QGraphicsSceneMouseEvent *event)
{
    if (m_dragging) {
        std::vector<std::pair<QString, ops::Placement>> moves;
        QString why;
        const bool ok = computeMoves(event->scenePos(), &moves, &why);
        clearGhosts();
        bool changed = false;
        for (const auto &[id, to] : moves)
            if (const Device *d = m_document.plan().findDevice(id))
                changed = changed || d->rack != to.rack || d->u != to.u;
        if (!ok)
            emit message(tr("Refused: %1").arg(why));
        else if (changed && m_editor)
            m_editor->moveDevices(moves);
        m_dragging = false;
        m_pressDevice.clear();
        event->accept();
        return;
    }
    if (m_pressKeepsSelection) {
        // A click (no drag) on a selected device selects just that device.
        clearSelection();
        if (DeviceItem *item = m_deviceItems.value(m_pressDevice))
            item->setSelected(true);
        m_pressDevice.clear();
        m_pressKeepsSelection = false;
        event->accept();
        return;
    }
    m_pressDevice.clear();
    QGraphicsScene::mouseReleaseEvent(event);
}

void RackScene::mouseDoubleClickEvent(QGraphicsSceneMouseEvent *event)
{
    if (DeviceItem *item = deviceItemAt(event->scenePos())) {
        emit deviceActivated(item->deviceId());
        return;
    }
    for (QGraphicsItem *item : items(event->scenePos()))
        if (!item->data(1).toString().isEmpty() && item->type() != DeviceItem::Type) {
            emit rackActivated(item->data(1).toString());
            return;
        }
    QGraphicsScene::mouseDoubleClickEvent(event);
}

void RackScene::contextMenuEvent(QGraphicsSceneContextMenuEvent *event)
{
    QGraphicsItem *hit = deviceItemAt(event->scenePos());
    if (!hit) {
        const int r = rackAt(event->scenePos());
        if (r >= 0)
            hit = m_rackItems.value(m_document.plan().racks[static_cast<std::size_t>(r)].id);
    }
    if (hit && !hit->isSelected()) {
        clearSelection();
        hit->setSelected(true);
    }
    emit contextMenuRequested(event->screenPos());
    event->accept();
}

void RackScene::dragEnterEvent(QGraphicsSceneDragDropEvent *event)
{
    if (!event->mimeData()->hasFormat(QLatin1String(kDeviceTypeMime))) {
        event->ignore();
        return;
    }
    event->acceptProposedAction();
    showDropGhost(QString::fromUtf8(event->mimeData()->data(QLatin1String(kDeviceTypeMime))), event->scenePos());
}

void RackScene::dragMoveEvent(QGraphicsSceneDragDropEvent *event)
{
    if (!event->mimeData()->hasFormat(QLatin1String(kDeviceTypeMime))) {
        event->ignore();
        return;
    }
    // Accepted even where it does not fit, so the red ghost follows the pointer; the drop refuses.
    event->acceptProposedAction();
    showDropGhost(QString::fromUtf8(event->mimeData()->data(QLatin1String(kDeviceTypeMime))), event->scenePos());
}

void RackScene::dragLeaveEvent(QGraphicsSceneDragDropEvent *event)
{
    clearGhosts();
    event->accept();
}

void RackScene::dropEvent(QGraphicsSceneDragDropEvent *event)
{
    if (!event->mimeData()->hasFormat(QLatin1String(kDeviceTypeMime))) {
        event->ignore();
        return;
    }
    const bool ok =
        dropDeviceType(QString::fromUtf8(event->mimeData()->data(QLatin1String(kDeviceTypeMime))), event->scenePos());
    event->setDropAction(ok ? Qt::CopyAction : Qt::IgnoreAction);
    event->accept();
}

} // namespace pp::gui
