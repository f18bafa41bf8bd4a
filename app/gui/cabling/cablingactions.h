#pragma once

#include "planner/model/plandocument.h"
#include "planner/topology/autocabler.h"

#include <QObject>
#include <functional>

class QMenuBar;
class QUndoStack;
class QWidget;

namespace pp::gui {

// The Network menu of the main window: "Cable automatically" and the port view of a device.
// Edits are undo commands on the window's undo stack when there is one, else document edits.
class CablingActions : public QObject {
    Q_OBJECT
public:
    CablingActions(QWidget *window, PlanDocument &document, QUndoStack *undoStack,
                   std::function<QString()> selectedDevice);

    void addMenu(QMenuBar *menuBar);

    // Runs the auto-cabler on the plan and applies the result as one undoable step.
    CablingReport cableAutomatically();
    void showPortView(const QString &deviceId);
    void apply(Plan after, const QString &text);

signals:
    void message(const QString &text);

private:
    QWidget *m_window;
    PlanDocument &m_document;
    QUndoStack *m_undoStack;
    std::function<QString()> m_selectedDevice;
};

} // namespace pp::gui
