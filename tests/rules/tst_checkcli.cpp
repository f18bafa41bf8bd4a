#include "tests/common/clirunner.h"

#include <nlohmann/json.hpp>

using Json = nlohmann::json;

// `pocplan check` as users script it: exit 0 clean, 1 with unwaived errors, 2 for bad input,
// --format json, --severity, --site.
class TestCheckCli : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void templateIsClean();
    void errorsExitOne();
    void waiverMakesItPass();
    void jsonFormat();
    void severityFilter();
    void siteFileReplacesProfile();
    void badPlanExitsTwoNamingFileAndPlace();
    void badSiteFileExitsTwoNamingFileAndPlace();
    void usageErrors();

private:
    QString writePlan(const QString &name, const std::function<void(Json &)> &edit);
    QString writeFile(const QString &name, const QByteArray &data);
    QTemporaryDir m_dir;
    QString m_template;
};

void TestCheckCli::initTestCase()
{
    m_template = m_dir.filePath(QStringLiteral("kit.json"));
    QCOMPARE(runCli({QStringLiteral("new"), QStringLiteral("--template"), QStringLiteral("poc-3c1d"),
                     QStringLiteral("-o"), m_template})
                 .exitCode,
             0);
}

QString TestCheckCli::writeFile(const QString &name, const QByteArray &data)
{
    const QString path = m_dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        qFatal("cannot write %s", qPrintable(path));
    f.write(data);
    return path;
}

QString TestCheckCli::writePlan(const QString &name, const std::function<void(Json &)> &edit)
{
    QFile f(m_template);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("no template");
    Json doc = Json::parse(f.readAll().toStdString());
    edit(doc);
    return writeFile(name, QByteArray::fromStdString(doc.dump(2)));
}

void TestCheckCli::templateIsClean()
{
    const CliResult r = runCli({QStringLiteral("check"), m_template});
    QCOMPARE(r.exitCode, 0);
    // Warnings: oversubscription, and the one D-box as the kit's known single point of failure.
    QVERIFY2(r.out.contains(QStringLiteral("** Found 0 errors, 2 warnings, ")), qPrintable(r.out));
    QVERIFY(r.out.contains(QStringLiteral("[network.oversubscription]:")));
    QVERIFY(r.out.contains(QStringLiteral("[resilience.single-point-of-failure]:")));
    QVERIFY(r.out.contains(QStringLiteral("** Resilience (N-1): 17 failure domains, 1 single point of failure **")));
    QVERIFY(r.out.trimmed().endsWith(QStringLiteral("** End of Report **")));
}

void TestCheckCli::errorsExitOne()
{
    const QString plan = writePlan(QStringLiteral("tight.json"), [](Json &doc) {
        doc["site"]["overrides"] = {{"power", {{"budgetKW", 3}}}};
    });
    const CliResult r = runCli({QStringLiteral("check"), plan});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.out.contains(QStringLiteral("[power.site-budget]: typical draw 3.51 kW exceeds the site budget 3 kW")),
             qPrintable(r.out));
    QVERIFY(r.out.contains(QStringLiteral("Severity: error")));
}

void TestCheckCli::waiverMakesItPass()
{
    const QString plan = writePlan(QStringLiteral("waived.json"), [](Json &doc) {
        doc["site"]["overrides"] = {{"power", {{"budgetKW", 3}}}};
        doc["waivers"] = Json::array(
            {{{"rule", "power.site-budget"}, {"subject", "customer-lab-poc"}, {"reason", "third feed in the lab"}}});
    });
    const CliResult r = runCli({QStringLiteral("check"), plan});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains(QStringLiteral("(waived error: third feed in the lab)")), qPrintable(r.out));
}

void TestCheckCli::jsonFormat()
{
    const QString plan = writePlan(QStringLiteral("one-uplink.json"), [](Json &doc) { doc["uplinks"].erase(1); });
    for (const QStringList &opts :
         {QStringList{QStringLiteral("--format"), QStringLiteral("json")}, QStringList{QStringLiteral("--json")}}) {
        const CliResult r = runCli(QStringList{QStringLiteral("check"), plan} + opts);
        QCOMPARE(r.exitCode, 1);
        const Json doc = Json::parse(r.out.toStdString());
        QCOMPARE(doc["format"].get<std::string>(), std::string("pocplanner-check"));
        QCOMPARE(doc["summary"]["errors"].get<int>(), 1);
        bool found = false;
        for (const Json &f : doc["findings"]) {
            if (f["rule"] != "network.uplink-count")
                continue;
            found = true;
            QCOMPARE(f["measured"].get<double>(), 1.0);
            QCOMPARE(f["limit"].get<double>(), 2.0);
            QCOMPARE(f["subjects"][0].get<std::string>(), std::string("customer-lab-poc"));
        }
        QVERIFY(found);
    }
}

