#include "planner/model/plansummary.h"
#include "planner/power/dashboarddata.h"
#include "planner/power/powerloads.h"
#include "planner/templates/generatedplan.h"
#include "rulefixture.h"

#include <QRandomGenerator>
#include <cmath>

using namespace pp;
using namespace rulefixture;

// One power model: every figure the dashboard charts equals the figure the power and cooling rules
// measure for the same rack, feed (normal, A lost, B lost) or site, on the kit, a pod and random plans
// with devices without feeds, single-PSU devices, unknown power and loose spares.
class TestPowerLoads : public QObject {
    Q_OBJECT
private slots:
    void deviceDrawRules();
    void feedRulesByHand();
    void dashboardEqualsRules_data();
    void dashboardEqualsRules();

private:
    static void compareWithRules(const Plan &plan);
};

namespace {

// Overrides merged into the plan's site, as a user would write them in the plan file.
void setOverrides(Plan &plan, const QString &json)
{
    plan.site.overrides = Json::parse(json.toStdString());
}

DashboardData dashboardOf(const Plan &plan)
{
    SiteProfile site;
    QString error;
    if (!ResolvedPlan::resolveSite(plan, Catalog::builtIn(), site, &error))
        qFatal("site does not resolve: %s", qPrintable(error));
    return buildDashboardData(ResolvedPlan(plan, Catalog::builtIn(), site));
}

// The finding of a rule whose subjects are exactly these, or null.
const Finding *findingOf(const CheckReport &report, const QString &rule, const QStringList &subjects)
{
    for (const Finding &f : report.findings)
        if (f.rule == rule && f.subjects == subjects)
            return &f;
    return nullptr;
}

// A rule measures in kW rounded to the watt; a figure of 0 fires no finding against a tiny limit.
void expectMeasured(const CheckReport &report, const QString &rule, const QStringList &subjects, double dashboardKW)
{
    const Finding *f = findingOf(report, rule, subjects);
    if (dashboardKW * 1000.0 < 1.0) {
        QVERIFY2(!f || std::abs(*f->measured - dashboardKW) < 0.0011,
                 qPrintable(QStringLiteral("%1 %2: rule %3, dashboard %4")
                                .arg(rule, subjects.join(QLatin1Char(',')))
                                .arg(f ? *f->measured : -1)
                                .arg(dashboardKW)));
        return;
    }
    QVERIFY2(f && f->measured,
             qPrintable(QStringLiteral("no %1 finding for %2 (dashboard %3 kW)")
                            .arg(rule, subjects.join(QLatin1Char(',')))
                            .arg(dashboardKW)));
    QVERIFY2(std::abs(*f->measured - dashboardKW) < 0.0005 + 1e-9,
             qPrintable(QStringLiteral("%1 %2: rule measures %3 kW, dashboard shows %4 kW")
                            .arg(rule, subjects.join(QLatin1Char(',')))
                            .arg(*f->measured)
                            .arg(dashboardKW)));
}

// A random plan from a seed: devices lose their feeds, keep one PSU, get a type of unknown power,
// move rack or leave their rack.
Plan randomPlan(quint32 seed)
{
    QRandomGenerator rng(seed);
    Plan plan = seed % 2 ? generatePlan(3) : templatePlan();
    if (seed % 2)
        plan.site.profile = QStringLiteral("customer-lab-poc");
    for (Device &d : plan.devices) {
        switch (rng.bounded(9)) {
        case 0:
            d.psuFeeds.clear(); // not cabled yet
            break;
        case 1:
            d.psuFeeds = QStringList{QStringLiteral("A")};
            break;
        case 2:
            d.psuFeeds = QStringList{QStringLiteral("B")};
            break;
        case 3:
            d.psuFeeds = QStringList{QStringLiteral("B"), QStringLiteral("B")};
            break;
        case 4:
            d.type = QStringLiteral("sw-sn2201"); // no public power figure
            break;
        case 5:
            d.rack = plan.racks[rng.bounded(static_cast<int>(plan.racks.size()))].id;
            break;
        case 6:
            d.rack.clear(); // a loose spare draws nothing
            break;
        default:
            break;
        }
    }
    return plan;
}

} // namespace

