#include "app/gui/cabling/portviewdialog.h"
#include "app/gui/canvas/rackscene.h"
#include "app/gui/window/autosaver.h"
#include "app/gui/window/mainwindow.h"
#include "app/gui/window/planeditor.h"

#include "planner/io/planio.h"
#include "planner/templates/templates.h"

#include <QAction>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QUndoStack>
#include <QtTest>

using namespace pp;
using namespace pp::gui;

// Edits as commands: each link edit is its own undo step that puts the plan back byte for byte;
// nudges of one device merge into one step; cabling a whole plan is one step that tells the
// canvas what changed instead of making it rebuild.
class TestEditCommands : public QObject {
    Q_OBJECT
private slots:
    void linkAddUndoRedo();
    void linkRemoveUndoRedo();
    void uplinkRemoveUndoRedo();
    void linkEditUndoRedo();
    void linkEditRefusedPushesNothing();
    void portViewCellEditIsACommand();
    void nudgesOfOneDeviceMerge();
    void nudgesOfOtherDevicesOrSeparatedDoNotMerge();
    void refusedNudgeDoesNotStretchTheStep();
    void inspectorUStepsMerge();
    void cableAutomaticallyWithoutRebuild();
    void cableAutomaticallyAddingSwitches();
    void editsFollowLinksAndUndoToTheFileBytes();
};

static Plan kit(bool cabled)
{
    Plan plan;
    if (!loadTemplate(QStringLiteral("poc-3c1d"), Catalog::builtIn(), plan, nullptr))
        qFatal("template");
    if (!cabled) {
        plan.links.clear();
        plan.uplinks.clear();
    }
    return plan;
}

static QByteArray bytes(const PlanDocument &doc)
{
    return planToBytes(doc.plan());
}

// Does, undoes and redoes the top command, checking the plan's bytes at each step.
static void undoRedoRestoresBytes(PlanEditor &editor, const QByteArray &before)
{
    const QByteArray after = bytes(editor.document());
    QVERIFY(after != before);
    editor.undoStack().undo();
    QCOMPARE(bytes(editor.document()), before);
    editor.undoStack().redo();
    QCOMPARE(bytes(editor.document()), after);
}

void TestEditCommands::linkAddUndoRedo()
{
    PlanDocument doc(Catalog::builtIn());
    doc.reset(kit(false), QString());
    PlanEditor editor(doc);
    const QByteArray before = bytes(doc);
    QString note;
    QVERIFY(editor.connectPorts({QStringLiteral("cn1"), QStringLiteral("p1")},
                                {QStringLiteral("sw1"), QStringLiteral("swp5s0")}, &note));
    QCOMPARE(editor.undoStack().count(), 1);
    QCOMPARE(doc.plan().links.size(), std::size_t(1));
    const Link &made = doc.plan().links.front();
    QVERIFY(made.manual);
    QVERIFY2(!made.cable.isEmpty(), qPrintable(note));
    QVERIFY(made.lengthM > 0);
    QCOMPARE(made.label.isEmpty(), false);
    undoRedoRestoresBytes(editor, before);
    // A taken port is refused and leaves no step behind.
    QSignalSpy refused(&editor, &PlanEditor::refused);
    QVERIFY(!editor.connectPorts({QStringLiteral("cn1"), QStringLiteral("p1")},
                                 {QStringLiteral("sw1"), QStringLiteral("swp6s0")}));
    QCOMPARE(refused.count(), 1);
    QCOMPARE(editor.undoStack().count(), 1);
}

void TestEditCommands::linkRemoveUndoRedo()
{
    PlanDocument doc(Catalog::builtIn());
    doc.reset(kit(true), QString());
    PlanEditor editor(doc);
    const QByteArray before = bytes(doc);
    // A link from the middle of the list: undo must put it back in its place, not at the end.
    QVERIFY(doc.plan().links.size() > 10);
    const Link middle = doc.plan().links[7];
    QVERIFY(editor.disconnectPort(middle.b));
    QCOMPARE(doc.plan().links.size(), std::size_t(21));
    QCOMPARE(editor.undoStack().count(), 1);
    undoRedoRestoresBytes(editor, before);
    QVERIFY(!editor.disconnectPort(middle.b)); // nothing left on it
    QCOMPARE(editor.undoStack().count(), 1);
}

