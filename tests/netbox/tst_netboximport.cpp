#include "catalog/io/usercatalogfile.h"
#include "catalog/netbox/netboximporter.h"
#include "exporters/bom/bomdata.h"
#include "exporters/bom/bomwriter.h"
#include "exporters/common/exportcontext.h"
#include "exporters/diagrams/rackdiagramdata.h"
#include "exporters/diagrams/rackdiagramwriter.h"
#include "exporters/netbox/netboxcsvwriter.h"
#include "exporters/netbox/netboxpush.h"
#include "planner/io/planio.h"
#include "planner/model/plansummary.h"
#include "planner/ops/planops.h"
#include "planner/power/devicedraw.h"
#include "planner/rules/ruleengine.h"
#include "planner/sizing/rackpacker.h"
#include "planner/sizing/sizingdata.h"
#include "planner/sizing/sizingengine.h"
#include "planner/templates/templates.h"
#include "planner/topology/autocabler.h"
#include "planner/topology/linkedit.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace pp;

// NetBox device-type YAML import: the two library samples (and the reference copies), unknown
// keys, errors with line and column, power and interface speeds that stay unknown, the user
// layer file, and an imported type placed, checked, cabled and exported in a plan.
class TestNetBoxImport : public QObject {
    Q_OBJECT
private slots:
    void sn5600IsTwoURearToFrontWith64x800G();
    void sn4700MellanoxIsNvidia();
    void interfaceKinds_data();
    void interfaceKinds();
    void powerPortsGiveDrawAndConnector();
    void zeroDrawStaysUnknown();
    void unknownKeysAreWarningsWithLineAndColumn();
    void badFilesNameLineColumnAndKey_data();
    void badFilesNameLineColumnAndKey();
    void folderImportFindsEverySample();
    void everyDocumentOfAStreamImports();
    void directivesAndEndMarkersFrameDocuments();
    void userFileMergesAndRoundTrips();
    void layersOverrideWhateverTheLoadingOrder();
    void referenceSamplesImport();
    void importedTypeIsPlacedCheckedAndExported();
    void unknownInterfaceTypesAreLeftOut();
    void unknownPowerIsReportedWhenPackingRacks();
    void libraryServerMaxDrawIsNotTypical();
    void libraryServerPsusInModuleBaysAreNamed();
    void librarySwitchWithoutDrawStaysUnknown();
    void libraryPduOutletsAndLegs();
    void libraryUpsInletIsARatingNotADraw();
    void kitWithTwoImportedPdusStillDraws3p5kW();

private:
    static QString sample(const char *name) { return QStringLiteral(POCPLAN_TEST_DATA "/") + QLatin1String(name); }
    // Real files of the NetBox device-type library (see data/library/README.md).
    static QString library(const char *name)
    {
        return QStringLiteral(POCPLAN_TEST_DATA "/library/") + QLatin1String(name);
    }
    static DeviceType importLibrary(const char *name, NetBoxImport &r);
    static DeviceType importOne(const QByteArray &yaml, NetBoxImport *out = nullptr);
};

DeviceType TestNetBoxImport::importOne(const QByteArray &yaml, NetBoxImport *out)
{
    NetBoxImport local;
    NetBoxImport &result = out ? *out : local;
    const bool ok = NetBoxImporter().importData(yaml, QStringLiteral("test.yaml"), result);
    if (!ok || result.types.size() != 1) {
        qWarning() << (result.errors.isEmpty() ? QStringLiteral("no type") : result.errors.first().toString());
        return {};
    }
    return result.types.front();
}

void TestNetBoxImport::sn5600IsTwoURearToFrontWith64x800G()
{
    NetBoxImport r;
    QVERIFY(NetBoxImporter().importFile(sample("sn5600.yaml"), r));
    QCOMPARE(r.types.size(), std::size_t(1));
    const DeviceType &t = r.types.front();
    QCOMPARE(t.id, QStringLiteral("nvidia-sn5600"));
    QCOMPARE(t.vendor, QStringLiteral("NVIDIA"));
    QCOMPARE(t.model, QStringLiteral("SN5600"));
    QCOMPARE(t.role, Role::Switch);
    QCOMPARE(t.uHeight, 2);
    QVERIFY(t.fullDepth);
    QCOMPARE(t.airflow, Airflow::RearToFront);
    QCOMPARE(t.weightKg.valueOr(0), 23.5);
    QCOMPARE(t.weightKg.confidence, QStringLiteral("stated-3P"));
    QCOMPARE(t.weightKg.source, QStringLiteral("netbox:Nvidia/nvidia-sn5600"));
    QCOMPARE(t.portCount(PortPurpose::Data), 64);
    QCOMPARE(t.portCount(PortPurpose::Mgmt), 1);
    const PortRef swp64 = t.resolvePort(QStringLiteral("swp64"));
    QVERIFY(swp64.valid());
    QCOMPARE(swp64.group->speedGbps, 800.0);
    QCOMPARE(swp64.group->media, QStringLiteral("OSFP"));
    QCOMPARE(swp64.group->pattern, QStringLiteral("swp{n}"));
    QVERIFY(!t.resolvePort(QStringLiteral("swp65")).valid());
    const PortRef eth0 = t.resolvePort(QStringLiteral("eth0"));
    QVERIFY(eth0.valid());
    QCOMPARE(eth0.group->purpose, PortPurpose::Mgmt);
    QCOMPARE(eth0.group->speedGbps, 1.0);
    QCOMPARE(eth0.group->media, QStringLiteral("RJ45"));
    // PSUs are module bays in this file: no draw anywhere, so power stays unknown, never zero.
    QVERIFY(!t.maxW.known());
    QVERIFY(!t.typicalW.known());
    QCOMPARE(t.maxW.confidence, QStringLiteral("not-found"));
    QVERIFY(t.maxW.note.contains(QStringLiteral("module bays")));
    QCOMPARE(t.psu.count.valueOr(0), 2.0);
    QCOMPARE(t.moduleBays.size(), std::size_t(2));
    QCOMPARE(t.consolePorts.size(), std::size_t(1));
    QCOMPARE(t.consolePorts.front().type, QStringLiteral("rj-45"));
    QCOMPARE(r.sources.size(), std::size_t(1));
    QVERIFY(r.sources.front().url.startsWith(QStringLiteral("https://nvdam.widen.net/")));
    QVERIFY(r.errors.isEmpty());
}

