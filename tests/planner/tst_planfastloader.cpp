#include "planner/io/planfastloader.h"
#include "planner/io/planio.h"
#include "planner/templates/generatedplan.h"
#include "planner/templates/templates.h"

#include <QtTest>

using namespace pp;

// The token-stream loader must give exactly the plan the tree loader gives, and hand everything
// else — errors, warnings, old versions — to the tree loader.
class TestPlanFastLoader : public QObject {
    Q_OBJECT
private slots:
    void samePlanAsTreeLoader_data();
    void samePlanAsTreeLoader();
    void defersToTreeLoader_data();
    void defersToTreeLoader();
    void deferredFilesStillWarnAndFail();
};

namespace {

PlanLoadOptions withCatalog()
{
    PlanLoadOptions options;
    options.catalog = &Catalog::builtIn();
    return options;
}

QByteArray templateBytes(const QString &id)
{
    QFile file(templateResourcePath(id));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// The sample kit with every optional part filled in and awkward text.
Plan richPlan()
{
    Plan plan;
    loadTemplate(QStringLiteral("poc-3c1d"), Catalog::builtIn(), plan, nullptr);
    plan.customer = QStringLiteral("Contoso \"AI\" <cloud> \\ — Müller שלום 😀\n\ttab");
    plan.track = QStringLiteral("azure-dedicated");
    plan.site.overrides = Json::parse(
        R"({"power": {"budgetKW": 25.5, "feeds": ["A", "B"]}, "n": null, "big": 18446744073709551615, "neg": -3, "t": true})");
    plan.waivers.push_back(
        {QStringLiteral("power.rack-budget"), QStringLiteral("R1"), QStringLiteral("lab has 2 feeds more")});
    plan.waivers.push_back({QStringLiteral("network.roce"), QString(), QStringLiteral("no subject")});
    plan.links.front().manual = true;
    plan.links.front().label = QStringLiteral("A-01 ⇄ B-02");
    plan.links.back().lengthM = 2.75;
    plan.racks.front().row = 3;
    plan.racks.front().position = 7;
    plan.devices.back().rack.clear();
    plan.devices.back().u = 0;
    return plan;
}

QByteArray treeLoaded(const QByteArray &bytes, const PlanLoadOptions &options)
{
    return planToBytes(planFromJson(Json::parse(bytes.constData(), bytes.constData() + bytes.size()), options));
}

} // namespace

void TestPlanFastLoader::samePlanAsTreeLoader_data()
{
    QTest::addColumn<QByteArray>("bytes");
    for (const QString &id : templateIds())
        QTest::addRow("template %s", qPrintable(id)) << templateBytes(id);
    QTest::newRow("generated 3 racks") << planToBytes(generatePlan(3));
    const QByteArray rich = planToBytes(richPlan());
    QTest::newRow("every optional part") << rich;
    const Json tree = Json::parse(rich.constData(), rich.constData() + rich.size());
    QTest::newRow("compact") << QByteArray::fromStdString(tree.dump());
    QTest::newRow("escaped non-ASCII") << QByteArray::fromStdString(tree.dump(-1, ' ', true));
    Json reordered = Json::object();
    for (const char *key :
         {"waivers", "links", "devices", "uplinks", "racks", "site", "track", "customer", "name", "version", "format"})
        reordered[key] = tree.at(key);
    QTest::newRow("keys in another order") << QByteArray::fromStdString(reordered.dump(1));
    Json sparse = tree;
    for (Json &rack : sparse["racks"])
        rack.erase("name"); // defaults to the id
    for (Json &device : sparse["devices"]) {
        device.erase("face");
        device.erase("hostname");
    }
    sparse.erase("track");
    sparse["site"].erase("overrides");
    QTest::newRow("defaults") << QByteArray::fromStdString(sparse.dump(2));
}

void TestPlanFastLoader::samePlanAsTreeLoader()
{
    QFETCH(QByteArray, bytes);
    const PlanLoadOptions options = withCatalog();
    const std::optional<Plan> fast = loadPlanFast(bytes, options);
    QVERIFY(fast);
    QCOMPARE(planToBytes(*fast), treeLoaded(bytes, options));
}

void TestPlanFastLoader::defersToTreeLoader_data()
{
    QTest::addColumn<QByteArray>("bytes");
    const QByteArray good = templateBytes(QStringLiteral("poc-3c1d"));
    QVERIFY(loadPlanFast(good, withCatalog()));
    const auto edited = [&](const char *from, const char *to) {
        QByteArray bytes = good;
        const int at = bytes.indexOf(from);
        if (at < 0)
            qFatal("fixture text not found: %s", from);
        return bytes.replace(at, int(qstrlen(from)), to);
    };
    QTest::newRow("unknown key") << edited("\"heightU\"", "\"colour\": \"red\", \"heightU\"");
    QTest::newRow("null value") << edited("\"heightU\": 42", "\"heightU\": null");
    QTest::newRow("old version") << edited("\"version\": 1", "\"version\": 0");
    QTest::newRow("newer version") << edited("\"version\": 1", "\"version\": 2");
    QTest::newRow("repeated key") << edited("\"heightU\": 42", "\"heightU\": 42, \"heightU\": 40");
    QTest::newRow("whole number as real") << edited("\"heightU\": 42", "\"heightU\": 42.0");
    QTest::newRow("out of range") << edited("\"heightU\": 42", "\"heightU\": 420");
    QTest::newRow("wrong type") << edited("\"heightU\": 42", "\"heightU\": \"42\"");
    QTest::newRow("bad face") << edited("\"face\": \"front\"", "\"face\": \"side\"");
    QTest::newRow("bad feed") << edited("\"A\"", "\"C\"");
    QTest::newRow("unknown device type") << edited("\"cnode-turin\"", "\"cnode-unknown\"");
    QTest::newRow("unknown site") << edited("\"customer-lab-poc\"", "\"moon-base\"");
    QTest::newRow("unknown track") << edited("\"track\": \"lab\"", "\"track\": \"space\"");
    QTest::newRow("wrong format") << edited("\"pocplanner-plan\"", "\"other-plan\"");
    QTest::newRow("device in unknown rack") << edited("\"rack\": \"R1\"", "\"rack\": \"R9\"");
    QTest::newRow("endpoint without port") << edited("\"a\": \"", "\"a\": \"nowhere\", \"x\": \"");
    QTest::newRow("syntax error") << good.left(good.size() / 2);
    QTest::newRow("trailing text") << good + "{}";
    QTest::newRow("not an object") << QByteArray("[]");
}

void TestPlanFastLoader::defersToTreeLoader()
{
    QFETCH(QByteArray, bytes);
    QVERIFY(!loadPlanFast(bytes, withCatalog()));
}

void TestPlanFastLoader::deferredFilesStillWarnAndFail()
{
    // Through the public entry point the tree loader still reports as before.
    QByteArray bytes = templateBytes(QStringLiteral("poc-3c1d"));
    bytes.replace("\"heightU\"", "\"colour\": \"red\", \"heightU\"");
    QStringList warnings;
    PlanLoadOptions options = withCatalog();
    options.warnings = &warnings;
    Plan plan;
    LoadError error;
    QVERIFY2(loadPlanData(bytes, QStringLiteral("kit.json"), plan, &error, options), qPrintable(error.toString()));
    QCOMPARE(warnings, QStringList{QStringLiteral("racks[0].colour: unknown key ignored")});

    bytes.replace("\"heightU\": 42", "\"heightU\": 420");
    QVERIFY(!loadPlanData(bytes, QStringLiteral("kit.json"), plan, &error, options));
    QCOMPARE(error.file, QStringLiteral("kit.json"));
    QCOMPARE(error.path, QStringLiteral("racks[0].heightU"));
}

QTEST_GUILESS_MAIN(TestPlanFastLoader)
#include "tst_planfastloader.moc"
