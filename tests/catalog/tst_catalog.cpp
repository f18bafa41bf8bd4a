#include "catalog/io/siteprofilefile.h"
#include "catalog/model/catalog.h"
#include "catalog/model/devicetypevalidation.h"

#include <QtTest>

using namespace pp;

// The built-in catalog, its figures and sources, port resolution, and bad catalog files.
class TestCatalog : public QObject {
    Q_OBJECT
private slots:
    void builtInHasContractIds_data();
    void builtInHasContractIds();
    void everyKnownFigureHasSourceAndConfidence();
    void unsourcedFiguresStayUnknown();
    void sitesLoad();
    void feedCapacityThreePhase();
    void resolvesPortsAndBreakouts();
    void throughputInterpolates();
    void badCatalogNamesFileAndPath_data();
    void badCatalogNamesFileAndPath();
    void truncatedCatalogNamesLineAndColumn();
    void userLayerOverridesBuiltIn();
    void validationNamesFieldAndRow();
    void siteFileReadsLikeTheCatalog();
};

void TestCatalog::builtInHasContractIds_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("role");
    const QList<QPair<const char *, const char *>> ids{
        {"cnode-genoa", "cnode"},    {"cnode-turin", "cnode"},     {"dbox-ceres-338", "dbox"},
        {"dbox-ceres-1350", "dbox"}, {"dbox-ceres-2700", "dbox"},  {"dbox-maverick-5400", "dbox"},
        {"sw-sn5600", "switch"},     {"sw-sn5400", "switch"},      {"sw-sn4700", "switch"},
        {"sw-sn2201", "switch"},     {"pdu-415v-32a-3ph", "pdu"},  {"pdu-208v-60a-3ph", "pdu"},
        {"dac-400g", "cable"},       {"dac-400g-2x200g", "cable"}, {"aoc-400g", "cable"},
        {"xcvr-400g-osfp", "cable"}};
    for (const auto &[id, role] : ids)
        QTest::newRow(id) << QString::fromLatin1(id) << QString::fromLatin1(role);
}

void TestCatalog::builtInHasContractIds()
{
    QFETCH(QString, id);
    QFETCH(QString, role);
    const DeviceType *t = Catalog::builtIn().deviceType(id);
    QVERIFY2(t, qPrintable(id));
    QCOMPARE(roleId(t->role), role);
    QCOMPARE(t->layer, Catalog::kBuiltInLayer);
}

void TestCatalog::everyKnownFigureHasSourceAndConfidence()
{
    const Catalog &c = Catalog::builtIn();
    for (const DeviceType *t : c.deviceTypes()) {
        const QList<QPair<QString, const Figure *>> figures{
            {QStringLiteral("typicalW"), &t->typicalW},
            {QStringLiteral("maxW"), &t->maxW},
            {QStringLiteral("weightKg"), &t->weightKg},
            {QStringLiteral("rawTB"), &t->storage.rawTB},
            {QStringLiteral("dpuCount"), &t->storage.dpuCount},
            {QStringLiteral("pdu.amps"), &t->pdu.amps},
            {QStringLiteral("cable.powerWPerEnd"), &t->cable.powerWPerEnd}};
        for (const auto &[name, f] : figures) {
            if (!f->known())
                continue;
            QVERIFY2(!f->source.isEmpty(),
                     qPrintable(t->id + QLatin1Char('.') + name + QStringLiteral(" has no source")));
            QVERIFY2(
                c.source(f->source),
                qPrintable(t->id + QLatin1Char('.') + name + QStringLiteral(" cites unknown source ") + f->source));
            QVERIFY2(!f->confidence.isEmpty(), qPrintable(t->id + QLatin1Char('.') + name));
        }
        for (const MixThroughput &m : t->throughput)
            if (m.totalGBps.known())
                QVERIFY(c.source(m.totalGBps.source));
    }
}

