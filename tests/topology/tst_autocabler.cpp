#include "planner/model/resolvedplan.h"
#include "planner/rules/ruleengine.h"
#include "planner/templates/generatedplan.h"
#include "planner/templates/templates.h"
#include "planner/topology/autocabler.h"
#include "planner/topology/cablechooser.h"
#include "planner/topology/linkedit.h"
#include "planner/topology/portallocator.h"

#include <QSet>
#include <QtTest>

using namespace pp;

// Auto-cabling, port allocation and cable choice on the 3C+1D kit and generated plans.
class TestAutoCabler : public QObject {
    Q_OBJECT
private slots:
    void breakoutAccounting();
    void kitIsDualHomedWithSiteUplinks();
    void kitSurvivesLosingEitherSwitch();
    void kitHasNoNetworkErrors();
    void kitPortMapIsReadable();
    void manualLinksSurviveRerun();
    void rerunIsStable();
    void twentyRacksNoPortTwiceLengthsGrow();
    void oversubscriptionCutsUplinks();
    void aocPolicyForNodeLinks();
    void addsLeafPairWhenNoSwitch();
    void handEditsNeverBookTwice();
    void cableChoiceAndLengths();
};

static Plan kit()
{
    Plan plan;
    LoadError error;
    if (!loadTemplate(QStringLiteral("poc-3c1d"), Catalog::builtIn(), plan, &error))
        qFatal("%s", qPrintable(error.toString()));
    return plan;
}

static SiteProfile siteOf(const Plan &plan)
{
    SiteProfile site;
    QString error;
    if (!ResolvedPlan::resolveSite(plan, Catalog::builtIn(), site, &error))
        qFatal("%s", qPrintable(error));
    return site;
}

static CablingReport cable(Plan &plan, CablingOptions options = {})
{
    return autoCable(plan, Catalog::builtIn(), siteOf(plan), options);
}

// Books every link end (and uplink) in a fresh allocator: fails on any port used twice.
static QString doubleBooking(const Plan &plan)
{
    PortAllocator ports;
    QHash<QString, int> index;
    for (const Device &d : plan.devices)
        index.insert(d.id, ports.addDevice(Catalog::builtIn().deviceType(d.type)));
    for (const Link &l : plan.links) {
        const DeviceType *c = Catalog::builtIn().deviceType(l.cable);
        for (const Endpoint *e : {&l.a, &l.b}) {
            const int dev = index.value(e->device, -1);
            const bool lane = ports.type(dev)->resolvePort(e->port).lane >= 0;
            QString why;
            if (ports.book(dev, e->port, lane && c ? c->cable.legs : 0, &why) != PortAllocator::Status::Ok)
                return e->toString() + QStringLiteral(": ") + why;
        }
    }
    for (const Uplink &u : plan.uplinks) {
        QString why;
        if (ports.book(index.value(u.device), u.port, 0, &why) != PortAllocator::Status::Ok)
            return u.device + QLatin1Char(':') + u.port + QStringLiteral(" (uplink): ") + why;
    }
    return QString();
}

static QStringList dataPeers(const Plan &plan, const QString &device, const QString &port)
{
    QStringList peers;
    for (const Link &l : plan.links) {
        if (l.a.device == device && (port.isEmpty() || l.a.port == port))
            peers << l.b.device;
        if (l.b.device == device && (port.isEmpty() || l.b.port == port))
            peers << l.a.device;
    }
    return peers;
}

