#include "planner/io/planio.h"
#include "planner/ops/planops.h"
#include "planner/templates/templates.h"

#include <QtTest>

using namespace pp;
using namespace pp::ops;

// Plan operations: each one validates, refuses with a reason and leaves the plan untouched, and
// every remove has a restore that gives back the same plan byte for byte.
class TestPlanOps : public QObject {
    Q_OBJECT
private slots:
    void init();
    void placementRefusesOverlapAndOverflow();
    void placementAllowsOtherFaceForHalfDepth();
    void addDeviceRefusesDuplicateIdAndBadFeeds();
    void removeAndRestoreDeviceKeepsLinksAndOrder();
    void moveDevicesChecksAgainstEachOther();
    void moveBetweenRacks();
    void setDeviceValidatesEverything();
    void duplicatePicksFreeSlotsAndFreshNames();
    void findFreeU();
    void rackAddRemoveRestore();
    void rackRenameReorderHeight();
    void waivers();
    void siteOverridesAndMergePatchDiff();

private:
    Plan m_plan;
    const Catalog &m_catalog = Catalog::builtIn();
};

void TestPlanOps::init()
{
    LoadError error;
    QVERIFY2(loadTemplate(QStringLiteral("poc-3c1d"), m_catalog, m_plan, &error), qPrintable(error.toString()));
}

void TestPlanOps::placementRefusesOverlapAndOverflow()
{
    // cn1 is a 1U C-node at U22; another C-node at U22 overlaps it.
    OpResult r =
        checkPlacement(m_plan, m_catalog, QStringLiteral("cnode-turin"), {QStringLiteral("R1"), 22, Face::Front});
    QVERIFY(!r);
    QVERIFY2(r.error.contains(QStringLiteral("overlap")) && r.error.contains(QStringLiteral("cn1")),
             qPrintable(r.error));
    // The top of a 42U rack: a 2U D-box at U42 sticks out.
    r = checkPlacement(m_plan, m_catalog, QStringLiteral("dbox-maverick-5400"),
                       {QStringLiteral("R1"), 42, Face::Front});
    QVERIFY(!r);
    QVERIFY2(r.error.contains(QStringLiteral("outside rack R1")), qPrintable(r.error));
    QVERIFY(!checkPlacement(m_plan, m_catalog, QStringLiteral("cnode-turin"), {QStringLiteral("R1"), 0, Face::Front}));
    QVERIFY(!checkPlacement(m_plan, m_catalog, QStringLiteral("cnode-turin"), {QStringLiteral("R9"), 5, Face::Front}));
    QVERIFY(!checkPlacement(m_plan, m_catalog, QStringLiteral("no-such-type"), {QStringLiteral("R1"), 5, Face::Front}));
    // A free slot, and the device's own slot when it is the one being moved.
    QVERIFY(checkPlacement(m_plan, m_catalog, QStringLiteral("cnode-turin"), {QStringLiteral("R1"), 5, Face::Front}));
    QVERIFY(checkPlacement(m_plan, m_catalog, QStringLiteral("cnode-turin"), {QStringLiteral("R1"), 22, Face::Front},
                           {QStringLiteral("cn1")}));
    // 0U PDUs take no units and need U 0.
    QVERIFY(
        checkPlacement(m_plan, m_catalog, QStringLiteral("pdu-415v-32a-3ph"), {QStringLiteral("R1"), 0, Face::Rear}));
    QVERIFY(
        !checkPlacement(m_plan, m_catalog, QStringLiteral("pdu-415v-32a-3ph"), {QStringLiteral("R1"), 3, Face::Rear}));
}

void TestPlanOps::placementAllowsOtherFaceForHalfDepth()
{
    const DeviceType *sw = m_catalog.deviceType(QStringLiteral("sw-sn2201"));
    QVERIFY(sw);
    const OpResult r =
        checkPlacement(m_plan, m_catalog, QStringLiteral("sw-sn2201"), {QStringLiteral("R1"), 42, Face::Rear});
    // The management switch at U42 front: a rear device fits only when neither is full depth.
    const DeviceType *swm = m_catalog.deviceType(QStringLiteral("sw-sn2201"));
    QCOMPARE(bool(r), !swm->fullDepth && !sw->fullDepth);
}

