#pragma once

#include "planner/topology/autocabler.h"

#include <QObject>
#include <functional>

class QMenuBar;
class QWidget;

namespace pp::gui {

class PlanEditor;

// The Network menu of the main window: "Cable automatically" and the port view of a device.
// Edits go through the PlanEditor as undo commands.
class CablingActions : public QObject {
    Q_OBJECT
public:
    CablingActions(QWidget *window, PlanEditor &editor, std::function<QString()> selectedDevice);

    void addMenu(QMenuBar *menuBar);

    // Runs the auto-cabler on the plan and applies the result as one undoable step.
    CablingReport cableAutomatically();
    void showPortView(const QString &deviceId);

signals:
    void message(const QString &text);

private:
    QWidget *m_window;
    PlanEditor &m_editor;
    std::function<QString()> m_selectedDevice;
};

} // namespace pp::gui