void TestCatalog::unsourcedFiguresStayUnknown()
{
    // hardware-facts.md: SN2201 power and per-D-box throughput are NOT FOUND.
    const DeviceType *sn2201 = Catalog::builtIn().deviceType(QStringLiteral("sw-sn2201"));
    QVERIFY(!sn2201->typicalW.known());
    QCOMPARE(sn2201->typicalW.display(QStringLiteral("W")), QStringLiteral("unknown"));
    const DeviceType *ceres = Catalog::builtIn().deviceType(QStringLiteral("dbox-ceres-1350"));
    QVERIFY(!ceres->throughputGBpsAt(100).has_value());
    QCOMPARE(*ceres->storage.rawTB.value, 1350.0);
    QCOMPARE(*ceres->storage.dpuCount.value, 2.0);
    const DeviceType *turin = Catalog::builtIn().deviceType(QStringLiteral("cnode-turin"));
    QCOMPARE(*turin->typicalW.value, 500.0);
    QCOMPARE(*turin->maxW.value, 775.0);
    QCOMPARE(turin->typicalW.source, QStringLiteral("VSET"));
}

void TestCatalog::sitesLoad()
{
    const SiteProfile *lab = Catalog::builtIn().site(QStringLiteral("customer-lab-poc"));
    QVERIFY(lab);
    QCOMPARE(lab->power.budgetKW, 30.0);
    QCOMPARE(lab->cooling.type, QStringLiteral("air"));
    QCOMPARE(lab->rack.heightU, 42);
    QCOMPARE(lab->network.uplinkSpeedGbps, 400.0);
    QCOMPARE(lab->network.uplinksRequired, 2);
    QVERIFY(lab->network.roceRequired && lab->network.pfc && lab->network.ecn);
    QVERIFY(Catalog::builtIn().site(QStringLiteral("azure-dedicated-poc")));
}

void TestCatalog::feedCapacityThreePhase()
{
    SiteProfile::Feeds feeds; // 415 V, 32 A, 3-phase, 80 %
    QVERIFY(qAbs(feeds.capacityW() - 415 * 32 * std::sqrt(3.0) * 0.8) < 1e-6);
    feeds.voltageV = 208;
    feeds.amps = 60;
    QVERIFY(qAbs(feeds.capacityW() - 17292.0) < 1.0); // hardware-facts: 208 V 60 A 3-ph derated ≈ 17.3 kVA
    feeds.phases = 1;
    QVERIFY(qAbs(feeds.capacityW() - 208 * 60 * 0.8) < 1e-6);
}

void TestCatalog::resolvesPortsAndBreakouts()
{
    const DeviceType *sw = Catalog::builtIn().deviceType(QStringLiteral("sw-sn4700"));
    PortRef p = sw->resolvePort(QStringLiteral("swp32"));
    QVERIFY(p.valid());
    QCOMPARE(p.index, 31);
    QCOMPARE(p.lane, -1);
    QVERIFY(!sw->resolvePort(QStringLiteral("swp33")).valid());
    p = sw->resolvePort(QStringLiteral("swp3s1"));
    QVERIFY(p.valid());
    QCOMPARE(p.baseName, QStringLiteral("swp3"));
    QCOMPARE(p.lane, 1);
    QVERIFY(!sw->resolvePort(QStringLiteral("swp3s4")).valid()); // SN4700 splits at most 4 ways
    QVERIFY(sw->resolvePort(QStringLiteral("eth0")).valid());
    const DeviceType *db = Catalog::builtIn().deviceType(QStringLiteral("dbox-ceres-338"));
    p = db->resolvePort(QStringLiteral("dpu2-p1"));
    QVERIFY(p.valid());
    QCOMPARE(p.group->dpu, 2);
    QCOMPARE(p.group->purpose, PortPurpose::Dpu);
    QVERIFY(!db->resolvePort(QStringLiteral("dpu1-p1s0")).valid()); // DPU ports do not break out
    const DeviceType *mgmt = Catalog::builtIn().deviceType(QStringLiteral("sw-sn2201"));
    QCOMPARE(mgmt->resolvePort(QStringLiteral("swp49")).group->purpose, PortPurpose::Uplink);
    QCOMPARE(mgmt->portCount(PortPurpose::Mgmt), 49);
}

void TestCatalog::throughputInterpolates()
{
    const DeviceType *turin = Catalog::builtIn().deviceType(QStringLiteral("cnode-turin"));
    QCOMPARE(*turin->throughputGBpsAt(100), 37.0);
    QCOMPARE(*turin->throughputGBpsAt(0), 7.6);
    QVERIFY(qAbs(*turin->throughputGBpsAt(90) - (37.0 + 25.1) / 2) < 1e-9);
}