void TestCheckCli::severityFilter()
{
    CliResult r = runCli({QStringLiteral("check"), m_template, QStringLiteral("--severity"), QStringLiteral("error"),
                          QStringLiteral("--json")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(Json::parse(r.out.toStdString())["findings"].empty());
    r = runCli({QStringLiteral("check"), m_template, QStringLiteral("--severity"), QStringLiteral("warning"),
                QStringLiteral("--json")});
    QCOMPARE(r.exitCode, 0);
    const Json doc = Json::parse(r.out.toStdString());
    QCOMPARE(doc["findings"].size(), std::size_t(2));
    QCOMPARE(doc["findings"][0]["rule"].get<std::string>(), std::string("network.oversubscription"));
    QCOMPARE(doc["findings"][1]["rule"].get<std::string>(), std::string("resilience.single-point-of-failure"));
    QCOMPARE(doc["resilience"]["singlePointsOfFailure"], Json::array({"db1"}));
}

void TestCheckCli::siteFileReplacesProfile()
{
    const QString site = writeFile(QStringLiteral("small-lab.json"), R"({ "id": "small-lab", "name": "Small lab",
  "power": { "budgetKW": 3, "rackLimitKW": 30, "feeds": { "voltageV": 230, "phases": 1, "amps": 32, "deratePct": 80, "redundancy": "A+B" } },
  "cooling": { "type": "air", "rackLimitKW": 30, "totalKW": 30, "airDensityLimitKW": 30 },
  "rack": { "heightU": 42, "widthMM": 600, "depthMM": 1200, "maxStaticKg": 1000 },
  "network": { "uplinkSpeedGbps": 400, "uplinksRequired": 2, "roceRequired": true, "pfc": true, "ecn": true } })");
    CliResult r =
        runCli({QStringLiteral("check"), m_template, QStringLiteral("--site"), site, QStringLiteral("--json")});
    QCOMPARE(r.exitCode, 1);
    Json doc = Json::parse(r.out.toStdString());
    QCOMPARE(doc["site"].get<std::string>(), std::string("small-lab"));
    bool budget = false;
    for (const Json &f : doc["findings"])
        budget = budget || (f["rule"] == "power.site-budget" && f["severity"] == "error" && f["limit"] == 3);
    QVERIFY2(budget, r.out.toUtf8().constData());
    // The plan's overrides still merge over the given profile.
    const QString plan = writePlan(QStringLiteral("override.json"), [](Json &d) {
        d["site"]["overrides"] = {{"power", {{"budgetKW", 30}}}};
    });
    r = runCli({QStringLiteral("check"), plan, QStringLiteral("--site"), site});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.contains(QStringLiteral("** Site: small-lab **")));
}

void TestCheckCli::badPlanExitsTwoNamingFileAndPlace()
{
    const QString broken = writeFile(QStringLiteral("broken.json"),
                                     "{\n  \"format\": \"pocplanner-plan\",\n  \"version\": 1,\n  \"racks\": [\n");
    CliResult r = runCli({QStringLiteral("check"), broken});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(broken + QStringLiteral(":5:")), qPrintable(r.err));
    QVERIFY(r.out.isEmpty());
    const QString badRack =
        writePlan(QStringLiteral("bad-rack.json"), [](Json &doc) { doc["devices"][3]["rack"] = "R9"; });
    r = runCli({QStringLiteral("check"), badRack});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(badRack + QStringLiteral(": devices[3].rack: ")), qPrintable(r.err));
    r = runCli({QStringLiteral("check"), m_dir.filePath(QStringLiteral("missing.json"))});
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.err.contains(QStringLiteral("missing.json: cannot read the file")));
}

void TestCheckCli::badSiteFileExitsTwoNamingFileAndPlace()
{
    const QString site =
        writeFile(QStringLiteral("bad-site.json"), R"({ "id": "x", "power": { "budgetKW": "thirty" } })");
    CliResult r = runCli({QStringLiteral("check"), m_template, QStringLiteral("--site"), site});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(site + QStringLiteral(": power.budgetKW")), qPrintable(r.err));
    const QString syntax = writeFile(QStringLiteral("syntax-site.json"), "{\n  \"id\": \"x\",\n  \"power\": \n");
    r = runCli({QStringLiteral("check"), m_template, QStringLiteral("--site"), syntax});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(syntax + QStringLiteral(":4:")), qPrintable(r.err));
    r = runCli(
        {QStringLiteral("check"), m_template, QStringLiteral("--site"), m_dir.filePath(QStringLiteral("nope.json"))});
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.err.contains(QStringLiteral("nope.json: cannot read the file")));
}

void TestCheckCli::usageErrors()
{
    QCOMPARE(runCli({QStringLiteral("check")}).exitCode, 2);
    QCOMPARE(runCli({QStringLiteral("check"), m_template, QStringLiteral("--format"), QStringLiteral("xml")}).exitCode,
             2);
    QCOMPARE(
        runCli({QStringLiteral("check"), m_template, QStringLiteral("--severity"), QStringLiteral("loud")}).exitCode,
        2);
    const CliResult r = runCli({QStringLiteral("check"), QStringLiteral("--help")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.contains(QStringLiteral("--severity")));
}

QTEST_GUILESS_MAIN(TestCheckCli)
#include "tst_checkcli.moc"
