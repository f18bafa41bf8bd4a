#include "tests/common/clirunner.h"

#include <QRegularExpression>
#include <nlohmann/json.hpp>

using Json = nlohmann::json;

// The editor's canvas steps of the benchmark run in pocplanner-bench (the CLI links no Widgets):
// the same options, table and JSON as `pocplan bench`, with the canvas goals judged here.
class TestCanvasBench : public QObject {
    Q_OBJECT
private slots:
    void measuresSceneStepsAsJson();
    void tableJudgesCanvasGoals();
    void namesWhereOtherStepsAreMeasured();
};

static CliResult runBench(const QStringList &args)
{
    return runProgram(QStringLiteral(POCPLANNER_BENCH), args);
}

void TestCanvasBench::measuresSceneStepsAsJson()
{
    const CliResult r = runBench({QStringLiteral("--racks"), QStringLiteral("1,2"), QStringLiteral("--repeat"),
                                  QStringLiteral("2"), QStringLiteral("--json")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const Json doc = Json::parse(r.out.toStdString());
    QCOMPARE(doc["format"].get<std::string>(), std::string("pocplanner-bench"));
    QStringList rows;
    for (const Json &row : doc["results"]) {
        QVERIFY(row["medianMs"].get<double>() > 0);
        QCOMPARE(row["devices"].get<int>(), row["racks"].get<int>() * 20);
        rows << QStringLiteral("%1 %2").arg(row["racks"].get<int>()).arg(QString::fromStdString(row["step"]));
    }
    QCOMPARE(rows,
             (QStringList{QStringLiteral("1 scene"), QStringLiteral("1 scene-edit"), QStringLiteral("2 scene"),
                          QStringLiteral("2 scene-edit")}));
    QCOMPARE(doc["measuredElsewhere"]["by"].get<std::string>(), std::string("pocplan bench"));
    bool sawSceneGoal = false;
    for (const Json &goal : doc["goals"]) {
        QVERIFY(goal["goal"] != "load at 1000 racks"); // pocplan's goal, judged there
        if (goal["goal"] == "scene at 100 racks") {
            QVERIFY(goal["measured"].is_null()); // 100 racks did not run
            sawSceneGoal = true;
        }
    }
    QVERIFY(sawSceneGoal);
}

void TestCanvasBench::tableJudgesCanvasGoals()
{
    const CliResult r = runBench({QStringLiteral("--racks"), QStringLiteral("100"), QStringLiteral("--repeat"),
                                  QStringLiteral("1"), QStringLiteral("--step"), QStringLiteral("scene")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY(r.out.contains(
        QRegularExpression(QStringLiteral("^ +100 +2000 scene +[0-9.]+$"), QRegularExpression::MultilineOption)));
    QVERIFY(
        r.out.contains(QRegularExpression(QStringLiteral("scene at 100 racks +[0-9.]+ ms ≤ 150 ms +(met|MISSED)"))));
    QVERIFY(r.out.contains(QRegularExpression(QStringLiteral("scene-edit at 100 racks +– ≤ 16 ms +not measured"))));
}

void TestCanvasBench::namesWhereOtherStepsAreMeasured()
{
    CliResult r = runBench({QStringLiteral("--step"), QStringLiteral("load")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(QStringLiteral("load is measured by pocplan bench")), qPrintable(r.err));
    r = runBench({QStringLiteral("--help")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.contains(QStringLiteral("--racks")));
    QVERIFY(r.out.contains(QStringLiteral("scene, scene-edit")));
}

QTEST_GUILESS_MAIN(TestCanvasBench)
#include "tst_canvasbench.moc"
