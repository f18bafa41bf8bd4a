#include "planner/io/planio.h"
#include "planner/templates/generatedplan.h"
#include "planner/templates/templates.h"

#include <QtTest>
#include <csignal>
#include <sys/resource.h>

using namespace pp;

// Plan files: byte-exact round trip, atomic save, migration, and one test per kind of bad input.
class TestPlanIo : public QObject {
    Q_OBJECT
private slots:
    void templateRoundTripsByteForByte();
    void modelRoundTrip();
    void generatedPlanRoundTrips();
    void badInputNamesFileAndPlace_data();
    void badInputNamesFileAndPlace();
    void truncatedJsonNamesLineAndColumn();
    void unreadableFileNamesFile();
    void unknownKeysAreWarnings();
    void migratesVersion0();
    void failedSaveLeavesOldFileIntact();
    void endpointParsing();
};

static QByteArray readAll(const QString &fileName)
{
    QFile f(fileName);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void TestPlanIo::templateRoundTripsByteForByte()
{
    for (const QString &id : templateIds()) {
        const QByteArray original = readAll(templateResourcePath(id));
        Plan plan;
        LoadError error;
        QVERIFY2(loadTemplate(id, Catalog::builtIn(), plan, &error), qPrintable(error.toString()));
        QCOMPARE(planToBytes(plan), original);
    }
}

void TestPlanIo::modelRoundTrip()
{
    Plan plan;
    QVERIFY(loadTemplate(QStringLiteral("poc-3c1d"), Catalog::builtIn(), plan, nullptr));
    plan.customer = QStringLiteral("Contoso \"AI\" <cloud> — ünïcode");
    plan.site.overrides = Json::parse(R"({"power": {"budgetKW": 25}})");
    plan.waivers.push_back(
        {QStringLiteral("power.rack-budget"), QStringLiteral("R1"), QStringLiteral("lab has 2 feeds more")});
    plan.links.front().manual = true;
    Plan again;
    LoadError error;
    QVERIFY2(loadPlanData(planToBytes(plan), QStringLiteral("mem.json"), again, &error), qPrintable(error.toString()));
    QCOMPARE(again.customer, plan.customer);
    QCOMPARE(again.site.overrides.dump(), plan.site.overrides.dump());
    QCOMPARE(again.waivers.size(), std::size_t(1));
    QCOMPARE(again.waivers.front().reason, QStringLiteral("lab has 2 feeds more"));
    QVERIFY(again.links.front().manual);
    QCOMPARE(planToBytes(again), planToBytes(plan));
}

void TestPlanIo::generatedPlanRoundTrips()
{
    const Plan plan = generatePlan(3);
    QCOMPARE(plan.devices.size(), std::size_t(60));
    Plan again;
    LoadError error;
    PlanLoadOptions options;
    options.catalog = &Catalog::builtIn();
    QVERIFY2(loadPlanData(planToBytes(plan), QStringLiteral("gen.json"), again, &error, options),
             qPrintable(error.toString()));
    QCOMPARE(planToBytes(again), planToBytes(plan));
}

void TestPlanIo::badInputNamesFileAndPlace_data()
{
    QTest::addColumn<QString>("edit"); // JSON merge patch applied to the 3C+1D template, or a raw replacement
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("reason");
    QTest::newRow("wrong type") << R"({"racks": [{"id": "R1", "heightU": "42"}]})"
                                << "racks[0].heightU"
                                << "expected a whole number";
    QTest::newRow("unknown device type") << "devices[3].type=cnode-unobtainium"
                                         << "devices[3].type"
                                         << "unknown device type \"cnode-unobtainium\"";
    QTest::newRow("duplicate device id") << "devices[4].id=cn1"
                                         << "devices[4].id"
                                         << "duplicate device id \"cn1\"";
    QTest::newRow("missing rack") << "devices[2].rack=R9"
                                  << "devices[2].rack"
                                  << "rack \"R9\", which the plan does not define";
    QTest::newRow("negative u") << "devices[3].u=-3"
                                << "devices[3].u"
                                << "outside the allowed range";
    QTest::newRow("absurd rack height") << R"({"racks": [{"id": "R1", "heightU": 4200}]})"
                                        << "racks[0].heightU"
                                        << "outside the allowed range";
    QTest::newRow("negative cable length") << "links[0].lengthM=-2"
                                           << "links[0].lengthM"
                                           << "outside the allowed range";
    QTest::newRow("bad endpoint") << "links[1].a=cn1"
                                  << "links[1].a"
                                  << "expected \"device:port\"";
    QTest::newRow("link to missing device") << "links[1].b=ghost:swp1"
                                            << "links[1].b"
                                            << "device \"ghost\"";
    QTest::newRow("bad feed") << "devices[0].psuFeeds[1]=C"
                              << "devices[0].psuFeeds[1]"
                              << "feed \"A\" or \"B\"";
    QTest::newRow("unknown site") << R"({"site": {"profile": "mars-base"}})"
                                  << "site.profile"
                                  << "unknown site profile";
    QTest::newRow("bad track") << R"({"track": "moon"})"
                               << "track"
                               << "expected one of";
    QTest::newRow("newer version") << R"({"version": 7})"
                                   << "version"
                                   << "newer POC Planner";
    QTest::newRow("not a plan") << R"({"format": "kicad-pcb"})"
                                << "format"
                                << "not a POC Planner plan";
    QTest::newRow("waiver without reason")
        << R"({"waivers": [{"rule": "power.site-budget", "subject": "R1", "reason": " "}]})"
        << "waivers[0].reason"
        << "needs a reason";
}

// Applies "a[i].key=value" edits or a merge patch to the template's JSON.
static QByteArray editedTemplate(const QString &edit)
{
    Json doc = Json::parse(readAll(templateResourcePath(QStringLiteral("poc-3c1d"))).toStdString());
    if (edit.startsWith(QLatin1Char('{'))) {
        doc.merge_patch(Json::parse(edit.toStdString()));
    } else {
        static const QRegularExpression re(QStringLiteral("^(\\w+)\\[(\\d+)\\]\\.(\\w+)(?:\\[(\\d+)\\])?=(.*)$"));
        const auto m = re.match(edit);
        Q_ASSERT(m.hasMatch());
        Json &target = doc[m.captured(1).toStdString()][m.captured(2).toULongLong()][m.captured(3).toStdString()];
        Json &slot = m.captured(4).isEmpty() ? target : target[m.captured(4).toULongLong()];
        bool isNumber = false;
        const double number = m.captured(5).toDouble(&isNumber);
        slot = isNumber ? Json(number == static_cast<int>(number) ? Json(static_cast<int>(number)) : Json(number))
                        : Json(m.captured(5).toStdString());
    }
    return QByteArray::fromStdString(doc.dump(2));
}

void TestPlanIo::badInputNamesFileAndPlace()
{
    QFETCH(QString, edit);
    QFETCH(QString, path);
    QFETCH(QString, reason);
    Plan plan;
    LoadError error;
    PlanLoadOptions options;
    options.catalog = &Catalog::builtIn();
    QVERIFY(!loadPlanData(editedTemplate(edit), QStringLiteral("/lab/broken.pocplan.json"), plan, &error, options));
    QCOMPARE(error.file, QStringLiteral("/lab/broken.pocplan.json"));
    QCOMPARE(error.path, path);
    QVERIFY2(error.reason.contains(reason), qPrintable(error.reason));
    QVERIFY2(error.toString().startsWith(QStringLiteral("/lab/broken.pocplan.json: ") + path + QStringLiteral(": ")),
             qPrintable(error.toString()));
}

void TestPlanIo::truncatedJsonNamesLineAndColumn()
{
    QByteArray text = readAll(templateResourcePath(QStringLiteral("poc-3c1d")));
    text.truncate(text.indexOf("\"links\""));
    Plan plan;
    LoadError error;
    QVERIFY(!loadPlanData(text, QStringLiteral("cut.pocplan.json"), plan, &error));
    const int lines = static_cast<int>(text.count('\n')) + 1;
    QCOMPARE(error.line, lines);
    QVERIFY(error.reason.contains(QStringLiteral("truncated")));
    QVERIFY(error.toString().startsWith(QStringLiteral("cut.pocplan.json:%1:").arg(lines)));

    QVERIFY(!loadPlanData("{\n  \"format\": \"pocplanner-plan\",\n  \"version\": 1 x\n}", QStringLiteral("typo.json"),
                          plan, &error));
    QCOMPARE(error.line, 3);
    QCOMPARE(error.column, 16);
    QVERIFY(error.reason.startsWith(QStringLiteral("invalid JSON")));

    // Found by fuzzing: a number too large for a double is refused, not thrown at the caller.
    QVERIFY(!loadPlanData("{\"format\": 1e320}", QStringLiteral("huge.json"), plan, &error));
    QVERIFY2(error.toString().startsWith(QStringLiteral("huge.json: invalid JSON: number overflow")),
             qPrintable(error.toString()));
}

void TestPlanIo::unreadableFileNamesFile()
{
    Plan plan;
    LoadError error;
    QVERIFY(!loadPlanFile(QStringLiteral("/nonexistent/plan.json"), plan, &error));
    QVERIFY(error.toString().startsWith(QStringLiteral("/nonexistent/plan.json: cannot read the file")));
}

void TestPlanIo::unknownKeysAreWarnings()
{
    QStringList warnings;
    PlanLoadOptions options;
    options.warnings = &warnings;
    Plan plan;
    QVERIFY(loadPlanData(editedTemplate(R"({"colour": "blue", "racks": [{"id": "R1", "hieghtU": 42}]})"),
                         QStringLiteral("x.json"), plan, nullptr, options));
    QVERIFY(warnings.contains(QStringLiteral("colour: unknown key ignored")));
    QVERIFY(warnings.contains(QStringLiteral("racks[0].hieghtU: unknown key ignored")));
}

void TestPlanIo::migratesVersion0()
{
    QStringList notes;
    PlanLoadOptions options;
    options.catalog = &Catalog::builtIn();
    options.warnings = &notes;
    Plan plan;
    LoadError error;
    QVERIFY2(loadPlanFile(QFINDTESTDATA("data/v0-draft.pocplan.json"), plan, &error, options),
             qPrintable(error.toString()));
    QCOMPARE(plan.site.profile, QStringLiteral("customer-lab-poc"));
    QCOMPARE(plan.devices.front().u, 10);
    QVERIFY(notes.join(QLatin1Char('\n')).contains(QStringLiteral("from format version 0 to 1")));
    QVERIFY(planToBytes(plan).contains("\"version\": 1"));
}

void TestPlanIo::failedSaveLeavesOldFileIntact()
{
    QTemporaryDir dir;
    const QString fileName = dir.filePath(QStringLiteral("plan.pocplan.json"));
    const QByteArray old = "{\"old\": true}\n";
    {
        QFile f(fileName);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(old);
    }
    Plan plan = generatePlan(2);
    // Make the disk refuse writes beyond 1 KiB (works as root too), then restore the limit.
    std::signal(SIGXFSZ, SIG_IGN);
    rlimit saved{};
    getrlimit(RLIMIT_FSIZE, &saved);
    rlimit tiny = saved;
    tiny.rlim_cur = 1024;
    QCOMPARE(setrlimit(RLIMIT_FSIZE, &tiny), 0);
    QString error;
    const bool saved_ok = savePlanFile(plan, fileName, &error);
    setrlimit(RLIMIT_FSIZE, &saved);
    QVERIFY(!saved_ok);
    QVERIFY2(error.startsWith(fileName), qPrintable(error));
    QCOMPARE(readAll(fileName), old);
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList{QStringLiteral("plan.pocplan.json")});
    QVERIFY(savePlanFile(plan, fileName, &error));
    QCOMPARE(readAll(fileName), planToBytes(plan));
}

void TestPlanIo::endpointParsing()
{
    Endpoint e;
    QVERIFY(Endpoint::parse(QStringLiteral("cn1:p1"), e));
    QCOMPARE(e.device, QStringLiteral("cn1"));
    QCOMPARE(e.port, QStringLiteral("p1"));
    QVERIFY(!Endpoint::parse(QStringLiteral(":p1"), e));
    QVERIFY(!Endpoint::parse(QStringLiteral("cn1:"), e));
    QVERIFY(!Endpoint::parse(QStringLiteral("cn1"), e));
}

QTEST_GUILESS_MAIN(TestPlanIo)
#include "tst_planio.moc"
