#include "app/gui/canvas/rackitems.h"
#include "app/gui/canvas/rackscene.h"
#include "app/gui/canvas/rackview.h"
#include "app/gui/catalog/catalogpalette.h"
#include "app/gui/dialogs/sitedialog.h"
#include "app/gui/panels/dashboardwidget.h"
#include "app/gui/panels/findingspanel.h"
#include "app/gui/panels/inspectorpanel.h"
#include "app/gui/window/autosaver.h"
#include "app/gui/window/checkrunner.h"
#include "app/gui/window/mainwindow.h"
#include "app/gui/window/planeditor.h"

#include "planner/io/planio.h"
#include "planner/model/plansummary.h"
#include "planner/rules/checkcontext.h"

#include <QAction>
#include <QComboBox>
#include <QGraphicsSceneDragDropEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QPushButton>
#include <QSpinBox>
#include <QStatusBar>
#include <QTreeWidget>
#include <QUndoStack>
#include <QWheelEvent>
#include <QtTest>

using namespace pp;
using namespace pp::gui;

// The rack editor driven through its actions, canvas events and commands, offscreen.
class TestEditor : public QObject {
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void dropMoveDeleteThenUndoEverything();
    void overlappingDropIsRefused();
    void dragOutsideRackIsRefused();
    void clickingFindingSelectsDevice();
    void waiveFromFindings();
    void inspectorEditsAreUndoable();
    void inspectorEnterReturnsToCanvasAndKeysKeepType();
    void inspectorClosedCombosIgnoreArrowsAndWheel();
    void inspectorChangeTypeListsLinksWithoutPort();
    void keyboardActions();
    void rackActions();
    void siteDialogMakesMergePatch();
    void autosaveAndRestore();
    void chartSeriesEqualModel();
    void chartsSave();
    void realRulesMarkTheBrokenPlan();

private:
    std::unique_ptr<MainWindow> m_window;
    QTemporaryDir m_recovery;
};

// Flags one device so the findings panel has something to show while allRules() is still growing.
class FlagDeviceRule : public Rule {
public:
    explicit FlagDeviceRule(QString id)
        : m_id(std::move(id))
    { }
    QString id() const override { return QStringLiteral("test.flag"); }
    QString description() const override { return QStringLiteral("flags one device"); }
    void check(const CheckContext &ctx, std::vector<Finding> &out) const override
    {
        if (ctx.resolved().deviceIndex(m_id) < 0)
            return;
        Finding f;
        f.rule = id();
        f.severity = Severity::Error;
        f.message = QStringLiteral("flagged");
        f.subjects = {m_id};
        f.measured = 2;
        f.limit = 1;
        f.unit = QStringLiteral("kW");
        out.push_back(f);
    }

private:
    QString m_id;
};

static void sendDrop(RackScene &scene, const QString &type, const QPointF &pos,
                     QEvent::Type eventType = QEvent::GraphicsSceneDrop)
{
    QMimeData mime;
    mime.setData(QLatin1String(RackScene::kDeviceTypeMime), type.toUtf8());
    QGraphicsSceneDragDropEvent event(eventType);
    event.setScenePos(pos);
    event.setMimeData(&mime);
    event.setPossibleActions(Qt::CopyAction);
    event.setProposedAction(Qt::CopyAction);
    QApplication::sendEvent(&scene, &event);
}

static void sendMouse(QWidget *viewport, QEvent::Type type, const QPoint &pos, Qt::MouseButton button,
                      Qt::MouseButtons buttons)
{
    QMouseEvent event(type, QPointF(pos), viewport->mapToGlobal(QPointF(pos)), button, buttons, Qt::NoModifier);
    QApplication::sendEvent(viewport, &event);
}

void TestEditor::init()
{
    m_window = std::make_unique<MainWindow>(Catalog::builtIn());
    m_window->autosaver().setDirectory(m_recovery.path());
    QVERIFY(m_window->newFromTemplate(QStringLiteral("poc-3c1d")));
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_window->view().resetZoom();
}

void TestEditor::cleanup()
{
    m_window->document().setModified(false); // no close prompt
    m_window->autosaver().discardRecovery();
    m_window.reset();
}