void TestAutoCabler::breakoutAccounting()
{
    const DeviceType *sn4700 = Catalog::builtIn().deviceType(QStringLiteral("sw-sn4700"));
    const DeviceType *sn5600 = Catalog::builtIn().deviceType(QStringLiteral("sw-sn5600"));
    QVERIFY(sn4700 && sn5600);
    PortAllocator ports;
    const int sw = ports.addDevice(sn4700);
    const int big = ports.addDevice(sn5600);
    using S = PortAllocator::Status;
    QCOMPARE(ports.book(sw, QStringLiteral("swp1s0"), 2), S::Ok);
    QCOMPARE(ports.book(sw, QStringLiteral("swp1s1")), S::Ok);                  // lane count inferred from the port
    QCOMPARE(ports.book(sw, QStringLiteral("swp1s1")), S::Taken);               // never twice
    QCOMPARE(ports.book(sw, QStringLiteral("swp1")), S::BreakoutConflict);      // the whole port is split
    QCOMPARE(ports.book(sw, QStringLiteral("swp1s3"), 4), S::BreakoutConflict); // already 2 lanes, not 4
    QCOMPARE(ports.book(sw, QStringLiteral("swp1s7")), S::UnknownPort);
    QCOMPARE(ports.book(sw, QStringLiteral("swp2")), S::Ok);
    QCOMPARE(ports.book(sw, QStringLiteral("swp2s0")), S::BreakoutConflict); // used whole
    QCOMPARE(ports.book(sw, QStringLiteral("swp33")), S::UnknownPort);
    QCOMPARE(ports.physicalPortsUsed(sw), 2); // a split port counts once
    QCOMPARE(ports.lanesUsed(sw), 3);
    QCOMPARE(ports.portLanes(sw, 0, 0), 2);
    ports.release(sw, QStringLiteral("swp1s0"));
    ports.release(sw, QStringLiteral("swp1s1"));
    QCOMPARE(ports.portLanes(sw, 0, 0), 0);
    QCOMPARE(ports.book(sw, QStringLiteral("swp1s3"), 4), S::Ok); // free again: 4 × 100G now allowed

    // bookNext fills lanes in order and opens a fresh port on request.
    QCOMPARE(ports.bookNext(sw, 0, 2, 3, 2), QStringLiteral("swp3s0"));
    QCOMPARE(ports.bookNext(sw, 0, 2, 3, 2), QStringLiteral("swp3s1"));
    QCOMPARE(ports.bookNext(sw, 0, 2, 3, 2), QStringLiteral("swp4s0"));
    QCOMPARE(ports.bookNext(sw, 0, 2, 3, 2, true), QString()); // no unused port left in 3..4
    QCOMPARE(ports.freeSlots(sw, 0, 2, 3, 2), 1);
    QCOMPARE(PortAllocator::lanesFor(sn4700->ports.front(), 200), 2);
    QCOMPARE(PortAllocator::lanesFor(sn4700->ports.front(), 400), 1);
    QCOMPARE(PortAllocator::lanesFor(sn5600->ports.front(), 200), 4);
    QCOMPARE(ports.bookNext(big, 0, 0, 0, 4), QStringLiteral("swp1s0"));
    QCOMPARE(ports.freeSlots(big, 0, 0, 0, 4), 3);
}

void TestAutoCabler::kitIsDualHomedWithSiteUplinks()
{
    Plan plan = kit();
    const CablingReport report = cable(plan);
    QVERIFY2(report.errors.isEmpty(), qPrintable(report.errors.join(QLatin1Char('\n'))));
    QVERIFY2(doubleBooking(plan).isEmpty(), qPrintable(doubleBooking(plan)));
    QVERIFY(!report.leafSpine);
    QCOMPARE(report.switchesAdded, 0);
    // Uplinks match the site: 2 × 400 GbE, one per switch of the pair.
    const SiteProfile site = siteOf(plan);
    QCOMPARE(int(plan.uplinks.size()), site.network.uplinksRequired);
    QCOMPARE(int(plan.uplinks.size()), 2);
    QSet<QString> uplinkSwitches;
    for (const Uplink &u : plan.uplinks) {
        QCOMPARE(u.speedGbps, 400.0);
        uplinkSwitches.insert(u.device);
    }
    QCOMPARE(uplinkSwitches, (QSet<QString>{QStringLiteral("sw1"), QStringLiteral("sw2")}));
    // Every data and DPU port is connected; every link has a cable, a length and a label.
    for (const QString &port : {QStringLiteral("cn1:p1"), QStringLiteral("cn3:p2"), QStringLiteral("db1:dpu1-p1"),
                                QStringLiteral("db1:dpu2-p2")}) {
        Endpoint e;
        Endpoint::parse(port, e);
        QCOMPARE(dataPeers(plan, e.device, e.port).size(), 1);
    }
    QSet<QString> labels;
    for (const Link &l : plan.links) {
        QVERIFY2(!l.cable.isEmpty(), qPrintable(l.a.toString()));
        QVERIFY(l.lengthM > 0);
        QVERIFY(!l.label.isEmpty());
        labels.insert(l.label);
    }
    QCOMPARE(labels.size(), int(plan.links.size()));
    // ISLs between the pair, management and BMC to the management switch.
    int isl = 0, mgmt = 0;
    for (const Link &l : plan.links) {
        if (l.a.device == QLatin1String("sw1") && l.b.device == QLatin1String("sw2"))
            ++isl;
        if (l.b.device == QLatin1String("swm"))
            ++mgmt;
    }
    QCOMPARE(isl, 2);
    QCOMPARE(mgmt, 3 * 2 + 2 + 2); // 3 C-nodes × (mgmt + bmc), D-box 2 × BMC, 2 switch eth0
}

