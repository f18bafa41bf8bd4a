#include "planner/ops/devicenamer.h"
#include "planner/ops/feedpolicy.h"
#include "planner/ops/planops.h"
#include "planner/sizing/planbuilder.h"
#include "planner/sizing/sizingdata.h"
#include "planner/sizing/sizingengine.h"
#include "planner/templates/templates.h"
#include "planner/topology/autocabler.h"

#include <QtTest>
#include <unordered_set>

using namespace pp;
using namespace pp::ops;

// Device naming and the PSU feed policy: one set of operations that the editor, the plan builder,
// the auto-cabler and duplicates use, and hostnames that are never handed out twice in a plan.
class TestDeviceNaming : public QObject {
    Q_OBJECT
private slots:
    void prefixesByRole();
    void idsAndHostnamesSkipWhatIsUsed();
    void hostnameAfterFollowsItsNumbering();
    void uniqueHostnameKeepsAFreeWish();
    void feedsAlternateByPsuCount();
    void cablerNeverReusesAHostname();
    void builtPlanHasUniqueNamesAndValidFeeds();
};

static Device device(const QString &id, const QString &hostname)
{
    Device d;
    d.id = id;
    d.hostname = hostname;
    return d;
}

void TestDeviceNaming::prefixesByRole()
{
    QCOMPARE(namePrefixes(Role::CNode).id, QStringLiteral("cn"));
    QCOMPARE(namePrefixes(Role::CNode).hostname, QStringLiteral("cnode-"));
    QCOMPARE(namePrefixes(Role::DBox).hostname, QStringLiteral("dbox-"));
    QCOMPARE(namePrefixes(Role::Switch).id, QStringLiteral("sw"));
    QCOMPARE(namePrefixes(Role::Other).id, unknownTypeNamePrefixes().id);
    QCOMPARE(numberedPrefix(QStringLiteral("R1-db12")), QStringLiteral("R1-db"));
    QCOMPARE(numberedPrefix(QStringLiteral("42")), QStringLiteral("dev"));
}

void TestDeviceNaming::idsAndHostnamesSkipWhatIsUsed()
{
    Plan plan;
    plan.devices = {device(QStringLiteral("cn1"), QStringLiteral("cnode-2")),
                    device(QStringLiteral("cn3"), QStringLiteral("cnode-1"))};
    DeviceNamer namer(plan);
    QCOMPARE(namer.nextId(QStringLiteral("cn")), QStringLiteral("cn2"));
    QCOMPARE(namer.nextId(QStringLiteral("cn")), QStringLiteral("cn4")); // cn3 is taken, cn2 was just handed out
    QCOMPARE(namer.nextHostname(QStringLiteral("cnode-")), QStringLiteral("cnode-3"));
    QCOMPARE(namer.nextHostname(QStringLiteral("cnode-")), QStringLiteral("cnode-4"));
    QVERIFY(namer.idInUse(QStringLiteral("cn4")));
    QVERIFY(namer.hostnameInUse(QStringLiteral("cnode-4")));
    QVERIFY(!namer.hostnameInUse(QStringLiteral("cnode-5")));
}

void TestDeviceNaming::hostnameAfterFollowsItsNumbering()
{
    Plan plan;
    plan.devices = {device(QStringLiteral("a"), QStringLiteral("cnode-3")),
                    device(QStringLiteral("b"), QStringLiteral("cnode-4")),
                    device(QStringLiteral("c"), QStringLiteral("web"))};
    DeviceNamer namer(plan);
    QCOMPARE(namer.hostnameAfter(QStringLiteral("cnode-3")), QStringLiteral("cnode-5"));
    QCOMPARE(namer.hostnameAfter(QStringLiteral("cnode-3")), QStringLiteral("cnode-6"));
    QCOMPARE(namer.hostnameAfter(QStringLiteral("web")), QStringLiteral("web-2"));
    QCOMPARE(namer.hostnameAfter(QStringLiteral("42")), QStringLiteral("42-2"));
}

