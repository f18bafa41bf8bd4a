#pragma once

#include "planner/rules/finding.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QToolButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace pp::gui {

class PlanEditor;

// The findings list: the rule engine's report with a severity filter. Selecting a finding (click
// or keyboard) asks the canvas to select and centre its subjects; a finding can be waived with a
// reason, and a waiver withdrawn, both as undoable edits.
class FindingsPanel : public QWidget {
    Q_OBJECT
public:
    FindingsPanel(PlanEditor &editor, QWidget *parent = nullptr);

    void setReport(const CheckReport &report);
    void setChecking(bool busy);
    void setSeverityShown(Severity severity, bool shown);
    QTreeWidget *tree() const { return m_tree; }
    // Waives the current finding with this reason (what the Waive… button does after asking).
    bool waiveCurrent(const QString &reason);
    bool withdrawCurrentWaiver();

signals:
    void subjectsActivated(const QStringList &subjects);

private:
    void rebuildRows();
    const Finding *currentFinding() const;
    void updateButtons();

    PlanEditor &m_editor;
    CheckReport m_report;
    QTreeWidget *m_tree;
    QToolButton *m_showErrors;
    QToolButton *m_showWarnings;
    QToolButton *m_showInfo;
    QPushButton *m_waive;
    QPushButton *m_unwaive;
    QLabel *m_status;
};

} // namespace pp::gui
