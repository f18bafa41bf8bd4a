#include "csvtestparser.h"
#include "tests/common/clirunner.h"

#include <QDirIterator>
#include <QTemporaryDir>

// `pocplan export`: selectors, exit codes, and no partial files.
class TestExportCli : public QObject {
    Q_OBJECT
private slots:
    void exportsEverythingByDefault();
    void selectorsLimitTheFormats();
    void unknownFormatIsUsageError();
    void missingOutputIsUsageError();
    void unreadablePlanIsUsageError();
    void unwritableFolderFails();
    void planWithErrorsExportsAsDraft();
    void expectedLldpCsvIsSafe();
};

static QString kitPlan()
{
    return QStringLiteral(POCPLAN_TEST_DATA "/kit.pocplan.json");
}

static QStringList filesIn(const QString &dir)
{
    QStringList out;
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext())
        out << QDir(dir).relativeFilePath(it.next());
    out.sort();
    return out;
}

void TestExportCli::exportsEverythingByDefault()
{
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("deliverables"));
    const CliResult r = runCli({QStringLiteral("export"), kitPlan(), QStringLiteral("-o"), out});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const QStringList files = filesIn(out);
    for (const QString &name :
         {QStringLiteral("bom.csv"), QStringLiteral("bom.xlsx"), QStringLiteral("bom.json"), QStringLiteral("bom.md"),
          QStringLiteral("rack-diagrams.pdf"), QStringLiteral("racks.drawio"),
          QStringLiteral("diagrams/rack-R1-front.svg"), QStringLiteral("diagrams/rack-R1-rear.png"),
          QStringLiteral("cables.csv"), QStringLiteral("cables.md"), QStringLiteral("runbook.md"),
          QStringLiteral("runbook.html"), QStringLiteral("runbook.pdf"), QStringLiteral("check-report.json"),
          QStringLiteral("check-report.txt"), QStringLiteral("netbox/devices.csv")})
        QVERIFY2(files.contains(name),
                 qPrintable(name + QStringLiteral(" missing; got ") + files.join(QLatin1Char(' '))));
    // Every written file is printed, one per line.
    QCOMPARE(r.out.trimmed().split(QLatin1Char('\n')).size(), files.size());
}

void TestExportCli::selectorsLimitTheFormats()
{
    QTemporaryDir dir;
    const CliResult r = runCli({QStringLiteral("export"), kitPlan(), QStringLiteral("-o"), dir.path(),
                                QStringLiteral("--bom"), QStringLiteral("csv,md"), QStringLiteral("--diagrams"),
                                QStringLiteral("drawio"), QStringLiteral("--netbox")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(filesIn(dir.path()),
             QStringList({QStringLiteral("bom.csv"), QStringLiteral("bom.md"), QStringLiteral("netbox/cables.csv"),
                          QStringLiteral("netbox/devices.csv"), QStringLiteral("netbox/power-feeds.csv"),
                          QStringLiteral("netbox/racks.csv"), QStringLiteral("racks.drawio")}));
}

void TestExportCli::unknownFormatIsUsageError()
{
    QTemporaryDir dir;
    const CliResult r = runCli({QStringLiteral("export"), kitPlan(), QStringLiteral("-o"), dir.path(),
                                QStringLiteral("--bom"), QStringLiteral("csv,docx")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.err.contains(QStringLiteral("docx")));
    QVERIFY(filesIn(dir.path()).isEmpty());
}

void TestExportCli::missingOutputIsUsageError()
{
    const CliResult r = runCli({QStringLiteral("export"), kitPlan()});
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.err.contains(QStringLiteral("-o")));
}

void TestExportCli::unreadablePlanIsUsageError()
{
    QTemporaryDir dir;
    const CliResult r = runCli({QStringLiteral("export"), dir.filePath(QStringLiteral("missing.pocplan.json")),
                                QStringLiteral("-o"), dir.filePath(QStringLiteral("out"))});
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.err.contains(QStringLiteral("missing.pocplan.json")));
    QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("out"))));
}

void TestExportCli::unwritableFolderFails()
{
    QTemporaryDir dir;
    const QString blocker = dir.filePath(QStringLiteral("blocker"));
    QFile f(blocker);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.close();
    const CliResult r =
        runCli({QStringLiteral("export"), kitPlan(), QStringLiteral("-o"), blocker + QStringLiteral("/sub")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QStringLiteral("blocker")) && r.err.contains(QStringLiteral("output folder")),
             qPrintable(r.err));
    QCOMPARE(filesIn(dir.path()), QStringList{QStringLiteral("blocker")});
}

void TestExportCli::planWithErrorsExportsAsDraft()
{
    QTemporaryDir dir;
    const CliResult r = runCli({QStringLiteral("export"), QStringLiteral(POCPLAN_TEST_DATA "/draft.pocplan.json"),
                                QStringLiteral("-o"), dir.path(), QStringLiteral("--runbook"), QStringLiteral("md")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.err.contains(QStringLiteral("unresolved error")) && r.err.contains(QStringLiteral("DRAFT")),
             qPrintable(r.err));
    QFile md(dir.filePath(QStringLiteral("runbook.md")));
    QVERIFY(md.open(QIODevice::ReadOnly));
    QVERIFY(QString::fromUtf8(md.readAll()).startsWith(QStringLiteral("> **DRAFT \u2014 1 unresolved error**")));
}

// `pocplan cables --lldp` and the expected-lldp.csv of `pocplan switch-config` carry the hostile
// fixture's hostnames (+leaf, =cmd|, @SUM) and labels (=HYPERLINK) neutralised and quoted.
void TestExportCli::expectedLldpCsvIsSafe()
{
    const QString plan = QStringLiteral(POCPLAN_TEST_DATA "/hostile.pocplan.json");
    const CliResult cables = runCli({QStringLiteral("cables"), QStringLiteral("--lldp"), plan});
    QVERIFY2(cables.exitCode == 0, qPrintable(cables.err));
    QTemporaryDir dir;
    const CliResult configs = runCli({QStringLiteral("switch-config"), plan, QStringLiteral("-o"), dir.path()});
    QVERIFY2(configs.exitCode == 0, qPrintable(configs.err));
    QFile file(dir.filePath(QStringLiteral("expected-lldp.csv")));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString written = QString::fromUtf8(file.readAll());
    QCOMPARE(cables.out, written);
    QList<QStringList> records;
    QVERIFY(parseCsvText(written, &records));
    QCOMPARE(records.size(), 3); // header and the switch end of both links
    QStringList cells;
    for (const QStringList &r : std::as_const(records)) {
        QCOMPARE(r.size(), 5);
        for (const QString &cell : r)
            QVERIFY2(!cellRunsAsFormula(cell), qPrintable(cell));
        cells << r;
    }
    for (const QString &name : {QStringLiteral("+leaf \"a\" <script>"), QStringLiteral("=cmd|' /C calc'!A0"),
                                QStringLiteral("@SUM(1+1)*cmd|x"), QStringLiteral("=HYPERLINK(\"http://x\")|<i>")})
        QVERIFY2(cells.contains(QLatin1Char('\'') + name), qPrintable(name));
    QVERIFY(cells.contains(QStringLiteral("a,b \"c\"")));
}

QTEST_GUILESS_MAIN(TestExportCli)
#include "tst_exportcli.moc"
