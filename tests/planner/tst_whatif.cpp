#include "planner/analysis/whatifengine.h"
#include "planner/power/powerloads.h"
#include "planner/sizing/sizingdata.h"
#include "planner/sizing/sizingengine.h"
#include "planner/sizing/throughputmodel.h"
#include "planner/templates/templates.h"
#include "planner/topology/autocabler.h"

#include <QElapsedTimer>
#include <QtTest>

using namespace pp;

// Failure-domain what-if analysis on the 3C+1D kit and the cabled NCP pod: what each failure
// leaves, against figures computed here from the catalog and the sizing engine.
class TestWhatIf : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void kitIntactMatchesSizing();
    void kitLeafLossKeepsNodesConnected_data();
    void kitLeafLossKeepsNodesConnected();
    void kitFeedALossKeepsDevicesPowered();
    void kitDboxLossIsDataUnavailableAndSpof();
    void kitOneDpuHalvesItsLinks();
    void kitPairsAndRequirements();
    void kitGroupAndMgmtSwitch();
    void kitSingleHomedNodeAndFeed();
    void podN1HasNoDataUnavailableSinglePoint();
    void podMissingLeafMakesItsPartnerASpof();

private:
    struct Loaded {
        Plan plan;
        SiteProfile site;
    };
    static Loaded load(const QString &templateId, bool cable);
    static int domain(const FailureModel &m, const QString &id);
    static QStringList ids(const FailureModel &m, const std::vector<int> &devices);
    // The single points a full sweep finds and the ones the rule's scan finds, by domain id.
    static QStringList sweepSpofs(const WhatIfEngine &engine);
    static QStringList scanSpofs(const WhatIfEngine &engine);

    Loaded m_kit;
    Loaded m_pod;
};

TestWhatIf::Loaded TestWhatIf::load(const QString &templateId, bool cable)
{
    Loaded l;
    LoadError error;
    if (!loadTemplate(templateId, Catalog::builtIn(), l.plan, &error))
        qFatal("%s", qPrintable(error.toString()));
    if (!ResolvedPlan::resolveSite(l.plan, Catalog::builtIn(), l.site, nullptr))
        qFatal("site of %s", qPrintable(templateId));
    if (cable && !autoCable(l.plan, Catalog::builtIn(), l.site).errors.isEmpty())
        qFatal("cabling %s failed", qPrintable(templateId));
    return l;
}

int TestWhatIf::domain(const FailureModel &m, const QString &id)
{
    const int d = m.domainIndex(id);
    if (d < 0)
        qFatal("no domain %s", qPrintable(id));
    return d;
}

QStringList TestWhatIf::ids(const FailureModel &m, const std::vector<int> &devices)
{
    QStringList out;
    for (int i : devices)
        out << m.resolved().plan().devices[static_cast<std::size_t>(i)].id;
    return out;
}

QStringList TestWhatIf::sweepSpofs(const WhatIfEngine &engine)
{
    QStringList out;
    const std::vector<WhatIfResult> sweep = engine.sweepN1();
    for (const WhatIfResult *r : WhatIfEngine::singlePoints(engine.model(), sweep))
        out << engine.model().domain(r->domains.front()).id;
    out.sort();
    return out;
}

QStringList TestWhatIf::scanSpofs(const WhatIfEngine &engine)
{
    QStringList out;
    for (const WhatIfResult &r : engine.singlePointScan())
        out << engine.model().domain(r.domains.front()).id;
    out.sort();
    return out;
}

void TestWhatIf::initTestCase()
{
    m_kit = load(QStringLiteral("poc-3c1d"), false);
    m_pod = load(QStringLiteral("ncp-pod"), true);
}

