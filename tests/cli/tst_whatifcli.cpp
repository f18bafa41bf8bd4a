#include "tests/common/clirunner.h"
#include "tests/common/golden.h"

#include <nlohmann/json.hpp>

using Json = nlohmann::json;

// `pocplan whatif` as users script it: exit codes as for check (0 nothing lost, 1 data or a node
// lost / a single point of failure found, 2 bad input), text/md/json output against golden files.
class TestWhatIfCli : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void kitSweepFindsTheDboxGolden();
    void kitSweepMarkdownAndJson();
    void leafLossExitsZero();
    void dboxLossExitsOne();
    void n2PairsWithFeedA();
    void requirementsFromTheSizingTier();
    void groupsAndDomainList();
    void usageErrors();

private:
    QTemporaryDir m_dir;
    QString m_kit;
};

void TestWhatIfCli::initTestCase()
{
    m_kit = m_dir.filePath(QStringLiteral("kit.json"));
    QCOMPARE(runCli({QStringLiteral("new"), QStringLiteral("--template"), QStringLiteral("poc-3c1d"),
                     QStringLiteral("-o"), m_kit})
                 .exitCode,
             0);
}

void TestWhatIfCli::kitSweepFindsTheDboxGolden()
{
    const CliResult r = runCli({QStringLiteral("whatif"), m_kit});
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.out.contains(QLatin1String("Single points of failure: 1")));
    QVERIFY(r.out.contains(QLatin1String("Known limit: with 1 D-box(es)")));
    PP_COMPARE_GOLDEN(r.out.toUtf8(), QStringLiteral(POCPLAN_TEST_DATA "/kit.whatif.txt"));
}

void TestWhatIfCli::kitSweepMarkdownAndJson()
{
    const CliResult md = runCli({QStringLiteral("whatif"), m_kit, QStringLiteral("--format"), QStringLiteral("md")});
    QCOMPARE(md.exitCode, 1);
    PP_COMPARE_GOLDEN(md.out.toUtf8(), QStringLiteral(POCPLAN_TEST_DATA "/kit.whatif.md"));
    const CliResult js = runCli({QStringLiteral("whatif"), m_kit, QStringLiteral("--format"), QStringLiteral("json")});
    QCOMPARE(js.exitCode, 1);
    const Json doc = Json::parse(js.out.toStdString());
    QCOMPARE(doc["format"].get<std::string>(), std::string("pocplanner-whatif"));
    QCOMPARE(doc["mode"].get<std::string>(), std::string("n-1"));
    QCOMPARE(doc["singlePointsOfFailure"], Json::array({"db1"}));
    // Most harmful first: the first rows lose data (the leaf pair, the rack, the D-box).
    QCOMPARE(doc["results"][0]["dataAvailable"].get<bool>(), false);
    bool dboxSeen = false;
    for (const Json &r : doc["results"])
        if (r["failed"] == Json::array({"db1"})) {
            dboxSeen = true;
            QCOMPARE(r["dataAvailable"].get<bool>(), false);
            QCOMPARE(r["singlePointOfFailure"].get<bool>(), true);
            QCOMPARE(r["stripsLost"].get<int>(), 18);
        } else {
            QCOMPARE(r["singlePointOfFailure"].get<bool>(), false);
        }
    QVERIFY(dboxSeen);
    QCOMPARE(doc["intact"]["dataAvailable"].get<bool>(), true);
    QVERIFY(doc["intact"]["readGBps"].get<double>() > 0);
    PP_COMPARE_GOLDEN(js.out.toUtf8(), QStringLiteral(POCPLAN_TEST_DATA "/kit.whatif.json"));
}

