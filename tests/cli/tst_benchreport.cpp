#include "app/cli/bench/benchreport.h"

#include <QtTest>

using namespace pp;
using namespace pp::cli;

// The bench summary judges the goals from the raw medians: ratios, growth, met / missed / not measured.
class TestBenchReport : public QObject {
    Q_OBJECT
private slots:
    void loadRatioAndGrowthFromMedians();
    void goalsMetMissedAndNotMeasured();
    void jsonCarriesResultsAndVerdicts();
    void stepsElsewhereAreNamedNotJudged();
};

static const BenchGoalOutcome *goal(const BenchSummary &s, const QString &what)
{
    for (const BenchGoalOutcome &g : s.goals)
        if (g.what == what)
            return &g;
    return nullptr;
}

static std::vector<BenchResult> fullRun(double load1000Ms, double check1000Ms)
{
    return {
        {100, 2000, QStringLiteral("parse-floor"), 30},
        {100, 2000, QStringLiteral("load"), 12},
        {100, 2000, QStringLiteral("check"), 4},
        {1000, 20000, QStringLiteral("parse-floor"), 300},
        {1000, 20000, QStringLiteral("parse-floor-simdjson"), 40},
        {1000, 20000, QStringLiteral("load"), load1000Ms},
        {1000, 20000, QStringLiteral("check"), check1000Ms},
        {1, 20, QStringLiteral("size"), 90},
    };
}

void TestBenchReport::loadRatioAndGrowthFromMedians()
{
    const BenchSummary s = summarizeBench(fullRun(120, 44), 250.0);
    QCOMPARE(s.loadRatios.size(), std::size_t(2));
    QCOMPARE(s.loadRatios[0].racks, 100);
    QCOMPARE(s.loadRatios[0].ratio, 12.0 / 30.0);
    QCOMPARE(s.loadRatios[1].ratio, 120.0 / 300.0);
    // Against simdjson's floor only where that step ran.
    QVERIFY(!s.loadRatios[0].toSimdjsonFloor);
    QCOMPARE(*s.loadRatios[1].toSimdjsonFloor, 120.0 / 40.0);
    QVERIFY(benchSummaryText(s).contains(QStringLiteral("(÷ simdjson DOM floor: 3.00 ×)")));
    bool sawCheckGrowth = false;
    for (const BenchGrowth &g : s.growth)
        if (g.step == QLatin1String("check")) {
            QCOMPARE(g.fromRacks, 100);
            QCOMPARE(g.toRacks, 1000);
            QCOMPARE(g.factor, 11.0);
            sawCheckGrowth = true;
        }
    QVERIFY(sawCheckGrowth);
}

void TestBenchReport::goalsMetMissedAndNotMeasured()
{
    const BenchSummary ok = summarizeBench(fullRun(120, 44), 250.0);
    QVERIFY(goal(ok, QStringLiteral("load at 1000 racks"))->met());
    QVERIFY(goal(ok, QStringLiteral("check at 1000 racks"))->met());
    QVERIFY(goal(ok, QStringLiteral("size"))->met());
    QVERIFY(goal(ok, QStringLiteral("peak RSS at 1000 racks"))->met());
    QVERIFY(goal(ok, QStringLiteral("check growth 100 → 1000 racks"))->met());
    QVERIFY(!goal(ok, QStringLiteral("export-svg at 1000 racks"))->measured);  // that step did not run
    QVERIFY(!goal(ok, QStringLiteral("parse-floor growth 100 → 1000 racks"))); // the yardstick is not judged
    const BenchSummary noRss = summarizeBench(fullRun(120, 44), std::nullopt);
    QVERIFY(!goal(noRss, QStringLiteral("peak RSS at 1000 racks"))->measured);

    // 160 ms load misses 150 ms; 13 × growth of check misses 12 ×; 310 MB misses 300 MB.
    const BenchSummary bad = summarizeBench(fullRun(160, 52), 310.0);
    QVERIFY(!goal(bad, QStringLiteral("load at 1000 racks"))->met());
    QVERIFY(!goal(bad, QStringLiteral("check at 1000 racks"))->met());
    QVERIFY(!goal(bad, QStringLiteral("check growth 100 → 1000 racks"))->met());
    QVERIFY(!goal(bad, QStringLiteral("peak RSS at 1000 racks"))->met());

    // Without the 1,000-rack plan the size-bound goals and RSS are not measured, never "met".
    const BenchSummary small =
        summarizeBench({{10, 200, QStringLiteral("load"), 1}, {10, 200, QStringLiteral("parse-floor"), 2}}, 80.0);
    QVERIFY(!goal(small, QStringLiteral("load at 1000 racks"))->measured);
    QVERIFY(!goal(small, QStringLiteral("peak RSS at 1000 racks"))->measured);
    QVERIFY(!goal(small, QStringLiteral("load ÷ parse floor at 1000 racks"))->measured);
    QVERIFY(benchSummaryText(small).contains(QStringLiteral("not measured")));
}

