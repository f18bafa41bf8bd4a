#include "planner/model/erasurecoding.h"
#include "planner/model/plansummary.h"
#include "planner/templates/templates.h"

#include <QtTest>

using namespace pp;

// Totals of the 3C+1D kit against hand-computed catalog sums, site overrides, erasure coding.
class TestPlanSummary : public QObject {
    Q_OBJECT
private slots:
    void pocKitTotals();
    void siteOverridesMergePatch();
    void badOverrideNamesPath();
    void erasureCodingStripes();
};

void TestPlanSummary::pocKitTotals()
{
    Plan plan;
    QVERIFY(loadTemplate(QStringLiteral("poc-3c1d"), Catalog::builtIn(), plan, nullptr));
    SiteProfile site;
    QVERIFY(ResolvedPlan::resolveSite(plan, Catalog::builtIn(), site, nullptr));
    const ResolvedPlan resolved(plan, Catalog::builtIn(), site);
    const PlanSummary s = summarize(resolved);
    QCOMPARE(s.countsByRole.value(QStringLiteral("cnode")), 3);
    QCOMPARE(s.countsByRole.value(QStringLiteral("dbox")), 1);
    QCOMPARE(s.countsByRole.value(QStringLiteral("switch")), 3);
    QCOMPARE(s.countsByRole.value(QStringLiteral("pdu")), 2);
    // 3 Turin × 500 + Ceres 750 + 2 SN4700 × 630; SN2201 power is unknown and not counted.
    QCOMPARE(s.typicalW, 3 * 500.0 + 750.0 + 2 * 630.0);
    QCOMPARE(s.maxW, 3 * 775.0 + 850.0 + 2 * 630.0);
    QCOMPARE(s.devicesWithUnknownPower, 1);
    QCOMPARE(s.rawTB, 1350.0);
    QCOMPARE(s.clusterSsds, 22);
    QVERIFY(qAbs(s.usableTB - 1350.0 * 14.0 / 18.0) < 1e-9);
    QVERIFY(qAbs(s.heatBtuPerHour() - s.typicalW * 3.412) < 1e-9);
    QCOMPARE(s.racks.size(), std::size_t(1));
    QCOMPARE(s.racks[0].usedU, 1 + 1 + 1 + 3 + 1);
}

void TestPlanSummary::siteOverridesMergePatch()
{
    Plan plan;
    QVERIFY(loadTemplate(QStringLiteral("poc-3c1d"), Catalog::builtIn(), plan, nullptr));
    plan.site.overrides =
        Json::parse(R"({"power": {"budgetKW": 12, "feeds": {"amps": 16}}, "cooling": {"type": "liquid"}})");
    SiteProfile site;
    QString error;
    QVERIFY2(ResolvedPlan::resolveSite(plan, Catalog::builtIn(), site, &error), qPrintable(error));
    QCOMPARE(site.power.budgetKW, 12.0);
    QCOMPARE(site.power.feeds.amps, 16.0);
    QCOMPARE(site.power.feeds.voltageV, 415.0); // untouched keys keep the profile's value
    QCOMPARE(site.cooling.type, QStringLiteral("liquid"));
}

void TestPlanSummary::badOverrideNamesPath()
{
    Plan plan;
    QVERIFY(loadTemplate(QStringLiteral("poc-3c1d"), Catalog::builtIn(), plan, nullptr));
    plan.site.overrides = Json::parse(R"({"power": {"feeds": {"phases": 2}}})");
    SiteProfile site;
    QString error;
    QVERIFY(!ResolvedPlan::resolveSite(plan, Catalog::builtIn(), site, &error));
    QVERIFY2(error.startsWith(QStringLiteral("site.overrides.power.feeds.phases")), qPrintable(error));
}

void TestPlanSummary::erasureCodingStripes()
{
    const ErasureCoding &ec = ErasureCoding::fromSizingData();
    QCOMPARE(ec.parityStrips, 4);
    QCOMPARE(ec.dataStripsFor(12), 8);  // small clusters still use the narrowest stripe, 8+4
    QCOMPARE(ec.dataStripsFor(22), 14); // one Ceres: 22 SSDs − 4 rebuild − 4 parity
    QCOMPARE(ec.dataStripsFor(10000), 146);
    QVERIFY(qAbs(ec.efficiencyFor(10000) - 146.0 / 150.0) < 1e-12);
    double previous = 0;
    for (int ssds = 8; ssds < 400; ++ssds) {
        QVERIFY(ec.efficiencyFor(ssds) >= previous);
        previous = ec.efficiencyFor(ssds);
    }
}

QTEST_GUILESS_MAIN(TestPlanSummary)
#include "tst_plansummary.moc"
