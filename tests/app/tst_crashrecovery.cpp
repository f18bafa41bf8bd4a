#include "app/gui/window/autosaver.h"
#include "app/gui/window/mainwindow.h"

#include "planner/io/planio.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QTextStream>
#include <QtTest>

#include <cstring>

using namespace pp;

// Crash safety end to end: edits made in a GUI process are autosaved, the process is killed with
// SIGKILL, the real `pocplanner --restore` brings them back byte for byte, and the plan file on
// disk is never touched. Plus, in process: a restored session is unsaved and saves to its own file.
//
// How the edits get into a separate GUI process: this test executable runs itself as the editing
// session (`--editing-session`), a real MainWindow edited through its own QActions, the path a
// menu or shortcut takes. That keeps automation hooks out of pocplanner itself; the only option
// pocplanner gained is `--restore`, which users want after a crash anyway.
class TestCrashRecovery : public QObject {
    Q_OBJECT
private slots:
    void sigkillThenRestoreKeepsEdits();
    void restoredSessionIsUnsavedUnderItsOwnName();
    void restoreWithoutRecoveryKeepsPlan();
};

static const char *kEditingSession = "--editing-session";
constexpr int kProcessTimeoutMs = 60000; // a loaded 2-core CI machine starts GUIs slowly

static QByteArray readAll(const QString &fileName)
{
    QFile f(fileName);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

static bool copySamplePlan(const QString &to)
{
    return QFile::copy(QStringLiteral(POCPLAN_SOURCE_DIR "/resources/templates/poc-3c1d.pocplan.json"), to) &&
        QFile::setPermissions(to, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
}

// The child: opens the plan, edits it through the window's actions, and once the autosave of
// those edits is on disk prints "AUTOSAVED <file>" and writes the edited plan beside it, then
// waits to be killed.
static int runEditingSession(int argc, char **argv)
{
    QApplication app(argc, argv);
    // The same identity as pocplanner's main(), so the recovery copy lands where it looks.
    QApplication::setApplicationName(QStringLiteral("pocplanner"));
    QApplication::setOrganizationName(QStringLiteral("pocplanner"));
    if (argc < 4)
        return 2;
    const QString planFile = QString::fromLocal8Bit(argv[2]);
    const QString editedFile = QString::fromLocal8Bit(argv[3]);
    const Catalog catalog = Catalog::builtIn();
    gui::MainWindow window(catalog);
    if (!window.openFile(planFile))
        return 3;
    window.show();
    QObject::connect(&window.autosaver(), &gui::Autosaver::recoveryWritten, &window,
                     [&window, editedFile](const QString &recovery) {
                         QString error;
                         if (!writeFileAtomically(editedFile, planToBytes(window.document().plan()), &error)) {
                             QTextStream(stderr) << "cannot write " << editedFile << ": " << error << Qt::endl;
                             QCoreApplication::exit(4);
                             return;
                         }
                         QTextStream(stdout) << "AUTOSAVED " << recovery << Qt::endl;
                     });
    QTimer::singleShot(0, &window, [&window] {
        window.action(QStringLiteral("rack.add"))->trigger();        // a second rack, selected
        window.action(QStringLiteral("edit.selectNext"))->trigger(); // the first device in reading order
        window.action(QStringLiteral("edit.delete"))->trigger();
        window.action(QStringLiteral("edit.selectNext"))->trigger();
        window.action(QStringLiteral("edit.moveDown"))->trigger();
        if (!window.document().isModified())
            QCoreApplication::exit(5);
    });
    return app.exec();
}

// An isolated user: HOME and every XDG folder inside the test's temporary folder.
static QProcessEnvironment isolatedEnvironment(const QString &root)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    const QStringList vars{QStringLiteral("HOME"), QStringLiteral("XDG_CONFIG_HOME"), QStringLiteral("XDG_DATA_HOME"),
                           QStringLiteral("XDG_CACHE_HOME"), QStringLiteral("XDG_RUNTIME_DIR")};
    for (const QString &var : vars) {
        const QString dir = root + QLatin1Char('/') + var.toLower();
        QDir().mkpath(dir);
        QFile::setPermissions(dir,
                              QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                  QFileDevice::ExeOwner); // XDG_RUNTIME_DIR must be 0700
        env.insert(var, dir);
    }
    env.remove(QStringLiteral("XDG_DATA_DIRS"));
    env.remove(QStringLiteral("XDG_CONFIG_DIRS"));
    return env;
}

// The recovery copy written by the session with this process id, once its meta file (written
// after the plan) is there.
static QString sessionRecovery(const QString &recoveryDir, qint64 pid)
{
    const QString prefix = QStringLiteral("session-%1-").arg(pid);
    for (const QString &meta : QDir(recoveryDir).entryList({prefix + QStringLiteral("*.meta.json")}, QDir::Files)) {
        const QString plan = recoveryDir + QLatin1Char('/') + meta.chopped(QStringLiteral(".meta.json").size()) +
            QStringLiteral(".pocplan.json");
        if (QFile::exists(plan))
            return plan;
    }
    return {};
}

static QString metaOf(const QString &recoveryPlan)
{
    return recoveryPlan.chopped(QStringLiteral(".pocplan.json").size()) + QStringLiteral(".meta.json");
}

static QString originalFileIn(const QString &metaFile)
{
    return QString::fromStdString(Json::parse(readAll(metaFile).toStdString()).value("file", std::string()));
}

static bool loadBytes(const QByteArray &bytes, Plan &plan)
{
    LoadError error;
    PlanLoadOptions options;
    const Catalog catalog = Catalog::builtIn();
    options.catalog = &catalog;
    if (!loadPlanData(bytes, QStringLiteral("<bytes>"), plan, &error, options)) {
        qWarning("%s", qPrintable(error.toString()));
        return false;
    }
    return true;
}

void TestCrashRecovery::sigkillThenRestoreKeepsEdits()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QProcessEnvironment env = isolatedEnvironment(tmp.path());
    const QString recoveryDir =
        env.value(QStringLiteral("XDG_DATA_HOME")) + QStringLiteral("/pocplanner/pocplanner/recovery");
    const QString workDir = tmp.filePath(QStringLiteral("work"));
    QVERIFY(QDir().mkpath(workDir));
    const QString planFile = workDir + QStringLiteral("/kit.pocplan.json");
    QVERIFY(copySamplePlan(planFile));
    const QByteArray originalBytes = readAll(planFile);
    const QString editedFile = tmp.filePath(QStringLiteral("edited.pocplan.json"));

    // 1. The editing session: opened by a relative name, edited, autosaved, then SIGKILL.
    QProcess editor;
    editor.setProcessEnvironment(env);
    editor.setWorkingDirectory(workDir);
    editor.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    QByteArray output;
    connect(&editor, &QProcess::readyReadStandardOutput, &editor, [&] { output += editor.readAllStandardOutput(); });
    editor.start(QCoreApplication::applicationFilePath(),
                 {QLatin1String(kEditingSession), QStringLiteral("kit.pocplan.json"), editedFile});
    QVERIFY2(editor.waitForStarted(kProcessTimeoutMs), qPrintable(editor.errorString()));
    QTRY_VERIFY_WITH_TIMEOUT(output.contains('\n') || editor.state() == QProcess::NotRunning, kProcessTimeoutMs);
    QVERIFY2(output.startsWith("AUTOSAVED "), output.constData());
    const QString autosaved = QString::fromLocal8Bit(output.mid(10).trimmed());
    QCOMPARE(QFileInfo(autosaved).absolutePath(), QDir(recoveryDir).absolutePath());
    editor.kill(); // SIGKILL: no close event, no clean-up
    QVERIFY(editor.waitForFinished(kProcessTimeoutMs));
    QCOMPARE(editor.exitStatus(), QProcess::CrashExit);

    const QByteArray edited = readAll(editedFile);
    QVERIFY(!edited.isEmpty());
    QCOMPARE(readAll(autosaved), edited); // the autosave holds exactly the edited plan
    QCOMPARE(readAll(planFile), originalBytes);
    QCOMPARE(originalFileIn(metaOf(autosaved)), QFileInfo(planFile).absoluteFilePath());
    // The edits are really in it: one rack more, one device fewer than the file on disk.
    Plan before;
    Plan after;
    QVERIFY(loadBytes(originalBytes, before));
    QVERIFY(loadBytes(edited, after));
    QCOMPARE(after.racks.size(), before.racks.size() + 1);
    QCOMPARE(after.devices.size() + 1, before.devices.size());

    // 2. Twice: the real pocplanner restarts elsewhere, restores without a dialog, and (being
    //    unsaved) writes its own recovery copy; that copy equals the edited plan byte for byte
    //    and still names the original file. Then it is killed too, and the next start restores
    //    what that one held.
    QString previous = autosaved;
    for (int round = 1; round <= 2; ++round) {
        QProcess planner;
        planner.setProcessEnvironment(env);
        planner.setWorkingDirectory(env.value(QStringLiteral("HOME")));
        planner.setProcessChannelMode(QProcess::ForwardedChannels);
        planner.start(QStringLiteral(POCPLAN_GUI_EXE), {QStringLiteral("--restore")});
        QVERIFY2(planner.waitForStarted(kProcessTimeoutMs), qPrintable(planner.errorString()));
        QString restored;
        QTRY_VERIFY_WITH_TIMEOUT(!(restored = sessionRecovery(recoveryDir, planner.processId())).isEmpty() ||
                                     planner.state() == QProcess::NotRunning,
                                 kProcessTimeoutMs);
        QVERIFY2(!restored.isEmpty(), "pocplanner --restore wrote no recovery copy of the restored plan");
        planner.kill();
        QVERIFY(planner.waitForFinished(kProcessTimeoutMs));
        QCOMPARE(planner.exitStatus(), QProcess::CrashExit);

        QCOMPARE(readAll(restored), edited);
        QCOMPARE(originalFileIn(metaOf(restored)), QFileInfo(planFile).absoluteFilePath());
        QVERIFY2(!QFile::exists(previous), "the restored recovery copy should have been taken over");
        QVERIFY(!QFile::exists(metaOf(previous)));
        QCOMPARE(readAll(planFile), originalBytes);
        previous = restored;
    }
}

