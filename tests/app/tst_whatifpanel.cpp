#include "app/gui/canvas/rackitems.h"
#include "app/gui/canvas/rackscene.h"
#include "app/gui/panels/findingspanel.h"
#include "app/gui/panels/whatifpanel.h"
#include "app/gui/window/mainwindow.h"
#include "app/gui/window/planeditor.h"
#include "tests/common/screenshot.h"

#include <QAction>
#include <QTreeWidget>
#include <QUndoStack>
#include <QtTest>

using namespace pp;
using WhatIf = gui::DeviceItem::WhatIf;

// The what-if mode in the editor: failing domains greys the canvas and fills the panel, every step
// undoes and redoes, and nothing reaches the plan.
class TestWhatIfPanel : public QObject {
    Q_OBJECT
private slots:
    void failLeafAndDpuShowsOnCanvas();
    void undoRedoAndRestore();
    void dboxLossSaysDataUnavailable();
    void failSelectedDevices();
    void offClearsTheCanvas();

private:
    static WhatIf stateOf(gui::MainWindow &w, const QString &id) { return w.scene().deviceItem(id)->whatIf(); }
};

void TestWhatIfPanel::failLeafAndDpuShowsOnCanvas()
{
    gui::MainWindow window(Catalog::builtIn());
    QVERIFY(window.newFromTemplate(QStringLiteral("poc-3c1d")));
    window.resize(1366, 768);
    window.show();
    window.showWhatIf({QStringLiteral("sw1"), QStringLiteral("dpu:db1/1")});
    QCOMPARE(window.whatIf().failed(), (QStringList{QStringLiteral("sw1"), QStringLiteral("dpu:db1/1")}));
    QCOMPARE(stateOf(window, QStringLiteral("sw1")), WhatIf::Failed);
    QCOMPARE(stateOf(window, QStringLiteral("db1")), WhatIf::Degraded);
    QCOMPARE(stateOf(window, QStringLiteral("cn1")), WhatIf::Normal);
    QCOMPARE(stateOf(window, QStringLiteral("sw2")), WhatIf::Normal);
    const WhatIfResult *r = window.whatIf().result();
    QVERIFY(r);
    QVERIFY(r->dataAvailable);
    QVERIFY(r->disconnectedNodes.empty());
    const QString text = window.whatIf().summaryText();
    QVERIFY2(text.contains(QLatin1String("Read")), qPrintable(text));
    QVERIFY(text.contains(QLatin1String("GB/s")));
    QVERIFY(text.contains(QLatin1String("Feeds")));
    QVERIFY(text.contains(QLatin1String("PB")));
    QVERIFY(!window.document().isModified());
    QVERIFY(window.document().plan().findDevice(QStringLiteral("sw1")));
    // The picture for the README: the whole rack in view, the findings of the background check in.
    window.action(QStringLiteral("view.fit"))->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(window.findings().tree()->topLevelItemCount() > 0, 10000);
    QVERIFY(pp::test::grabForScreenshot(window, QStringLiteral("whatif-kit.png")));
}

void TestWhatIfPanel::undoRedoAndRestore()
{
    gui::MainWindow window(Catalog::builtIn());
    QVERIFY(window.newFromTemplate(QStringLiteral("poc-3c1d")));
    gui::WhatIfPanel &panel = window.whatIf();
    panel.setActive(true);
    panel.toggle(QStringLiteral("sw1"));
    panel.toggle(QStringLiteral("feed:A"));
    QCOMPARE(panel.failed().size(), 2);
    QVERIFY(panel.undo());
    QCOMPARE(panel.failed(), QStringList{QStringLiteral("sw1")});
    QVERIFY(panel.undo());
    QVERIFY(panel.failed().isEmpty());
    QCOMPARE(stateOf(window, QStringLiteral("sw1")), WhatIf::Normal);
    QVERIFY(!panel.undo());
    QVERIFY(panel.redo());
    QCOMPARE(stateOf(window, QStringLiteral("sw1")), WhatIf::Failed);
    // The tree's tick boxes follow the failures.
    bool ticked = false;
    for (int g = 0; g < panel.tree()->topLevelItemCount(); ++g)
        for (int c = 0; c < panel.tree()->topLevelItem(g)->childCount(); ++c) {
            QTreeWidgetItem *item = panel.tree()->topLevelItem(g)->child(c);
            if (item->text(0) == QLatin1String("sw1"))
                ticked = item->checkState(0) == Qt::Checked;
        }
    QVERIFY(ticked);
    panel.setFailed({});
    QCOMPARE(stateOf(window, QStringLiteral("sw1")), WhatIf::Normal);
    QVERIFY(panel.undo());
    QCOMPARE(panel.failed(), QStringList{QStringLiteral("sw1")});
    QCOMPARE(window.editor().undoStack().count(), 0); // never an edit of the plan
}

void TestWhatIfPanel::dboxLossSaysDataUnavailable()
{
    gui::MainWindow window(Catalog::builtIn());
    QVERIFY(window.newFromTemplate(QStringLiteral("poc-3c1d")));
    window.showWhatIf({QStringLiteral("db1")});
    QCOMPARE(stateOf(window, QStringLiteral("db1")), WhatIf::Failed);
    QVERIFY(!window.whatIf().result()->dataAvailable);
    QVERIFY(window.whatIf().summaryText().contains(QLatin1String("data unavailable")));
}

void TestWhatIfPanel::failSelectedDevices()
{
    gui::MainWindow window(Catalog::builtIn());
    QVERIFY(window.newFromTemplate(QStringLiteral("poc-3c1d")));
    window.scene().deviceItem(QStringLiteral("cn2"))->setSelected(true);
    window.whatIf().failDevices(window.scene().selectedDeviceIds());
    QVERIFY(window.whatIf().active());
    QCOMPARE(window.whatIf().failed(), QStringList{QStringLiteral("cn2")});
    QCOMPARE(stateOf(window, QStringLiteral("cn2")), WhatIf::Failed);
    QCOMPARE(window.whatIf().result()->cnodesServing, 2);
}

void TestWhatIfPanel::offClearsTheCanvas()
{
    gui::MainWindow window(Catalog::builtIn());
    QVERIFY(window.newFromTemplate(QStringLiteral("poc-3c1d")));
    window.showWhatIf({QStringLiteral("feed:A"), QStringLiteral("feed:B")});
    QCOMPARE(stateOf(window, QStringLiteral("cn1")), WhatIf::Dark);
    window.whatIf().setActive(false);
    QCOMPARE(stateOf(window, QStringLiteral("cn1")), WhatIf::Normal);
    QCOMPARE(window.whatIf().failed().size(), 2); // kept for when the mode is on again
    window.whatIf().setActive(true);
    QCOMPARE(stateOf(window, QStringLiteral("cn1")), WhatIf::Dark);
}

QTEST_MAIN(TestWhatIfPanel)
#include "tst_whatifpanel.moc"