void TestEditor::dropMoveDeleteThenUndoEverything()
{
    MainWindow &w = *m_window;
    const QByteArray original = planToBytes(w.document().plan());
    RackScene &scene = w.scene();

    // A second rack, from the Rack menu.
    w.action(QStringLiteral("rack.add"))->trigger();
    QCOMPARE(int(w.document().plan().racks.size()), 2);

    // Drop a C-node from the palette onto R1, U5.
    sendDrop(scene, QStringLiteral("cnode-turin"), scene.slotRect(0, 5, 1).center());
    const Device *added = w.document().plan().findDevice(QStringLiteral("cn4"));
    QVERIFY(added);
    QCOMPARE(added->rack, QStringLiteral("R1"));
    QCOMPARE(added->u, 5);
    QCOMPARE(added->psuFeeds, (QStringList{QStringLiteral("A"), QStringLiteral("B")}));
    QVERIFY(scene.deviceItem(QStringLiteral("cn4")));

    // Drag it with the mouse to R2, U10.
    w.view().fitAll();
    scene.clearSelection();
    QWidget *vp = w.view().viewport();
    const QPoint from = w.view().mapFromScene(scene.slotRect(0, 5, 1).center());
    const QPoint to = w.view().mapFromScene(scene.slotRect(1, 10, 1).center());
    sendMouse(vp, QEvent::MouseButtonPress, from, Qt::LeftButton, Qt::LeftButton);
    QCOMPARE(scene.selectedDeviceIds(), QStringList{QStringLiteral("cn4")});
    sendMouse(vp, QEvent::MouseMove, (from + to) / 2, Qt::NoButton, Qt::LeftButton);
    sendMouse(vp, QEvent::MouseMove, to, Qt::NoButton, Qt::LeftButton);
    sendMouse(vp, QEvent::MouseButtonRelease, to, Qt::LeftButton, Qt::NoButton);
    added = w.document().plan().findDevice(QStringLiteral("cn4"));
    QCOMPARE(added->rack, QStringLiteral("R2"));
    QCOMPARE(added->u, 10);
    QVERIFY(scene.deviceItem(QStringLiteral("cn4"))->sceneBoundingRect().intersects(scene.rackRect(1)));

    // Delete the D-box (and its links) with the Delete action.
    scene.selectSubjects({QStringLiteral("db1")});
    w.action(QStringLiteral("edit.delete"))->trigger();
    QVERIFY(!w.document().plan().findDevice(QStringLiteral("db1")));
    QVERIFY(!scene.deviceItem(QStringLiteral("db1")));
    QVERIFY(w.isWindowModified());
    QCOMPARE(w.editor().undoStack().count(), 4);

    // Undo everything: the plan is byte for byte the one we started from, and clean again.
    while (w.editor().undoStack().canUndo())
        w.action(QStringLiteral("edit.undo"))->trigger();
    QCOMPARE(planToBytes(w.document().plan()), original);
    QVERIFY(!w.isWindowModified());
    QVERIFY(scene.deviceItem(QStringLiteral("db1")));
    QVERIFY(!scene.deviceItem(QStringLiteral("cn4")));
    // And redo brings the edits back.
    while (w.editor().undoStack().canRedo())
        w.action(QStringLiteral("edit.redo"))->trigger();
    QCOMPARE(w.document().plan().findDevice(QStringLiteral("cn4"))->rack, QStringLiteral("R2"));
    QVERIFY(!w.document().plan().findDevice(QStringLiteral("db1")));
}

void TestEditor::overlappingDropIsRefused()
{
    MainWindow &w = *m_window;
    RackScene &scene = w.scene();
    const QByteArray before = planToBytes(w.document().plan());
    // Hovering over cn1 (U22) shows the refusal; dropping there changes nothing.
    sendDrop(scene, QStringLiteral("cnode-turin"), scene.slotRect(0, 22, 1).center(), QEvent::GraphicsSceneDragMove);
    QVERIFY2(w.statusBar()->currentMessage().contains(QStringLiteral("overlap")),
             qPrintable(w.statusBar()->currentMessage()));
    bool redGhost = false;
    for (QGraphicsItem *item : scene.items())
        redGhost = redGhost || (item->isVisible() && item->zValue() == 100);
    QVERIFY(redGhost);
    sendDrop(scene, QStringLiteral("cnode-turin"), scene.slotRect(0, 22, 1).center());
    QCOMPARE(planToBytes(w.document().plan()), before);
    QCOMPARE(w.editor().undoStack().count(), 0);
    QVERIFY2(w.statusBar()->currentMessage().startsWith(QStringLiteral("Refused")),
             qPrintable(w.statusBar()->currentMessage()));
    // A 2U D-box at the top U overflows the rack.
    sendDrop(scene, QStringLiteral("dbox-maverick-5400"), scene.slotRect(0, 42, 1).center());
    QCOMPARE(planToBytes(w.document().plan()), before);
    QVERIFY2(w.statusBar()->currentMessage().contains(QStringLiteral("outside rack")),
             qPrintable(w.statusBar()->currentMessage()));
}