void TestNetBoxImport::sn4700MellanoxIsNvidia()
{
    NetBoxImport r;
    QVERIFY(NetBoxImporter().importFile(sample("sn4700.yml"), r));
    const DeviceType &t = r.types.front();
    QCOMPARE(t.id, QStringLiteral("nvidia-sn4700"));
    QCOMPARE(t.vendor, QStringLiteral("NVIDIA"));
    QCOMPARE(t.uHeight, 1);
    QCOMPARE(t.airflow, Airflow::Unknown);
    QVERIFY(!t.weightKg.known());
    QCOMPARE(t.portCount(PortPurpose::Data), 32);
    QCOMPARE(t.resolvePort(QStringLiteral("swp1")).group->speedGbps, 400.0);
    QCOMPARE(t.resolvePort(QStringLiteral("swp1")).group->media, QStringLiteral("QSFP-DD"));
    QCOMPARE(t.psu.count.valueOr(0), 2.0);
    QCOMPARE(t.psu.connector, QStringLiteral("C14"));
    QVERIFY(!t.maxW.known());
    QVERIFY(t.maxW.note.contains(QStringLiteral("maximum_draw")));
    QCOMPARE(NetBoxImporter::vendorName(QStringLiteral("Mellanox")),
             NetBoxImporter::vendorName(QStringLiteral("Nvidia")));
}

void TestNetBoxImport::interfaceKinds_data()
{
    QTest::addColumn<QString>("slug");
    QTest::addColumn<double>("speed");
    QTest::addColumn<QString>("media");
    QTest::newRow("800 osfp") << "800gbase-x-osfp" << 800.0 << "OSFP";
    QTest::newRow("400 qsfpdd") << "400gbase-x-qsfpdd" << 400.0 << "QSFP-DD";
    QTest::newRow("400 qsfp112") << "400gbase-x-qsfp112" << 400.0 << "QSFP112";
    QTest::newRow("400 osfp-rhs") << "400gbase-x-osfp-rhs" << 400.0 << "OSFP-RHS";
    QTest::newRow("200 qsfp56") << "200gbase-x-qsfp56" << 200.0 << "QSFP56";
    QTest::newRow("100 qsfp28") << "100gbase-x-qsfp28" << 100.0 << "QSFP28";
    QTest::newRow("25 sfp28") << "25gbase-x-sfp28" << 25.0 << "SFP28";
    QTest::newRow("1.6t") << "1.6tbase-x-osfp1600" << 1600.0 << "OSFP";
    QTest::newRow("1000base-t") << "1000base-t" << 1.0 << "RJ45";
    QTest::newRow("10gbase-t") << "10gbase-t" << 10.0 << "RJ45";
    QTest::newRow("pmd dr4") << "400gbase-dr4" << 400.0 << "DR4";
    QTest::newRow("ndr") << "infiniband-ndr" << 400.0 << "InfiniBand";
}

void TestNetBoxImport::interfaceKinds()
{
    QFETCH(QString, slug);
    QFETCH(double, speed);
    QFETCH(QString, media);
    const auto k = NetBoxImporter::interfaceKind(slug);
    QVERIFY(k.known);
    QCOMPARE(k.speedGbps, speed);
    QCOMPARE(k.media, media);
    QVERIFY(!NetBoxImporter::interfaceKind(QStringLiteral("virtual")).known);
}

void TestNetBoxImport::powerPortsGiveDrawAndConnector()
{
    const DeviceType t = importOne(R"~(manufacturer: Supermicro
model: AS-1125HS
slug: supermicro-as-1125hs
u_height: 1
is_full_depth: true
airflow: front-to-rear
weight: 40
weight_unit: lb
power-ports:
  - name: PSU1
    type: iec-60320-c14
    maximum_draw: 1200
    allocated_draw: 650
  - name: PSU2
    type: iec-60320-c14
    maximum_draw: 1200
    allocated_draw: 650
interfaces:
  - name: eno1
    type: 10gbase-t
  - name: bmc
    type: 1000base-t
    mgmt_only: true
)~");
    QCOMPARE(t.maxW.valueOr(0), 1200.0);
    QCOMPARE(t.typicalW.valueOr(0), 650.0);
    QCOMPARE(t.maxW.confidence, QStringLiteral("stated-3P"));
    QCOMPARE(t.psu.count.valueOr(0), 2.0);
    QCOMPARE(t.psu.connector, QStringLiteral("C14"));
    QCOMPARE(t.airflow, Airflow::FrontToRear);
    QVERIFY(qAbs(t.weightKg.valueOr(0) - 18.1437) < 0.001);
    QCOMPARE(t.role, Role::Other); // two data interfaces: not guessed as a switch
    QCOMPARE(t.ports.size(), std::size_t(2));
    QCOMPARE(t.ports[0].names, QStringList{QStringLiteral("eno1")});
}

