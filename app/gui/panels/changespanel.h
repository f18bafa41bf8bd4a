#pragma once

#include "exporters/reports/diffreport.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QTreeWidget;

namespace pp::gui {

// The list of a comparison with another version of the plan: one row per change (added,
// removed, moved, renamed, re-cabled, site fields, figures that moved). Selecting a device's
// row asks the canvas to select it; Close ends the comparison.
class ChangesPanel : public QWidget {
    Q_OBJECT
public:
    explicit ChangesPanel(QWidget *parent = nullptr);

    void setReport(const DiffReport &report);
    void clear();
    QTreeWidget *tree() const { return m_tree; }
    QString summary() const;

signals:
    void subjectsActivated(const QStringList &subjects);
    void closeRequested();
    void exportRequested(); // "Export change BOM…"

private:
    QTreeWidget *m_tree;
    QLabel *m_status;
    QPushButton *m_close;
    QPushButton *m_export;
};

} // namespace pp::gui