void TestAutoCabler::kitSurvivesLosingEitherSwitch()
{
    Plan plan = kit();
    cable(plan);
    for (const QString &lost : {QStringLiteral("sw1"), QStringLiteral("sw2")}) {
        const QString other = lost == QLatin1String("sw1") ? QStringLiteral("sw2") : QStringLiteral("sw1");
        for (const Device &d : plan.devices) {
            const Role role = Catalog::builtIn().deviceType(d.type)->role;
            if (role != Role::CNode && role != Role::DBox)
                continue;
            QStringList reachable;
            for (const Link &l : plan.links) {
                if (l.a.device == d.id && l.b.device != lost && !l.a.port.startsWith(QLatin1String("bmc")) &&
                    l.a.port != QLatin1String("mgmt"))
                    reachable << l.b.device;
            }
            QVERIFY2(reachable.contains(other),
                     qPrintable(QStringLiteral("%1 loses the data network without %2").arg(d.id, lost)));
            if (role == Role::DBox) // each DPU of the D-box keeps a path, too
                for (const QString &dpu : {QStringLiteral("dpu1"), QStringLiteral("dpu2")}) {
                    bool ok = false;
                    for (const Link &l : plan.links)
                        ok = ok || (l.a.device == d.id && l.a.port.startsWith(dpu) && l.b.device == other);
                    QVERIFY2(ok, qPrintable(d.id + QLatin1Char(' ') + dpu));
                }
        }
    }
}

void TestAutoCabler::kitHasNoNetworkErrors()
{
    Plan plan = kit();
    cable(plan);
    const ResolvedPlan resolved(plan, Catalog::builtIn(), siteOf(plan));
    const CheckReport report = runChecks(resolved);
    for (const Finding &f : report.findings)
        QVERIFY2(!(f.rule.startsWith(QLatin1String("network.")) && f.severity == Severity::Error),
                 qPrintable(f.rule + QStringLiteral(": ") + f.message));
}