void TestEditor::dragOutsideRackIsRefused()
{
    MainWindow &w = *m_window;
    RackScene &scene = w.scene();
    const QByteArray before = planToBytes(w.document().plan());
    w.view().fitAll();
    // Drag cn1 onto cn2's slot: refused, nothing moves.
    QWidget *vp = w.view().viewport();
    const QPoint from = w.view().mapFromScene(scene.slotRect(0, 22, 1).center());
    const QPoint to = w.view().mapFromScene(scene.slotRect(0, 21, 1).center());
    sendMouse(vp, QEvent::MouseButtonPress, from, Qt::LeftButton, Qt::LeftButton);
    sendMouse(vp, QEvent::MouseMove, to, Qt::NoButton, Qt::LeftButton);
    sendMouse(vp, QEvent::MouseButtonRelease, to, Qt::LeftButton, Qt::NoButton);
    QCOMPARE(planToBytes(w.document().plan()), before);
    QVERIFY2(w.statusBar()->currentMessage().contains(QStringLiteral("overlap")),
             qPrintable(w.statusBar()->currentMessage()));
}

void TestEditor::clickingFindingSelectsDevice()
{
    MainWindow &w = *m_window;
    std::vector<std::unique_ptr<Rule>> rules;
    rules.push_back(std::make_unique<FlagDeviceRule>(QStringLiteral("cn2")));
    w.checks().setRules(&rules);
    w.recheck();
    QTRY_VERIFY(!w.checks().isBusy());
    QTreeWidget *tree = w.findings().tree();
    QTRY_COMPARE(tree->topLevelItemCount(), 1);
    QCOMPARE(w.scene().deviceItem(QStringLiteral("cn2"))->marker(), Marker::Error);
    QCOMPARE(w.scene().deviceItem(QStringLiteral("cn1"))->marker(), Marker::None);
    w.scene().clearSelection();
    QTreeWidgetItem *row = tree->topLevelItem(0);
    QCOMPARE(row->text(1), QStringLiteral("test.flag"));
    QCOMPARE(row->text(4), QStringLiteral("2 kW"));
    QTest::mouseClick(tree->viewport(), Qt::LeftButton, Qt::NoModifier, tree->visualItemRect(row).center());
    QCOMPARE(w.scene().selectedDeviceIds(), QStringList{QStringLiteral("cn2")});
    QVERIFY(w.view()
                .mapToScene(w.view().viewport()->rect())
                .boundingRect()
                .contains(w.scene().deviceItem(QStringLiteral("cn2"))->sceneBoundingRect().center()));
    // The inspector follows the selection.
    QCOMPARE(w.inspector().hostnameEdit()->text(), QStringLiteral("cnode-2"));
    // Hiding errors hides the row.
    w.findings().setSeverityShown(Severity::Error, false);
    QCOMPARE(tree->topLevelItemCount(), 0);
    w.findings().setSeverityShown(Severity::Error, true);
    w.checks().setRules(nullptr);
    QTRY_VERIFY(!w.checks().isBusy());
}

void TestEditor::waiveFromFindings()
{
    MainWindow &w = *m_window;
    std::vector<std::unique_ptr<Rule>> rules;
    rules.push_back(std::make_unique<FlagDeviceRule>(QStringLiteral("cn2")));
    w.checks().setRules(&rules);
    w.recheck();
    QTRY_COMPARE(w.findings().tree()->topLevelItemCount(), 1);
    w.findings().tree()->setCurrentItem(w.findings().tree()->topLevelItem(0));
    QVERIFY(!w.findings().waiveCurrent(QStringLiteral("  "))); // a waiver needs a reason
    QVERIFY(w.findings().waiveCurrent(QStringLiteral("lab accepts it")));
    QCOMPARE(int(w.document().plan().waivers.size()), 1);
    QCOMPARE(w.document().plan().waivers[0].subject, QStringLiteral("cn2"));
    QTRY_VERIFY(!w.checks().isBusy());
    QTRY_COMPARE(w.findings().tree()->topLevelItem(0)->text(0), QStringLiteral("waived"));
    QCOMPARE(w.scene().deviceItem(QStringLiteral("cn2"))->marker(), Marker::None);
    w.action(QStringLiteral("edit.undo"))->trigger();
    QVERIFY(w.document().plan().waivers.empty());
    QTRY_VERIFY(!w.checks().isBusy());
    w.checks().setRules(nullptr);
}