void TestDeviceNaming::uniqueHostnameKeepsAFreeWish()
{
    Plan plan;
    plan.devices = {device(QStringLiteral("x"), QStringLiteral("pdu-1-a"))};
    DeviceNamer namer(plan);
    QCOMPARE(namer.uniqueHostname(QStringLiteral("pdu-1-b")), QStringLiteral("pdu-1-b"));
    QCOMPARE(namer.uniqueHostname(QStringLiteral("pdu-1-b")), QStringLiteral("pdu-1-b-2"));
    QCOMPARE(namer.uniqueHostname(QStringLiteral("leaf-1")), QStringLiteral("leaf-1"));
    QCOMPARE(namer.uniqueHostname(QStringLiteral("leaf-1")), QStringLiteral("leaf-2"));
}

void TestDeviceNaming::feedsAlternateByPsuCount()
{
    DeviceType t;
    t.role = Role::CNode;
    QCOMPARE(defaultPsuFeeds(t), (QStringList{QStringLiteral("A"), QStringLiteral("B")})); // unknown: dual
    t.psu.count.value = 1;
    QCOMPARE(defaultPsuFeeds(t), QStringList{QStringLiteral("A")});
    t.psu.count.value = 4;
    QCOMPARE(defaultPsuFeeds(t),
             (QStringList{QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("A"), QStringLiteral("B")}));
    DeviceType pdu;
    pdu.role = Role::Pdu;
    QVERIFY(defaultPsuFeeds(pdu).isEmpty());
}

// A plan whose devices already use the hostnames the cabler would pick for the switches it adds.
void TestDeviceNaming::cablerNeverReusesAHostname()
{
    const Catalog &catalog = Catalog::builtIn();
    Plan plan;
    LoadError error;
    QVERIFY2(loadTemplate(QStringLiteral("poc-3c1d"), catalog, plan, &error), qPrintable(error.toString()));
    // Remove the data switches so that the cabler must add a pair, and give their would-be hostnames away.
    std::vector<Device> kept;
    for (const Device &d : plan.devices) {
        const DeviceType *t = catalog.deviceType(d.type);
        if (!t || t->role != Role::Switch || t->id == QLatin1String("sw-sn2201"))
            kept.push_back(d);
    }
    plan.devices = kept;
    plan.links.clear();
    plan.uplinks.clear();
    for (int i = 0; i < 4 && i < static_cast<int>(plan.devices.size()); ++i)
        plan.devices[static_cast<std::size_t>(i)].hostname = QStringLiteral("leaf-%1").arg(i + 1);
    const SiteProfile *site = catalog.site(plan.site.profile);
    QVERIFY(site);
    const CablingReport report = autoCable(plan, catalog, *site);
    QVERIFY2(report.switchesAdded > 0, qPrintable(report.errors.join(QLatin1Char('\n'))));
    std::unordered_set<QString> hostnames;
    for (const Device &d : plan.devices)
        QVERIFY2(d.hostname.isEmpty() || hostnames.insert(d.hostname).second, qPrintable(d.hostname));
}

void TestDeviceNaming::builtPlanHasUniqueNamesAndValidFeeds()
{
    const Catalog &catalog = Catalog::builtIn();
    SizingInputs in = SizingInputs::defaults(SizingData::builtIn());
    in.applySite(*catalog.site(QStringLiteral("customer-lab-poc")));
    in.fixedCnodes = 40; // several racks, leaves and PDUs to name
    in.fixedDboxes = 20;
    const SizingResult result = SizingEngine(catalog, SizingData::builtIn()).size(in);
    QVERIFY2(result.ok(), qPrintable(result.error));
    Plan plan;
    QString error;
    QVERIFY2(PlanBuilder(catalog).build(result, PlanBuildOptions(), plan, &error), qPrintable(error));
    std::unordered_set<QString> ids;
    std::unordered_set<QString> hostnames;
    for (const Device &d : plan.devices) {
        QVERIFY2(ids.insert(d.id).second, qPrintable(d.id));
        QVERIFY2(hostnames.insert(d.hostname).second, qPrintable(d.hostname));
        const DeviceType *t = catalog.deviceType(d.type);
        QVERIFY(t);
        QCOMPARE(d.psuFeeds, defaultPsuFeeds(*t));
    }
    QVERIFY(ids.count(QStringLiteral("cn1")) && ids.count(QStringLiteral("db1")));
    QVERIFY(hostnames.count(QStringLiteral("cnode-1")) && hostnames.count(QStringLiteral("pdu-1-a")));
}

QTEST_GUILESS_MAIN(TestDeviceNaming)
#include "tst_devicenaming.moc"