void TestAutoCabler::kitPortMapIsReadable()
{
    Plan plan = kit();
    cable(plan);
    // Node ports low (C-nodes first, D-box on a fresh port), uplinks at 27, ISLs at the top.
    QCOMPARE(dataPeers(plan, QStringLiteral("cn1"), QStringLiteral("p1")), QStringList{QStringLiteral("sw1")});
    const auto linkOf = [&](const QString &a) {
        for (const Link &l : plan.links)
            if (l.a.toString() == a)
                return l;
        return Link{};
    };
    QCOMPARE(linkOf(QStringLiteral("cn1:p1")).b.toString(), QStringLiteral("sw1:swp1s0"));
    QCOMPARE(linkOf(QStringLiteral("cn1:p2")).b.toString(), QStringLiteral("sw2:swp1s0"));
    QCOMPARE(linkOf(QStringLiteral("cn2:p1")).b.toString(), QStringLiteral("sw1:swp1s1"));
    QCOMPARE(linkOf(QStringLiteral("cn3:p1")).b.toString(), QStringLiteral("sw1:swp2s0"));
    QCOMPARE(linkOf(QStringLiteral("db1:dpu1-p1")).b.toString(), QStringLiteral("sw1:swp3s0"));
    QCOMPARE(linkOf(QStringLiteral("db1:dpu2-p2")).b.toString(), QStringLiteral("sw2:swp3s1"));
    QCOMPARE(linkOf(QStringLiteral("cn1:p1")).cable, QStringLiteral("dac-400g-2x200g"));
    QCOMPARE(linkOf(QStringLiteral("cn1:p1")).label, QStringLiteral("cnode-1:p1--leaf-a:swp1s0"));
    QCOMPARE(linkOf(QStringLiteral("sw1:swp31")).b.toString(), QStringLiteral("sw2:swp31"));
    QCOMPARE(linkOf(QStringLiteral("sw1:swp32")).cable, QStringLiteral("dac-400g"));
    QCOMPARE(plan.uplinks.front().port, QStringLiteral("swp27"));
    // Both legs of one breakout cable get the same length.
    QCOMPARE(linkOf(QStringLiteral("cn1:p1")).lengthM, linkOf(QStringLiteral("cn2:p1")).lengthM);
}

void TestAutoCabler::manualLinksSurviveRerun()
{
    Plan plan = kit();
    cable(plan);
    // By hand: cn1:p1 to sw1:swp20 (whole port) and the D-box BMC to port 40 of the OOB switch.
    for (auto it = plan.links.begin(); it != plan.links.end();)
        it = (it->a.toString() == QLatin1String("cn1:p1") || it->a.toString() == QLatin1String("db1:bmc1"))
            ? plan.links.erase(it)
            : it + 1;
    Link hand;
    Endpoint::parse(QStringLiteral("cn1:p1"), hand.a);
    Endpoint::parse(QStringLiteral("sw1:swp20"), hand.b);
    hand.cable = QStringLiteral("dac-200g");
    hand.lengthM = 2;
    hand.label = QStringLiteral("by hand");
    hand.manual = true;
    plan.links.push_back(hand);
    Link bmc = hand;
    Endpoint::parse(QStringLiteral("db1:bmc1"), bmc.a);
    Endpoint::parse(QStringLiteral("swm:swp40"), bmc.b);
    bmc.cable = QStringLiteral("cat6-1g");
    plan.links.push_back(bmc);

    const CablingReport report = cable(plan);
    QVERIFY2(report.errors.isEmpty(), qPrintable(report.errors.join(QLatin1Char('\n'))));
    QCOMPARE(report.manualKept, 2);
    QVERIFY2(doubleBooking(plan).isEmpty(), qPrintable(doubleBooking(plan)));
    int found = 0;
    for (const Link &l : plan.links) {
        if (l.a.toString() == QLatin1String("cn1:p1")) {
            QCOMPARE(l.b.toString(), QStringLiteral("sw1:swp20"));
            QVERIFY(l.manual);
            QCOMPARE(l.label, QStringLiteral("by hand"));
            ++found;
        }
        if (l.a.toString() == QLatin1String("db1:bmc1")) {
            QCOMPARE(l.b.toString(), QStringLiteral("swm:swp40"));
            ++found;
        }
    }
    QCOMPARE(found, 2);
}

void TestAutoCabler::rerunIsStable()
{
    Plan once = kit();
    cable(once);
    Plan twice = once;
    cable(twice);
    QCOMPARE(twice.links.size(), once.links.size());
    for (std::size_t i = 0; i < once.links.size(); ++i) {
        QCOMPARE(twice.links[i].a.toString(), once.links[i].a.toString());
        QCOMPARE(twice.links[i].b.toString(), once.links[i].b.toString());
        QCOMPARE(twice.links[i].lengthM, once.links[i].lengthM);
    }
}