void TestEditor::inspectorEditsAreUndoable()
{
    MainWindow &w = *m_window;
    w.scene().selectSubjects({QStringLiteral("cn1")});
    InspectorPanel &inspector = w.inspector();
    QCOMPARE(inspector.hostnameEdit()->text(), QStringLiteral("cnode-1"));
    inspector.hostnameEdit()->setText(QStringLiteral("renamed-1"));
    emit inspector.hostnameEdit()->editingFinished();
    QCOMPARE(w.document().plan().findDevice(QStringLiteral("cn1"))->hostname, QStringLiteral("renamed-1"));
    // U 21 is taken by cn2: refused with the reason, the field goes back.
    inspector.uBox()->setValue(21);
    QCOMPARE(w.document().plan().findDevice(QStringLiteral("cn1"))->u, 22);
    QVERIFY(inspector.errorLabel()->isVisibleTo(&inspector));
    QVERIFY(inspector.errorLabel()->text().contains(QStringLiteral("overlap")));
    QCOMPARE(inspector.uBox()->value(), 22);
    inspector.uBox()->setValue(30);
    QCOMPARE(w.document().plan().findDevice(QStringLiteral("cn1"))->u, 30);
    inspector.faceBox()->setCurrentIndex(1);
    emit inspector.faceBox()->activated(1);
    QCOMPARE(w.document().plan().findDevice(QStringLiteral("cn1"))->face, Face::Rear);
    QCOMPARE(w.editor().undoStack().count(), 3);
    w.editor().undoStack().undo();
    w.editor().undoStack().undo();
    w.editor().undoStack().undo();
    QCOMPARE(w.document().plan().findDevice(QStringLiteral("cn1"))->hostname, QStringLiteral("cnode-1"));
    QCOMPARE(w.document().plan().findDevice(QStringLiteral("cn1"))->u, 22);
    QCOMPARE(inspector.hostnameEdit()->text(), QStringLiteral("cnode-1"));
}

void TestEditor::inspectorEnterReturnsToCanvasAndKeysKeepType()
{
    // The reported sequence: F2, type a name, Enter, Tab, ↓ turned a C-node into a D-box.
    MainWindow &w = *m_window;
    w.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&w));
    w.scene().selectSubjects({QStringLiteral("cn1")});
    w.view().setFocus();
    QCOMPARE(QApplication::focusWidget(), static_cast<QWidget *>(&w.view()));
    InspectorPanel &inspector = w.inspector();
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_F2);
    QCOMPARE(QApplication::focusWidget(), inspector.hostnameEdit());
    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("renamed-1"));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    QCOMPARE(w.document().plan().findDevice(QStringLiteral("cn1"))->hostname, QStringLiteral("renamed-1"));
    QCOMPARE(QApplication::focusWidget(), static_cast<QWidget *>(&w.view())); // Enter gave focus back to the canvas
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Down);
    const Device *cn1 = w.document().plan().findDevice(QStringLiteral("cn1"));
    QCOMPARE(cn1->type, QStringLiteral("cnode-turin"));
    QCOMPARE(cn1->hostname, QStringLiteral("renamed-1"));

    // The same keys with Tab from the hostname field (no Enter) land on the inspector's own
    // fields: none of them changes on ↓.
    const QByteArray before = planToBytes(w.document().plan());
    w.scene().selectSubjects({QStringLiteral("cn2")});
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_F2);
    QCOMPARE(QApplication::focusWidget(), inspector.hostnameEdit());
    for (int i = 0; i < 6; ++i) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QWidget *focused = QApplication::focusWidget();
        if (inspector.isAncestorOf(focused) &&
            (qobject_cast<QComboBox *>(focused) || qobject_cast<QPushButton *>(focused)))
            QTest::keyClick(focused, Qt::Key_Down);
    }
    QCOMPARE(planToBytes(w.document().plan()), before);
}

