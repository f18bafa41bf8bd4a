#include "app/gui/canvas/changeoverlay.h"
#include "app/gui/canvas/rackscene.h"
#include "app/gui/panels/changespanel.h"
#include "app/gui/window/comparecontroller.h"
#include "app/gui/window/mainwindow.h"
#include "app/gui/window/planeditor.h"

#include <QTemporaryDir>
#include <QTreeWidget>
#include <QUndoStack>
#include <QtTest>

using namespace pp;

// File > Compare with…: the open plan against an older version, as marks on the canvas and rows
// in the Changes dock, following edits until the comparison is closed.
class TestCompareView : public QObject {
    Q_OBJECT
private slots:
    void showsAddedRemovedMoved();
    void followsEditsAndCloses();
    void unreadableFileIsRefused();
    void exportsTheChangeBom();
};

static QString data(const char *name)
{
    return QStringLiteral(POCPLAN_SOURCE_DIR "/tests/diff/data/") + QString::fromLatin1(name);
}

static QStringList rows(gui::ChangesPanel &panel, int column = 0)
{
    QStringList out;
    for (int i = 0; i < panel.tree()->topLevelItemCount(); ++i)
        out << panel.tree()->topLevelItem(i)->text(column);
    return out;
}

void TestCompareView::showsAddedRemovedMoved()
{
    gui::MainWindow window(Catalog::builtIn());
    QVERIFY(window.openFile(data("expansion.pocplan.json")));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.compareWith(data("base.pocplan.json")));
    const QStringList changes = rows(window.changes());
    QCOMPARE(changes.count(QStringLiteral("added")), 4 + 18); // 4 devices, 18 links
    QCOMPARE(changes.count(QStringLiteral("moved")), 1);      // the D-box, U18 -> U16
    QCOMPARE(changes.count(QStringLiteral("removed")), 1);    // the swp32 ISL
    QVERIFY(changes.contains(QStringLiteral("figure")));
    QVERIFY(window.changes().summary().contains(QLatin1String("4 devices added, 0 removed, 1 moved")));
    // 4 added and 1 moved device marked, each a box and a badge.
    QCOMPARE(window.compare().overlay().markCount(), 2 * 5);
    // Turning to the rear rebuilds the scene; the marks are drawn again, not left dangling.
    window.scene().setFace(Face::Rear);
    window.scene().setFace(Face::Front);
    QCOMPARE(window.compare().overlay().markCount(), 2 * 5);

    // The other way round, the four devices are removed: dashed outlines where they stood.
    gui::MainWindow back(Catalog::builtIn());
    QVERIFY(back.openFile(data("base.pocplan.json")));
    QVERIFY(back.compareWith(data("expansion.pocplan.json")));
    QCOMPARE(rows(back.changes()).count(QStringLiteral("removed")), 4 + 18);
    QCOMPARE(back.compare().overlay().markCount(), 2 * 5);
}

void TestCompareView::followsEditsAndCloses()
{
    gui::MainWindow window(Catalog::builtIn());
    QVERIFY(window.openFile(data("base.pocplan.json")));
    QVERIFY(window.compareWith(data("base.pocplan.json")));
    QVERIFY(window.changes().summary().contains(QLatin1String("no changes")));
    QCOMPARE(window.compare().overlay().markCount(), 0);
    // Move cn3 down to U10 in the editor: the comparison shows the move at once.
    QVERIFY(window.editor().moveDevices({{QStringLiteral("cn3"), {QStringLiteral("R1"), 10, Face::Front}}}));
    QVERIFY(rows(window.changes()).contains(QStringLiteral("moved")));
    QVERIFY(rows(window.changes(), 3).contains(QStringLiteral("R1 U10 front")));
    QCOMPARE(window.compare().overlay().markCount(), 2);
    window.editor().undoStack().undo();
    QCOMPARE(window.compare().overlay().markCount(), 0);
    window.compare().stop();
    QVERIFY(!window.compare().active());
    QCOMPARE(window.changes().tree()->topLevelItemCount(), 0);
}

void TestCompareView::unreadableFileIsRefused()
{
    gui::MainWindow window(Catalog::builtIn());
    QVERIFY(window.openFile(data("base.pocplan.json")));
    QString error;
    QVERIFY(!window.compare().compareWith(data("no-such.pocplan.json"), &error));
    QVERIFY(error.contains(QLatin1String("no-such.pocplan.json")));
    QVERIFY(!window.compare().active());
}

void TestCompareView::exportsTheChangeBom()
{
    gui::MainWindow window(Catalog::builtIn());
    QVERIFY(window.openFile(data("expansion.pocplan.json")));
    QTemporaryDir out;
    QString error;
    QVERIFY(!window.compare().exportChange(out.path(), &error)); // nothing to compare with yet
    QVERIFY(window.compareWith(data("base.pocplan.json")));
    QVERIFY2(window.compare().exportChange(out.path(), &error), qPrintable(error));
    // The same parts as `pocplan export --since` (its golden), the file names aside.
    QFile csv(out.filePath(QStringLiteral("change-bom.csv")));
    QVERIFY(csv.open(QIODevice::ReadOnly));
    QFile golden(data("golden/expansion-change-bom.csv"));
    QVERIFY(golden.open(QIODevice::ReadOnly));
    QCOMPARE(csv.readAll(), golden.readAll());
    QVERIFY(QFile::exists(out.filePath(QStringLiteral("change-bom.md"))));
}

QTEST_MAIN(TestCompareView)
#include "tst_compareview.moc"
