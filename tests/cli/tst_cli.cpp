#include "tests/common/clirunner.h"

#include <QRegularExpression>

#include <nlohmann/json.hpp>

using Json = nlohmann::json;

// pocplan as users script it: exit codes, JSON keys, and error messages naming file and place.
class TestCli : public QObject {
    Q_OBJECT
private slots:
    void newThenInfoJson();
    void infoText();
    void newRefusesToOverwrite();
    void badPlanExitsTwoNamingFileAndPlace();
    void missingFileExitsTwo();
    void usageErrors();
    void catalogListJson();
    void helpAndVersion();
    void benchJson();
    void benchTableNamesGoals();
    void benchNamesWhereCanvasIsMeasured();

private:
    QTemporaryDir m_dir;
};

void TestCli::newThenInfoJson()
{
    const QString plan = m_dir.filePath(QStringLiteral("p.json"));
    CliResult r = runCli(
        {QStringLiteral("new"), QStringLiteral("--template"), QStringLiteral("poc-3c1d"), QStringLiteral("-o"), plan});
    QCOMPARE(r.exitCode, 0);
    r = runCli({QStringLiteral("info"), plan, QStringLiteral("--json")});
    QCOMPARE(r.exitCode, 0);
    const Json info = Json::parse(r.out.toStdString());
    QCOMPARE(info["counts"]["cnode"].get<int>(), 3);
    QCOMPARE(info["counts"]["dbox"].get<int>(), 1);
    QCOMPARE(info["counts"]["switch"].get<int>(), 3);
    QCOMPARE(info["counts"]["pdu"].get<int>(), 2);
    QCOMPARE(info["power"]["typicalW"].get<double>(), 3510.0);
    QCOMPARE(info["power"]["maxW"].get<double>(), 4435.0);
    QVERIFY(info["heat"]["btuPerHour"].get<double>() > 11975);
    QCOMPARE(info["capacity"]["rawTB"].get<double>(), 1350.0);
    QVERIFY(info["capacity"]["usableTB"].get<double>() < 1350.0);
    QCOMPARE(info["racks"][0]["id"].get<std::string>(), std::string("R1"));
    QCOMPARE(info["racks"][0]["usedU"].get<int>(), 7);
}

void TestCli::infoText()
{
    const QString plan = m_dir.filePath(QStringLiteral("t.json"));
    QCOMPARE(runCli({QStringLiteral("new"), QStringLiteral("-o"), plan}).exitCode, 0);
    const CliResult r = runCli({QStringLiteral("info"), plan});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains(QStringLiteral("3 cnode")), qPrintable(r.out));
    QVERIFY(r.out.contains(QStringLiteral("BTU/h")));
    QVERIFY(r.out.contains(QStringLiteral("R1 POC-A01: 7/42 U")));
}

void TestCli::newRefusesToOverwrite()
{
    const QString plan = m_dir.filePath(QStringLiteral("keep.json"));
    QFile f(plan);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("my work");
    f.close();
    const CliResult r = runCli({QStringLiteral("new"), QStringLiteral("-o"), plan});
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.err.contains(QStringLiteral("--force")));
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), QByteArray("my work"));
}

void TestCli::badPlanExitsTwoNamingFileAndPlace()
{
    const QString plan = m_dir.filePath(QStringLiteral("bad.json"));
    QFile f(plan);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(R"({"format": "pocplanner-plan", "version": 1, "site": {"profile": "customer-lab-poc"},
  "racks": [{"id": "R1", "heightU": 42}],
  "devices": [{"id": "x", "type": "cnode-turin", "rack": "R2", "u": 3}]})");
    f.close();
    CliResult r = runCli({QStringLiteral("info"), plan});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(plan + QStringLiteral(": devices[0].rack: ")), qPrintable(r.err));

    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write("{\n  \"format\": \"pocplanner-plan\",\n  \"version\": ");
    f.close();
    r = runCli({QStringLiteral("info"), plan, QStringLiteral("--json")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(plan + QStringLiteral(":3:")), qPrintable(r.err));
    QVERIFY(r.out.isEmpty());
}