void TestEditCommands::uplinkRemoveUndoRedo()
{
    PlanDocument doc(Catalog::builtIn());
    doc.reset(kit(true), QString());
    PlanEditor editor(doc);
    const QByteArray before = bytes(doc);
    const Uplink first = doc.plan().uplinks.front();
    QVERIFY(editor.disconnectPort({first.device, first.port}));
    QCOMPARE(doc.plan().uplinks.size(), std::size_t(1));
    undoRedoRestoresBytes(editor, before);
}

void TestEditCommands::linkEditUndoRedo()
{
    PlanDocument doc(Catalog::builtIn());
    doc.reset(kit(true), QString());
    PlanEditor editor(doc);
    const QByteArray before = bytes(doc);
    Link changed = doc.plan().links[3];
    QVERIFY(!changed.manual);
    changed.label = QStringLiteral("LBL-0042");
    changed.lengthM = 7.5;
    QVERIFY(editor.setLink(changed, QStringLiteral("label, length")));
    const Link &now = doc.plan().links[3];
    QCOMPARE(now.label, QStringLiteral("LBL-0042"));
    QCOMPARE(now.lengthM, 7.5);
    QVERIFY(now.manual); // changed by hand: the auto-cabler keeps it
    QCOMPARE(editor.undoStack().count(), 1);
    undoRedoRestoresBytes(editor, before);
}

void TestEditCommands::linkEditRefusedPushesNothing()
{
    PlanDocument doc(Catalog::builtIn());
    doc.reset(kit(true), QString());
    PlanEditor editor(doc);
    const QByteArray before = bytes(doc);
    Link bad = doc.plan().links[0];
    bad.cable = QStringLiteral("cnode-turin"); // a catalog type, but not a cable
    QVERIFY(!editor.setLink(bad, QStringLiteral("cable")));
    bad = doc.plan().links[0];
    bad.lengthM = -1;
    QVERIFY(!editor.setLink(bad, QStringLiteral("length")));
    bad = doc.plan().links[0];
    bad.b.port = QStringLiteral("nope"); // no such link
    QVERIFY(!editor.setLink(bad, QStringLiteral("label")));
    QCOMPARE(editor.undoStack().count(), 0);
    QCOMPARE(bytes(doc), before);
}

void TestEditCommands::portViewCellEditIsACommand()
{
    PlanDocument doc(Catalog::builtIn());
    doc.reset(kit(true), QString());
    PlanEditor editor(doc);
    const QByteArray before = bytes(doc);
    PortViewDialog dialog(editor);
    dialog.showDevice(QStringLiteral("cn1"));
    QTableWidget &table = dialog.table();
    QCOMPARE(table.item(0, PortViewDialog::PortColumn)->text(), QStringLiteral("p1"));
    const QString peer = table.item(0, PortViewDialog::PeerColumn)->text();
    QVERIFY(!peer.isEmpty());
    // Free ports and the columns other than cable, length and label cannot be edited.
    QVERIFY(!(table.item(0, PortViewDialog::PeerColumn)->flags() & Qt::ItemIsEditable));
    QVERIFY(table.item(0, PortViewDialog::LabelColumn)->flags() & Qt::ItemIsEditable);
    table.item(0, PortViewDialog::LabelColumn)->setText(QStringLiteral("CN1-P1-NEW"));
    QCOMPARE(editor.undoStack().count(), 1);
    QCOMPARE(table.item(0, PortViewDialog::LabelColumn)->text(), QStringLiteral("CN1-P1-NEW"));
    QCOMPARE(table.item(0, PortViewDialog::PeerColumn)->text(), peer + QStringLiteral(" (by hand)"));
    // A length that is not a number changes nothing and the cell shows the link's length again.
    const QString length = table.item(0, PortViewDialog::LengthColumn)->text();
    table.item(0, PortViewDialog::LengthColumn)->setText(QStringLiteral("long"));
    QCOMPARE(editor.undoStack().count(), 1);
    QCOMPARE(table.item(0, PortViewDialog::LengthColumn)->text(), length);
    editor.undoStack().undo();
    QCOMPARE(bytes(doc), before);
    QCOMPARE(table.item(0, PortViewDialog::PeerColumn)->text(), peer);
}