// Nothing failed: the figures are the sizing engine's for 3 C-nodes and 1 D-box.
void TestWhatIf::kitIntactMatchesSizing()
{
    const ResolvedPlan resolved(m_kit.plan, Catalog::builtIn(), m_kit.site);
    const FailureModel model(resolved);
    const WhatIfEngine engine(model);
    SizingInputs in = SizingInputs::defaults(SizingData::builtIn());
    in.fixedCnodes = 3;
    in.fixedDboxes = 1;
    const SizingResult sized = SizingEngine(Catalog::builtIn(), SizingData::builtIn()).size(in);
    QVERIFY(sized.ok());
    const WhatIfResult &r = engine.intact();
    QVERIFY(r.dataAvailable);
    QCOMPARE(r.cnodesServing, 3);
    QCOMPARE(r.dboxesServing, 1);
    QVERIFY(r.darkDevices.empty());
    QCOMPARE(r.readGBps, sized.design.readTBps * 1000.0);
    QCOMPARE(r.writeGBps, sized.design.writeTBps * 1000.0);
    QCOMPARE(r.dboxLinksGBps, sized.design.dboxLinkGBps);
    QCOMPARE(r.usablePB, sized.design.usablePB);
    QCOMPARE(r.uplinksUp, 2);
    QCOMPARE(r.uplinkGBps, 2 * 400 / 8.0 * in.linkEfficiency);
}

void TestWhatIf::kitLeafLossKeepsNodesConnected_data()
{
    QTest::addColumn<QString>("leaf");
    QTest::newRow("leaf-a") << QStringLiteral("sw1");
    QTest::newRow("leaf-b") << QStringLiteral("sw2");
}

// Either leaf lost: every node keeps a link to the other; each C-node and the D-box run on half
// their links, and the GB/s left follow the sizing model on those links.
void TestWhatIf::kitLeafLossKeepsNodesConnected()
{
    QFETCH(QString, leaf);
    const ResolvedPlan resolved(m_kit.plan, Catalog::builtIn(), m_kit.site);
    const FailureModel model(resolved);
    const WhatIfEngine engine(model);
    const WhatIfResult r = engine.evaluate({domain(model, leaf)});
    QVERIFY(r.disconnectedNodes.empty());
    QCOMPARE(ids(model, r.darkDevices), QStringList{leaf});
    QCOMPARE(r.cnodesServing, 3);
    QCOMPARE(r.dboxesServing, 1);
    QVERIFY(r.dataAvailable);
    QCOMPARE(r.uplinksUp, 1);

    const DeviceType *cn = Catalog::builtIn().deviceType(QStringLiteral("cnode-turin"));
    const double eff = model.linkEfficiency();
    const double oneLinkGBps = 200 / 8.0 * eff; // one 200G link of two left per C-node
    const double cnRead = std::min(*cn->throughputGBpsAt(100), oneLinkGBps) * model.readEfficiency();
    const double cnWrite = std::min(*cn->throughputGBpsAt(0), oneLinkGBps) * model.writeEfficiency();
    const double dLinks = 2 * 200 / 8.0 * eff; // one port of each DPU left
    QCOMPARE(r.dboxLinksGBps, dLinks);
    QCOMPARE(r.dboxLinksGBps, engine.intact().dboxLinksGBps / 2);
    QCOMPARE(r.readGBps, std::min(3 * cnRead, dLinks));
    QCOMPARE(r.writeGBps, std::min(3 * cnWrite, dLinks * model.ecEfficiency()));
    QVERIFY(r.readGBps > 0);
    QVERIFY(r.readGBps < engine.intact().readGBps);
}

// Feed A lost: every device is dual-fed, so nothing goes dark; B carries every device's max draw,
// as PowerLoads counts it, under the feed's rating.
void TestWhatIf::kitFeedALossKeepsDevicesPowered()
{
    const ResolvedPlan resolved(m_kit.plan, Catalog::builtIn(), m_kit.site);
    const FailureModel model(resolved);
    const WhatIfEngine engine(model);
    const WhatIfResult r = engine.evaluate({domain(model, QStringLiteral("feed:A"))});
    QVERIFY(r.darkDevices.empty());
    QVERIFY(r.disconnectedNodes.empty());
    QCOMPARE(r.readGBps, engine.intact().readGBps);
    const FeedLoad *b = r.worstFeed(1);
    QVERIFY(b);
    QVERIFY(!r.worstFeed(0));
    const PowerLoads loads(resolved);
    QCOMPARE(b->loadW, loads.racks()[0].feedMaxWithLostW(1, 0));
    QCOMPARE(b->loadW, 3 * 775.0 + 850.0 + 2 * 630.0); // SN2201 draw is unknown: not counted
    QVERIFY(b->capacityW);
    QVERIFY(b->loadW < *b->capacityW);
    QCOMPARE(r.feedsOverCapacity(), 0);
    // The same through the PDU that carries feed A.
    const WhatIfResult pdu = engine.evaluate({domain(model, QStringLiteral("pduA"))});
    QVERIFY(pdu.darkDevices.empty());
    QCOMPARE(pdu.worstFeed(1)->loadW, b->loadW);
}