void TestPlanOps::addDeviceRefusesDuplicateIdAndBadFeeds()
{
    const Plan before = m_plan;
    Device d{QStringLiteral("cn1"),
             QStringLiteral("cnode-turin"),
             QStringLiteral("R1"),
             5,
             Face::Front,
             QStringLiteral("x"),
             {}};
    QVERIFY(!addDevice(m_plan, m_catalog, d));
    d.id = QStringLiteral("cn9");
    d.psuFeeds = {QStringLiteral("A"), QStringLiteral("C")};
    QVERIFY(!addDevice(m_plan, m_catalog, d));
    // A type whose PSU count is known (2) refuses more feeds than PSUs.
    const DeviceType *sw = m_catalog.deviceType(QStringLiteral("sw-sn5600"));
    if (sw && sw->psu.count.known()) {
        Device s{QStringLiteral("sw9"),
                 sw->id,
                 QStringLiteral("R1"),
                 5,
                 Face::Front,
                 QStringLiteral("x"),
                 QStringList(static_cast<int>(*sw->psu.count.value) + 1, QStringLiteral("A"))};
        QVERIFY(!addDevice(m_plan, m_catalog, s));
    }
    QCOMPARE(planToBytes(m_plan), planToBytes(before));
    d.psuFeeds = {QStringLiteral("A"), QStringLiteral("B")};
    QVERIFY(addDevice(m_plan, m_catalog, d));
    QCOMPARE(m_plan.devices.size(), before.devices.size() + 1);
    QCOMPARE(m_plan.devices.back().id, QStringLiteral("cn9"));
}

void TestPlanOps::removeAndRestoreDeviceKeepsLinksAndOrder()
{
    const QByteArray before = planToBytes(m_plan);
    RemovedDevice removed;
    QVERIFY(removeDevice(m_plan, QStringLiteral("sw1"), &removed));
    QVERIFY(!m_plan.findDevice(QStringLiteral("sw1")));
    for (const Link &l : m_plan.links)
        QVERIFY(l.a.device != QLatin1String("sw1") && l.b.device != QLatin1String("sw1"));
    QCOMPARE(int(removed.uplinks.size()), 1);
    QVERIFY(removed.links.size() >= 6);
    QVERIFY(!removeDevice(m_plan, QStringLiteral("sw1"), nullptr));
    QVERIFY(restoreDevice(m_plan, removed));
    QCOMPARE(planToBytes(m_plan), before);
}

void TestPlanOps::moveDevicesChecksAgainstEachOther()
{
    // Moving cn1 and cn2 both to U5 must be refused even though U5 is free.
    const QByteArray before = planToBytes(m_plan);
    OpResult r = moveDevices(m_plan, m_catalog,
                             {{QStringLiteral("cn1"), {QStringLiteral("R1"), 5, Face::Front}},
                              {QStringLiteral("cn2"), {QStringLiteral("R1"), 5, Face::Front}}});
    QVERIFY(!r);
    QCOMPARE(planToBytes(m_plan), before);
    // Shifting the stack of three C-nodes up by one: each lands where a moved one was.
    r = moveDevices(m_plan, m_catalog,
                    {{QStringLiteral("cn1"), {QStringLiteral("R1"), 23, Face::Front}},
                     {QStringLiteral("cn2"), {QStringLiteral("R1"), 22, Face::Front}},
                     {QStringLiteral("cn3"), {QStringLiteral("R1"), 21, Face::Front}}});
    QVERIFY2(r, qPrintable(r.error));
    QCOMPARE(m_plan.findDevice(QStringLiteral("cn3"))->u, 21);
    r = moveDevice(m_plan, m_catalog, QStringLiteral("cn3"), {QStringLiteral("R1"), 41, Face::Front});
    QVERIFY(!r);
    QVERIFY2(r.error.startsWith(QStringLiteral("cnode-3 (cn3)")) && r.error.contains(QStringLiteral("sw1")),
             qPrintable(r.error));
}