void TestEditCommands::nudgesOfOneDeviceMerge()
{
    MainWindow window(Catalog::builtIn());
    QTemporaryDir recovery;
    window.autosaver().setDirectory(recovery.path());
    QVERIFY(window.newFromTemplate(QStringLiteral("poc-3c1d")));
    const QByteArray start = bytes(window.document());
    QUndoStack &stack = window.editor().undoStack();
    window.scene().selectSubjects({QStringLiteral("cn1")});
    for (int i = 0; i < 3; ++i)
        window.action(QStringLiteral("edit.moveUp"))->trigger();
    QCOMPARE(window.document().plan().findDevice(QStringLiteral("cn1"))->u, 25);
    QCOMPARE(stack.count(), 1); // three ↑ are one step
    stack.undo();
    QCOMPARE(bytes(window.document()), start);
    stack.redo();
    QCOMPARE(window.document().plan().findDevice(QStringLiteral("cn1"))->u, 25);
    window.document().setModified(false);
    window.autosaver().discardRecovery();
}

void TestEditCommands::nudgesOfOtherDevicesOrSeparatedDoNotMerge()
{
    PlanDocument doc(Catalog::builtIn());
    doc.reset(kit(true), QString());
    PlanEditor editor(doc);
    QUndoStack &stack = editor.undoStack();
    QVERIFY(editor.nudgeDevices({QStringLiteral("cn1")}, 1));
    QVERIFY(editor.nudgeDevices({QStringLiteral("cn1")}, 1));
    QCOMPARE(stack.count(), 1);
    QVERIFY(editor.nudgeDevices({QStringLiteral("db1")}, -1)); // another device: a step of its own
    QCOMPARE(stack.count(), 2);
    QVERIFY(editor.renameRack(QStringLiteral("R1"), QStringLiteral("other")));
    QVERIFY(editor.nudgeDevices({QStringLiteral("db1")}, -1)); // after another edit: a new step
    QCOMPARE(stack.count(), 4);
    // A drag is not a nudge, even of the same device.
    QVERIFY(editor.moveDevices({{QStringLiteral("db1"), ops::Placement{QStringLiteral("R1"), 10, Face::Front}}}));
    QCOMPARE(stack.count(), 5);
    stack.undo();
    QCOMPARE(doc.plan().findDevice(QStringLiteral("db1"))->u, 16);
    stack.undo();
    QCOMPARE(doc.plan().findDevice(QStringLiteral("db1"))->u, 17);
    stack.undo();
    stack.undo();
    QCOMPARE(doc.plan().findDevice(QStringLiteral("db1"))->u, 18);
    QCOMPARE(doc.plan().findDevice(QStringLiteral("cn1"))->u, 24);
    stack.undo();
    QCOMPARE(bytes(doc), planToBytes(kit(true)));
}

void TestEditCommands::refusedNudgeDoesNotStretchTheStep()
{
    PlanDocument doc(Catalog::builtIn());
    doc.reset(kit(true), QString());
    PlanEditor editor(doc);
    QVERIFY(!editor.nudgeDevices({QStringLiteral("cn1")}, -1)); // cn2 is below: refused, no step
    QCOMPARE(editor.undoStack().count(), 0);
    // db1 goes down twice, then up until cn3 stops it; the refused nudge must not become the
    // step's target, or redo would fail and leave db1 where the run started.
    QVERIFY(editor.nudgeDevices({QStringLiteral("db1")}, -1));
    QVERIFY(editor.nudgeDevices({QStringLiteral("db1")}, -1));
    int ups = 0;
    while (editor.nudgeDevices({QStringLiteral("db1")}, 1))
        QVERIFY(++ups < 10);
    QVERIFY(ups >= 2);
    const int top = doc.plan().findDevice(QStringLiteral("db1"))->u;
    QCOMPARE(top, 16 + ups);
    QCOMPARE(editor.undoStack().count(), 1);
    editor.undoStack().undo();
    QCOMPARE(bytes(doc), planToBytes(kit(true)));
    editor.undoStack().redo();
    QCOMPARE(doc.plan().findDevice(QStringLiteral("db1"))->u, top);
}

