#include "catalog/model/catalog.h"
#include "planner/io/planio.h"
#include "planner/model/erasurecoding.h"
#include "planner/model/plansummary.h"
#include "planner/model/resolvedplan.h"
#include "planner/sizing/comparison.h"
#include "planner/sizing/planbuilder.h"
#include "planner/sizing/sizingdata.h"
#include "planner/sizing/sizingengine.h"
#include "planner/templates/templates.h"

#include <QtTest>

using namespace pp;

// The sizing method step by step against hand-computed values, its properties, the comparison
// columns, and the plan builder (templates stay what the sizing makes).
class TestSizing : public QObject {
    Q_OBJECT
private slots:
    void gpuDrivenStepsMatchHandValues();
    void checkpointSetsWriteAndDboxLinks();
    void fixedCountsGiveFigures();
    void efficiencyAndLinksCapPerCnode();
    void unknownFiguresStayUnknown();
    void badTypesAreErrors();
    void moreGpusNeverFewerCnodes();
    void moreBandwidthNeverFewerCnodes();
    void moreCapacityNeverFewerDboxes();
    void usableBelowRaw();
    void erasureCodingEfficiencyRises();
    void racksRespectPowerAndU();
    void objectStoreAndLustreColumns();
    void dataMovementAndExtrapolation();
    void planBuilderFillsRacksAndChecksOut();
    void templatesAreWhatTheSizingBuilds_data();
    void templatesAreWhatTheSizingBuilds();
};

static SizingInputs baseInputs()
{
    SizingInputs in = SizingInputs::defaults(SizingData::builtIn());
    in.name = QStringLiteral("test");
    in.applySite(*Catalog::builtIn().site(QStringLiteral("customer-lab-poc")));
    in.ckptParams = 0;
    return in;
}

static SizingResult run(const SizingInputs &in)
{
    return SizingEngine(Catalog::builtIn(), SizingData::builtIn()).size(in);
}

static double stepValue(const SizingResult &r, const QString &name)
{
    const SizingStep *s = r.step(name);
    if (!s)
        qFatal("no step %s", qPrintable(name));
    return s->value.value_or(-1);
}

void TestSizing::gpuDrivenStepsMatchHandValues()
{
    SizingInputs in = baseInputs();
    in.gpus = 1024; // 128 nodes = 4 scalable units of 32
    in.profile = QStringLiteral("better");
    in.capacityPB = 1;
    const SizingResult r = run(in);
    QVERIFY2(r.ok(), qPrintable(r.error));
    const SizingDesign &d = r.design;
    QCOMPARE(d.gpuNodes, 128);
    QCOMPARE(stepValue(r, QStringLiteral("Required read (GPUs)")), 0.160);  // 4 × 40 GB/s
    QCOMPARE(stepValue(r, QStringLiteral("Required write (GPUs)")), 0.080); // 4 × 20 GB/s
    QCOMPARE(d.cnodeLinkGBps, 48.0);                                        // 2 × 200 / 8 × 0.96
    QCOMPARE(d.cnodeReadGBps, 37.0);                                        // min(37, 48)
    QCOMPARE(d.cnodeWriteGBps, 7.6);
    QCOMPARE(stepValue(r, QStringLiteral("C-nodes for read")), 5.0);   // 160 / 37 = 4.3
    QCOMPARE(stepValue(r, QStringLiteral("C-nodes for write")), 11.0); // 80 / 7.6 = 10.5
    QCOMPARE(d.cnodes, 11);
    QCOMPARE(d.cnodesSetBy, QStringLiteral("write"));
    QCOMPARE(d.dboxLinkGBps, 96.0);                                              // 4 × 200 / 8 × 0.96
    QCOMPARE(stepValue(r, QStringLiteral("D-boxes for capacity")), 1.0);         // 1350 TB × 14/18 = 1050 TB ≥ 1 PB
    QCOMPARE(stepValue(r, QStringLiteral("D-boxes for read (DPU links)")), 2.0); // 160 / 96
    QCOMPARE(d.dboxes, 2);
    QCOMPARE(d.dboxesSetBy, QStringLiteral("read (D-box links)"));
    QCOMPARE(d.clusterSsds, 44);
    QCOMPARE(d.dataStrips, 36); // 44 − 4 rebuild − 4 parity
    QCOMPARE(d.rawPB, 2.7);
    QVERIFY(qFuzzyCompare(d.usablePB, 2.43));  // 2700 × 36/40
    QVERIFY(qFuzzyCompare(d.readTBps, 0.192)); // min(11 × 37, 2 × 96): D-box links
    QCOMPARE(d.readLimitedBy, QStringLiteral("D-box links"));
    QVERIFY(qFuzzyCompare(d.writeTBps, 0.0836)); // min(11 × 7.6, 192 × 0.9)
    QCOMPARE(d.writeLimitedBy, QStringLiteral("C-nodes"));
    QVERIFY(qFuzzyCompare(*d.readGBpsPerGpu, 0.1875));
    QCOMPARE(d.leafSwitches, 2); // 30 node links ≤ 2 × 58 ports × 4 lanes
    QCOMPARE(d.spineSwitches, 0);
    QCOMPARE(d.mgmtSwitches, 1);
    QCOMPARE(d.switches, 3);
    QCOMPARE(d.uplinks, 4);
    QCOMPARE(d.racks, 1); // 18 U, 14.6 kW max ≤ 18.4 kW feed
    QVERIFY(qFuzzyCompare(d.rackPowerLimitKW, 415 * 32 * std::sqrt(3.0) * 0.8 / 1000));
    QVERIFY(qFuzzyCompare(d.typicalKW, 8.88)); // 11×500 + 2×750 + 2×940
    QVERIFY(qFuzzyCompare(d.maxKW, 14.559));   // 11×775 + 2×850 + 2×2167
    QCOMPARE(d.devicesWithUnknownPower, 1);    // the SN2201 has no public power figure
    QVERIFY(qFuzzyCompare(d.heatBtuPerHour, 8880 * 3.412));
    QVERIFY(r.warnings.isEmpty());
}