// The D-box lost: all 18 strips of every stripe are in it, so data is unavailable, and it is the
// kit's single point of failure (its known limit: one D-box); the rack, an aggregate, is not.
void TestWhatIf::kitDboxLossIsDataUnavailableAndSpof()
{
    const ResolvedPlan resolved(m_kit.plan, Catalog::builtIn(), m_kit.site);
    const FailureModel model(resolved);
    const WhatIfEngine engine(model);
    QCOMPARE(model.stripeWidth(), 18);
    QCOMPARE(model.stripsPerDbox(), 18);
    const WhatIfResult r = engine.evaluate({domain(model, QStringLiteral("db1"))});
    QVERIFY(!r.dataAvailable);
    QCOMPARE(r.dboxesLost, 1);
    QCOMPARE(r.stripsLost, 18);
    QCOMPARE(r.readGBps, 0.0);
    QCOMPARE(r.usablePB, 0.0);
    const std::vector<WhatIfResult> sweep = engine.sweepN1();
    QVERIFY(!sweep.front().dataAvailable); // most harmful first
    QStringList spofs;
    for (const WhatIfResult *s : WhatIfEngine::singlePoints(model, sweep))
        spofs << model.domain(s->domains.front()).id;
    QCOMPARE(spofs, QStringList{QStringLiteral("db1")});
    QCOMPARE(scanSpofs(engine), spofs);
    bool rackSeen = false;
    for (const WhatIfResult &s : sweep)
        if (model.domain(s.domains.front()).id == QLatin1String("rack:R1")) {
            rackSeen = true;
            QVERIFY(!s.dataAvailable);
        }
    QVERIFY(rackSeen);
}

// One DPU lost: the D-box serves on the other DPU's two ports, half its links; data stays available.
void TestWhatIf::kitOneDpuHalvesItsLinks()
{
    const ResolvedPlan resolved(m_kit.plan, Catalog::builtIn(), m_kit.site);
    const FailureModel model(resolved);
    const WhatIfEngine engine(model);
    for (const QString &dpu : {QStringLiteral("dpu:db1/1"), QStringLiteral("dpu:db1/2")}) {
        const WhatIfResult r = engine.evaluate({domain(model, dpu)});
        QVERIFY(r.dataAvailable);
        QCOMPARE(r.dboxesServing, 1);
        QCOMPARE(ids(model, r.degradedDboxes), QStringList{QStringLiteral("db1")});
        QCOMPARE(r.dboxLinksGBps, engine.intact().dboxLinksGBps / 2);
        QCOMPARE(r.readGBps, std::min(r.cnodesReadGBps, r.dboxLinksGBps));
        QVERIFY(r.darkDevices.empty());
    }
    // Both DPUs: the D-box is unreachable and data unavailable.
    const WhatIfResult both =
        engine.evaluate({domain(model, QStringLiteral("dpu:db1/1")), domain(model, QStringLiteral("dpu:db1/2"))});
    QVERIFY(!both.dataAvailable);
    QCOMPARE(both.dboxesLost, 1);
}