void TestAutoCabler::twentyRacksNoPortTwiceLengthsGrow()
{
    Plan plan = generatePlan(20);
    plan.links.clear();
    plan.uplinks.clear();
    const CablingReport report = cable(plan);
    QVERIFY2(report.errors.isEmpty(), qPrintable(report.errors.join(QLatin1Char('\n'))));
    QVERIFY2(doubleBooking(plan).isEmpty(), qPrintable(doubleBooking(plan)));
    QVERIFY(report.leafSpine);
    QCOMPARE(report.leafPairs, 20);
    QVERIFY(report.spines >= 2);
    QCOMPARE(int(plan.uplinks.size()), 2);
    // For each spine, links from leaves further away are never shorter.
    QHash<QString, int> rackPos;
    for (const Rack &r : plan.racks)
        rackPos.insert(r.id, r.row * 1000 + r.position);
    QHash<QString, QString> rackOf;
    for (const Device &d : plan.devices)
        rackOf.insert(d.id, d.rack);
    QMap<QString, QMap<int, double>> bySpine; // spine → rack distance → longest length at that distance
    int fabric = 0;
    for (const Link &l : plan.links) {
        if (!l.b.device.startsWith(QLatin1String("spine")) || !l.a.device.endsWith(QLatin1String("leafa")))
            continue;
        ++fabric;
        QVERIFY2(!l.cable.isEmpty(), qPrintable(l.label));
        const int distance =
            std::abs(rackPos.value(rackOf.value(l.a.device)) - rackPos.value(rackOf.value(l.b.device)));
        double &at = bySpine[l.b.device][distance];
        at = std::max(at, l.lengthM);
    }
    QVERIFY(fabric > 0);
    for (auto it = bySpine.cbegin(); it != bySpine.cend(); ++it) {
        double last = 0;
        for (auto d = it->cbegin(); d != it->cend(); ++d) {
            QVERIFY2(d.value() >= last,
                     qPrintable(QStringLiteral("%1: %2 m at distance %3 after %4 m")
                                    .arg(it.key())
                                    .arg(d.value())
                                    .arg(d.key())
                                    .arg(last)));
            last = d.value();
        }
        QVERIFY(it->size() > 1);
        QVERIFY(it->last() > it->first()); // lengths really grow
    }
}

void TestAutoCabler::oversubscriptionCutsUplinks()
{
    const auto fabricLinks = [](double ratio) {
        Plan plan = generatePlan(4);
        plan.links.clear();
        CablingOptions options;
        options.oversubscription = ratio;
        autoCable(plan, Catalog::builtIn(), siteOf(plan), options);
        return std::count_if(plan.links.begin(), plan.links.end(),
                             [](const Link &l) { return l.b.device.startsWith(QLatin1String("spine")); });
    };
    const auto nonBlocking = fabricLinks(1.0);
    const auto threeToOne = fabricLinks(3.0);
    QVERIFY(nonBlocking > 0);
    QVERIFY2(threeToOne * 2 < nonBlocking, qPrintable(QStringLiteral("%1 vs %2").arg(threeToOne).arg(nonBlocking)));
}

void TestAutoCabler::aocPolicyForNodeLinks()
{
    Plan plan = kit();
    CablingOptions options;
    options.policy = CablePolicy::builtIn(QStringLiteral("aoc-node-links"));
    QVERIFY(options.policy);
    const CablingReport report = cable(plan, options);
    QVERIFY2(report.errors.isEmpty(), qPrintable(report.errors.join(QLatin1Char('\n'))));
    for (const Link &l : plan.links) {
        const DeviceType *c = Catalog::builtIn().deviceType(l.cable);
        QVERIFY(c);
        if (l.a.device.startsWith(QLatin1String("cn")) && !l.a.port.startsWith(QLatin1String("bmc")) &&
            l.a.port != QLatin1String("mgmt"))
            QVERIFY2(c->cable.kind.contains(QLatin1String("aoc")),
                     qPrintable(l.label + QStringLiteral(" uses ") + l.cable));
        if (l.a.device == QLatin1String("sw1") && l.b.device == QLatin1String("sw2")) // ISL within 1 m stays copper
            QVERIFY2(c->cable.kind == QLatin1String("dac") && l.lengthM <= 1.0, qPrintable(l.label));
    }
}