void TestSizing::checkpointSetsWriteAndDboxLinks()
{
    SizingInputs in = baseInputs();
    in.ckptParams = 1e12; // × 14 B = 14 TB
    in.ckptIntervalMin = 30;
    in.ckptStallPct = 5; // 90 s window → 155.6 GB/s
    const SizingResult r = run(in);
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(r.design.checkpointTB, 14.0);
    QVERIFY(qFuzzyCompare(stepValue(r, QStringLiteral("Required write (checkpoint)")), 14.0 / 90.0));
    QCOMPARE(r.design.cnodes, 21); // 155.6 / 7.6 = 20.5
    QCOMPARE(r.design.cnodesSetBy, QStringLiteral("checkpoint"));
    QCOMPARE(r.design.dboxes, 2); // 1 box: 96 × 14/18 = 74.7 < 155.6; 2: 192 × 0.9
    QCOMPARE(r.design.dboxesSetBy, QStringLiteral("checkpoint (D-box links)"));
    QVERIFY(qFuzzyCompare(r.design.writeTBps, 0.1596)); // 21 × 7.6
    QVERIFY(qFuzzyCompare(*r.design.checkpointWriteS, 14.0 / 0.1596));
    QVERIFY(*r.design.stallPct <= 5.0);
    QVERIFY(qFuzzyCompare(*r.design.stallPct, 14.0 / 0.1596 / 1800 * 100));
}

void TestSizing::fixedCountsGiveFigures()
{
    SizingInputs in = baseInputs();
    in.fixedCnodes = 4;
    in.fixedDboxes = 2;
    in.gpus = 4096; // wants more than 4 C-nodes give: a warning, not a change
    const SizingResult r = run(in);
    QVERIFY(r.ok());
    QCOMPARE(r.design.cnodes, 4);
    QCOMPARE(r.design.dboxes, 2);
    QCOMPARE(r.design.cnodesSetBy, QStringLiteral("fixed"));
    QVERIFY(qFuzzyCompare(r.design.readTBps, 0.148));   // 4 × 37 < 192
    QVERIFY(qFuzzyCompare(r.design.writeTBps, 0.0304)); // 4 × 7.6
    QVERIFY(!r.warnings.isEmpty());
}

void TestSizing::efficiencyAndLinksCapPerCnode()
{
    SizingInputs in = baseInputs();
    in.readEfficiency = 0.9;
    in.writeEfficiency = 0.5;
    in.linkEfficiency = 0.5; // links 25 GB/s now cap the 37 GB/s read
    const SizingResult r = run(in);
    QCOMPARE(r.design.cnodeLinkGBps, 25.0);
    QCOMPARE(r.design.cnodeReadGBps, 25.0 * 0.9);
    QCOMPARE(r.design.cnodeWriteGBps, 7.6 * 0.5);
    in.mixReadPct = 70; // between the 80/20 (25.1) and 60/40 (17.1) points
    in.gpus = 1024;
    in.linkEfficiency = 0.96;
    const SizingResult m = run(in);
    QVERIFY(qFuzzyCompare(stepValue(m, QStringLiteral("C-node at workload mix")), 21.1 * (0.7 * 0.9 + 0.3 * 0.5)));
    QCOMPARE(stepValue(m, QStringLiteral("C-nodes for mix")), std::ceil(240.0 / (21.1 * 0.78)));
}

