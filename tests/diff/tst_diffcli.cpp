#include "planner/diff/plandiff.h"
#include "planner/io/planio.h"
#include "tests/common/clirunner.h"
#include "tests/common/golden.h"

#include <QDir>
#include <QTemporaryDir>
#include <QtTest>

using namespace pp;

// `pocplan diff` on hand-made version pairs: golden output per format, and its exit codes.
class TestDiffCli : public QObject {
    Q_OBJECT
private slots:
    void golden_data();
    void golden();
    void samePlanIsExitZero();
    void badInputNamesTheFile();
    void patchFormatAppliesToOld();
    void exportSinceWritesTheChange();
};

static QString data(const QString &name)
{
    return QStringLiteral(POCPLAN_TEST_DATA "/") + name;
}

void TestDiffCli::golden_data()
{
    QTest::addColumn<QString>("to");
    QTest::addColumn<QString>("format");
    for (const char *to : {"moves", "renames", "recabling", "site"})
        QTest::newRow(to) << QString::fromLatin1(to) << QStringLiteral("text");
    for (const char *format : {"json", "md", "html"})
        QTest::newRow(format) << QStringLiteral("site") << QString::fromLatin1(format);
    QTest::newRow("recabling-md") << QStringLiteral("recabling") << QStringLiteral("md");
}

void TestDiffCli::golden()
{
    QFETCH(QString, to);
    QFETCH(QString, format);
    // Relative names, so that the report (which names the files as given) is the same on every machine.
    const CliResult r = runCli({QStringLiteral("diff"), QStringLiteral("base.pocplan.json"),
                                to + QStringLiteral(".pocplan.json"), QStringLiteral("--format"), format},
                               QStringLiteral(POCPLAN_TEST_DATA));
    QVERIFY2(!r.err.contains(QLatin1String("error")), qPrintable(r.err));
    QCOMPARE(r.exitCode, 1);
    const QString ext = format == QLatin1String("text") ? QStringLiteral("txt") : format;
    PP_COMPARE_GOLDEN(r.out.toUtf8(), data(QStringLiteral("golden/base-%1.%2").arg(to, ext)));
}

void TestDiffCli::samePlanIsExitZero()
{
    const CliResult r = runCli(
        {QStringLiteral("diff"), data(QStringLiteral("base.pocplan.json")), data(QStringLiteral("base.pocplan.json"))});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.contains(QLatin1String("No changes.")));
    const CliResult j =
        runCli({QStringLiteral("diff"), data(QStringLiteral("base.pocplan.json")),
                data(QStringLiteral("base.pocplan.json")), QStringLiteral("--format"), QStringLiteral("json")});
    QCOMPARE(j.exitCode, 0);
    QCOMPARE(Json::parse(j.out.toStdString())["changed"], Json(false));
}

void TestDiffCli::badInputNamesTheFile()
{
    QTemporaryDir dir;
    const QString broken = dir.filePath(QStringLiteral("broken.pocplan.json"));
    QFile f(broken);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("{ \"format\": \"pocplanner-plan\", ");
    f.close();
    CliResult r = runCli({QStringLiteral("diff"), data(QStringLiteral("base.pocplan.json")), broken});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(broken), qPrintable(r.err));
    const QString missing = dir.filePath(QStringLiteral("missing.pocplan.json"));
    r = runCli({QStringLiteral("diff"), missing, data(QStringLiteral("base.pocplan.json"))});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(missing), qPrintable(r.err));
    r = runCli({QStringLiteral("diff"), data(QStringLiteral("base.pocplan.json"))});
    QCOMPARE(r.exitCode, 2);
    r = runCli({QStringLiteral("diff"), data(QStringLiteral("base.pocplan.json")),
                data(QStringLiteral("site.pocplan.json")), QStringLiteral("--format"), QStringLiteral("pdf")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.err.contains(QLatin1String("--format")));
}

void TestDiffCli::patchFormatAppliesToOld()
{
    for (const char *to : {"moves", "renames", "recabling", "site"}) {
        const QString newFile = data(QString::fromLatin1(to) + QStringLiteral(".pocplan.json"));
        const CliResult r = runCli({QStringLiteral("diff"), data(QStringLiteral("base.pocplan.json")), newFile,
                                    QStringLiteral("--format"), QStringLiteral("patch")});
        QCOMPARE(r.exitCode, 1);
        Plan base;
        Plan after;
        LoadError error;
        QVERIFY(loadPlanFile(data(QStringLiteral("base.pocplan.json")), base, &error));
        QVERIFY(loadPlanFile(newFile, after, &error));
        QString why;
        QVERIFY2(applyPlanDiff(base, planDiffFromJson(Json::parse(r.out.toStdString())), &why), qPrintable(why));
        QCOMPARE(planToBytes(base), planToBytes(after));
    }
}

void TestDiffCli::exportSinceWritesTheChange()
{
    QTemporaryDir out;
    const CliResult r =
        runCli({QStringLiteral("export"), QStringLiteral("expansion.pocplan.json"), QStringLiteral("--since"),
                QStringLiteral("base.pocplan.json"), QStringLiteral("-o"), out.path()},
               QStringLiteral(POCPLAN_TEST_DATA));
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    // Alone, --since writes only the change files.
    QCOMPARE(QDir(out.path()).entryList(QDir::Files),
             QStringList({QStringLiteral("change-bom.csv"), QStringLiteral("change-bom.md")}));
    for (const char *name : {"change-bom.csv", "change-bom.md"}) {
        QFile f(out.filePath(QString::fromLatin1(name)));
        QVERIFY(f.open(QIODevice::ReadOnly));
        PP_COMPARE_GOLDEN(f.readAll(), data(QStringLiteral("golden/expansion-") + QString::fromLatin1(name)));
    }
    const CliResult bad =
        runCli({QStringLiteral("export"), QStringLiteral("expansion.pocplan.json"), QStringLiteral("--since"),
                QStringLiteral("missing.pocplan.json"), QStringLiteral("-o"), out.path()},
               QStringLiteral(POCPLAN_TEST_DATA));
    QCOMPARE(bad.exitCode, 2);
    QVERIFY(bad.err.contains(QLatin1String("missing.pocplan.json")));
}

QTEST_GUILESS_MAIN(TestDiffCli)
#include "tst_diffcli.moc"
