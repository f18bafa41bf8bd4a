#include "app/gui/window/autosaver.h"
#include "app/gui/window/filechangedbar.h"
#include "app/gui/window/filechangewatcher.h"
#include "app/gui/window/mainwindow.h"

#include "planner/io/planio.h"

#include <QAction>
#include <QFileSystemWatcher>
#include <QPushButton>
#include <QtTest>

#include <cstdio>
#include <memory>

using namespace pp;
using namespace pp::gui;

// "File changed on disk": another program rewrites, replaces or deletes and recreates the open
// plan file; the window offers to reload it in a bar above the canvas. Offscreen.
class TestFileChanged : public QObject {
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void replacedFileOffersReloadAndReloads();
    void inPlaceWriteAndRecreateAreNoticed();
    void ownSaveDoesNotOffer();
    void invalidChangedFileKeepsPlan();
    void keepMineMarksModified();
    void unsavedEditsAreMentioned();

private:
    QByteArray planWithName(const QString &name) const;
    void replaceFile(const QByteArray &bytes) const; // as editors do: write a new file, rename over
    void writeInPlace(const QByteArray &bytes) const;
    void grabIfAsked(const QString &name);

    Catalog m_catalog = Catalog::builtIn();
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<MainWindow> m_window;
    QString m_file;
};

static QByteArray readAll(const QString &fileName)
{
    QFile f(fileName);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void TestFileChanged::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_file = m_dir->filePath(QStringLiteral("kit.pocplan.json"));
    QVERIFY(QFile::copy(QStringLiteral(POCPLAN_SOURCE_DIR "/resources/templates/poc-3c1d.pocplan.json"), m_file));
    QVERIFY(QFile::setPermissions(m_file, QFileDevice::ReadOwner | QFileDevice::WriteOwner));
    m_window = std::make_unique<MainWindow>(m_catalog);
    m_window->autosaver().setDirectory(m_dir->filePath(QStringLiteral("recovery")));
    QVERIFY(m_window->openFile(m_file));
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QVERIFY(!m_window->fileChangedBar().isVisible());
}

void TestFileChanged::cleanup()
{
    m_window.reset();
    m_dir.reset();
}

QByteArray TestFileChanged::planWithName(const QString &name) const
{
    Plan plan = m_window->document().plan();
    plan.name = name;
    return planToBytes(plan);
}

void TestFileChanged::replaceFile(const QByteArray &bytes) const
{
    const QString temp = m_file + QStringLiteral(".new");
    QFile f(temp);
    QVERIFY(f.open(QIODevice::WriteOnly));
    QCOMPARE(f.write(bytes), bytes.size());
    f.close();
    QVERIFY(std::rename(QFile::encodeName(temp).constData(), QFile::encodeName(m_file).constData()) == 0);
}

void TestFileChanged::writeInPlace(const QByteArray &bytes) const
{
    QFile f(m_file);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(f.write(bytes), bytes.size());
}

// POCPLAN_SCREENSHOT_DIR=docs/screenshots keeps a picture of the bar for the README.
void TestFileChanged::grabIfAsked(const QString &name)
{
    const QString dir = qEnvironmentVariable("POCPLAN_SCREENSHOT_DIR");
    if (!dir.isEmpty())
        QVERIFY(m_window->grab().save(dir + QLatin1Char('/') + name));
}

void TestFileChanged::replacedFileOffersReloadAndReloads()
{
    FileChangedBar &bar = m_window->fileChangedBar();
    replaceFile(planWithName(QStringLiteral("Changed elsewhere")));
    QTRY_VERIFY_WITH_TIMEOUT(bar.isVisible(), 20000);
    QVERIFY(bar.text().contains(QStringLiteral("kit.pocplan.json")));
    QVERIFY(bar.text().contains(QStringLiteral("changed on disk")));
    QVERIFY(!bar.text().contains(QStringLiteral("discards")));
    QCOMPARE(m_window->document().plan().name, QStringLiteral("Minimal resilient POC kit (3 C-nodes + 1 D-box)"));

    QTest::mouseClick(bar.reloadButton(), Qt::LeftButton);
    QVERIFY(!bar.isVisible());
    QCOMPARE(m_window->document().plan().name, QStringLiteral("Changed elsewhere"));
    QVERIFY(!m_window->document().isModified());
    QCOMPARE(m_window->document().fileName(), m_file);

    // Still watching the new file after the replace: a write into it is offered too.
    writeInPlace(planWithName(QStringLiteral("Changed again")));
    QTRY_VERIFY_WITH_TIMEOUT(bar.isVisible(), 20000);
    QTest::mouseClick(bar.reloadButton(), Qt::LeftButton);
    QCOMPARE(m_window->document().plan().name, QStringLiteral("Changed again"));
}

void TestFileChanged::inPlaceWriteAndRecreateAreNoticed()
{
    FileChangedBar &bar = m_window->fileChangedBar();
    writeInPlace(planWithName(QStringLiteral("Written in place")));
    QTRY_VERIFY_WITH_TIMEOUT(bar.isVisible(), 20000);
    QTest::mouseClick(bar.reloadButton(), Qt::LeftButton);
    QCOMPARE(m_window->document().plan().name, QStringLiteral("Written in place"));

    QVERIFY(QFile::remove(m_file));
    writeInPlace(planWithName(QStringLiteral("Recreated")));
    QTRY_VERIFY_WITH_TIMEOUT(bar.isVisible(), 20000);
    QTest::mouseClick(bar.reloadButton(), Qt::LeftButton);
    QCOMPARE(m_window->document().plan().name, QStringLiteral("Recreated"));
}