void TestEditor::inspectorClosedCombosIgnoreArrowsAndWheel()
{
    MainWindow &w = *m_window;
    w.scene().selectSubjects({QStringLiteral("cn1")});
    InspectorPanel &inspector = w.inspector();
    w.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&w));
    const QByteArray before = planToBytes(w.document().plan());
    const int undoCount = w.editor().undoStack().count();
    for (QComboBox *box : {inspector.faceBox(), inspector.rackBox()}) {
        const int index = box->currentIndex();
        // Keys go to the focus widget (shortcuts are resolved from it), as when tabbing in.
        box->setFocus(Qt::TabFocusReason);
        QCOMPARE(QApplication::focusWidget(), static_cast<QWidget *>(box));
        for (Qt::Key key : {Qt::Key_Down, Qt::Key_Up, Qt::Key_PageDown, Qt::Key_End, Qt::Key_C, Qt::Key_Home})
            QTest::keyClick(box, key);
        QWheelEvent wheel(QPointF(5, 5), box->mapToGlobal(QPointF(5, 5)), QPoint(), QPoint(0, -120), Qt::NoButton,
                          Qt::NoModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(box, &wheel);
        QCOMPARE(box->currentIndex(), index);
    }
    QCOMPARE(planToBytes(w.document().plan()), before);
    QCOMPARE(w.editor().undoStack().count(), undoCount);
    // Choosing from the open list still edits (activated is what the list emits).
    inspector.faceBox()->setCurrentIndex(1);
    emit inspector.faceBox()->activated(1);
    QCOMPARE(w.document().plan().findDevice(QStringLiteral("cn1"))->face, Face::Rear);
}

void TestEditor::inspectorChangeTypeListsLinksWithoutPort()
{
    MainWindow &w = *m_window;
    w.scene().selectSubjects({QStringLiteral("cn1")});
    InspectorPanel &inspector = w.inspector();
    QVERIFY(inspector.typeLabel()->text().contains(QStringLiteral("cnode-turin")));
    QStringList asked;
    bool agree = false;
    inspector.setConfirmer([&asked, &agree](const QString &, const QString &text) {
        asked << text;
        return agree;
    });
    // A D-box has dpuN-pN and bmc1/bmc2 ports: none of the C-node's four links fits.
    const QStringList lost = {QStringLiteral("cnode-1:p1 – leaf-a:swp1s0"),
                              QStringLiteral("cnode-1:p2 – leaf-b:swp1s0"), QStringLiteral("cnode-1:mgmt – oob-1:swp1"),
                              QStringLiteral("cnode-1:bmc – oob-1:swp2")};
    QCOMPARE(inspector.linksWithoutPort(QStringLiteral("dbox-ceres-1350")), lost);
    QVERIFY(inspector.linksWithoutPort(QStringLiteral("cnode-turin")).isEmpty());
    const int undoCount = w.editor().undoStack().count();
    QVERIFY(!inspector.changeType(QStringLiteral("dbox-ceres-1350"))); // declined
    QCOMPARE(asked.size(), 1);
    for (const QString &link : lost)
        QVERIFY2(asked.first().contains(link), qPrintable(asked.first()));
    QVERIFY(asked.first().contains(QStringLiteral("4 link(s)")));
    QCOMPARE(w.document().plan().findDevice(QStringLiteral("cn1"))->type, QStringLiteral("cnode-turin"));
    QCOMPARE(w.editor().undoStack().count(), undoCount);

    agree = true;
    QVERIFY(inspector.changeType(QStringLiteral("dbox-ceres-1350")));
    QCOMPARE(w.document().plan().findDevice(QStringLiteral("cn1"))->type, QStringLiteral("dbox-ceres-1350"));
    QVERIFY(inspector.typeLabel()->text().contains(QStringLiteral("dbox-ceres-1350")));
    for (const Link &link : w.document().plan().links) // the four links went with the change
        QVERIFY(link.a.device != QStringLiteral("cn1") && link.b.device != QStringLiteral("cn1"));
    QCOMPARE(w.editor().undoStack().count(), undoCount + 1);
    w.editor().undoStack().undo();
    QCOMPARE(w.document().plan().findDevice(QStringLiteral("cn1"))->type, QStringLiteral("cnode-turin"));
    QVERIFY(inspector.typeLabel()->text().contains(QStringLiteral("cnode-turin")));
    QCOMPARE(inspector.linksWithoutPort(QStringLiteral("dbox-ceres-1350")), lost); // undo put them back
}

