#pragma once

#include "planner/analysis/whatifengine.h"
#include "planner/model/plandocument.h"

#include <QStringList>
#include <QWidget>
#include <memory>

class QCheckBox;
class QLabel;
class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace pp::gui {

// The what-if mode: fail failure domains (tick them in the list, or select devices on the canvas
// and press "Fail selected") and see what remains: the canvas greys out what goes dark and marks
// what is degraded, and the panel shows read/write GB/s, capacity, power per feed, the nodes cut off
// and whether data stays available. Failures are the panel's own state, with their own undo and
// redo; they are never written into the plan.
class WhatIfPanel : public QWidget {
    Q_OBJECT
public:
    explicit WhatIfPanel(PlanDocument &document, QWidget *parent = nullptr);
    ~WhatIfPanel() override;

    bool active() const;
    void setActive(bool on);
    QStringList failed() const { return m_history[static_cast<std::size_t>(m_at)]; }
    // Fails (or restores) domains by id, as one undoable step; unknown ids are ignored.
    void setFailed(const QStringList &ids);
    void toggle(const QString &id);
    // Fails the devices selected on the canvas.
    void failDevices(const QStringList &deviceIds);
    bool undo();
    bool redo();
    const WhatIfResult *result() const { return m_result.get(); }
    QString summaryText() const;
    QTreeWidget *tree() const { return m_tree; }

signals:
    // What the canvas shows: devices failed, dark (lost power or failed) and degraded; empty when off.
    void overlayChanged(const QStringList &failedDevices, const QStringList &darkDevices,
                        const QStringList &degradedDevices);
    void failSelectedRequested();

private:
    void rebuildModel();
    void rebuildTree();
    void evaluate();
    void push(QStringList ids);
    void syncChecks();
    void updateButtons();

    PlanDocument &m_document;
    Plan m_plan; // the snapshot the model reads
    SiteProfile m_site;
    std::unique_ptr<ResolvedPlan> m_resolved;
    std::unique_ptr<FailureModel> m_model;
    std::unique_ptr<WhatIfEngine> m_engine;
    std::unique_ptr<WhatIfResult> m_result;
    QString m_error;
    bool m_stale = true;
    bool m_syncing = false;
    std::vector<QStringList> m_history{QStringList()};
    int m_at = 0;
    QCheckBox *m_active;
    QTreeWidget *m_tree;
    QPushButton *m_failSelected;
    QPushButton *m_undo;
    QPushButton *m_redo;
    QPushButton *m_clear;
    QLabel *m_summary;
};

} // namespace pp::gui