void TestCatalog::badCatalogNamesFileAndPath_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("reason");
    const QByteArray head = R"({"format": "pocplanner-catalog", "version": 1, "deviceTypes": [)";
    QTest::newRow("bad role") << head + R"({"id": "x", "role": "toaster"}]})"
                              << "deviceTypes[0].role"
                              << "unknown role";
    QTest::newRow("duplicate id") << head + R"({"id": "x", "role": "cnode"}, {"id": "x", "role": "dbox"}]})"
                                  << "deviceTypes[1].id"
                                  << "duplicate";
    QTest::newRow("negative power") << head + R"({"id": "x", "role": "cnode", "maxW": {"value": -5}}]})"
                                    << "deviceTypes[0].maxW.value"
                                    << "outside the allowed range";
    QTest::newRow("typical above max") << head + R"({"id": "x", "role": "cnode", "typicalW": 900, "maxW": 500}]})"
                                       << "deviceTypes[0].typicalW"
                                       << "exceeds max";
    QTest::newRow("port count text") << head +
            R"({"id": "x", "role": "switch", "ports": [{"pattern": "swp{n}", "count": "64", "speedGbps": 400}]}]})"
                                     << "deviceTypes[0].ports[0].count"
                                     << "expected a whole number";
    QTest::newRow("bad breakout") << head +
            R"({"id": "x", "role": "switch", "ports": [{"pattern": "swp{n}", "count": 4, "speedGbps": 400, "breakouts": ["two"]}]}]})"
                                  << "deviceTypes[0].ports[0].breakouts[0]"
                                  << "breakout";
    QTest::newRow("wrong format") << QByteArray(R"({"format": "something-else", "deviceTypes": []})") << "format"
                                  << "expected";
    // The catalog editor's rules (validateDeviceType), one case each: a file cannot hold what the editor refuses.
    QTest::newRow("id alphabet") << head + R"({"id": "Lab Leaf", "role": "switch"}]})"
                                 << "deviceTypes[0].id"
                                 << "is not an id";
    QTest::newRow("empty model") << head + R"({"id": "x", "model": " ", "role": "switch"}]})"
                                 << "deviceTypes[0].model"
                                 << "the model is empty";
    QTest::newRow("port name twice in a row")
        << head + R"({"id": "x", "role": "switch", "ports": [{"names": ["bmc", "bmc"], "speedGbps": 1}]}]})"
        << "deviceTypes[0].ports[0].name"
        << "port \"bmc\" appears twice";
    QTest::newRow("port name in two rows") << head +
            R"({"id": "x", "role": "switch", "ports": [{"pattern": "swp{n}", "count": 4, "speedGbps": 400},
                {"names": ["swp2"], "speedGbps": 100}]}]})"
                                           << "deviceTypes[0].ports[1].name"
                                           << "port \"swp2\" is also in ports[0]";
    QTest::newRow("empty port pattern") << head +
            R"({"id": "x", "role": "switch", "ports": [{"pattern": "", "count": 2, "speedGbps": 400}]}]})"
                                        << "deviceTypes[0].ports[0].name"
                                        << "give names or a pattern";
}

void TestCatalog::badCatalogNamesFileAndPath()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, path);
    QFETCH(QString, reason);
    Catalog c = Catalog::builtIn();
    const std::size_t before = c.deviceTypes().size();
    LoadError error;
    QVERIFY(!c.loadCatalogData(json, QStringLiteral("my-catalog.json"), Catalog::kUserLayer, &error));
    QCOMPARE(error.file, QStringLiteral("my-catalog.json"));
    QCOMPARE(error.path, path);
    QVERIFY2(error.reason.contains(reason), qPrintable(error.reason));
    QVERIFY(error.toString().startsWith(QStringLiteral("my-catalog.json: ") + path));
    QCOMPARE(c.deviceTypes().size(), before); // nothing from a bad file is taken
}

void TestCatalog::truncatedCatalogNamesLineAndColumn()
{
    Catalog c;
    LoadError error;
    QVERIFY(!c.loadCatalogData("{\n  \"deviceTypes\": [\n    {\"id\": \"x\",", QStringLiteral("cut.json"),
                               Catalog::kUserLayer, &error));
    QCOMPARE(error.line, 3);
    QVERIFY(error.column > 1);
    QVERIFY2(error.reason.contains(QStringLiteral("truncated")), qPrintable(error.reason));
    QVERIFY(error.toString().startsWith(QStringLiteral("cut.json:3:")));
}