void TestNetBoxImport::zeroDrawStaysUnknown()
{
    NetBoxImport r;
    const DeviceType t = importOne(R"~(manufacturer: Acme
model: Box
slug: acme-box
u_height: 1
is_full_depth: false
power-ports:
  - name: PS1
    type: iec-60320-c20
    maximum_draw: 0
)~",
                                   &r);
    QVERIFY(!t.maxW.known());
    QVERIFY(!t.typicalW.known());
    QCOMPARE(t.psu.connector, QStringLiteral("C20"));
    QVERIFY(!t.fullDepth);
    QVERIFY(r.warnings.join(QLatin1Char('\n')).contains(QStringLiteral("power-ports[0].maximum_draw")));
}

void TestNetBoxImport::unknownKeysAreWarningsWithLineAndColumn()
{
    NetBoxImport r;
    const DeviceType t = importOne(R"~(manufacturer: Nvidia
model: X
slug: nvidia-x
u_height: 1
is_full_depth: true
airflow: left-to-right
datasheet_url: https://example.com
interfaces:
  - name: swp1
    type: 400gbase-x-osfp
    speed_hint: fast
)~",
                                   &r);
    QCOMPARE(t.id, QStringLiteral("nvidia-x"));
    const QString w = r.warnings.join(QLatin1Char('\n'));
    QVERIFY2(w.contains(QStringLiteral("test.yaml:7:1: datasheet_url: unknown key ignored")), qPrintable(w));
    QVERIFY2(w.contains(QStringLiteral("test.yaml:11:5: interfaces[0].speed_hint: unknown key ignored")),
             qPrintable(w));
    QVERIFY2(w.contains(QStringLiteral("airflow")) && w.contains(QStringLiteral("left-to-right")), qPrintable(w));
    QCOMPARE(t.airflow, Airflow::Unknown);
}

void TestNetBoxImport::badFilesNameLineColumnAndKey_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<QString>("expected");
    QTest::newRow("bad u_height") << QByteArray("manufacturer: A\nmodel: B\nslug: a-b\nu_height: two\n")
                                  << QStringLiteral("bad.yaml:4:11: u_height: expected a number, found \"two\"");
    QTest::newRow("missing model") << QByteArray("manufacturer: A\nslug: a-b\nu_height: 1\n")
                                   << QStringLiteral(
                                          "bad.yaml:1:1: model: missing (required by the device-type schema)");
    QTest::newRow("syntax") << QByteArray("manufacturer: A\nmodel: [B\n") << QStringLiteral("bad.yaml:3:1: ");
    QTest::newRow("weight without unit") << QByteArray("manufacturer: A\nmodel: B\nu_height: 1\nweight: 3\n")
                                         << QStringLiteral("bad.yaml:4:9: weight_unit: missing; weight needs a unit");
    QTest::newRow("interface without type")
        << QByteArray("manufacturer: A\nmodel: B\nu_height: 1\ninterfaces:\n  - name: e0\n")
        << QStringLiteral("bad.yaml:5:5: interfaces[0].type: missing (required)");
    // yaml-cpp 0.7's LoadAll never returned on these (found by the fuzzer); marks count from the whole stream.
    QTest::newRow("stray comma") << QByteArray(",\n") << QStringLiteral("bad.yaml:1:1: ");
    QTest::newRow("stray comma and colon") << QByteArray(",:") << QStringLiteral("bad.yaml:1:1: ");
    QTest::newRow("second document") << QByteArray("---\nmanufacturer: A\nmodel: B\nslug: a-b\nu_height: "
                                                   "1\n---\nmanufacturer: A\nmodel: C\nslug: a-c\nu_height: two\n")
                                     << QStringLiteral("bad.yaml:10:11: u_height: expected a number, found \"two\"");
    QTest::newRow("interfaces not a list") << QByteArray("manufacturer: A\nmodel: B\nu_height: 1\ninterfaces: 3\n")
                                           << QStringLiteral("bad.yaml:4:13: interfaces: expected a list");
}

void TestNetBoxImport::badFilesNameLineColumnAndKey()
{
    QFETCH(QByteArray, yaml);
    QFETCH(QString, expected);
    NetBoxImport r;
    QVERIFY(!NetBoxImporter().importData(yaml, QStringLiteral("bad.yaml"), r));
    QCOMPARE(r.types.size(), std::size_t(0));
    QCOMPARE(r.errors.size(), 1);
    QVERIFY2(r.errors.first().toString().startsWith(expected), qPrintable(r.errors.first().toString()));
}

void TestNetBoxImport::everyDocumentOfAStreamImports()
{
    NetBoxImport r;
    QVERIFY(
        NetBoxImporter().importData("# two device types\n---\nmanufacturer: A\nmodel: B\nslug: a-b\nu_height: 1\n...\n"
                                    "--- # the second\nmanufacturer: A\nmodel: C\nslug: a-c\nu_height: 2\nsize: big\n",
                                    QStringLiteral("two.yaml"), r));
    QCOMPARE(r.types.size(), std::size_t(2));
    QCOMPARE(r.types[0].id, QStringLiteral("a-b"));
    QCOMPARE(r.types[1].id, QStringLiteral("a-c"));
    QCOMPARE(r.types[1].uHeight, 2);
    const QString w = r.warnings.join(QLatin1Char('\n'));
    QVERIFY2(w.contains(QStringLiteral("two.yaml:13:1: size: unknown key ignored")), qPrintable(w));
}