void TestAutoCabler::addsLeafPairWhenNoSwitch()
{
    Plan plan = kit();
    plan.links.clear();
    plan.devices.erase(
        std::remove_if(plan.devices.begin(), plan.devices.end(),
                       [](const Device &d) { return d.id == QLatin1String("sw1") || d.id == QLatin1String("sw2"); }),
        plan.devices.end());
    const CablingReport report = cable(plan);
    QVERIFY2(report.errors.isEmpty(), qPrintable(report.errors.join(QLatin1Char('\n'))));
    QCOMPARE(report.switchesAdded, 2);
    QVERIFY(!report.leafSpine);
    QVERIFY(plan.findDevice(QStringLiteral("leaf1")) && plan.findDevice(QStringLiteral("leaf2")));
    QCOMPARE(dataPeers(plan, QStringLiteral("db1"), QString()).count(QStringLiteral("leaf2")), 2);
    QVERIFY2(doubleBooking(plan).isEmpty(), qPrintable(doubleBooking(plan)));
}

void TestAutoCabler::handEditsNeverBookTwice()
{
    Plan plan = kit();
    cable(plan);
    const CablePolicy &policy = CablePolicy::defaultPolicy();
    Endpoint cn1p1, sw1port, free;
    Endpoint::parse(QStringLiteral("cn1:p1"), cn1p1);
    Endpoint::parse(QStringLiteral("sw1:swp1s0"), sw1port);
    QString why;
    // Taken ports are refused with the reason.
    Endpoint::parse(QStringLiteral("sw1:swp5s0"), free);
    QVERIFY(!linkedit::connectPorts(plan, Catalog::builtIn(), policy, cn1p1, free, &why));
    QVERIFY2(why.contains(QLatin1String("already connected")), qPrintable(why));
    // Free lanes for a 200G node port on the 400G switch: swp1 is full, swp2s1 is free.
    const QStringList lanes = linkedit::freePortsFor(plan, Catalog::builtIn(), QStringLiteral("sw1"), 200);
    QVERIFY(!lanes.contains(QStringLiteral("swp1s0")));
    QVERIFY(lanes.contains(QStringLiteral("swp2s1")));
    QVERIFY(!lanes.contains(QStringLiteral("swp27"))); // the uplink's port
    // Disconnect, reconnect by hand elsewhere: manual, with a cable and a label.
    QVERIFY(linkedit::disconnectPort(plan, cn1p1));
    QVERIFY(!linkedit::disconnectPort(plan, cn1p1));
    QVERIFY2(linkedit::connectPorts(plan, Catalog::builtIn(), policy, cn1p1, free, &why), qPrintable(why));
    const Link &made = plan.links.back();
    QVERIFY(made.manual);
    QCOMPARE(made.cable, QStringLiteral("dac-400g-2x200g"));
    QVERIFY(made.lengthM > 0);
    QCOMPARE(made.label, QStringLiteral("cnode-1:p1--leaf-a:swp5s0"));
    QVERIFY2(doubleBooking(plan).isEmpty(), qPrintable(doubleBooking(plan)));
    const auto ports = linkedit::portsOf(plan, Catalog::builtIn(), QStringLiteral("sw1"));
    const auto it =
        std::find_if(ports.begin(), ports.end(), [](const PortStatus &p) { return p.port == QLatin1String("swp5s0"); });
    QVERIFY(it != ports.end());
    QCOMPARE(it->peer, QStringLiteral("cn1:p1"));
    QVERIFY(it->manual);
    QCOMPARE(it->speedGbps, 200.0); // a lane runs at the lane speed
    const auto lane =
        std::find_if(ports.begin(), ports.end(), [](const PortStatus &p) { return p.port == QLatin1String("swp2s1"); });
    QVERIFY(lane != ports.end()); // the free lane of a split port is listed too
    QVERIFY(lane->peer.isEmpty());
    // A re-run keeps the hand-made link and cables the freed lane for nobody else twice.
    cable(plan);
    QVERIFY2(doubleBooking(plan).isEmpty(), qPrintable(doubleBooking(plan)));
    QCOMPARE(dataPeers(plan, QStringLiteral("cn1"), QStringLiteral("p1")), QStringList{QStringLiteral("sw1")});
}