void TestEditor::keyboardActions()
{
    MainWindow &w = *m_window;
    RackScene &scene = w.scene();
    // Tab selects the first device in reading order (top of R1: the management switch).
    scene.clearSelection();
    w.action(QStringLiteral("edit.selectNext"))->trigger();
    QCOMPARE(scene.selectedDeviceIds(), QStringList{QStringLiteral("swm")});
    scene.selectSubjects({QStringLiteral("cn1")});
    w.action(QStringLiteral("edit.moveUp"))->trigger();
    QCOMPARE(w.document().plan().findDevice(QStringLiteral("cn1"))->u, 23);
    w.action(QStringLiteral("edit.moveDown"))->trigger();
    w.action(QStringLiteral("edit.moveDown"))->trigger(); // onto cn2: refused
    QCOMPARE(w.document().plan().findDevice(QStringLiteral("cn1"))->u, 22);
    QVERIFY(w.statusBar()->currentMessage().startsWith(QStringLiteral("Refused")));
    // Duplicate puts the copy in the nearest free slot above.
    w.action(QStringLiteral("edit.duplicate"))->trigger();
    const Device *copy = w.document().plan().findDevice(QStringLiteral("cn4"));
    QVERIFY(copy);
    QCOMPARE(copy->u, 23);
    QCOMPARE(scene.selectedDeviceIds(), QStringList{QStringLiteral("cn4")});
    // Insert adds the palette's current type to the current rack's first free slot.
    w.palette().setFilter(QStringLiteral("SN5600"));
    w.palette().searchBox()->setText(QStringLiteral("SN5600"));
    emit w.palette().searchBox()->returnPressed();
    QCOMPARE(w.palette().currentTypeId(), QStringLiteral("sw-sn5600"));
    w.action(QStringLiteral("edit.addDevice"))->trigger();
    QVERIFY(w.document().plan().findDevice(QStringLiteral("sw3")));
    QCOMPARE(w.document().plan().findDevice(QStringLiteral("sw3"))->u, 1);
    // The Delete key works on the focused canvas.
    w.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&w));
    w.view().setFocus();
    QTRY_VERIFY(w.view().hasFocus());
    scene.selectSubjects({QStringLiteral("sw3")});
    QTest::keyClick(&w.view(), Qt::Key_Delete);
    QVERIFY(!w.document().plan().findDevice(QStringLiteral("sw3")));
    // Zoom keys.
    const double zoom = w.view().zoom();
    w.action(QStringLiteral("view.zoomIn"))->trigger();
    QVERIFY(w.view().zoom() > zoom);
    // Rear view: the front devices are still drawn (ghosted) and the PDUs face the rear.
    w.action(QStringLiteral("view.rear"))->trigger();
    QCOMPARE(scene.face(), Face::Rear);
    QVERIFY(scene.deviceItem(QStringLiteral("cn1")));
}

void TestEditor::rackActions()
{
    MainWindow &w = *m_window;
    PlanEditor &editor = w.editor();
    const QByteArray original = planToBytes(w.document().plan());
    w.scene().selectSubjects({QStringLiteral("R1")});
    QCOMPARE(w.scene().selectedRackId(), QStringLiteral("R1"));
    w.action(QStringLiteral("rack.add"))->trigger();
    QCOMPARE(w.document().plan().racks[1].id, QStringLiteral("R2"));
    QVERIFY(editor.renameRack(QStringLiteral("R2"), QStringLiteral("POC-A02")));
    w.scene().selectSubjects({QStringLiteral("R2")});
    w.action(QStringLiteral("rack.moveLeft"))->trigger();
    QCOMPARE(w.document().plan().racks[0].id, QStringLiteral("R2"));
    // Device items follow their rack to its new place.
    QVERIFY(w.scene().deviceItem(QStringLiteral("cn1"))->sceneBoundingRect().intersects(w.scene().rackRect(1)));
    QVERIFY(!editor.resizeRack(QStringLiteral("R1"), 30)); // devices sit above U30
    QVERIFY(editor.removeRack(QStringLiteral("R1")));
    QVERIFY(w.document().plan().devices.empty());
    while (editor.undoStack().canUndo())
        editor.undoStack().undo();
    QCOMPARE(planToBytes(w.document().plan()), original);
}