void TestWhatIfCli::leafLossExitsZero()
{
    const CliResult r = runCli({QStringLiteral("whatif"), m_kit, QStringLiteral("--fail"), QStringLiteral("sw1")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains(QLatin1String("Network: every powered node keeps a path to the clients")),
             qPrintable(r.out));
    QVERIFY(r.out.contains(QLatin1String("Failed: sw1")));
    QVERIFY(r.out.contains(QLatin1String("Data: available")));
}

void TestWhatIfCli::dboxLossExitsOne()
{
    const CliResult r = runCli({QStringLiteral("whatif"), m_kit, QStringLiteral("--fail"), QStringLiteral("db1"),
                                QStringLiteral("--format"), QStringLiteral("json")});
    QCOMPARE(r.exitCode, 1);
    const Json doc = Json::parse(r.out.toStdString());
    QCOMPARE(doc["mode"].get<std::string>(), std::string("fail"));
    QCOMPARE(doc["results"].size(), std::size_t(1));
    QCOMPARE(doc["results"][0]["dataAvailable"].get<bool>(), false);
    QCOMPARE(doc["results"][0]["readGBps"].get<double>(), 0.0);
    QCOMPARE(doc["results"][0]["singlePointOfFailure"].get<bool>(), true);
}

void TestWhatIfCli::n2PairsWithFeedA()
{
    const CliResult r =
        runCli({QStringLiteral("whatif"), m_kit, QStringLiteral("--fail"), QStringLiteral("feed:A"),
                QStringLiteral("--sweep"), QStringLiteral("n-2"), QStringLiteral("--format"), QStringLiteral("json")});
    // Pairs are never single points, so the sweep exits 0 even though feed A + feed B is fatal.
    QCOMPARE(r.exitCode, 0);
    const Json doc = Json::parse(r.out.toStdString());
    QCOMPARE(doc["mode"].get<std::string>(), std::string("n-2"));
    QVERIFY(doc["results"].size() > 5);
    for (const Json &res : doc["results"]) {
        QCOMPARE(res["failed"].size(), std::size_t(2));
        QCOMPARE(res["failed"][0].get<std::string>(), std::string("feed:A"));
    }
    QCOMPARE(doc["results"][0]["dataAvailable"].get<bool>(), false); // feed:A + feed:B or + db1 first
}

void TestWhatIfCli::requirementsFromTheSizingTier()
{
    const CliResult r = runCli({QStringLiteral("whatif"), m_kit, QStringLiteral("--fail"), QStringLiteral("sw1"),
                                QStringLiteral("--gpus"), QStringLiteral("64"), QStringLiteral("--profile"),
                                QStringLiteral("good"), QStringLiteral("--format"), QStringLiteral("json")});
    QCOMPARE(r.exitCode, 0);
    const Json doc = Json::parse(r.out.toStdString());
    const Json &reqs = doc["results"][0]["requirements"];
    QCOMPARE(reqs.size(), std::size_t(2));
    QCOMPARE(reqs[0]["name"].get<std::string>(), std::string("read"));
    // good tier: 15 GB/s read per 32-node scalable unit; 64 GPUs = 8 nodes = 0.25 SU.
    QCOMPARE(reqs[0]["required"].get<double>(), 3.75);
    QCOMPARE(reqs[0]["held"].get<bool>(), true);
}

void TestWhatIfCli::groupsAndDomainList()
{
    const CliResult list = runCli({QStringLiteral("whatif"), m_kit, QStringLiteral("--list-domains")});
    QCOMPARE(list.exitCode, 0);
    for (const char *id : {"feed:A", "feed:B", "rack:R1", "pduA", "sw1", "pair:sw1+sw2", "cn1", "db1", "dpu:db1/1",
                           "dpu:db1/2", "uplink:sw1:swp27"})
        QVERIFY2(list.out.contains(QLatin1String(id) + QLatin1Char('\t')), id);
    const CliResult g = runCli({QStringLiteral("whatif"), m_kit, QStringLiteral("--group"),
                                QStringLiteral("row=sw1,cn1"), QStringLiteral("--fail"), QStringLiteral("group:row")});
    QCOMPARE(g.exitCode, 0);
    QVERIFY2(g.out.contains(QLatin1String("Dark (failed or unpowered): sw1, cn1")), qPrintable(g.out));
}

void TestWhatIfCli::usageErrors()
{
    CliResult r = runCli({QStringLiteral("whatif"), m_kit, QStringLiteral("--fail"), QStringLiteral("nosuch")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.err.contains(QLatin1String("nosuch")));
    r = runCli({QStringLiteral("whatif"), m_kit, QStringLiteral("--sweep"), QStringLiteral("n-3")});
    QCOMPARE(r.exitCode, 2);
    r = runCli({QStringLiteral("whatif"), m_kit, QStringLiteral("--sweep"), QStringLiteral("n-2")});
    QCOMPARE(r.exitCode, 2);
    r = runCli({QStringLiteral("whatif"), m_kit, QStringLiteral("--format"), QStringLiteral("pdf")});
    QCOMPARE(r.exitCode, 2);
    r = runCli({QStringLiteral("whatif"), m_dir.filePath(QStringLiteral("missing.json"))});
    QCOMPARE(r.exitCode, 2);
    r = runCli({QStringLiteral("whatif"), m_kit, QStringLiteral("--group"), QStringLiteral("bad")});
    QCOMPARE(r.exitCode, 2);
}

QTEST_GUILESS_MAIN(TestWhatIfCli)
#include "tst_whatifcli.moc"