void TestPowerLoads::deviceDrawRules()
{
    const Catalog &c = Catalog::builtIn();
    const DeviceDraw turin = deviceDraw(c.deviceType(QStringLiteral("cnode-turin")));
    QVERIFY(turin.known);
    QCOMPARE(turin.typicalW, 500.0);
    QCOMPARE(turin.maxW, 775.0);
    const DeviceDraw sn2201 = deviceDraw(c.deviceType(QStringLiteral("sw-sn2201")));
    QVERIFY(!sn2201.known); // unknown stays unknown, counted apart
    QCOMPARE(sn2201.maxW, 0.0);

    DeviceType pdu;
    pdu.role = Role::Pdu;
    QVERIFY(deviceDraw(&pdu).known); // a PDU draws nothing unless the catalog says so
    pdu.maxW.value = 40;
    QCOMPARE(deviceDraw(&pdu).maxW, 40.0);
    QCOMPARE(deviceDraw(&pdu).typicalW, 40.0); // typical at max: never understated

    DeviceType panel;
    panel.airflow = Airflow::Passive;
    QVERIFY(deviceDraw(&panel).known);
    DeviceType box;
    QVERIFY(!deviceDraw(&box).known);
    box.typicalW.value = 300;
    QCOMPARE(deviceDraw(&box).maxW, 300.0);
    QVERIFY(!deviceDraw(nullptr).known);
}

void TestPowerLoads::feedRulesByHand()
{
    // Kit rack R1 at max: 3 × 775 + 850 + 2 × 630 + SN2201 unknown = 4435 W, all dual-fed.
    Plan plan = templatePlan();
    plan.findDevice(QStringLiteral("cn1"))->psuFeeds.clear();                 // no feed: 775 W on both
    plan.findDevice(QStringLiteral("cn2"))->psuFeeds = QStringList{"A"};      // single PSU on A
    plan.findDevice(QStringLiteral("cn3"))->psuFeeds = QStringList{"B", "B"}; // both PSUs on B
    SiteProfile site;
    QVERIFY(ResolvedPlan::resolveSite(plan, Catalog::builtIn(), site, nullptr));
    const PowerLoads loads(ResolvedPlan(plan, Catalog::builtIn(), site));
    const PowerLoads::Rack &r = loads.racks().at(0);
    const double dualW = 850 + 2 * 630; // D-box and two SN4700, split evenly
    QCOMPARE(r.maxW, 4435.0);
    QCOMPARE(r.unassignedMaxW, 775.0);
    QCOMPARE(r.feedMaxW[0], dualW / 2 + 775 + 775);        // + cn1 on both, cn2 all on A
    QCOMPARE(r.feedMaxW[1], dualW / 2 + 775 + 775);        // + cn1 on both, cn3 all on B
    QCOMPARE(r.feedMaxWithLostW(1, 0), dualW + 775 + 775); // A lost: cn2 goes dark
    QCOMPARE(r.feedMaxWithLostW(0, 1), dualW + 775 + 775); // B lost: cn3 goes dark
    QCOMPARE(r.feedMaxWithLostW(0, 0), 0.0);
    QCOMPARE(r.unknownPower, 1); // the SN2201; the PDUs draw nothing by nature
    QCOMPARE(loads.totalTypicalW(), 3510.0);
}

void TestPowerLoads::dashboardEqualsRules_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<int>("seed");
    QTest::newRow("kit") << QStringLiteral("kit") << 0;
    QTest::newRow("ncp-pod") << QStringLiteral("ncp-pod") << 0;
    QTest::newRow("generated-4") << QStringLiteral("generated") << 0;
    for (int seed = 1; seed <= 24; ++seed)
        QTest::newRow(qPrintable(QStringLiteral("random-%1").arg(seed))) << QStringLiteral("random") << seed;
}

void TestPowerLoads::dashboardEqualsRules()
{
    QFETCH(QString, kind);
    QFETCH(int, seed);
    Plan plan;
    if (kind == QLatin1String("kit")) {
        plan = templatePlan();
    } else if (kind == QLatin1String("ncp-pod")) {
        QVERIFY(loadTemplate(QStringLiteral("ncp-pod"), Catalog::builtIn(), plan, nullptr));
    } else if (kind == QLatin1String("generated")) {
        plan = generatePlan(4);
        plan.site.profile = QStringLiteral("customer-lab-poc");
    } else {
        plan = randomPlan(static_cast<quint32>(seed));
    }
    QVERIFY(!plan.racks.empty());
    compareWithRules(plan);
}