// N-2 pairs with feed A, and requirements held or not by what is left.
void TestWhatIf::kitPairsAndRequirements()
{
    const ResolvedPlan resolved(m_kit.plan, Catalog::builtIn(), m_kit.site);
    const FailureModel model(resolved);
    WhatIfRequirements req;
    req.readGBps = 100;
    req.writeGBps = 1;
    const WhatIfEngine engine(model, req);
    const int feedA = domain(model, QStringLiteral("feed:A"));
    const std::vector<WhatIfResult> pairs = engine.sweepN2({feedA});
    int sweepable = 0;
    for (const FailureDomain &d : model.domains())
        sweepable += d.sweep ? 1 : 0;
    QCOMPARE(static_cast<int>(pairs.size()), sweepable - 1);
    for (const WhatIfResult &p : pairs) {
        QCOMPARE(p.domains.size(), std::size_t(2));
        QCOMPARE(p.domains.front(), feedA);
    }
    // Feed A + feed B takes everything dark.
    const WhatIfResult both = engine.evaluate({feedA, domain(model, QStringLiteral("feed:B"))});
    QCOMPARE(both.darkDevices.size(), std::size_t(7));
    QVERIFY(!both.dataAvailable);
    // Read of the intact kit is below 100 GB/s or not: the check follows the figure either way.
    QCOMPARE(engine.intact().requirements.size(), std::size_t(2));
    QCOMPARE(engine.intact().requirements[0].held, engine.intact().readGBps >= 100);
    QVERIFY(engine.intact().requirements[1].held);
    const WhatIfResult d = engine.evaluate({domain(model, QStringLiteral("db1"))});
    QVERIFY(!d.requirements[1].held);
    QVERIFY(!d.requirementsHeld());
}

// A user-named group fails its members together; the management switch carries no storage traffic.
void TestWhatIf::kitGroupAndMgmtSwitch()
{
    const ResolvedPlan resolved(m_kit.plan, Catalog::builtIn(), m_kit.site);
    FailureModel model(resolved);
    QString error;
    QCOMPARE(model.addGroup(QStringLiteral("panel"), {QStringLiteral("nosuch")}, &error), -1);
    QVERIFY(error.contains(QLatin1String("nosuch")));
    const int g = model.addGroup(QStringLiteral("panel"), {QStringLiteral("sw1"), QStringLiteral("cn1")}, &error);
    QVERIFY(g >= 0);
    QVERIFY(model.domain(g).aggregate);
    const WhatIfEngine engine(model);
    const WhatIfResult r = engine.evaluate({g});
    QCOMPARE(ids(model, r.darkDevices), (QStringList{QStringLiteral("sw1"), QStringLiteral("cn1")}));
    QCOMPARE(r.cnodesServing, 2);
    const WhatIfResult m = engine.evaluate({domain(model, QStringLiteral("swm"))});
    QCOMPARE(m.readGBps, engine.intact().readGBps);
    QVERIFY(m.disconnectedNodes.empty());
}

// A C-node cabled to one leaf only, a switch on feed A only, an uplink-less leaf pair: the scan the
// rule runs finds what the full sweep finds.
void TestWhatIf::kitSingleHomedNodeAndFeed()
{
    Plan plan = m_kit.plan;
    plan.links.erase(std::remove_if(plan.links.begin(), plan.links.end(),
                                    [](const Link &l) { return l.a.toString() == QLatin1String("cn1:p2"); }),
                     plan.links.end());
    plan.findDevice(QStringLiteral("sw2"))->psuFeeds = {QStringLiteral("A"), QStringLiteral("A")};
    {
        const ResolvedPlan resolved(plan, Catalog::builtIn(), m_kit.site);
        const FailureModel model(resolved);
        const WhatIfEngine engine(model);
        const QStringList spofs = sweepSpofs(engine);
        QCOMPARE(spofs, (QStringList{QStringLiteral("db1"), QStringLiteral("sw1")}));
        QCOMPARE(scanSpofs(engine), spofs);
        // Feed A takes sw2 down: cn1 keeps sw1, so nothing is cut off; B carries less than with sw2 up.
        const WhatIfResult a = engine.evaluate({domain(model, QStringLiteral("feed:A"))});
        QCOMPARE(ids(model, a.darkDevices), QStringList{QStringLiteral("sw2")});
        QVERIFY(a.disconnectedNodes.empty());
        const WhatIfResult s1 = engine.evaluate({domain(model, QStringLiteral("sw1"))});
        QCOMPARE(ids(model, s1.disconnectedNodes), QStringList{QStringLiteral("cn1")});
    }
    // sw2's uplink removed: sw2 reaches the clients over the ISLs, and sw1's uplink is the only way in.
    plan.uplinks.erase(plan.uplinks.begin() + 1);
    const ResolvedPlan resolved(plan, Catalog::builtIn(), m_kit.site);
    const FailureModel model(resolved);
    const WhatIfEngine engine(model);
    QCOMPARE(scanSpofs(engine), sweepSpofs(engine));
    QVERIFY(sweepSpofs(engine).contains(QStringLiteral("uplink:sw1:swp27")));
}