void TestNetBoxImport::directivesAndEndMarkersFrameDocuments()
{
    // A byte-order mark and a %YAML directive belong to the document their "---" starts.
    NetBoxImport r;
    QVERIFY(NetBoxImporter().importData(
        "\xEF\xBB\xBF%YAML 1.2\n# c\n---\nmanufacturer: A\nmodel: B\nslug: a-b\nu_height: 1\nsize: 2\n",
        QStringLiteral("d.yaml"), r));
    QCOMPARE(r.types.size(), std::size_t(1));
    QVERIFY2(r.warnings.join(QLatin1Char('\n')).contains(QStringLiteral("d.yaml:8:1: size: unknown key ignored")),
             qPrintable(r.warnings.join(QLatin1Char('\n'))));

    // After "..." a document may follow without "---"; a comment after the last one is no document.
    NetBoxImport two;
    QVERIFY(NetBoxImporter().importData("manufacturer: A\nmodel: B\nslug: a-b\nu_height: 1\n...\n"
                                        "manufacturer: A\nmodel: C\nslug: a-c\nu_height: x\n...\n# end\n",
                                        QStringLiteral("e.yaml"), two) == false);
    QCOMPARE(two.errors.size(), 1);
    QVERIFY2(two.errors.first().toString().startsWith(QStringLiteral("e.yaml:9:11: u_height: expected a number")),
             qPrintable(two.errors.first().toString()));

    // Many empty documents: the first one is refused at once, naming the line after its "---".
    NetBoxImport empty;
    QVERIFY(!NetBoxImporter().importData(QByteArray("---\n").repeated(200000), QStringLiteral("f.yaml"), empty));
    QVERIFY2(empty.errors.first().toString().startsWith(QStringLiteral("f.yaml:2:1: ")),
             qPrintable(empty.errors.first().toString()));
}

void TestNetBoxImport::folderImportFindsEverySample()
{
    NetBoxImport r;
    QVERIFY(NetBoxImporter().importPath(QStringLiteral(POCPLAN_TEST_DATA), r));
    QStringList ids;
    for (const DeviceType &t : r.types)
        ids << t.id;
    ids.sort();
    QCOMPARE(
        ids,
        (QStringList{QStringLiteral("apc-ap7553"), QStringLiteral("apc-smt3000rmi2u"), QStringLiteral("nvidia-sn4700"),
                     QStringLiteral("nvidia-sn5600"), QStringLiteral("supermicro-as-1125hs-tnr"),
                     QStringLiteral("supermicro-sys-221h-tnr")})); // library/ included
}

void TestNetBoxImport::userFileMergesAndRoundTrips()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("catalog/user-catalog.json"));
    NetBoxImport r;
    QVERIFY(NetBoxImporter().importPath(QStringLiteral(POCPLAN_TEST_DATA), r));
    UserCatalogFile file(path);
    QVERIFY(file.load(nullptr));
    for (const SourceInfo &s : r.sources)
        file.addSource(s);
    for (const DeviceType &t : r.types)
        QVERIFY(!file.upsert(t));
    QString error;
    QVERIFY2(file.save(&error), qPrintable(error));
    const QByteArray first = file.toBytes();

    // Re-importing replaces by id: still the same six types (two switches, library/), same bytes.
    UserCatalogFile again(path);
    QVERIFY(again.load(nullptr));
    QCOMPARE(again.types().size(), std::size_t(6));
    for (const DeviceType &t : r.types)
        QVERIFY(again.upsert(t));
    QCOMPARE(again.toBytes(), first);

    Catalog catalog = Catalog::builtIn();
    LoadError loadError;
    QVERIFY2(catalog.loadCatalogFile(path, Catalog::kUserLayer, &loadError), qPrintable(loadError.toString()));
    const DeviceType *sn5600 = catalog.deviceType(QStringLiteral("nvidia-sn5600"));
    QVERIFY(sn5600);
    QCOMPARE(sn5600->layer, Catalog::kUserLayer);
    QCOMPARE(sn5600->portCount(PortPurpose::Data), 64);
    QCOMPARE(sn5600->moduleBays.size(), std::size_t(2));
    QVERIFY(!sn5600->maxW.known());
    QVERIFY(catalog.source(sn5600->weightKg.source));

    // A broken user file is refused, not overwritten.
    QFile broken(path);
    QVERIFY(broken.open(QIODevice::WriteOnly));
    broken.write("{ \"format\": \"pocplanner-catalog\", ");
    broken.close();
    UserCatalogFile refused(path);
    LoadError e;
    QVERIFY(!refused.load(&e));
    QVERIFY(e.line > 0);
}

void TestNetBoxImport::layersOverrideWhateverTheLoadingOrder()
{
    Catalog catalog = Catalog::builtIn();
    DeviceType fetched = *catalog.deviceType(QStringLiteral("sw-sn5600"));
    fetched.layer = Catalog::kFetchedLayer;
    fetched.originFile = QStringLiteral("fetched.json");
    fetched.model = QStringLiteral("from fetched");
    DeviceType user = fetched;
    user.layer = Catalog::kUserLayer;
    user.originFile = QStringLiteral("user.json");
    user.model = QStringLiteral("from user");
    catalog.addDeviceType(fetched);
    catalog.addDeviceType(user); // loaded later, but a lower layer
    QCOMPARE(catalog.deviceType(QStringLiteral("sw-sn5600"))->model, QStringLiteral("from fetched"));
    const auto defs = catalog.definitions(QStringLiteral("sw-sn5600"));
    QCOMPARE(defs.size(), std::size_t(3));
    QCOMPARE(defs[0].layer, Catalog::kBuiltInLayer);
    QCOMPARE(defs[1].layer, Catalog::kUserLayer);
    QCOMPARE(defs[2].layer, Catalog::kFetchedLayer);
    QCOMPARE(defs[2].file, QStringLiteral("fetched.json"));
}