void TestAutoCabler::cableChoiceAndLengths()
{
    const CableChooser chooser(Catalog::builtIn(), CablePolicy::defaultPolicy());
    Rack r1{QStringLiteral("R1"), QString(), 42, 1, 1};
    Rack r2{QStringLiteral("R2"), QString(), 42, 1, 2};
    Rack far{QStringLiteral("R9"), QString(), 42, 3, 9};
    // In a rack: U distance plus slack, rounded up to a DAC stock length.
    const double inRack = chooser.runLengthM({&r1, 0, 10.5}, {&r1, 0, 41.5});
    QVERIFY(qAbs(inRack - (31 * 0.04445 + 0.5)) < 1e-9);
    auto sel = chooser.choose(LinkClass::Node, 200, 2, true, inRack, QStringLiteral("QSFP-DD"));
    QVERIFY(sel);
    QCOMPARE(sel->cableId, QStringLiteral("dac-400g-2x200g"));
    QCOMPARE(sel->lengthM, 2.0);
    // Between racks: up to the tray, along the row, down; AOC; further racks need longer cables.
    const double next = chooser.runLengthM({&r1, 0, 20}, {&r2, 1, 20});
    const double distant = chooser.runLengthM({&r1, 0, 20}, {&far, 2, 20});
    QVERIFY(next > inRack);
    QVERIFY(distant > next + 8 * 0.6);
    sel = chooser.choose(LinkClass::Node, 400, 1, false, next, QString());
    QVERIFY(sel);
    QCOMPARE(sel->cableId, QStringLiteral("aoc-400g"));
    // Beyond the AOC stock lengths: transceivers and fibre.
    sel = chooser.choose(LinkClass::Fabric, 400, 1, false, 70, QString());
    QVERIFY(sel);
    QCOMPARE(sel->kind, QStringLiteral("optics"));
    QCOMPARE(sel->cableId, QStringLiteral("fibre-mpo-400g"));
    QCOMPARE(sel->transceiverId, QStringLiteral("xcvr-400g-osfp"));
    QCOMPARE(opticsForCable(Catalog::builtIn(), sel->cableId).count, 2);
    QCOMPARE(opticsForCable(Catalog::builtIn(), QStringLiteral("dac-400g")).count, 0);
    // No cable fits: the reason names the link.
    QString why;
    QVERIFY(!chooser.choose(LinkClass::Node, 123, 1, true, 1, QString(), &why));
    QVERIFY2(why.contains(QLatin1String("123")), qPrintable(why));
    // Site policy: network.cablePolicy picks a built-in policy.
    SiteProfile site;
    site.raw = Json::parse(R"({"network": {"cablePolicy": "aoc-node-links"}})");
    QCOMPARE(sitePolicy(site).id, QStringLiteral("aoc-node-links"));
    QCOMPARE(sitePolicy(SiteProfile{}).id, QStringLiteral("default"));
    // Port plans from the VAST SE toolkit: 32 and 64 ports.
    const SwitchPortPlan p32 = SwitchPortPlan::forPortCount(32), p64 = SwitchPortPlan::forPortCount(64);
    QCOMPARE(p32.nodesLast, 26);
    QCOMPARE(p32.uplinksFirst, 27);
    QCOMPARE(p32.islFirst, 29);
    QCOMPARE(p64.nodesLast, 58);
    QCOMPARE(p64.islLast, 64);
    QCOMPARE(p64.mtu, 9216);
}

QTEST_GUILESS_MAIN(TestAutoCabler)
#include "tst_autocabler.moc"