void TestPowerLoads::compareWithRules(const Plan &original)
{
    // Limits small enough that every rack, feed and the site is over: each rule then reports what it measures.
    Plan plan = original;
    setOverrides(plan, QStringLiteral(R"({"power": {"budgetKW": 0.0001, "rackLimitKW": 0.0001,
        "feeds": {"voltageV": 1, "amps": 1, "deratePct": 1, "phases": 1, "redundancy": "A+B"}}, "cooling": {"rackLimitKW": 0.0001, "totalKW": 0.0001}})"));
    const DashboardData d = dashboardOf(plan);
    const CheckReport report = check(plan);
    QCOMPARE(int(d.racks.size()), int(plan.racks.size()));
    for (std::size_t r = 0; r < plan.racks.size(); ++r) {
        const QString rack = plan.racks[r].id;
        expectMeasured(report, QStringLiteral("power.rack-budget"), {rack}, d.rackTypicalKW[r]);
        expectMeasured(report, QStringLiteral("cooling.rack-heat"), {rack}, d.rackHeatKW[r]);
        for (int f = 0; f < 2; ++f) {
            const QString feed = d.feeds[static_cast<int>(2 * r) + f];
            QCOMPARE(feed, rack + (f ? QStringLiteral("/B") : QStringLiteral("/A")));
            expectMeasured(report, QStringLiteral("power.feed-capacity"), {feed, rack}, d.feedNormalKW[2 * r + f]);
        }
        // The surviving feed carries what power.feed-redundancy measures; the lost feed shows 0.
        expectMeasured(report, QStringLiteral("power.feed-redundancy"), {rack, rack + QStringLiteral("/B")},
                       d.feedALostKW[2 * r + 1]);
        expectMeasured(report, QStringLiteral("power.feed-redundancy"), {rack, rack + QStringLiteral("/A")},
                       d.feedBLostKW[2 * r]);
        QCOMPARE(d.feedALostKW[2 * r], 0.0);
        QCOMPARE(d.feedBLostKW[2 * r + 1], 0.0);
    }
    const QString site = plan.site.profile;
    expectMeasured(report, QStringLiteral("power.site-budget"), {site}, d.siteTypicalKW);
    expectMeasured(report, QStringLiteral("cooling.site-heat"), {site}, d.siteHeatKW);

    // Max draw: with a limit between typical and max, the rules report the max instead.
    for (std::size_t r = 0; r < plan.racks.size() && r < 6; ++r) {
        if (d.rackMaxKW[r] - d.rackTypicalKW[r] < 0.002)
            continue;
        Plan between = original;
        const double limitKW = (d.rackTypicalKW[r] + d.rackMaxKW[r]) / 2;
        setOverrides(between, QStringLiteral(R"({"power": {"rackLimitKW": %1}})").arg(limitKW, 0, 'f', 6));
        expectMeasured(check(between), QStringLiteral("power.rack-budget"), {plan.racks[r].id}, d.rackMaxKW[r]);
    }
    if (d.siteMaxKW - d.siteTypicalKW >= 0.002) {
        Plan between = original;
        setOverrides(
            between,
            QStringLiteral(R"({"power": {"budgetKW": %1}})").arg((d.siteTypicalKW + d.siteMaxKW) / 2, 0, 'f', 6));
        expectMeasured(check(between), QStringLiteral("power.site-budget"), {site}, d.siteMaxKW);
    }

    // The rack headers and exporters read the plan summary: the same figures again.
    SiteProfile resolvedSite;
    QVERIFY(ResolvedPlan::resolveSite(plan, Catalog::builtIn(), resolvedSite, nullptr));
    const PlanSummary summary = summarize(ResolvedPlan(plan, Catalog::builtIn(), resolvedSite));
    QCOMPARE(summary.typicalW / 1000.0, d.siteTypicalKW);
    QCOMPARE(summary.maxW / 1000.0, d.siteMaxKW);
    QCOMPARE(summary.devicesWithUnknownPower, d.devicesWithUnknownPower);
    for (std::size_t r = 0; r < plan.racks.size(); ++r) {
        QCOMPARE(summary.racks[r].typicalW / 1000.0, d.rackTypicalKW[r]);
        QCOMPARE(summary.racks[r].maxW / 1000.0, d.rackMaxKW[r]);
    }
}

QTEST_GUILESS_MAIN(TestPowerLoads)
#include "tst_powerloads.moc"
