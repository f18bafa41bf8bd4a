#include "app/gui/canvas/rackscene.h"
#include "app/gui/window/mainwindow.h"
#include "app/gui/window/planeditor.h"

#include <QGraphicsRectItem>
#include <QLabel>
#include <QStatusBar>
#include <QtTest>

using namespace pp;

// The main window, offscreen: it opens the sample kit, draws each device (0U PDUs beside the rack), and shows power.
class TestMainWindow : public QObject {
    Q_OBJECT
private slots:
    void showsSampleKit();
    void modifiedMarkerInTitle();
    void openingBadFileKeepsCurrentPlan();
};

static QStringList deviceIdsOnCanvas(gui::RackScene &scene)
{
    QStringList ids;
    for (QGraphicsItem *item : scene.items())
        if (!item->data(0).toString().isEmpty())
            ids << item->data(0).toString();
    ids.sort();
    return ids;
}

void TestMainWindow::showsSampleKit()
{
    gui::MainWindow window(Catalog::builtIn());
    QVERIFY(window.newFromTemplate(QStringLiteral("poc-3c1d")));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(deviceIdsOnCanvas(window.scene()),
             (QStringList{QStringLiteral("cn1"), QStringLiteral("cn2"), QStringLiteral("cn3"), QStringLiteral("db1"),
                          QStringLiteral("pduA"), QStringLiteral("pduB"), QStringLiteral("sw1"), QStringLiteral("sw2"),
                          QStringLiteral("swm")}));
    const QList<QLabel *> labels = window.statusBar()->findChildren<QLabel *>();
    bool found = false;
    for (QLabel *l : labels)
        found = found ||
            (l->text().contains(QStringLiteral("3.51 kW typical")) &&
             l->text().contains(QStringLiteral("30.0 kW budget")));
    QVERIFY(found);
    // The device drawn lowest is the D-box at U18, below the C-nodes at U20–22.
    QGraphicsItem *dbox = nullptr;
    QGraphicsItem *cnode = nullptr;
    for (QGraphicsItem *item : window.scene().items()) {
        if (item->data(0).toString() == QLatin1String("db1"))
            dbox = item;
        if (item->data(0).toString() == QLatin1String("cn3"))
            cnode = item;
    }
    QVERIFY(dbox && cnode);
    QVERIFY(dbox->sceneBoundingRect().top() > cnode->sceneBoundingRect().bottom());
}

void TestMainWindow::modifiedMarkerInTitle()
{
    gui::MainWindow window(Catalog::builtIn());
    window.newFromTemplate(QStringLiteral("poc-3c1d"));
    QVERIFY(!window.isWindowModified());
    QVERIFY(window.editor().renameRack(window.document().plan().racks.front().id, QStringLiteral("changed")));
    QVERIFY(window.isWindowModified());
    QVERIFY(window.windowTitle().contains(QStringLiteral("[*]")));
}

void TestMainWindow::openingBadFileKeepsCurrentPlan()
{
    gui::MainWindow window(Catalog::builtIn());
    window.newFromTemplate(QStringLiteral("poc-3c1d"));
    QTemporaryDir dir;
    const QString bad = dir.filePath(QStringLiteral("bad.json"));
    QFile f(bad);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("{ not json");
    f.close();
    // The error box is modal; close it as soon as it appears.
    QTimer::singleShot(0, [] {
        for (QWidget *w : QApplication::topLevelWidgets())
            if (w->inherits("QMessageBox"))
                w->close();
    });
    QVERIFY(!window.openFile(bad));
    QCOMPARE(window.document().plan().devices.size(), std::size_t(9));
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