void TestSizing::unknownFiguresStayUnknown()
{
    const SizingResult r = run(baseInputs());
    const SizingStep *s = r.step(QStringLiteral("D-box throughput"));
    QVERIFY(s);
    QVERIFY(!s->value.has_value());
    QVERIFY(!r.design.dboxThroughputGBps.has_value());
    QVERIFY(!r.design.checkpointWriteS.has_value()); // no checkpoint given
    QVERIFY(!r.design.readGBpsPerGpu.has_value());   // no GPUs given
}

void TestSizing::badTypesAreErrors()
{
    SizingInputs in = baseInputs();
    in.cnodeType = QStringLiteral("dbox-ceres-338");
    QVERIFY(run(in).error.contains(QStringLiteral("not a C-node")));
    in = baseInputs();
    in.switchType = QStringLiteral("sw-nonexistent");
    QVERIFY(!run(in).ok());
    in = baseInputs();
    in.profile = QStringLiteral("excellent");
    QVERIFY(run(in).error.contains(QStringLiteral("excellent")));
}

void TestSizing::moreGpusNeverFewerCnodes()
{
    for (const QString &profile : {QStringLiteral("good"), QStringLiteral("better"), QStringLiteral("best")}) {
        int previous = 0;
        for (int gpus = 0; gpus <= 200000; gpus += 3001) {
            SizingInputs in = baseInputs();
            in.profile = profile;
            in.gpus = gpus;
            const int cnodes = run(in).design.cnodes;
            QVERIFY2(
                cnodes >= previous,
                qPrintable(QStringLiteral("%1 GPUs %2: %3 < %4").arg(gpus).arg(profile).arg(cnodes).arg(previous)));
            QVERIFY(cnodes >= 3);
            previous = cnodes;
        }
    }
}

void TestSizing::moreBandwidthNeverFewerCnodes()
{
    int previous = 0;
    for (double perGpu = 0; perGpu <= 2.0; perGpu += 0.037) {
        SizingInputs in = baseInputs();
        in.profile = QStringLiteral("custom");
        in.gpus = 8192;
        in.customReadGBpsPerGpu = perGpu;
        in.customWriteGBpsPerGpu = perGpu / 2;
        const int cnodes = run(in).design.cnodes;
        QVERIFY(cnodes >= previous);
        previous = cnodes;
    }
    previous = 0;
    for (double params = 0; params <= 5e12; params += 1.7e11) {
        SizingInputs in = baseInputs();
        in.ckptParams = params;
        const int cnodes = run(in).design.cnodes;
        QVERIFY(cnodes >= previous);
        previous = cnodes;
    }
}

void TestSizing::moreCapacityNeverFewerDboxes()
{
    for (const QString &type :
         {QStringLiteral("dbox-ceres-338"), QStringLiteral("dbox-ceres-1350"), QStringLiteral("dbox-maverick-5400")}) {
        int previous = 0;
        for (double pb = 0; pb <= 1200; pb += pb < 5 ? 0.13 : 7.3) {
            SizingInputs in = baseInputs();
            in.dboxType = type;
            in.capacityPB = pb;
            const SizingResult r = run(in);
            QVERIFY(r.design.dboxes >= previous);
            QVERIFY(r.design.dboxes >= 1);
            QVERIFY2(r.design.usablePB + 1e-9 >= pb,
                     qPrintable(QStringLiteral("%1: %2 PB < %3").arg(type).arg(r.design.usablePB).arg(pb)));
            // the minimum: one box fewer would not hold it
            if (r.design.dboxesSetBy == QLatin1String("capacity"))
                QVERIFY(SizingEngine::usablePBFor(r.design.dboxes - 1, r.design.rawPB * 1000 / r.design.dboxes,
                                                  r.design.clusterSsds / r.design.dboxes, 0) < pb);
            previous = r.design.dboxes;
        }
    }
}