void TestPlanOps::moveBetweenRacks()
{
    QVERIFY(addRack(m_plan, Rack{QStringLiteral("R2"), QStringLiteral("POC-A02"), 42, 0, 1}));
    QVERIFY(moveDevice(m_plan, m_catalog, QStringLiteral("db1"), {QStringLiteral("R2"), 1, Face::Front}));
    QCOMPARE(m_plan.findDevice(QStringLiteral("db1"))->rack, QStringLiteral("R2"));
    QVERIFY(!moveDevice(m_plan, m_catalog, QStringLiteral("cn1"), {QStringLiteral("R2"), 1, Face::Front}));
}

void TestPlanOps::setDeviceValidatesEverything()
{
    Device d = *m_plan.findDevice(QStringLiteral("cn1"));
    d.hostname = QStringLiteral("renamed");
    d.type = QStringLiteral("dbox-maverick-5400"); // 2U at U22: U23 above cn1 is free
    QVERIFY(setDevice(m_plan, m_catalog, d));
    QCOMPARE(m_plan.findDevice(QStringLiteral("cn1"))->hostname, QStringLiteral("renamed"));
    d.u = 21; // now it would cover cn2 at U21
    QVERIFY(!setDevice(m_plan, m_catalog, d));
    QCOMPARE(m_plan.findDevice(QStringLiteral("cn1"))->u, 22);
    d.u = 22;
    d.type = QStringLiteral("nope");
    QVERIFY(!setDevice(m_plan, m_catalog, d));
    d.id = QStringLiteral("ghost");
    QVERIFY(!setDevice(m_plan, m_catalog, d));
}

void TestPlanOps::duplicatePicksFreeSlotsAndFreshNames()
{
    std::vector<Device> copies;
    const OpResult r = planDuplicates(m_plan, m_catalog, {QStringLiteral("cn1"), QStringLiteral("cn2")}, &copies);
    QVERIFY2(r, qPrintable(r.error));
    QCOMPARE(int(copies.size()), 2);
    QCOMPARE(copies[0].id, QStringLiteral("cn4"));
    QCOMPARE(copies[1].id, QStringLiteral("cn5"));
    QCOMPARE(copies[0].hostname, QStringLiteral("cnode-4"));
    QCOMPARE(copies[1].hostname, QStringLiteral("cnode-5"));
    QCOMPARE(copies[0].u, 23); // the first free U above cn1
    QCOMPARE(copies[1].u, 24);
    for (const Device &c : copies)
        QVERIFY(addDevice(m_plan, m_catalog, c));
}

void TestPlanOps::findFreeU()
{
    QCOMPARE(ops::findFreeU(m_plan, m_catalog, QStringLiteral("cnode-turin"), QStringLiteral("R1"), Face::Front, 20),
             23);
    QCOMPARE(ops::findFreeU(m_plan, m_catalog, QStringLiteral("cnode-turin"), QStringLiteral("R1"), Face::Front, 1), 1);
    // From the top down: U42..40 are switches, so the nearest free slot is found below.
    QCOMPARE(ops::findFreeU(m_plan, m_catalog, QStringLiteral("cnode-turin"), QStringLiteral("R1"), Face::Front, 42),
             39);
}

void TestPlanOps::rackAddRemoveRestore()
{
    const QByteArray before = planToBytes(m_plan);
    QVERIFY(!addRack(m_plan, Rack{QStringLiteral("R1"), QStringLiteral("dup"), 42, 0, 0}));
    QVERIFY(!addRack(m_plan, Rack{QStringLiteral("R7"), QStringLiteral("tall"), 200, 0, 0}));
    RemovedRack removed;
    QVERIFY(removeRack(m_plan, QStringLiteral("R1"), &removed));
    QVERIFY(m_plan.racks.empty());
    QCOMPARE(int(removed.devices.size()), 9);
    QVERIFY(m_plan.links.empty());
    QVERIFY(restoreRack(m_plan, removed));
    QCOMPARE(planToBytes(m_plan), before);
}