namespace {

bool hasFinding(const CheckReport &report, const QString &rule, const QString &subject)
{
    return std::any_of(report.findings.begin(), report.findings.end(),
                       [&](const Finding &f) { return f.rule == rule && f.subjects.contains(subject); });
}

} // namespace

void TestNetBoxImport::referenceSamplesImport()
{
    // The reference files as the project received them, read in place beside the checkout: the
    // test data copies must not be the only files known to import. A checkout without the shared
    // folder beside it has only the copies, which every other test here reads.
    const QString reference = QStringLiteral(POCPLAN_SOURCE_DIR "/../shared/reference/netbox-samples");
    if (!QFileInfo(reference).isDir())
        QSKIP("no shared/reference/netbox-samples beside the checkout");
    NetBoxImport fromReference;
    QVERIFY(NetBoxImporter().importPath(reference, fromReference));
    QVERIFY(fromReference.errors.isEmpty());
    NetBoxImport fromTestData;
    QVERIFY(NetBoxImporter().importFile(sample("sn4700.yml"), fromTestData));
    QVERIFY(NetBoxImporter().importFile(sample("sn5600.yaml"), fromTestData));
    QCOMPARE(fromReference.types.size(), std::size_t(2));
    QCOMPARE(fromReference.types.size(), fromTestData.types.size());
    for (std::size_t i = 0; i < fromReference.types.size(); ++i) {
        const DeviceType &a = fromReference.types[i];
        const DeviceType &b = fromTestData.types[i];
        QCOMPARE(a.id, b.id);
        QCOMPARE(a.uHeight, b.uHeight);
        QCOMPARE(a.portCount(PortPurpose::Data), b.portCount(PortPurpose::Data));
        QCOMPARE(a.airflow, b.airflow);
    }
}

