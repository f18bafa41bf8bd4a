#include "tests/common/golden.h"
#include "tests/common/requiretool.h"
#include "tests/common/screenshot.h"

#include <QLabel>
#include <QTemporaryDir>
#include <QtTest>

// The golden helper compares unless POCPLAN_UPDATE_GOLDEN is exactly 1, never rewrites under
// CI=true; a missing tool skips locally and fails in CI; screenshots land only where asked.
class TestTestHelpers : public QObject {
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void goldenComparesAndNamesTheLine();
    void goldenMissingFileFails();
    void goldenUpdatesOnlyWithExactlyOne();
    void goldenNeverUpdatesInCi();
    void missingToolSkipsLocallyFailsInCi();
    void screenshotOnlyWhereAsked();

private:
    QTemporaryDir m_dir;
    QString writeGolden(const QByteArray &bytes);
};

void TestTestHelpers::init()
{
    qunsetenv("POCPLAN_UPDATE_GOLDEN");
    qunsetenv("CI");
    qunsetenv("POCPLAN_SCREENSHOT_DIR");
}

void TestTestHelpers::cleanup()
{
    init();
}

QString TestTestHelpers::writeGolden(const QByteArray &bytes)
{
    const QString path = m_dir.filePath(QStringLiteral("golden.txt"));
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(path));
    f.write(bytes);
    return path;
}

static QByteArray contents(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void TestTestHelpers::goldenComparesAndNamesTheLine()
{
    const QString path = writeGolden("a\nb\nc\n");
    QString why;
    QVERIFY(pp::test::matchesGolden("a\nb\nc\n", path, &why));
    QVERIFY(!pp::test::matchesGolden("a\nX\nc\n", path, &why));
    QVERIFY2(why.contains(QStringLiteral("line 2:")) && why.contains(QStringLiteral("expected: b")) &&
                 why.contains(QStringLiteral("actual:   X")),
             qPrintable(why));
    QVERIFY(!pp::test::matchesGolden("a\nb", path, &why));
    QVERIFY2(why.contains(QStringLiteral("<end>")), qPrintable(why));
}

void TestTestHelpers::goldenMissingFileFails()
{
    QString why;
    QVERIFY(!pp::test::matchesGolden("x", m_dir.filePath(QStringLiteral("none.txt")), &why));
    QVERIFY2(why.contains(QStringLiteral("golden file missing")), qPrintable(why));
}

void TestTestHelpers::goldenUpdatesOnlyWithExactlyOne()
{
    const QString path = writeGolden("old\n");
    QString why;
    for (const char *value : {"0", "true", "yes", "", "11"}) {
        qputenv("POCPLAN_UPDATE_GOLDEN", value);
        QCOMPARE(pp::test::goldenMode(), pp::test::GoldenMode::Compare);
        QVERIFY2(!pp::test::matchesGolden("new\n", path, &why), value);
        QCOMPARE(contents(path), QByteArray("old\n"));
    }
    qputenv("POCPLAN_UPDATE_GOLDEN", "1");
    QVERIFY2(pp::test::matchesGolden("new\n", path, &why), qPrintable(why));
    QCOMPARE(contents(path), QByteArray("new\n"));
    // A golden file in a folder that does not exist yet is created with its folder.
    const QString nested = m_dir.filePath(QStringLiteral("sub/dir/golden.txt"));
    QVERIFY2(pp::test::matchesGolden("first\n", nested, &why), qPrintable(why));
    QCOMPARE(contents(nested), QByteArray("first\n"));
}

void TestTestHelpers::goldenNeverUpdatesInCi()
{
    const QString path = writeGolden("old\n");
    qputenv("POCPLAN_UPDATE_GOLDEN", "1");
    qputenv("CI", "true");
    QCOMPARE(pp::test::goldenMode(), pp::test::GoldenMode::RefusedInCi);
    QString why;
    // Refused even when the output matches: the run asked for something CI must not do.
    QVERIFY(!pp::test::matchesGolden("old\n", path, &why));
    QVERIFY2(why.contains(QStringLiteral("never rewritten in CI")), qPrintable(why));
    QVERIFY(!pp::test::matchesGolden("new\n", path, &why));
    QCOMPARE(contents(path), QByteArray("old\n"));
}

void TestTestHelpers::missingToolSkipsLocallyFailsInCi()
{
    const QString missing = QStringLiteral("pocplan-no-such-tool-7f3a");
    QString path;
    QCOMPARE(pp::test::toolVerdict(missing, &path), pp::test::ToolVerdict::Skip);
    QVERIFY(path.isEmpty());
    qputenv("CI", "true");
    QCOMPARE(pp::test::toolVerdict(missing, &path), pp::test::ToolVerdict::Fail);
    qputenv("CI", "false");
    QCOMPARE(pp::test::toolVerdict(missing, &path), pp::test::ToolVerdict::Skip);
    // A tool every POSIX system has is found, with its path.
    QCOMPARE(pp::test::toolVerdict(QStringLiteral("sh"), &path), pp::test::ToolVerdict::Found);
    QVERIFY(QFileInfo(path).isExecutable());
}

void TestTestHelpers::screenshotOnlyWhereAsked()
{
    QLabel label(QStringLiteral("picture"));
    label.resize(120, 40);
    QVERIFY(pp::test::grabForScreenshot(label, QStringLiteral("label.png")));
    QVERIFY(!QFileInfo::exists(m_dir.filePath(QStringLiteral("label.png"))));
    qputenv("POCPLAN_SCREENSHOT_DIR", m_dir.path().toUtf8());
    QVERIFY(pp::test::grabForScreenshot(label, QStringLiteral("label.png")));
    QImage saved(m_dir.filePath(QStringLiteral("label.png")));
    QCOMPARE(saved.size(), QSize(120, 40) * label.devicePixelRatioF());
}

QTEST_MAIN(TestTestHelpers)
#include "tst_testhelpers.moc"