void TestPlanOps::rackRenameReorderHeight()
{
    QVERIFY(addRack(m_plan, Rack{QStringLiteral("R2"), QStringLiteral("B"), 42, 0, 1}));
    QVERIFY(addRack(m_plan, Rack{QStringLiteral("R3"), QStringLiteral("C"), 42, 0, 2}));
    QVERIFY(moveRack(m_plan, QStringLiteral("R3"), 0));
    QCOMPARE(m_plan.racks[0].id, QStringLiteral("R3"));
    QCOMPARE(m_plan.racks[1].id, QStringLiteral("R1"));
    QVERIFY(!moveRack(m_plan, QStringLiteral("R3"), 3));
    QVERIFY(renameRack(m_plan, QStringLiteral("R1"), QStringLiteral("  POC-X  ")));
    QCOMPARE(m_plan.findRack(QStringLiteral("R1"))->name, QStringLiteral("POC-X"));
    QVERIFY(!renameRack(m_plan, QStringLiteral("R1"), QStringLiteral(" ")));
    const OpResult r = setRackHeight(m_plan, m_catalog, QStringLiteral("R1"), 40);
    QVERIFY(!r);
    QVERIFY2(r.error.contains(QStringLiteral("oob-1")), qPrintable(r.error));
    QVERIFY(setRackHeight(m_plan, m_catalog, QStringLiteral("R2"), 48));
}

void TestPlanOps::waivers()
{
    QVERIFY(!addWaiver(m_plan, Waiver{QStringLiteral("power.rack-budget"), QStringLiteral("R1"), QStringLiteral(" ")}));
    QVERIFY(addWaiver(
        m_plan, Waiver{QStringLiteral("power.rack-budget"), QStringLiteral("R1"), QStringLiteral("two more feeds")}));
    QVERIFY(
        !addWaiver(m_plan, Waiver{QStringLiteral("power.rack-budget"), QStringLiteral("R1"), QStringLiteral("again")}));
    Waiver removed;
    int index = -1;
    QVERIFY(removeWaiver(m_plan, QStringLiteral("power.rack-budget"), QStringLiteral("R1"), &removed, &index));
    QCOMPARE(index, 0);
    QCOMPARE(removed.reason, QStringLiteral("two more feeds"));
    QVERIFY(m_plan.waivers.empty());
    QVERIFY(!removeWaiver(m_plan, QStringLiteral("power.rack-budget"), QStringLiteral("R1")));
}

void TestPlanOps::siteOverridesAndMergePatchDiff()
{
    const Json from = Json::parse(
        R"({"power": {"budgetKW": 30, "feeds": {"amps": 32, "phases": 3}}, "network": {"pfc": true}, "x": 1})");
    const Json to = Json::parse(
        R"({"power": {"budgetKW": 10, "feeds": {"amps": 32, "phases": 3}}, "network": {"pfc": false}, "y": 2})");
    const Json patch = mergePatchDiff(from, to);
    QCOMPARE(QString::fromStdString(patch.dump()),
             QStringLiteral(R"({"x":null,"power":{"budgetKW":10},"network":{"pfc":false},"y":2})"));
    Json applied = from;
    applied.merge_patch(patch);
    QCOMPARE(applied, to);

    QVERIFY(
        setSite(m_plan, m_catalog, QStringLiteral("customer-lab-poc"), Json::parse(R"({"power": {"budgetKW": 5}})")));
    QCOMPARE(m_plan.site.overrides["power"]["budgetKW"].get<int>(), 5);
    QVERIFY(!setSite(m_plan, m_catalog, QStringLiteral("nowhere"), Json::object()));
    QVERIFY(!setSite(m_plan, m_catalog, QStringLiteral("customer-lab-poc"),
                     Json::parse(R"({"power": {"budgetKW": "lots"}})")));
    QCOMPARE(m_plan.site.overrides["power"]["budgetKW"].get<int>(), 5);
}

QTEST_GUILESS_MAIN(TestPlanOps)
#include "tst_planops.moc"
