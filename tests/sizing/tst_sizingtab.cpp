#include "app/gui/sizing/sizingtab.h"

#include "catalog/model/catalog.h"

#include <QComboBox>
#include <QSpinBox>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

using namespace pp;

// The Sizing & Compare tab: presets fill the inputs, edits resize, the table holds every column,
// a plan comes out of "Create plan", and the comparison exports.
class TestSizingTab : public QObject {
    Q_OBJECT
private slots:
    void presetsAndTable();
    void fixedCountsRecompute();
    void createPlanAndExport();
};

void TestSizingTab::presetsAndTable()
{
    gui::SizingTab tab(Catalog::builtIn());
    tab.resize(1500, 900);
    QCOMPARE(tab.current().design.cnodes, 427); // the NCP preset is loaded first
    // 3 presets + the design being edited + object store + 4 Lustre tiers
    QCOMPARE(tab.comparisonTable().columnCount(), 9);
    QVERIFY(tab.stepsTable().rowCount() > 20);
    bool unknownShown = false;
    for (int r = 0; r < tab.stepsTable().rowCount(); ++r)
        unknownShown = unknownShown || tab.stepsTable().item(r, 1)->text() == QLatin1String("unknown");
    QVERIFY(unknownShown);
    tab.loadPreset(QStringLiteral("density"));
    QCOMPARE(tab.current().design.dboxes, 191);
    if (qEnvironmentVariableIsSet("POCPLAN_SCREENSHOT_DIR")) {
        tab.show();
        QVERIFY(QTest::qWaitForWindowExposed(&tab));
        tab.grab().save(qEnvironmentVariable("POCPLAN_SCREENSHOT_DIR") + QStringLiteral("/sizing-tab.png"));
    }
}

void TestSizingTab::fixedCountsRecompute()
{
    gui::SizingTab tab(Catalog::builtIn());
    tab.loadPreset(QString());
    auto spins = tab.findChildren<QSpinBox *>();
    QSpinBox *fixedC = nullptr;
    QSpinBox *fixedD = nullptr;
    for (QSpinBox *s : spins) {
        if (s->maximum() == 100000 && !fixedC)
            fixedC = s;
        else if (s->maximum() == 100000)
            fixedD = s;
    }
    QVERIFY(fixedC && fixedD);
    fixedC->setValue(4);
    fixedD->setValue(2);
    QCOMPARE(tab.current().design.cnodes, 4);
    QCOMPARE(tab.current().design.dboxes, 2);
    QCOMPARE(tab.current().design.cnodesSetBy, QStringLiteral("fixed"));
    const int before = tab.comparisonTable().columnCount();
    tab.addCurrentAsDesign();
    QCOMPARE(tab.comparisonTable().columnCount(), before + 1);
}

void TestSizingTab::createPlanAndExport()
{
    gui::SizingTab tab(Catalog::builtIn());
    QSignalSpy spy(&tab, &gui::SizingTab::planCreated);
    Plan plan;
    QString error;
    QVERIFY2(tab.buildPlan(plan, &error), qPrintable(error));
    QCOMPARE(static_cast<int>(plan.racks.size()), tab.current().design.racks);
    QTemporaryDir dir;
    for (const char *suffix : {"md", "csv", "pdf"}) {
        const QString file = dir.filePath(QStringLiteral("cmp.") + QLatin1String(suffix));
        QVERIFY2(tab.exportComparison(file, &error), qPrintable(error));
        QVERIFY(QFileInfo(file).size() > 100);
    }
}

QTEST_MAIN(TestSizingTab)
#include "tst_sizingtab.moc"