void TestSizing::usableBelowRaw()
{
    for (int dboxes = 1; dboxes <= 300; dboxes += 7) {
        SizingInputs in = baseInputs();
        in.fixedDboxes = dboxes;
        in.reservePct = dboxes % 3;
        const SizingResult r = run(in);
        QVERIFY(r.design.usablePB < r.design.rawPB);
        QVERIFY(r.design.usablePB > 0);
    }
}

void TestSizing::erasureCodingEfficiencyRises()
{
    const ErasureCoding &ec = ErasureCoding::fromSizingData();
    double previous = 0;
    for (int ssds = 1; ssds <= 10000; ++ssds) {
        const double e = ec.efficiencyFor(ssds);
        QVERIFY(e >= previous);
        QVERIFY(e <= 146.0 / 150.0 + 1e-12);
        previous = e;
    }
    QCOMPARE(ec.efficiencyFor(10000), 146.0 / 150.0);
    QCOMPARE(ec.efficiencyFor(12), 8.0 / 12.0); // the smallest stripe, 8+4
    QCOMPARE(ec.dataStripsFor(22), 14);         // one Ceres D-box: 22 − 4 − 4
}

void TestSizing::racksRespectPowerAndU()
{
    SizingInputs in = baseInputs();
    in.fixedCnodes = 100;
    in.fixedDboxes = 60;
    const SizingResult r = run(in);
    QVERIFY(r.ok());
    int c = 0;
    int d = 0;
    for (const RackLoad &rack : r.design.rackLoads) {
        QVERIFY(rack.usedU <= in.rackU);
        QVERIFY(rack.maxW <= r.design.rackPowerLimitKW * 1000 + 1e-6);
        c += rack.cnodes;
        d += rack.dboxes;
    }
    QCOMPARE(c, 100);
    QCOMPARE(d, 60);
    // 100 × 775 + 60 × 850 + 2 × 2167 = 132.8 kW at 18.4 kW per rack: at least 8 racks
    QVERIFY(r.design.racks >= 8);
    QCOMPARE(r.design.pdus, 2 * r.design.racks);
    in.rackKW = 100;
    in.feedCapacityKW = 0; // U limits now: 42 U with 1 U for management
    const SizingResult u = run(in);
    QCOMPARE(u.design.racks, 4); // 164 U of devices (incl. 2 × 2U leaves) / 41 U
}

void TestSizing::objectStoreAndLustreColumns()
{
    const SizingData &data = SizingData::builtIn();
    const ComparisonColumn os = objectStoreColumn(data, 200, 25.2, {});
    QCOMPARE(*os.value(QStringLiteral("readTBps")), 2.5 * 2 / 8); // 5 Tbit/s = 0.625 TB/s
    QCOMPARE(*os.value(QStringLiteral("writeTBps")), 0.625);
    QVERIFY(!os.value(QStringLiteral("racks")).has_value());
    QVERIFY(!os.value(QStringLiteral("typicalKW")).has_value());
    QCOMPARE(*os.value(QStringLiteral("checkpointWriteS")), 25.2 / 0.625);
    const ComparisonColumn osUser = objectStoreColumn(data, 200, 0, {12.0, 300.0});
    QCOMPARE(*osUser.value(QStringLiteral("racks")), 12.0);

    const auto lustre = lustreColumns(data, 1, 0); // 1 PB = 909.5 TiB
    QCOMPARE(lustre.size(), std::size_t(4));
    QCOMPARE(*lustre[0].value(QStringLiteral("filesystems")), 2.0); // 768 TiB max
    QCOMPARE(*lustre[1].value(QStringLiteral("filesystems")), 8.0); // 128 TiB max: 909.5 / 128 = 7.1
    // 40 MB/s/TiB tier: 2 file systems of 454.7 TiB → 480 TiB each in 48 TiB steps = 960 TiB × 40 MB/s
    QCOMPARE(*lustre[0].value(QStringLiteral("readTBps")), 960 * 40 / 1e6);
    // 500 MB/s/TiB: 8 × 116 TiB (4 TiB steps) = 928 TiB × 500 MB/s = 0.464 TB/s
    QCOMPARE(*lustre[3].value(QStringLiteral("readTBps")), 928 * 500 / 1e6);
}