void TestEditor::siteDialogMakesMergePatch()
{
    MainWindow &w = *m_window;
    SiteDialog dialog(Catalog::builtIn(), w.document().plan().site);
    QCOMPARE(QString::fromStdString(dialog.siteRef().overrides.dump()), QStringLiteral("{}"));
    QVERIFY(dialog.setField(QStringLiteral("power/budgetKW"), 2.0));
    QVERIFY(dialog.setField(QStringLiteral("network/pfc"), false));
    const SiteRef ref = dialog.siteRef();
    QCOMPARE(ref.profile, QStringLiteral("customer-lab-poc"));
    QCOMPARE(QString::fromStdString(ref.overrides.dump()),
             QStringLiteral(R"({"power":{"budgetKW":2.0},"network":{"pfc":false}})"));
    QVERIFY(w.editor().setSite(ref.profile, ref.overrides));
    SiteProfile site;
    QVERIFY(ResolvedPlan::resolveSite(w.document().plan(), Catalog::builtIn(), site, nullptr));
    QCOMPARE(site.power.budgetKW, 2.0);
    QCOMPARE(site.network.pfc, false);
    w.editor().undoStack().undo();
    QVERIFY(w.document().plan().site.overrides.empty());
}

void TestEditor::autosaveAndRestore()
{
    MainWindow &w = *m_window;
    QSignalSpy written(&w.autosaver(), &Autosaver::recoveryWritten);
    w.autosaver().setDelayMs(20);
    w.scene().selectSubjects({QStringLiteral("cn1")});
    w.action(QStringLiteral("edit.moveUp"))->trigger();
    QTRY_COMPARE(written.count(), 1);
    QVERIFY(QFile::exists(w.autosaver().recoveryFile()));
    const QByteArray edited = planToBytes(w.document().plan());

    // Another session (after a "crash") finds it and restores it, unsaved.
    MainWindow second(Catalog::builtIn());
    second.autosaver().setDirectory(m_recovery.path());
    Autosaver::Recovery found;
    QVERIFY(second.autosaver().findRecovery(&found));
    QVERIFY(second.autosaver().restore(found, nullptr));
    QCOMPARE(planToBytes(second.document().plan()), edited);
    QVERIFY(second.isWindowModified());
    second.autosaver().discardRecovery();
    second.document().setModified(false);
    // The first session saving for real removes its recovery copy.
    QTemporaryDir dir;
    QVERIFY(w.document().save(dir.filePath(QStringLiteral("p.pocplan.json")), nullptr));
    w.autosaver().discardRecovery();
    QVERIFY(!QFile::exists(w.autosaver().recoveryFile()));
    QVERIFY(!second.autosaver().findRecovery(&found));
}

