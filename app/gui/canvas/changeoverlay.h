#pragma once

#include "exporters/reports/diffreport.h"

#include <QObject>
#include <QPointer>
#include <vector>

class QGraphicsItem;

namespace pp::gui {

class RackScene;

// Marks on the rack canvas for a comparison with another version of the plan: added devices in
// green, moved ones in blue, renamed or retyped ones in orange, and removed ones as a dashed red
// outline where they used to be. The marks sit above the device items and are redrawn from the
// report whenever the scene or the comparison changes; they never take clicks.
class ChangeOverlay : public QObject {
    Q_OBJECT
public:
    ChangeOverlay(RackScene &scene, QObject *parent = nullptr);
    ~ChangeOverlay() override;

    // The report to show and the plan it was made from (for where removed devices stood).
    void show(const DiffReport &report, const Plan &oldPlan);
    void clear();
    // Redraws the current report (after the scene rebuilt or turned to the other face).
    void refresh();
    int markCount() const { return static_cast<int>(m_items.size()); }

private:
    void mark(const QRectF &rect, const QColor &color, Qt::PenStyle style, const QString &tag);

    RackScene &m_scene;
    QPointer<RackScene> m_sceneAlive; // the window may delete the scene first; its items go with it
    DiffReport m_report;
    Plan m_oldPlan;
    bool m_active = false;
    std::vector<QGraphicsItem *> m_items;
};

} // namespace pp::gui