void TestCrashRecovery::restoredSessionIsUnsavedUnderItsOwnName()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString planFile = tmp.filePath(QStringLiteral("kit.pocplan.json"));
    QVERIFY(copySamplePlan(planFile));
    const QByteArray originalBytes = readAll(planFile);
    const QString recoveryDir = tmp.filePath(QStringLiteral("recovery"));
    const Catalog catalog = Catalog::builtIn();

    // A session that edits and autosaves, then vanishes without closing (as if it crashed).
    QByteArray editedBytes;
    {
        gui::MainWindow crashed(catalog);
        crashed.autosaver().setDirectory(recoveryDir);
        QVERIFY(crashed.openFile(planFile));
        crashed.action(QStringLiteral("rack.add"))->trigger();
        QVERIFY(crashed.document().isModified());
        QSignalSpy written(&crashed.autosaver(), &gui::Autosaver::recoveryWritten);
        crashed.autosaver().saveNow();
        QTRY_COMPARE_WITH_TIMEOUT(written.count(), 1, 20000);
        editedBytes = planToBytes(crashed.document().plan());
    }

    gui::MainWindow window(catalog);
    window.autosaver().setDirectory(recoveryDir);
    QVERIFY(window.newFromTemplate(QStringLiteral("poc-3c1d")));
    window.offerRecovery(false); // what `pocplanner --restore` does
    QCOMPARE(planToBytes(window.document().plan()), editedBytes);
    QVERIFY(window.document().isModified());
    QVERIFY(window.isWindowModified());
    QCOMPARE(window.document().fileName(), QFileInfo(planFile).absoluteFilePath());
    QVERIFY(window.windowTitle().startsWith(QStringLiteral("kit.pocplan.json")));
    QCOMPARE(readAll(planFile), originalBytes);
    // An edit and its undo do not make the restored work "saved": it still differs from the file.
    window.action(QStringLiteral("rack.add"))->trigger();
    window.action(QStringLiteral("edit.undo"))->trigger();
    QVERIFY(window.document().isModified());
    QCOMPARE(planToBytes(window.document().plan()), editedBytes);

    // Save writes back to the original file, and the recovery copies are gone.
    window.action(QStringLiteral("file.save"))->trigger();
    QVERIFY(!window.document().isModified());
    QCOMPARE(readAll(planFile), editedBytes);
    QCOMPARE(QDir(recoveryDir).entryList(QDir::Files), QStringList());
}

void TestCrashRecovery::restoreWithoutRecoveryKeepsPlan()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    gui::MainWindow window(Catalog::builtIn());
    window.autosaver().setDirectory(tmp.filePath(QStringLiteral("recovery")));
    QVERIFY(window.newFromTemplate(QStringLiteral("poc-3c1d")));
    const QByteArray before = planToBytes(window.document().plan());
    window.offerRecovery(false);
    QCOMPARE(planToBytes(window.document().plan()), before);
    QVERIFY(!window.document().isModified());
}

int main(int argc, char **argv)
{
    if (argc > 1 && std::strcmp(argv[1], kEditingSession) == 0)
        return runEditingSession(argc, argv);
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true); // in-process windows never touch the user's folders
    TestCrashRecovery test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_crashrecovery.moc"