void TestNetBoxImport::importedTypeIsPlacedCheckedAndExported()
{
    NetBoxImport r;
    QVERIFY(NetBoxImporter().importFile(sample("sn5600.yaml"), r));
    Catalog catalog = Catalog::builtIn();
    for (DeviceType &t : r.types)
        catalog.addDeviceType(t);
    Plan plan;
    LoadError error;
    QVERIFY(loadTemplate(QStringLiteral("poc-3c1d"), catalog, plan, &error));
    SiteProfile site;
    QVERIFY(ResolvedPlan::resolveSite(plan, catalog, site, nullptr));
    const Plan kit = plan;

    // Placed through the planner's operation, which checks the fit like for any built-in: the
    // 2U switch does not go over leaf-a (U41) or out of the 42U rack.
    const QString type = QStringLiteral("nvidia-sn5600");
    Device spine{QStringLiteral("spine1"),
                 type,
                 QStringLiteral("R1"),
                 40,
                 Face::Front,
                 QStringLiteral("spine-1"),
                 {QStringLiteral("A"), QStringLiteral("B")}};
    const ops::OpResult overlapping = ops::addDevice(plan, catalog, spine);
    QVERIFY(!overlapping);
    QVERIFY2(overlapping.error.contains(QStringLiteral("sw1")) || overlapping.error.contains(QStringLiteral("leaf-a")),
             qPrintable(overlapping.error));
    QVERIFY(!ops::checkPlacement(plan, catalog, type, {QStringLiteral("R1"), 42, Face::Front}));
    QVERIFY(ops::checkPlacement(plan, catalog, type, {QStringLiteral("R1"), 30, Face::Front}));
    spine.u = ops::findFreeU(plan, catalog, type, QStringLiteral("R1"), Face::Front, 30);
    QCOMPARE(spine.u, 30);
    const ops::OpResult placed = ops::addDevice(plan, catalog, spine);
    QVERIFY2(placed, qPrintable(placed.error));
    QCOMPARE(plan.findDevice(QStringLiteral("spine1"))->u, 30);

    // Cabled by hand to its 800G ports and its management port, with cables the site's policy chooses.
    QString why;
    const QStringList freeLeaf = linkedit::freePortsFor(plan, catalog, QStringLiteral("sw1"), 400);
    QVERIFY(!freeLeaf.isEmpty());
    QVERIFY2(linkedit::connectPorts(plan, catalog, sitePolicy(site), {QStringLiteral("spine1"), QStringLiteral("swp1")},
                                    {QStringLiteral("sw1"), freeLeaf.first()}, &why),
             qPrintable(why));
    const QStringList freeMgmt = linkedit::freePortsFor(plan, catalog, QStringLiteral("swm"), 1);
    QVERIFY(!freeMgmt.isEmpty());
    QVERIFY2(linkedit::connectPorts(plan, catalog, sitePolicy(site), {QStringLiteral("spine1"), QStringLiteral("eth0")},
                                    {QStringLiteral("swm"), freeMgmt.first()}, &why),
             qPrintable(why));
    QCOMPARE(plan.links.size(), std::size_t(24));

    // Saved and loaded again against the catalog: the type resolves like a built-in.
    const QByteArray bytes = planToBytes(plan);
    Plan reloaded;
    PlanLoadOptions options;
    options.catalog = &catalog;
    QVERIFY2(loadPlanData(bytes, QStringLiteral("with-import.pocplan.json"), reloaded, &error, options),
             qPrintable(error.toString()));
    const ResolvedPlan resolved(reloaded, catalog, site);
    QVERIFY(resolved.typeOf(QStringLiteral("spine1")));

    const PlanSummary summary = summarize(resolved);
    QCOMPARE(summary.countsByRole.value(QStringLiteral("switch")), 4);
    const PlanSummary before = summarize(ResolvedPlan(kit, catalog, site));
    QCOMPARE(summary.racks.front().usedU, before.racks.front().usedU + 2);
    QCOMPARE(summary.devicesWithUnknownPower, before.devicesWithUnknownPower + 1); // its draw is unknown, not zero
    QCOMPARE(summary.weightKg, before.weightKg + 23.5);

    // The rules read the imported figures: its rear-to-front airflow in a front-to-rear rack, its
    // unknown draw, and the 800G port against a 400G one.
    const CheckReport report = runChecks(resolved);
    QVERIFY(hasFinding(report, QStringLiteral("cooling.airflow-mix"), QStringLiteral("spine1")));
    QVERIFY(hasFinding(report, QStringLiteral("power.site-budget"), type)); // "power unknown for nvidia-sn5600 (1), …"
    QVERIFY(hasFinding(report, QStringLiteral("network.speed-mismatch"), QStringLiteral("spine1:swp1")));
    // Turned round (mounted from the rear), it blows with the rest and the airflow finding goes.
    QVERIFY(ops::moveDevice(reloaded, catalog, QStringLiteral("spine1"), {QStringLiteral("R1"), 30, Face::Rear}));
    QVERIFY(!hasFinding(runChecks(ResolvedPlan(reloaded, catalog, site)), QStringLiteral("cooling.airflow-mix"),
                        QStringLiteral("spine1")));
    QVERIFY(ops::moveDevice(reloaded, catalog, QStringLiteral("spine1"), {QStringLiteral("R1"), 30, Face::Front}));

    // Exported like a built-in: bill of materials, rack diagram, NetBox CSV and REST push.
    const ExportContext context(resolved);
    const BomData bom = buildBom(context);
    QCOMPARE(bom.quantityOf(type), 1);
    const QByteArray bomCsv = BomWriter::csv(bom);
    QVERIFY(bomCsv.contains("SN5600"));
    QVERIFY(bomCsv.contains("nvidia-sn5600"));
    const RackDiagramData diagrams = buildRackDiagrams(context);
    bool sawSpine = false;
    for (const RackFaceDiagram &face : diagrams.faces) {
        const QByteArray svg = RackDiagramWriter::svg(diagrams, face);
        if (face.face == Face::Front) {
            QVERIFY(svg.contains("spine-1"));
            sawSpine = true;
        }
    }
    QVERIFY(sawSpine);
    const QByteArray devicesCsv = NetboxCsvWriter::devices(context);
    QVERIFY(devicesCsv.contains("spine-1"));
    QVERIFY(devicesCsv.contains("SN5600"));
    QVERIFY(NetboxCsvWriter::cables(context).contains("spine-1"));

    QString text;
    QTextStream out(&text);
    NetBoxDryRunTransport transport(QUrl(QStringLiteral("http://netbox.invalid/")), out);
    NetBoxPusher pusher(resolved, transport);
    const NetBoxPushReport push = pusher.push();
    out.flush();
    QCOMPARE(push.count(QStringLiteral("failed")), 0);
    QVERIFY(text.contains(QStringLiteral("\"model\": \"SN5600\"")));
    QVERIFY(text.contains(QStringLiteral("\"airflow\": \"rear-to-front\"")));
    QVERIFY(text.contains(QStringLiteral("\"name\": \"spine-1\"")));
    QVERIFY(text.contains(QStringLiteral("\"type\": \"800gbase-x-osfp\"")));
}

void TestNetBoxImport::unknownInterfaceTypesAreLeftOut()
{
    NetBoxImport r;
    const DeviceType t = importOne(R"~(manufacturer: Acme
model: Edge
slug: acme-edge
u_height: 1
is_full_depth: true
interfaces:
  - name: swp1
    type: 400gbase-x-osfp
  - name: swp2
    type: 400gbase-x-osfp
  - name: bond0
    type: lag
  - name: fc1
    type: 32gfc-sfp28
  - name: fc2
    type: 32gfc-sfp28
  - name: eth0
    type: 1000base-t
    mgmt_only: true
)~",
                                   &r);
    // No port group at 0 Gbit/s: a rule would read that as a speed, not as unknown.
    for (const PortGroup &g : t.ports)
        QVERIFY2(g.speedGbps > 0, qPrintable(g.names.join(QLatin1Char(',')) + g.pattern));
    QCOMPARE(t.portCount(PortPurpose::Data), 2);
    QCOMPARE(t.portCount(PortPurpose::Mgmt), 1);
    QVERIFY(t.resolvePort(QStringLiteral("swp2")).valid());
    QVERIFY(!t.resolvePort(QStringLiteral("bond0")).valid());
    QVERIFY(!t.resolvePort(QStringLiteral("fc1")).valid());
    const QString w = r.warnings.join(QLatin1Char('\n'));
    QVERIFY2(w.contains(QStringLiteral(
                 "test.yaml:11:5: interfaces: interface type \"lag\" has no known speed; 1 port(s) left out (bond0)")),
             qPrintable(w));
    QVERIFY2(w.contains(QStringLiteral("test.yaml:13:5: interfaces: interface type \"32gfc-sfp28\" has no known speed; "
                                       "2 port(s) left out (fc1 … fc2)")),
             qPrintable(w));
}