void TestEditCommands::inspectorUStepsMerge()
{
    PlanDocument doc(Catalog::builtIn());
    doc.reset(kit(true), QString());
    PlanEditor editor(doc);
    const QByteArray start = bytes(doc);
    Device d = *doc.plan().findDevice(QStringLiteral("cn1"));
    for (int u = 23; u <= 26; ++u) {
        d.u = u;
        QVERIFY(editor.setDevice(d, QStringLiteral("U")));
    }
    QCOMPARE(editor.undoStack().count(), 1);
    d.hostname = QStringLiteral("cnode-renamed"); // not a U step: its own
    QVERIFY(editor.setDevice(d, QStringLiteral("hostname")));
    d.u = 27;
    QVERIFY(editor.setDevice(d, QStringLiteral("U")));
    QCOMPARE(editor.undoStack().count(), 3);
    editor.undoStack().undo();
    editor.undoStack().undo();
    QCOMPARE(doc.plan().findDevice(QStringLiteral("cn1"))->u, 26);
    editor.undoStack().undo();
    QCOMPARE(bytes(doc), start);
}

void TestEditCommands::cableAutomaticallyWithoutRebuild()
{
    MainWindow window(Catalog::builtIn());
    QTemporaryDir recovery;
    window.autosaver().setDirectory(recovery.path());
    window.document().reset(kit(false), QString());
    const QByteArray before = bytes(window.document());
    const int rebuilds = window.scene().rebuildCount();
    const auto items = window.scene().items().size();
    QAction *cable = window.findChild<QAction *>(QStringLiteral("actionCableAutomatically"));
    QVERIFY(cable);
    cable->trigger();
    QCOMPARE(window.editor().undoStack().count(), 1);
    QVERIFY(window.document().plan().links.size() > 20);
    const QByteArray cabled = bytes(window.document());
    window.editor().undoStack().undo();
    QCOMPARE(bytes(window.document()), before);
    window.editor().undoStack().redo();
    QCOMPARE(bytes(window.document()), cabled);
    // Links are not drawn on the canvas: neither the step nor its undo and redo touch it.
    QCOMPARE(window.scene().rebuildCount(), rebuilds);
    QCOMPARE(window.scene().items().size(), items);
    window.document().setModified(false);
    window.autosaver().discardRecovery();
}

void TestEditCommands::cableAutomaticallyAddingSwitches()
{
    // Without its leaf pair the kit needs switches: the cabler adds two leaves in the rack's free
    // units, and the canvas gets their items without a rebuild (no rack is added).
    MainWindow window(Catalog::builtIn());
    QTemporaryDir recovery;
    window.autosaver().setDirectory(recovery.path());
    Plan plan = kit(false);
    plan.devices.erase(
        std::remove_if(plan.devices.begin(), plan.devices.end(),
                       [](const Device &d) { return d.id == QLatin1String("sw1") || d.id == QLatin1String("sw2"); }),
        plan.devices.end());
    window.document().reset(plan, QString());
    const QByteArray before = bytes(window.document());
    const int rebuilds = window.scene().rebuildCount();
    CablingReport report;
    QVERIFY(window.editor().cableAutomatically(&report));
    QCOMPARE(window.editor().undoStack().count(), 1);
    const std::size_t devices = window.document().plan().devices.size();
    QCOMPARE(devices, plan.devices.size() + std::size_t(report.switchesAdded));
    QVERIFY(report.switchesAdded > 0);
    QCOMPARE(report.racksAdded, 0);
    QStringList added;
    for (std::size_t i = plan.devices.size(); i < devices; ++i) {
        added << window.document().plan().devices[i].id;
        QVERIFY(window.scene().deviceItem(added.back()));
    }
    QCOMPARE(window.scene().rebuildCount(), rebuilds);
    window.editor().undoStack().undo();
    QCOMPARE(bytes(window.document()), before);
    for (const QString &id : added)
        QVERIFY(!window.scene().deviceItem(id));
    QCOMPARE(window.scene().rebuildCount(), rebuilds);
    window.document().setModified(false);
    window.autosaver().discardRecovery();
}