void TestSizing::dataMovementAndExtrapolation()
{
    SizingInputs in = baseInputs();
    in.gpus = 41472;
    in.capacityPB = 215;
    in.ckptParams = 1.8e12;
    in.datasetTB = 30;
    in.wanGbps = 800;
    in.wanEfficiency = 0.96;
    const SizingResult r = run(in);
    const DataMovement m = dataMovementFor(r, SizingData::builtIn());
    QCOMPARE(m.prestageGbps, 120.0); // account egress 120 < 768 WAN
    QCOMPARE(m.prestageS, 30 * 8000 / 120.0);
    QCOMPARE(m.copyBackGbps, 60.0);             // account ingress
    QCOMPARE(*m.copyBackS, 25.2 * 8000 / 60.0); // 3,360 s
    QVERIFY(!m.copyBackKeepsUp);                // > 30 min
    const auto ex = extrapolationsFor(r, SizingData::builtIn());
    QCOMPARE(ex.size(), std::size_t(2));
    QCOMPARE(ex[0].pods, static_cast<int>(std::ceil(1000 / r.design.usablePB)));
    QCOMPARE(ex[1].pods, 10); // 400,000 / 41,472 = 9.6
    QCOMPARE(ex[1].cnodes, 10 * r.design.cnodes);
    QVERIFY(qFuzzyCompare(ex[1].powerShareMaxPct, 10 * r.design.maxKW / 30000 * 100));
    QVERIFY(qFuzzyCompare(ex[1].powerShareMinPct, 10 * r.design.maxKW / 40000 * 100));
}

void TestSizing::planBuilderFillsRacksAndChecksOut()
{
    SizingInputs in = baseInputs();
    in.fixedCnodes = 40;
    in.fixedDboxes = 20;
    const SizingResult r = run(in);
    Plan plan;
    QString error;
    QVERIFY2(PlanBuilder(Catalog::builtIn()).build(r, {}, plan, &error), qPrintable(error));
    QCOMPARE(static_cast<int>(plan.racks.size()), r.design.racks);
    SiteProfile site;
    QVERIFY(ResolvedPlan::resolveSite(plan, Catalog::builtIn(), site, &error));
    const ResolvedPlan resolved(plan, Catalog::builtIn(), site);
    const PlanSummary s = summarize(resolved);
    QCOMPARE(s.countsByRole.value(QStringLiteral("cnode")), 40);
    QCOMPARE(s.countsByRole.value(QStringLiteral("dbox")), 20);
    QCOMPARE(s.countsByRole.value(QStringLiteral("switch")), r.design.switches);
    QVERIFY(qFuzzyCompare(s.maxW / 1000, r.design.maxKW));
    QVERIFY(qFuzzyCompare(s.usableTB / 1000, r.design.usablePB));
    for (const RackSummary &rack : s.racks) {
        QVERIFY(rack.usedU <= rack.heightU);
        QVERIFY(rack.maxW <= r.design.rackPowerLimitKW * 1000 + 1e-6);
    }
    // no two devices share a U in a rack
    QSet<QString> used;
    for (const Device &d : plan.devices) {
        const DeviceType *t = Catalog::builtIn().deviceType(d.type);
        for (int u = d.u; u < d.u + t->uHeight; ++u) {
            const QString key = d.rack + QLatin1Char(':') + QString::number(u);
            QVERIFY2(!used.contains(key), qPrintable(key));
            used.insert(key);
        }
    }
    QVERIFY(plan.site.overrides.contains("power")); // budget raised to the design's max draw
}

void TestSizing::templatesAreWhatTheSizingBuilds_data()
{
    QTest::addColumn<QString>("design");
    QTest::addColumn<QString>("templateId");
    QTest::newRow("ncp") << QStringLiteral("ncp") << QStringLiteral("ncp-pod");
    QTest::newRow("density") << QStringLiteral("density") << QStringLiteral("density-1eb");
}

void TestSizing::templatesAreWhatTheSizingBuilds()
{
    QFETCH(QString, design);
    QFETCH(QString, templateId);
    const SizingData &data = SizingData::builtIn();
    const SizingInputs in = SizingInputs::forDesign(*data.design(design), data, Catalog::builtIn());
    Plan built;
    QString error;
    QVERIFY2(PlanBuilder(Catalog::builtIn()).build(run(in), {}, built, &error), qPrintable(error));
    QFile f(templateResourcePath(templateId));
    QVERIFY(f.open(QIODevice::ReadOnly));
    // Regenerate with: pocplan size --design <id> --plan resources/templates/<template>.pocplan.json
    QCOMPARE(planToBytes(built), f.readAll());
}

QTEST_GUILESS_MAIN(TestSizing)
#include "tst_sizing.moc"