void TestNetBoxImport::unknownPowerIsReportedWhenPackingRacks()
{
    NetBoxImport r;
    QVERIFY(NetBoxImporter().importFile(sample("sn5600.yaml"), r));
    const DeviceType &sn5600 = r.types.front();
    QVERIFY(!packingWKnown(&sn5600));
    const Catalog &builtIn = Catalog::builtIn();

    // Packed directly: the two leaves take no power, and each rack says how many it holds.
    RackPackRequest pack;
    pack.cnodes = 8;
    pack.dboxes = 4;
    pack.leafSwitches = 2;
    pack.cnode = builtIn.deviceType(QStringLiteral("cnode-turin"));
    pack.dbox = builtIn.deviceType(QStringLiteral("dbox-ceres-1350"));
    pack.dataSwitch = &sn5600;
    pack.rackLimitW = 1e6;
    const std::vector<RackLoad> racks = packRacks(pack);
    QCOMPARE(racks.size(), std::size_t(1));
    QCOMPARE(racks.front().leafSwitches, 2);
    QCOMPARE(racks.front().unknownPowerDevices, 2);
    QCOMPARE(racks.front().maxW, 8 * packingW(pack.cnode) + 4 * packingW(pack.dbox)); // the leaves at 0 W
    DeviceType measured = sn5600;
    measured.maxW = Figure{1500.0, QStringLiteral("TEST"), QStringLiteral("assumed"), QString()};
    pack.dataSwitch = &measured;
    QCOMPARE(packRacks(pack).front().unknownPowerDevices, 0);

    // Through sizing, with the imported type as the per-rack management switch: the Racks step says so.
    Catalog catalog = builtIn;
    for (const DeviceType &t : r.types)
        catalog.addDeviceType(t);
    const SizingData &data = SizingData::builtIn();
    SizingInputs in = SizingInputs::defaults(data);
    in.mgmtSwitchType = sn5600.id;
    const SizingResult result = SizingEngine(catalog, data).size(in);
    QVERIFY2(result.ok(), qPrintable(result.error));
    const SizingStep *step = result.step(QStringLiteral("Racks"));
    QVERIFY(step);
    QVERIFY2(step->why.contains(QStringLiteral("with unknown draw (nvidia-sn5600")) &&
                 step->why.contains(QStringLiteral("packed at 0 W")),
             qPrintable(step->why));
    int unknown = 0;
    for (const RackLoad &rack : result.design.rackLoads)
        unknown += rack.unknownPowerDevices;
    QVERIFY(unknown >= result.design.racks); // one management switch per rack, at least
}

DeviceType TestNetBoxImport::importLibrary(const char *name, NetBoxImport &r)
{
    if (!NetBoxImporter().importFile(library(name), r) || r.types.size() != 1) {
        qWarning() << (r.errors.isEmpty() ? QStringLiteral("no type") : r.errors.first().toString());
        return {};
    }
    return r.types.front();
}

void TestNetBoxImport::libraryServerMaxDrawIsNotTypical()
{
    // Supermicro AS-1125HS-TNR: two PSUs with maximum_draw 1200 W and no allocated_draw.
    NetBoxImport r;
    const DeviceType t = importLibrary("supermicro-as-1125hs-tnr.yml", r);
    QCOMPARE(t.maxW.valueOr(0), 1200.0);
    QVERIFY(!t.typicalW.known()); // never a copy of max
    QCOMPARE(t.typicalW.confidence, QStringLiteral("not-found"));
    QCOMPARE(t.psu.count.valueOr(0), 2.0);
    QCOMPARE(t.psu.connector, QStringLiteral("C14"));
    QCOMPARE(t.role, Role::Other);
    QVERIFY(t.pdu.outlets.empty());
}

void TestNetBoxImport::libraryServerPsusInModuleBaysAreNamed()
{
    // Supermicro SYS-221H-TNR: no power-ports, PSUs in module bays "PSU 1" and "PSU 2".
    NetBoxImport r;
    const DeviceType t = importLibrary("supermicro-sys-221h-tnr.yaml", r);
    QVERIFY(!t.maxW.known());
    QVERIFY(!t.typicalW.known());
    QCOMPARE(t.psu.count.valueOr(0), 2.0);
    const QString warnings = r.warnings.join(QLatin1Char('\n'));
    QVERIFY2(warnings.contains(QStringLiteral("PSUs in module bays (PSU 1, PSU 2)")), qPrintable(warnings));
    QVERIFY2(warnings.contains(QStringLiteral("draw kept unknown")), qPrintable(warnings));

    // The AS-1125HS-TNR has both: its draw comes from the power-ports, and the bays are still named.
    NetBoxImport both;
    importLibrary("supermicro-as-1125hs-tnr.yml", both);
    QVERIFY(both.warnings.join(QLatin1Char('\n')).contains(QStringLiteral("PSUs in module bays (PSU 01, PSU 02)")));
}

void TestNetBoxImport::librarySwitchWithoutDrawStaysUnknown()
{
    NetBoxImport r;
    QVERIFY(NetBoxImporter().importFile(sample("sn4700.yml"), r));
    const DeviceType &t = r.types.front();
    QCOMPARE(t.role, Role::Switch);
    QVERIFY(!t.maxW.known());
    QVERIFY(!t.typicalW.known());
    QVERIFY(!deviceDraw(&t).known); // a switch is no passive part: unknown, not 0 W
    QCOMPARE(t.psu.count.valueOr(0), 2.0);
}