// The GUI's device and rack commands keep the links in line (labels, in-rack lengths) and undo
// gives back the file as it was opened, even a file whose labels were not the generated ones.
void TestEditCommands::editsFollowLinksAndUndoToTheFileBytes()
{
    Plan plan = kit(true);
    for (Link &link : plan.links)
        link.label = QStringLiteral("hand-written ") + link.label; // an older file's own labels
    PlanDocument document(Catalog::builtIn());
    document.reset(plan, QString());
    PlanEditor editor(document);
    const QByteArray opened = bytes(document);
    const auto linksOf = [&](const QString &id) {
        std::vector<Link> found;
        for (const Link &l : document.plan().links)
            if (l.a.device == id || l.b.device == id)
                found.push_back(l);
        return found;
    };
    const QString movedId = QStringLiteral("cn1");
    const QString oldHost = document.plan().findDevice(movedId)->hostname;
    QVERIFY(!linksOf(movedId).empty());

    std::vector<QByteArray> states{opened}; // the bytes after each step
    QString rackId;
    QVERIFY(editor.addRack(-1, &rackId));
    states.push_back(bytes(document));
    QVERIFY(editor.shiftDevicesToRack({movedId}, 1));
    states.push_back(bytes(document));
    QCOMPARE(document.plan().findDevice(movedId)->rack, rackId);
    for (const Link &l : linksOf(movedId)) {
        QVERIFY2(l.lengthM > 2.0 || l.cable.isEmpty(), qPrintable(l.label)); // no in-rack length between racks
        QVERIFY2(!l.label.startsWith(QStringLiteral("hand-written")), qPrintable(l.label));
    }
    Device renamed = *document.plan().findDevice(movedId);
    renamed.hostname = QStringLiteral("proto-cnode-renamed");
    QVERIFY(editor.setDevice(renamed, QStringLiteral("hostname")));
    states.push_back(bytes(document));
    for (const Link &l : linksOf(movedId)) {
        QVERIFY2(l.label.contains(renamed.hostname), qPrintable(l.label));
        QVERIFY2(!l.label.contains(oldHost), qPrintable(l.label));
    }
    QVERIFY(editor.reorderRack(rackId, 0));
    states.push_back(bytes(document));
    QVERIFY(editor.resizeRack(rackId, 48));
    states.push_back(bytes(document));

    QUndoStack &stack = editor.undoStack();
    QCOMPARE(stack.count(), int(states.size()) - 1);
    for (int step = stack.count(); step > 0; --step) { // each undo gives back the bytes before its step
        stack.undo();
        QVERIFY2(bytes(document) == states[step - 1], qPrintable(QStringLiteral("undo of step %1").arg(step)));
    }
    for (size_t step = 1; step < states.size(); ++step) {
        stack.redo();
        QVERIFY2(bytes(document) == states[step], qPrintable(QStringLiteral("redo of step %1").arg(step)));
    }
    const QByteArray edited = states.back();
    QVERIFY(editor.removeRack(rackId)); // takes the moved C-node and its links with it
    QVERIFY(linksOf(movedId).empty());
    stack.undo();
    QCOMPARE(bytes(document), edited);
}

QTEST_MAIN(TestEditCommands)
#include "tst_editcommands.moc"
