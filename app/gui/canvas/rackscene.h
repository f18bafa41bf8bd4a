#pragma once

#include "planner/model/plandocument.h"
#include "planner/rules/finding.h"

#include <QGraphicsScene>
#include <QHash>

namespace pp::gui {

class DeviceItem;
class GhostItem;
class PlanEditor;
class RackItem;

// The rack canvas: the plan's racks side by side as front (or rear) elevations, one item per rack
// and per device, kept in hashes by id. The document emits what changed and the scene updates
// only those items. Drops from the palette and drags of devices go to the PlanEditor as commands;
// a drop or move that would overlap or overflow shows a red ghost and is refused.
class RackScene : public QGraphicsScene {
    Q_OBJECT
public:
    static constexpr double kUnitPx = 18.0;
    static constexpr double kRackWidthPx = 260.0;
    static constexpr double kRackGapPx = 56.0;
    static constexpr double kLabelMarginPx = 28.0;
    static constexpr double kZeroUWidthPx = 18.0;
    static constexpr double kZeroUStripPx = 2 * kZeroUWidthPx + 16.0; // room for an A and a B PDU
    static constexpr double kTopPx = 60.0;
    static const char *const kDeviceTypeMime;

    RackScene(PlanDocument &document, PlanEditor *editor, QObject *parent = nullptr);

    void setFace(Face face);
    Face face() const { return m_face; }
    const PlanDocument &document() const { return m_document; }
    void rebuild();
    // How many times the whole scene was rebuilt: edits should update items, not rebuild (tests).
    int rebuildCount() const { return m_rebuildCount; }

    // Geometry shared with editing tools: the scene rectangle of a rack and of U positions in it.
    QRectF rackRect(int rackIndex) const;
    QRectF slotRect(int rackIndex, int u, int heightU) const;
    QRectF zeroUSlotRect(int rackIndex, int slot) const;
    int rackAt(const QPointF &scenePos) const;      // -1 when not over a rack column
    int unitAt(int rackIndex, double sceneY) const; // not clamped: may be below 1 or above the top

    DeviceItem *deviceItem(const QString &id) const { return m_deviceItems.value(id); }
    RackItem *rackItem(const QString &id) const { return m_rackItems.value(id); }
    QStringList selectedDeviceIds() const; // in plan order
    QString selectedRackId() const;
    // The rack the next keyboard action works on: the selected rack, else the first selected device's rack.
    QString currentRackId() const;
    // Selects the devices and racks named (findings subjects; "R1/A" selects rack R1) and returns their bounds.
    QRectF selectSubjects(const QStringList &subjects);

    // Finding markers: the worst unwaived severity per device and rack.
    void setFindings(const CheckReport &report);
    // The what-if overlay: failed devices crossed, dark ones greyed, degraded ones framed; empty lists clear it.
    void setWhatIf(const QStringList &failed, const QStringList &dark, const QStringList &degraded);

    // The placement a drop of typeId at scenePos means (snapped to U on the current face).
    bool placementAt(const QString &typeId, const QPointF &scenePos, ops::Placement *where) const;
    // Drops a type: adds it through the editor, or shows why not. Used by the drop event and tests.
    bool dropDeviceType(const QString &typeId, const QPointF &scenePos);

signals:
    void message(const QString &text); // transient status text (ghost reasons, refusals)
    void rebuilt();                    // every item was made anew (overlays redraw theirs)
    void contextMenuRequested(const QPoint &screenPos);
    void deviceActivated(const QString &deviceId); // double-click: edit in the inspector
    void rackActivated(const QString &rackId);     // double-click on a rack header: rename

protected:
    void mousePressEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseMoveEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseReleaseEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseDoubleClickEvent(QGraphicsSceneMouseEvent *event) override;
    void contextMenuEvent(QGraphicsSceneContextMenuEvent *event) override;
    void dragEnterEvent(QGraphicsSceneDragDropEvent *event) override;
    void dragMoveEvent(QGraphicsSceneDragDropEvent *event) override;
    void dragLeaveEvent(QGraphicsSceneDragDropEvent *event) override;
    void dropEvent(QGraphicsSceneDragDropEvent *event) override;

private:
    void onChanged(const PlanChange &change);
    void updateDevice(const QString &id);
    // Creates, updates or removes one device's item; rackIndex is the index of device->rack.
    void placeDevice(const QString &id, const Device *device, int rackIndex);
    void layoutZeroU(const QString &rackId);
    void layoutAllZeroU(const QHash<QString, int> &rackIndexOf);
    void updateRackTexts();
    void applyMarker(DeviceItem *item);
    void applyWhatIf(DeviceItem *item);
    DeviceItem *deviceItemAt(const QPointF &scenePos) const;
    void showDropGhost(const QString &typeId, const QPointF &scenePos);
    bool computeMoves(const QPointF &scenePos, std::vector<std::pair<QString, ops::Placement>> *moves,
                      QString *why) const;
    void showMoveGhosts(const QPointF &scenePos);
    void clearGhosts();
    GhostItem *ghost(int index);
    double rackPitch() const { return kLabelMarginPx + kRackWidthPx + kZeroUStripPx + kRackGapPx; }

    PlanDocument &m_document;
    PlanEditor *m_editor;
    Face m_face = Face::Front;
    QHash<QString, RackItem *> m_rackItems;
    QHash<QString, DeviceItem *> m_deviceItems;
    QHash<QString, Severity> m_worst; // subject id → worst unwaived severity
    QHash<QString, int> m_whatIf;     // device id → DeviceItem::WhatIf (what-if mode only)
    std::vector<GhostItem *> m_ghosts;
    // A drag of selected devices in progress.
    QString m_pressDevice;
    QPointF m_pressPos;
    bool m_dragging = false;
    bool m_pressKeepsSelection = false;
    int m_rebuildCount = 0;
};

} // namespace pp::gui