void TestCli::missingFileExitsTwo()
{
    const CliResult r = runCli({QStringLiteral("info"), QStringLiteral("/no/such/plan.json")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.err.contains(QStringLiteral("/no/such/plan.json: cannot read the file")));
}

void TestCli::usageErrors()
{
    QCOMPARE(runCli({}).exitCode, 2);
    CliResult r = runCli({QStringLiteral("frobnicate")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.err.contains(QStringLiteral("unknown command")));
    QCOMPARE(runCli({QStringLiteral("info"), QStringLiteral("--bogus")}).exitCode, 2);
    QCOMPARE(runCli({QStringLiteral("info")}).exitCode, 2);
    QCOMPARE(
        runCli({QStringLiteral("catalog"), QStringLiteral("list"), QStringLiteral("--role"), QStringLiteral("toaster")})
            .exitCode,
        2);
    r = runCli({QStringLiteral("new"), QStringLiteral("--template"), QStringLiteral("nope"), QStringLiteral("-o"),
                m_dir.filePath(QStringLiteral("n.json"))});
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.err.contains(QStringLiteral("poc-3c1d")));
}

void TestCli::catalogListJson()
{
    const CliResult r = runCli({QStringLiteral("catalog"), QStringLiteral("list"), QStringLiteral("--role"),
                                QStringLiteral("dbox"), QStringLiteral("--json")});
    QCOMPARE(r.exitCode, 0);
    const Json doc = Json::parse(r.out.toStdString());
    QStringList ids;
    for (const Json &t : doc["deviceTypes"]) {
        QCOMPARE(t["role"].get<std::string>(), std::string("dbox"));
        ids << QString::fromStdString(t["id"].get<std::string>());
    }
    QCOMPARE(ids,
             (QStringList{QStringLiteral("dbox-ceres-1350"), QStringLiteral("dbox-ceres-2700"),
                          QStringLiteral("dbox-ceres-338"), QStringLiteral("dbox-maverick-5400")}));
    const CliResult sw =
        runCli({QStringLiteral("catalog"), QStringLiteral("list"), QStringLiteral("--role"), QStringLiteral("switch")});
    QVERIFY(sw.out.contains(QStringLiteral("unknown"))); // SN2201 power has no source
}

void TestCli::helpAndVersion()
{
    CliResult r = runCli({QStringLiteral("--help")});
    QCOMPARE(r.exitCode, 0);
    for (const char *cmd : {"new", "info", "catalog", "bench"})
        QVERIFY(r.out.contains(QLatin1String(cmd)));
    for (const char *cmd : {"new", "info", "catalog", "bench"}) {
        r = runCli({QLatin1String(cmd), QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.startsWith(QStringLiteral("Usage:")));
    }
    r = runCli({QStringLiteral("--version")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.startsWith(QStringLiteral("pocplan ")));
}

void TestCli::benchJson()
{
    const CliResult r = runCli({QStringLiteral("bench"), QStringLiteral("--racks"), QStringLiteral("1,2"),
                                QStringLiteral("--repeat"), QStringLiteral("1"), QStringLiteral("--json")});
    QCOMPARE(r.exitCode, 0);
    const Json doc = Json::parse(r.out.toStdString());
    QCOMPARE(doc["format"].get<std::string>(), std::string("pocplanner-bench"));
    QCOMPARE(doc["version"].get<int>(), 1);
    QVERIFY(doc["peakRssMB"].get<double>() > 0);
    QStringList steps;
    for (const Json &row : doc["results"]) {
        QVERIFY(row["medianMs"].get<double>() >= 0);
        QCOMPARE(row["devices"].get<int>(), row["racks"].get<int>() * 20);
        steps << QString::fromStdString(row["step"].get<std::string>());
    }
    QVERIFY(steps.contains(QStringLiteral("parse-floor")));
    QVERIFY(steps.contains(QStringLiteral("load")));

    // The load ratio is load ÷ parse floor of the same run, per size.
    QCOMPARE(doc["loadRatios"].size(), std::size_t(2));
    const auto medianOf = [&doc](const Json &racks, const char *step) {
        for (const Json &row : doc["results"])
            if (row["racks"] == racks && row["step"] == step)
                return row["medianMs"].get<double>();
        return -1.0;
    };
    for (const Json &ratio : doc["loadRatios"])
        QCOMPARE(ratio["loadToParseFloor"].get<double>(),
                 medianOf(ratio["racks"], "load") / medianOf(ratio["racks"], "parse-floor"));
    // A run without the 1,000-rack plan judges none of the 1,000-rack goals.
    bool sawLoadGoal = false;
    for (const Json &goal : doc["goals"])
        if (goal["goal"] == "load at 1000 racks") {
            QVERIFY(goal["measured"].is_null());
            sawLoadGoal = true;
        }
    QVERIFY(sawLoadGoal);
}

void TestCli::benchTableNamesGoals()
{
    const CliResult r =
        runCli({QStringLiteral("bench"), QStringLiteral("--racks"), QStringLiteral("1,10"), QStringLiteral("--repeat"),
                QStringLiteral("1"), QStringLiteral("--step"), QStringLiteral("parse-floor,load,check")});
    QCOMPARE(r.exitCode, 0);
    const QStringList lines = r.out.split(QLatin1Char('\n'));
    QVERIFY(lines.first().contains(QStringLiteral("MEDIAN ms")));
    // One row per size and step, in order, and nothing else measured.
    QStringList rows;
    for (const QString &line : lines) {
        const QStringList cells = line.simplified().split(QLatin1Char(' '));
        if (cells.size() == 4 && (cells[0] == QLatin1String("1") || cells[0] == QLatin1String("10")))
            rows << cells[0] + QLatin1Char(' ') + cells[2];
    }
    QCOMPARE(rows,
             (QStringList{QStringLiteral("1 parse-floor"), QStringLiteral("1 load"), QStringLiteral("1 check"),
                          QStringLiteral("10 parse-floor"), QStringLiteral("10 load"), QStringLiteral("10 check")}));
    QVERIFY(r.out.contains(QStringLiteral("peak RSS: ")));
    QVERIFY(r.out.contains(QStringLiteral("load ÷ parse floor at 10 racks: ")));
    QVERIFY(r.out.contains(QStringLiteral("growth check 1 → 10 racks: ")));
    QVERIFY(r.out.contains(QRegularExpression(QStringLiteral("load at 1000 racks +– ≤ 150 ms +not measured"))));
}

// pocplan links no Widgets: the canvas steps are a usage error that names pocplanner-bench, and
// the summary of a full run says where they are measured.
void TestCli::benchNamesWhereCanvasIsMeasured()
{
    CliResult r = runCli({QStringLiteral("bench"), QStringLiteral("--racks"), QStringLiteral("1"),
                          QStringLiteral("--step"), QStringLiteral("load,scene")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(QStringLiteral("scene is measured by pocplanner-bench")), qPrintable(r.err));
    r = runCli({QStringLiteral("bench"), QStringLiteral("--racks"), QStringLiteral("1"), QStringLiteral("--step"),
                QStringLiteral("lod")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(QStringLiteral("unknown step \"lod\"")), qPrintable(r.err));
    r = runCli({QStringLiteral("bench"), QStringLiteral("--racks"), QStringLiteral("1"), QStringLiteral("--repeat"),
                QStringLiteral("1")});
    QCOMPARE(r.exitCode, 0);
    const auto row = [](const char *step) {
        return QRegularExpression(QStringLiteral("^ +1 +20 %1 ").arg(QLatin1String(step)),
                                  QRegularExpression::MultilineOption);
    };
    QVERIFY(r.out.contains(row("export-all")));
    QVERIFY(!r.out.contains(row("scene")));
    QVERIFY(!r.out.contains(row("scene-edit")));
    QVERIFY2(r.out.contains(QStringLiteral("not measured here: scene, scene-edit (run pocplanner-bench)")),
             qPrintable(r.out));
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
