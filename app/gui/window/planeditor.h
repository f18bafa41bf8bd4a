#pragma once

#include "planner/model/plandocument.h"
#include "planner/topology/autocabler.h"

#include <QObject>

class QUndoStack;
class QUndoCommand;

namespace pp::gui {

// The one place where the GUI changes the plan: each method builds the matching Cmd… and pushes
// it on the undo stack, or reports why the planner refused. The canvas, the inspector, the
// findings panel and the menus all call this; tests drive it directly.
class PlanEditor : public QObject {
    Q_OBJECT
public:
    using Moves = std::vector<std::pair<QString, ops::Placement>>;

    PlanEditor(PlanDocument &document, QObject *parent = nullptr);

    PlanDocument &document() { return m_document; }
    QUndoStack &undoStack() { return *m_undoStack; }

    ops::OpResult addDevice(const QString &typeId, const ops::Placement &where);
    ops::OpResult addDevices(std::vector<Device> devices, const QString &text = QString());
    ops::OpResult removeDevices(const QStringList &ids);
    ops::OpResult moveDevices(const Moves &moves);
    // Moves devices by whole U (positive = up), keeping rack and face. Nudges of the same devices
    // one after the other are one undo step.
    ops::OpResult nudgeDevices(const QStringList &ids, int deltaU);
    // Moves devices to the neighbouring rack (delta -1 = left), keeping U and face.
    ops::OpResult shiftDevicesToRack(const QStringList &ids, int deltaRack);
    ops::OpResult duplicateDevices(const QStringList &ids, QStringList *newIds = nullptr);
    ops::OpResult setDevice(const Device &updated, const QString &what);

    ops::OpResult addRack(int index = -1, QString *newId = nullptr);
    ops::OpResult removeRack(const QString &id);
    ops::OpResult renameRack(const QString &id, const QString &name);
    ops::OpResult resizeRack(const QString &id, int heightU);
    ops::OpResult reorderRack(const QString &id, int newIndex);

    ops::OpResult addWaiver(const Waiver &waiver);
    ops::OpResult removeWaiver(const QString &rule, const QString &subject);
    ops::OpResult setSite(const QString &profile, const Json &overrides);

    // Cabling by hand (the port view): a manual link with a cable chosen by the site's policy
    // (`note` says why none was chosen, if so), a port's link and uplink removed, a link's cable,
    // length or label changed.
    ops::OpResult connectPorts(const Endpoint &a, const Endpoint &b, QString *note = nullptr);
    ops::OpResult disconnectPort(const Endpoint &end);
    ops::OpResult setLink(const Link &updated, const QString &what);
    // Runs the auto-cabler on a copy of the plan and pushes what it changed as one step; nothing
    // is pushed when the plan was already cabled that way.
    ops::OpResult cableAutomatically(CablingReport *report);

    // A new device of a type with a fresh id and hostname ("cn4", "cnode-4").
    Device newDevice(const QString &typeId, const ops::Placement &where) const;

signals:
    // An edit was refused; the message says why (shown in the status bar).
    void refused(const QString &why);
    // A done edit also changed or found something the user should know: links a retype dropped,
    // hand-made cables that no longer fit their new route (shown in the status bar).
    void noted(const QString &what);

private:
    ops::OpResult push(QUndoCommand *command);
    ops::OpResult moveDevices(const Moves &moves, bool nudge);

    PlanDocument &m_document;
    QUndoStack *m_undoStack;
};

} // namespace pp::gui