void TestFileChanged::ownSaveDoesNotOffer()
{
    FileChangedBar &bar = m_window->fileChangedBar();
    auto *fsWatcher = m_window->fileWatcher().findChild<QFileSystemWatcher *>(QString(), Qt::FindDirectChildrenOnly);
    auto *settle = m_window->fileWatcher().findChild<QTimer *>(QString(), Qt::FindDirectChildrenOnly);
    QVERIFY(fsWatcher && settle);
    QSignalSpy offers(&m_window->fileWatcher(), &FileChangeWatcher::changedOnDisk);
    QSignalSpy fileEvents(fsWatcher, &QFileSystemWatcher::fileChanged);
    QSignalSpy dirEvents(fsWatcher, &QFileSystemWatcher::directoryChanged);

    m_window->action(QStringLiteral("rack.add"))->trigger();
    m_window->action(QStringLiteral("file.save"))->trigger();
    QVERIFY(!m_window->document().isModified());
    // Wait until the watcher has seen our own write and looked at the file, then: no offer.
    QTRY_VERIFY_WITH_TIMEOUT(fileEvents.count() + dirEvents.count() > 0, 20000);
    QTRY_VERIFY_WITH_TIMEOUT(!settle->isActive(), 20000);
    QCOMPARE(offers.count(), 0);
    QVERIFY(!bar.isVisible());

    // The watch survived our own replace: a change by someone else is still offered.
    replaceFile(planWithName(QStringLiteral("Someone else")));
    QTRY_VERIFY_WITH_TIMEOUT(bar.isVisible(), 20000);
    QTRY_VERIFY_WITH_TIMEOUT(!settle->isActive(), 20000);
    QCOMPARE(offers.count(), 1);
}

void TestFileChanged::invalidChangedFileKeepsPlan()
{
    FileChangedBar &bar = m_window->fileChangedBar();
    m_window->action(QStringLiteral("rack.add"))->trigger();
    const QByteArray mine = planToBytes(m_window->document().plan());
    replaceFile("{\n  \"format\": \"pocplanner-plan\",\n  \"racks\": [ oops\n}\n");
    QTRY_VERIFY_WITH_TIMEOUT(bar.isVisible(), 20000);
    QTest::mouseClick(bar.reloadButton(), Qt::LeftButton);
    // The error says which file, where and why, and the plan in the editor is untouched.
    QVERIFY(bar.isVisible());
    QVERIFY2(bar.text().contains(QStringLiteral("Cannot reload")), qPrintable(bar.text()));
    QVERIFY2(bar.text().contains(QStringLiteral("kit.pocplan.json")), qPrintable(bar.text()));
    QVERIFY2(bar.text().contains(QStringLiteral("kit.pocplan.json:3:")),
             qPrintable(bar.text())); // file:line:column: reason
    QCOMPARE(planToBytes(m_window->document().plan()), mine);
    QVERIFY(m_window->document().isModified());
    QCOMPARE(m_window->document().fileName(), m_file);
    grabIfAsked(QStringLiteral("file-changed-error.png"));

    QTest::mouseClick(bar.keepButton(), Qt::LeftButton);
    QVERIFY(!bar.isVisible());
    QVERIFY(m_window->document().isModified());
}

void TestFileChanged::keepMineMarksModified()
{
    FileChangedBar &bar = m_window->fileChangedBar();
    const QByteArray mine = planToBytes(m_window->document().plan());
    QSignalSpy written(&m_window->autosaver(), &Autosaver::recoveryWritten);
    replaceFile(planWithName(QStringLiteral("Theirs")));
    QTRY_VERIFY_WITH_TIMEOUT(bar.isVisible(), 20000);
    QVERIFY(!m_window->document().isModified());
    QTest::mouseClick(bar.keepButton(), Qt::LeftButton);
    QVERIFY(!bar.isVisible());
    QVERIFY(m_window->document().isModified()); // differs from the disk now: closing asks, Save overwrites
    QVERIFY(m_window->isWindowModified());
    QCOMPARE(planToBytes(m_window->document().plan()), mine);
    m_window->action(QStringLiteral("rack.add"))->trigger(); // an edit and its undo do not make it "saved"
    m_window->action(QStringLiteral("edit.undo"))->trigger();
    QVERIFY(m_window->document().isModified());
    // Our version is no longer on disk, so it is autosaved at once.
    QTRY_COMPARE_WITH_TIMEOUT(written.count(), 1, 20000);
    QCOMPARE(readAll(written.first().first().toString()), mine);

    m_window->action(QStringLiteral("file.save"))->trigger();
    QVERIFY(!m_window->document().isModified());
    QCOMPARE(readAll(m_file), mine);
}

void TestFileChanged::unsavedEditsAreMentioned()
{
    FileChangedBar &bar = m_window->fileChangedBar();
    m_window->action(QStringLiteral("rack.add"))->trigger();
    replaceFile(planWithName(QStringLiteral("Theirs")));
    QTRY_VERIFY_WITH_TIMEOUT(bar.isVisible(), 20000);
    QVERIFY2(bar.text().contains(QStringLiteral("discards your unsaved changes")), qPrintable(bar.text()));
    grabIfAsked(QStringLiteral("file-changed-banner.png"));
    // Undoing back to the saved state makes the warning go away while the bar is up.
    m_window->action(QStringLiteral("edit.undo"))->trigger();
    QVERIFY(!m_window->document().isModified());
    QVERIFY(!bar.text().contains(QStringLiteral("discards")));
    QTest::mouseClick(bar.reloadButton(), Qt::LeftButton);
    QCOMPARE(m_window->document().plan().name, QStringLiteral("Theirs"));
    QVERIFY(!m_window->document().isModified());
}

QTEST_MAIN(TestFileChanged)
#include "tst_filechanged.moc"
