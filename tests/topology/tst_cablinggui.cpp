#include "app/gui/cabling/cablingactions.h"
#include "app/gui/cabling/portviewdialog.h"
#include "app/gui/window/planeditor.h"

#include "planner/templates/templates.h"

#include "tests/common/screenshot.h"

#include <QMainWindow>
#include <QMenuBar>
#include <QTableWidget>
#include <QUndoStack>
#include <QtTest>

using namespace pp;
using namespace pp::gui;

// "Cable automatically" and the port view: do, undo, redo on the document.
class TestCablingGui : public QObject {
    Q_OBJECT
private slots:
    void cableAutomaticallyUndoRedo();
    void portViewConnectDisconnect();
    void menuHasActions();
};

static Plan uncabledKit()
{
    Plan plan;
    if (!loadTemplate(QStringLiteral("poc-3c1d"), Catalog::builtIn(), plan, nullptr))
        qFatal("template");
    plan.links.clear();
    plan.uplinks.clear();
    return plan;
}

void TestCablingGui::cableAutomaticallyUndoRedo()
{
    QMainWindow window;
    PlanDocument doc(Catalog::builtIn());
    doc.reset(uncabledKit(), QString());
    PlanEditor editor(doc);
    QUndoStack &stack = editor.undoStack();
    CablingActions actions(&window, editor, {});
    const CablingReport report = actions.cableAutomatically();
    QVERIFY2(report.errors.isEmpty(), qPrintable(report.errors.join(QLatin1Char('\n'))));
    QCOMPARE(int(doc.plan().links.size()), report.linksMade);
    QVERIFY(report.linksMade > 20);
    QCOMPARE(doc.plan().uplinks.size(), std::size_t(2));
    QCOMPARE(stack.count(), 1);
    stack.undo();
    QVERIFY(doc.plan().links.empty());
    QVERIFY(doc.plan().uplinks.empty());
    stack.redo();
    QCOMPARE(int(doc.plan().links.size()), report.linksMade);
}

void TestCablingGui::portViewConnectDisconnect()
{
    PlanDocument doc(Catalog::builtIn());
    doc.reset(uncabledKit(), QString());
    PlanEditor editor(doc);
    QUndoStack &stack = editor.undoStack();
    QMainWindow window;
    CablingActions actions(&window, editor, {});
    actions.cableAutomatically();
    PortViewDialog dialog(editor);
    dialog.showDevice(QStringLiteral("cn1"));
    QCOMPARE(dialog.device(), QStringLiteral("cn1"));
    QCOMPARE(dialog.table().rowCount(), 4); // p1, p2, mgmt, bmc
    QCOMPARE(dialog.table().item(0, 3)->text(), QStringLiteral("sw1:swp1s0"));
    dialog.selectPort(QStringLiteral("p1"));
    QString why;
    QVERIFY(!dialog.connectSelected(QStringLiteral("sw1"), QStringLiteral("swp5s0"), &why)); // p1 is taken
    QVERIFY(dialog.disconnectSelected(&why));
    QVERIFY(dialog.table().item(0, 3)->text().isEmpty());
    dialog.selectPort(QStringLiteral("p1"));
    QVERIFY2(dialog.connectSelected(QStringLiteral("sw1"), QStringLiteral("swp5s0"), &why), qPrintable(why));
    QCOMPARE(dialog.table().item(0, 3)->text(), QStringLiteral("sw1:swp5s0 (by hand)"));
    QCOMPARE(stack.count(), 3);
    stack.undo();
    stack.undo();
    QCOMPARE(dialog.table().item(0, 3)->text(), QStringLiteral("sw1:swp1s0"));
    // Picture for a person to look at.
    dialog.showDevice(QStringLiteral("sw1"));
    dialog.resize(960, 640);
    QVERIFY(pp::test::grabForScreenshot(dialog, QStringLiteral("portview.png")));
}

void TestCablingGui::menuHasActions()
{
    QMainWindow window;
    PlanDocument doc(Catalog::builtIn());
    PlanEditor editor(doc);
    CablingActions actions(&window, editor, {});
    actions.addMenu(window.menuBar());
    QVERIFY(window.findChild<QAction *>(QStringLiteral("actionCableAutomatically")));
    QVERIFY(window.findChild<QAction *>(QStringLiteral("actionPortView")));
}

QTEST_MAIN(TestCablingGui)
#include "tst_cablinggui.moc"
