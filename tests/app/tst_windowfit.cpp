#include "app/gui/window/autosaver.h"
#include "app/gui/window/mainwindow.h"

#include <QDockWidget>
#include <QScreen>
#include <QSettings>
#include <QTabBar>
#include <QTemporaryDir>
#include <QtTest>

using namespace pp;
using namespace pp::gui;

// The main window opens and works on ordinary screens: its minimum size fits 1366×768.
class TestWindowFit : public QObject {
    Q_OBJECT
private slots:
    void minimumSizeFitsSmallScreen();
    void layoutIsRestoredOnTheNextStart();
};

void TestWindowFit::minimumSizeFitsSmallScreen()
{
    QSettings().clear(); // a first start: no layout saved by an earlier run of this test
    MainWindow window(Catalog::builtIn());
    QTemporaryDir recovery;
    window.autosaver().setDirectory(recovery.path());
    QVERIFY(window.newFromTemplate(QStringLiteral("poc-3c1d")));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const QSize needed = window.minimumSizeHint().expandedTo(window.minimumSize());
    qInfo("minimum window size %dx%d", needed.width(), needed.height());
    QVERIFY2(needed.width() <= 1366 && needed.height() <= 740,
             qPrintable(QStringLiteral("minimum %1x%2").arg(needed.width()).arg(needed.height())));
    // The findings, not the empty Changes list tabbed with them, are what a plan opens on.
    bool tabbed = false;
    for (const QTabBar *bar : window.findChildren<QTabBar *>()) {
        for (int i = 0; i < bar->count(); ++i)
            tabbed = tabbed || bar->tabText(i) == QStringLiteral("Changes");
        if (tabbed) {
            QCOMPARE(bar->tabText(bar->currentIndex()), QStringLiteral("Findings"));
            break;
        }
    }
    QVERIFY(tabbed);
    window.document().setModified(false);
    window.autosaver().discardRecovery();
}

// Size and dock layout come back on the next start; the first start fits the screen.
void TestWindowFit::layoutIsRestoredOnTheNextStart()
{
    QSettings().clear();
    QTemporaryDir recovery;
    QSize firstSize;
    {
        MainWindow window(Catalog::builtIn());
        window.autosaver().setDirectory(recovery.path());
        const QSize screen = QGuiApplication::primaryScreen()->availableGeometry().size();
        QVERIFY2(window.width() <= screen.width() && window.height() <= screen.height(),
                 qPrintable(QStringLiteral("%1x%2 on %3x%4")
                                .arg(window.width())
                                .arg(window.height())
                                .arg(screen.width())
                                .arg(screen.height())));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.resize(900, 640);
        window.findChild<QDockWidget *>(QStringLiteral("dock.history"))->hide();
        firstSize = window.size();
        QVERIFY(window.close());
    }
    MainWindow again(Catalog::builtIn());
    again.autosaver().setDirectory(recovery.path());
    QCOMPARE(again.size(), firstSize);
    QVERIFY(again.findChild<QDockWidget *>(QStringLiteral("dock.history"))->isHidden());
    QVERIFY(!again.findChild<QDockWidget *>(QStringLiteral("dock.inspector"))->isHidden());
}

QTEST_MAIN(TestWindowFit)
#include "tst_windowfit.moc"