void TestCatalog::userLayerOverridesBuiltIn()
{
    Catalog c = Catalog::builtIn();
    LoadError error;
    const QByteArray user =
        R"json({"deviceTypes": [{"id": "cnode-turin", "role": "cnode", "model": "Turin (site measured)",
        "typicalW": {"value": 610, "source": "site-meter", "confidence": "stated"}}]})json";
    const bool loaded = c.loadCatalogData(user, QStringLiteral("user.json"), Catalog::kUserLayer, &error);
    QVERIFY2(loaded, qPrintable(error.toString()));
    const DeviceType *t = c.deviceType(QStringLiteral("cnode-turin"));
    QCOMPARE(t->layer, Catalog::kUserLayer);
    QCOMPARE(*t->typicalW.value, 610.0);
    QVERIFY(c.overriddenIds().contains(QStringLiteral("cnode-turin")));
    QCOMPARE(*Catalog::builtIn().deviceType(QStringLiteral("cnode-turin"))->typicalW.value, 500.0);
}

// The shared rules name the field as a JSON path and the port row, and give the editor's sentence.
void TestCatalog::validationNamesFieldAndRow()
{
    DeviceType t = *Catalog::builtIn().deviceType(QStringLiteral("sw-sn2201"));
    QCOMPARE(validateDeviceType(t).size(), std::size_t(0));
    t.weightKg.value = 6000;
    t.ports.push_back(t.ports.front()); // every port name of row 0 again
    const std::vector<DeviceTypeProblem> problems = validateDeviceType(t);
    QCOMPARE(problems.size(), std::size_t(2));
    QCOMPARE(problems[0].path, QStringLiteral("weightKg"));
    QCOMPARE(problems[0].portRow, -1);
    QCOMPARE(problems[0].text, QStringLiteral("weightKg: at most 5000, or empty for unknown."));
    const int row = static_cast<int>(t.ports.size()) - 1;
    QCOMPARE(problems[1].portRow, row);
    QCOMPARE(problems[1].path, QStringLiteral("ports[%1].name").arg(row));
    QVERIFY2(problems[1].text.startsWith(QStringLiteral("Ports row %1, name: port \"").arg(row + 1)),
             qPrintable(problems[1].text));
    QVERIFY2(problems[1].text.endsWith(QStringLiteral("is also in row 1.")), qPrintable(problems[1].text));
}

// `check --site` and the catalog's site folders read a profile through one function: an empty id is
// refused in both, with file and path, and a good file keeps its document.
void TestCatalog::siteFileReadsLikeTheCatalog()
{
    const QByteArray noId = R"({"id": "", "power": {"budgetKW": 10}})";
    SiteProfile site;
    LoadError error;
    QVERIFY(!readSiteProfileData(noId, QStringLiteral("site.json"), site, &error));
    QCOMPARE(error.toString(), QStringLiteral("site.json: id: a site profile needs an id"));
    Catalog c;
    LoadError catalogError;
    QVERIFY(!c.loadSiteData(noId, QStringLiteral("site.json"), Catalog::kUserLayer, &catalogError));
    QCOMPARE(catalogError.toString(), error.toString());
    QVERIFY(c.sites().empty());

    QVERIFY(!readSiteProfileFile(QStringLiteral("/nonexistent/site.json"), site, &error));
    QVERIFY2(error.toString().startsWith(QStringLiteral("/nonexistent/site.json: cannot read the file")),
             qPrintable(error.toString()));

    const QByteArray good = R"({"id": "lab", "power": {"budgetKW": 12}, "network": {"cablePolicy": "default"}})";
    QVERIFY2(readSiteProfileData(good, QStringLiteral("lab.json"), site, &error), qPrintable(error.toString()));
    QCOMPARE(site.id, QStringLiteral("lab"));
    QCOMPARE(site.power.budgetKW, 12.0);
    QVERIFY(site.raw.contains("network"));
}

QTEST_GUILESS_MAIN(TestCatalog)
#include "tst_catalog.moc"