void TestBenchReport::jsonCarriesResultsAndVerdicts()
{
    const std::vector<BenchResult> results = fullRun(160, 44);
    const Json doc = benchJson(results, 250.0, summarizeBench(results, 250.0));
    QCOMPARE(doc["format"].get<std::string>(), std::string("pocplanner-bench"));
    QCOMPARE(doc["results"].size(), results.size());
    QCOMPARE(doc["results"][5]["medianMs"].get<double>(), 160.0);
    QCOMPARE(doc["loadRatios"][1]["loadToParseFloor"].get<double>(), 160.0 / 300.0);
    QCOMPARE(doc["loadRatios"][1]["loadToSimdjsonFloor"].get<double>(), 160.0 / 40.0);
    QVERIFY(doc["loadRatios"][0]["loadToSimdjsonFloor"].is_null());
    bool sawLoad = false;
    for (const Json &g : doc["goals"])
        if (g["goal"] == "load at 1000 racks") {
            QCOMPARE(g["measured"].get<double>(), 160.0);
            QCOMPARE(g["limit"].get<double>(), 150.0);
            QCOMPARE(g["met"].get<bool>(), false);
            sawLoad = true;
        } else if (g["goal"] == "export-svg at 1000 racks") {
            QVERIFY(g["measured"].is_null());
            QVERIFY(g["met"].is_null());
        }
    QVERIFY(sawLoad);
    QVERIFY(benchSummaryText(summarizeBench(results, 250.0)).contains(QStringLiteral("MISSED")));
}

// pocplan does not link the canvas: its summary leaves the canvas goals to pocplanner-bench and
// says so; pocplanner-bench leaves the load goals (and the load ratio) to pocplan.
void TestBenchReport::stepsElsewhereAreNamedNotJudged()
{
    const std::vector<BenchResult> results = fullRun(120, 44);
    const QStringList canvas{QStringLiteral("scene"), QStringLiteral("scene-edit")};
    const BenchSummary cli = summarizeBench(results, 250.0, canvas, QStringLiteral("pocplanner-bench"));
    QVERIFY(!goal(cli, QStringLiteral("scene at 100 racks")));
    QVERIFY(!goal(cli, QStringLiteral("scene-edit at 100 racks")));
    QVERIFY(goal(cli, QStringLiteral("load at 1000 racks"))->met());
    QVERIFY(
        benchSummaryText(cli).contains(QStringLiteral("not measured here: scene, scene-edit (run pocplanner-bench)")));
    const Json doc = benchJson(results, 250.0, cli);
    QCOMPARE(doc["measuredElsewhere"]["by"].get<std::string>(), std::string("pocplanner-bench"));
    QCOMPARE(doc["measuredElsewhere"]["steps"], Json::parse(R"(["scene", "scene-edit"])"));

    const BenchSummary all = summarizeBench(results, 250.0);
    QVERIFY(goal(all, QStringLiteral("scene at 100 racks")));
    QVERIFY(!benchSummaryText(all).contains(QStringLiteral("not measured here")));

    const BenchSummary gui =
        summarizeBench({{100, 2000, QStringLiteral("scene"), 40}}, 250.0,
                       {QStringLiteral("load"), QStringLiteral("check")}, QStringLiteral("pocplan bench"));
    QVERIFY(goal(gui, QStringLiteral("scene at 100 racks"))->met());
    QVERIFY(!goal(gui, QStringLiteral("load at 1000 racks")));
    QVERIFY(!goal(gui, QStringLiteral("load ÷ parse floor at 1000 racks")));
}

QTEST_GUILESS_MAIN(TestBenchReport)
#include "tst_benchreport.moc"