void TestEditor::chartSeriesEqualModel()
{
    MainWindow &w = *m_window;
    // Make the numbers interesting: a second rack with a D-box fed from A only.
    QString r2;
    QVERIFY(w.editor().addRack(-1, &r2));
    QVERIFY(w.editor().addDevice(QStringLiteral("dbox-ceres-1350"), {r2, 4, Face::Front}));
    Device single = *w.document().plan().findDevice(QStringLiteral("db2"));
    single.psuFeeds = {QStringLiteral("A"), QStringLiteral("A")};
    QVERIFY(w.editor().setDevice(single, QStringLiteral("PSU feeds")));
    DashboardWidget &dash = w.dashboard();
    dash.refresh();

    SiteProfile site;
    QVERIFY(ResolvedPlan::resolveSite(w.document().plan(), Catalog::builtIn(), site, nullptr));
    const ResolvedPlan resolved(w.document().plan(), Catalog::builtIn(), site);
    const PlanSummary summary = summarize(resolved);
    std::vector<double> typical, max;
    for (const RackSummary &r : summary.racks) {
        typical.push_back(r.typicalW / 1000.0);
        max.push_back(r.maxW / 1000.0);
    }
    QCOMPARE(dash.series(DashboardWidget::RackPower, QStringLiteral("typical")), typical);
    QCOMPARE(dash.series(DashboardWidget::RackPower, QStringLiteral("max")), max);
    QCOMPARE(dash.series(DashboardWidget::RackHeat, QStringLiteral("heat")), typical);
    QCOMPARE(dash.limitLine(DashboardWidget::RackPower), site.power.rackLimitKW);
    QCOMPARE(dash.series(DashboardWidget::SiteTotals, QStringLiteral("power typical")),
             std::vector<double>{summary.typicalW / 1000.0});
    QCOMPARE(dash.series(DashboardWidget::SiteTotals, QStringLiteral("power max")),
             std::vector<double>{summary.maxW / 1000.0});
    QCOMPARE(dash.limitLine(DashboardWidget::SiteTotals), site.power.budgetKW);

    // Feeds: R1 is all dual-fed, so each feed carries half normally and all of it when the other is lost.
    const DeviceType *dbox = Catalog::builtIn().deviceType(QStringLiteral("dbox-ceres-1350"));
    const double r1Max = summary.racks[0].maxW / 1000.0;
    const double dboxKW = dbox->maxW.valueOr(dbox->typicalW.valueOr(0)) / 1000.0;
    const std::vector<double> normal = dash.series(DashboardWidget::FeedLoad, QStringLiteral("normal"));
    const std::vector<double> aLost = dash.series(DashboardWidget::FeedLoad, QStringLiteral("A lost"));
    const std::vector<double> bLost = dash.series(DashboardWidget::FeedLoad, QStringLiteral("B lost"));
    QCOMPARE(int(normal.size()), 4); // R1/A, R1/B, R2/A, R2/B
    QVERIFY(qFuzzyCompare(normal[0], r1Max / 2));
    QVERIFY(qFuzzyCompare(normal[1], r1Max / 2));
    QVERIFY(qFuzzyCompare(aLost[1], r1Max));
    QVERIFY(qFuzzyCompare(bLost[0], r1Max));
    QVERIFY(qFuzzyCompare(normal[2], dboxKW)); // the A-only D-box
    QCOMPARE(normal[3], 0.0);
    QCOMPARE(aLost[3], 0.0); // it goes dark when A is lost
    QVERIFY(qFuzzyCompare(bLost[2], dboxKW));
    QVERIFY(qFuzzyCompare(dash.limitLine(DashboardWidget::FeedLoad), site.power.feeds.capacityW() / 1000.0));
    // The normal-case feed loads are the ones the power.feed-capacity rule checks.
    const CheckContext ctx(resolved);
    for (std::size_t r = 0; r < ctx.rackLoads().size(); ++r)
        for (std::size_t f = 0; f < 2; ++f)
            QVERIFY(qFuzzyCompare(1.0 + normal[2 * r + f], 1.0 + ctx.rackLoads()[r].feedMaxW[f] / 1000.0));
}

void TestEditor::realRulesMarkTheBrokenPlan()
{
    MainWindow &w = *m_window;
    QVERIFY(w.openFile(QStringLiteral(POCPLAN_TEST_DATA "/broken-power-roce.pocplan.json")));
    w.recheck();
    QTRY_VERIFY(!w.checks().isBusy());
    QTRY_VERIFY(!w.checks().report().findings.empty());
    QStringList rules;
    for (const Finding &f : w.checks().report().findings)
        if (f.severity == Severity::Error)
            rules << f.rule;
    QVERIFY2(rules.contains(QStringLiteral("power.site-budget")), qPrintable(rules.join(QLatin1Char(' '))));
    QVERIFY2(rules.contains(QStringLiteral("network.roce")), qPrintable(rules.join(QLatin1Char(' '))));
    QVERIFY2(rules.contains(QStringLiteral("power.feed-redundancy")), qPrintable(rules.join(QLatin1Char(' '))));
    // db2 has both PSUs on feed A: it carries an error marker; the findings list shows every error.
    QCOMPARE(w.scene().deviceItem(QStringLiteral("db2"))->marker(), Marker::Error);
    QVERIFY(w.findings().tree()->topLevelItemCount() >= rules.size());
    w.document().setModified(false);
}

void TestEditor::chartsSave()
{
    MainWindow &w = *m_window;
    w.dashboard().refresh();
    QTemporaryDir dir;
    QVERIFY(w.dashboard().saveChart(DashboardWidget::FeedLoad, dir.filePath(QStringLiteral("feeds.png"))));
    QVERIFY(w.dashboard().saveChart(DashboardWidget::RackPower, dir.filePath(QStringLiteral("power.pdf"))));
    QImage png(dir.filePath(QStringLiteral("feeds.png")));
    QVERIFY(png.width() >= 900);
    QFile pdf(dir.filePath(QStringLiteral("power.pdf")));
    QVERIFY(pdf.open(QIODevice::ReadOnly));
    QVERIFY(pdf.read(5) == "%PDF-");
}

QTEST_MAIN(TestEditor)
#include "tst_editor.moc"