void TestNetBoxImport::libraryPduOutletsAndLegs()
{
    // APC AP7553: 32 A, 230 V, (20) C13 and (4) C19 on feed leg A, one IEC 60309 inlet.
    NetBoxImport r;
    const DeviceType t = importLibrary("apc-ap7553.yaml", r);
    QCOMPARE(t.role, Role::Pdu);
    QVERIFY(!t.maxW.known());
    QVERIFY(!t.typicalW.known());
    QVERIFY(deviceDraw(&t).known); // a PDU draws nothing unless the catalog says so
    QCOMPARE(deviceDraw(&t).maxW, 0.0);
    int c13 = 0, c19 = 0;
    for (const PduOutletGroup &g : t.pdu.outlets)
        (g.connector == QLatin1String("C19") ? c19 : c13) += static_cast<int>(g.count.valueOr(0));
    QCOMPARE(c13, 20);
    QCOMPARE(c19, 4);
    QCOMPARE(t.pdu.phases.valueOr(0), 1.0); // every outlet on feed leg A
    QCOMPARE(t.pdu.phases.confidence, QStringLiteral("inferred"));

    // The same file with maximum_draw 7360 on its inlet, as the issue's PDU: a rating, not a draw.
    QFile file(library("apc-ap7553.yaml"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QByteArray yaml = file.readAll();
    yaml.replace("    type: iec-60309-2p-e-6h\n", "    type: iec-60309-2p-e-6h\n    maximum_draw: 7360\n");
    NetBoxImport rated;
    QVERIFY(NetBoxImporter().importData(yaml, QStringLiteral("ap7553-rated.yaml"), rated));
    const DeviceType &p = rated.types.front();
    QVERIFY(!p.maxW.known());
    QCOMPARE(p.psu.ratingW.valueOr(0), 7360.0);
    QCOMPARE(deviceDraw(&p).maxW, 0.0);
    QVERIFY(rated.warnings.join(QLatin1Char('\n')).contains(QStringLiteral("power-ports[0].maximum_draw")));
}

void TestNetBoxImport::libraryUpsInletIsARatingNotADraw()
{
    // APC SMT3000RMI2U: a UPS whose C14 inlet says maximum_draw 3600; (8) C13 and (1) C19 outlets.
    NetBoxImport r;
    const DeviceType t = importLibrary("apc-smt3000rmi2u.yaml", r);
    QCOMPARE(t.role, Role::Pdu); // outlets: it feeds other devices
    QVERIFY(!t.maxW.known());
    QVERIFY(!t.typicalW.known());
    QCOMPARE(t.psu.ratingW.valueOr(0), 3600.0);
    int c13 = 0, c19 = 0;
    for (const PduOutletGroup &g : t.pdu.outlets)
        (g.connector == QLatin1String("C19") ? c19 : c13) += static_cast<int>(g.count.valueOr(0));
    QCOMPARE(c13, 8);
    QCOMPARE(c19, 1);
    QVERIFY(!t.pdu.phases.known()); // the file gives no feed legs
}

void TestNetBoxImport::kitWithTwoImportedPdusStillDraws3p5kW()
{
    QFile file(library("apc-ap7553.yaml"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QByteArray yaml = file.readAll();
    yaml.replace("    type: iec-60309-2p-e-6h\n", "    type: iec-60309-2p-e-6h\n    maximum_draw: 7360\n");
    NetBoxImport r;
    QVERIFY(NetBoxImporter().importData(yaml, QStringLiteral("ap7553-rated.yaml"), r));
    Catalog catalog = Catalog::builtIn();
    catalog.addDeviceType(r.types.front());

    Plan plan;
    QVERIFY(loadTemplate(QStringLiteral("poc-3c1d"), catalog, plan, nullptr));
    for (const char *id : {"pduA", "pduB"})
        plan.findDevice(QLatin1String(id))->type = r.types.front().id;
    SiteProfile site;
    QVERIFY(ResolvedPlan::resolveSite(plan, catalog, site, nullptr));
    const ResolvedPlan resolved(plan, catalog, site);
    const PlanSummary summary = summarize(resolved);
    QCOMPARE(summary.typicalW, 3 * 500.0 + 750.0 + 2 * 630.0); // 3.51 kW, not 18.2 kW
    QCOMPARE(summary.maxW, 3 * 775.0 + 850.0 + 2 * 630.0);
    QCOMPARE(summary.devicesWithUnknownPower, 1); // the SN2201 only: the PDUs draw nothing
    const CheckReport report = runChecks(resolved);
    QStringList redundancy;
    for (const Finding &f : report.findings)
        if (f.rule == QLatin1String("power.feed-redundancy") || f.rule == QLatin1String("power.feed-capacity") ||
            f.rule == QLatin1String("power.rack-budget"))
            redundancy << f.message;
    QVERIFY2(redundancy.isEmpty(), qPrintable(redundancy.join(QLatin1Char('\n'))));
    // Its outlets are counted by power.outlets: 2 × (20 C13 + 4 C19) take every inlet of the kit.
    for (const Finding &f : report.findings)
        QVERIFY2(f.rule != QLatin1String("power.outlets") || f.severity != Severity::Error, qPrintable(f.message));
}

QTEST_GUILESS_MAIN(TestNetBoxImport)
#include "tst_netboximport.moc"