// The cabled pod: no single component makes data unavailable or cuts a node off, and the whole
// sweep is quick. Racks and leaf pairs are aggregates: reported, never single points.
void TestWhatIf::podN1HasNoDataUnavailableSinglePoint()
{
    const ResolvedPlan resolved(m_pod.plan, Catalog::builtIn(), m_pod.site);
    QElapsedTimer timer;
    timer.start();
    const FailureModel model(resolved);
    const WhatIfEngine engine(model);
    const std::vector<WhatIfResult> sweep = engine.sweepN1();
    const qint64 ms = timer.elapsed();
    qInfo("pod N-1 sweep: %zu domains in %lld ms", sweep.size(), ms);
    QVERIFY(engine.intact().dataAvailable);
    QCOMPARE(engine.intact().dboxesServing, 164);
    QVERIFY(sweep.size() > 164 * 3);
    for (const WhatIfResult &r : sweep) {
        const FailureDomain &d = model.domain(r.domains.front());
        if (d.aggregate)
            continue;
        QVERIFY2(r.dataAvailable, qPrintable(d.id));
        QVERIFY2(r.disconnectedNodes.empty(), qPrintable(d.id));
    }
    QVERIFY(WhatIfEngine::singlePoints(model, sweep).empty());
    QVERIFY(engine.singlePointScan().empty());
    // One D-box lost: one strip of a stripe, within the 4 parity strips.
    const WhatIfResult dbox = engine.evaluate({domain(model, QStringLiteral("db1"))});
    QVERIFY(dbox.dataAvailable);
    QCOMPARE(dbox.stripsLost, 1);
    QCOMPARE(dbox.dboxesServing, 163);
    QVERIFY(dbox.rebuildTB > 0);
    QVERIFY(!dbox.rebuildHours);
}

// A leaf pair with one member missing: the sweep names the remaining leaf as a single point of failure.
void TestWhatIf::podMissingLeafMakesItsPartnerASpof()
{
    Plan plan = m_pod.plan;
    QString gone;
    QString partner;
    {
        const ResolvedPlan resolved(plan, Catalog::builtIn(), m_pod.site);
        const FailureModel model(resolved);
        for (const FailureDomain &d : model.domains())
            if (d.kind == FailureKind::LeafPair) {
                partner = plan.devices[static_cast<std::size_t>(d.devices[0])].id;
                gone = plan.devices[static_cast<std::size_t>(d.devices[1])].id;
                break;
            }
    }
    QVERIFY(!gone.isEmpty());
    plan.devices.erase(
        std::remove_if(plan.devices.begin(), plan.devices.end(), [&](const Device &d) { return d.id == gone; }),
        plan.devices.end());
    plan.links.erase(std::remove_if(plan.links.begin(), plan.links.end(),
                                    [&](const Link &l) { return l.a.device == gone || l.b.device == gone; }),
                     plan.links.end());
    plan.uplinks.erase(
        std::remove_if(plan.uplinks.begin(), plan.uplinks.end(), [&](const Uplink &u) { return u.device == gone; }),
        plan.uplinks.end());
    const ResolvedPlan resolved(plan, Catalog::builtIn(), m_pod.site);
    const FailureModel model(resolved);
    const WhatIfEngine engine(model);
    const std::vector<WhatIfResult> sweep = engine.sweepN1();
    const auto spofs = WhatIfEngine::singlePoints(model, sweep);
    QStringList spofIds;
    for (const WhatIfResult *s : spofs)
        spofIds << model.domain(s->domains.front()).id;
    QVERIFY2(spofIds.contains(partner), qPrintable(spofIds.join(QLatin1Char(','))));
    QCOMPARE(scanSpofs(engine), sweepSpofs(engine));
    const WhatIfResult lost = engine.evaluate({domain(model, partner)});
    QVERIFY(!lost.disconnectedNodes.empty());
}

QTEST_GUILESS_MAIN(TestWhatIf)
#include "tst_whatif.moc"
