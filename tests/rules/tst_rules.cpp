#include "rulefixture.h"

#include "planner/templates/generatedplan.h"

using namespace pp;
using namespace rulefixture;

static const Finding *findingWith(const CheckReport &report, const QString &rule, const QStringList &subjects)
{
    for (const Finding &f : report.findings)
        if (f.rule == rule && f.subjects == subjects)
            return &f;
    return nullptr;
}

// Asserts one finding of the rule with exactly these subjects, severity, measured and limit values.
#define EXPECT_FINDING(report, rule, sev, subjects, measuredValue, limitValue, unitText)                               \
    do {                                                                                                               \
        const CheckReport &r_ = (report); /* keeps a temporary report alive */                                         \
        const Finding *f_ = findingWith(r_, QStringLiteral(rule), subjects);                                           \
        QVERIFY2(f_,                                                                                                   \
                 qPrintable(QStringLiteral("no %1 finding for [%2] in:\n%3")                                           \
                                .arg(QStringLiteral(rule), QStringList(subjects).join(QLatin1Char(',')), dump(r_))));  \
        QCOMPARE(severityId(f_->severity), severityId(sev));                                                           \
        QVERIFY2(f_->measured.has_value(), "measured missing");                                                        \
        QVERIFY2(f_->limit.has_value(), "limit missing");                                                              \
        QVERIFY2(qFuzzyCompare(1.0 + *f_->measured, 1.0 + double(measuredValue)),                                      \
                 qPrintable(QString::number(*f_->measured)));                                                          \
        QVERIFY2(qFuzzyCompare(1.0 + *f_->limit, 1.0 + double(limitValue)), qPrintable(QString::number(*f_->limit)));  \
        QCOMPARE(f_->unit, QStringLiteral(unitText));                                                                  \
        QVERIFY(!f_->message.isEmpty());                                                                               \
    } while (false)

static QStringList S(std::initializer_list<const char *> list)
{
    QStringList out;
    for (const char *s : list)
        out << QString::fromUtf8(s);
    return out;
}

static void override(Plan &plan, const char *patch)
{
    plan.site.overrides = Json::parse(patch);
}

// Every rule fires on a plan made wrong for it (asserting id, subjects, measured and limit) and
// stays quiet on the 3C+1D template; waivers; the template and generated plans check clean.
class TestRules : public QObject {
    Q_OBJECT
private slots:
    void everyDocumentedRuleIsRegistered();
    void templateHasNoErrors();
    void templateFindingsAreOnlyTheKnownOnes();
    void generatedPlanChecksClean();
    void quiet_data();
    void quiet();
    void quietOversubscriptionWithEnoughUplinks();
    void quietAirDensityOnLiquidSite();

    void spaceOverlap();
    void spaceOverlapFullDepthMeetsRearDevice();
    void spaceOutsideRack();
    void spaceRackTallerThanSite();
    void spaceDepth();
    void spaceDepthUnknownIsInfo();
    void powerSiteBudgetError();
    void powerSiteBudgetWarningOnMax();
    void powerSiteBudgetUnknownPowerIsInfo();
    void powerRackBudget();
    void powerFeedCapacity();
    void powerFeedRedundancyRack();
    void powerFeedRedundancyDevice();
    void powerOutlets();
    void powerOutletsTooFewPdus();
    void powerOutletsUnknownIsInfo();
    void coolingRackHeat();
    void coolingSiteHeat();
    void coolingAirDensity();
    void coolingAirflowMix();
    void weightRackStatic();
    void weightUnknownIsInfo();
    void networkPortCapacityLaneTwice();
    void networkPortCapacityUnknownPort();
    void networkPortCapacityLaneBeyondCable();
    void networkPortCapacityWholeAndLanes();
    void networkSpeedMismatchEnds();
    void networkSpeedMismatchCable();
    void networkUplinkCount();
    void networkUplinkSpeed();
    void networkOversubscription();
    void networkRoceSiteNotLossless();
    void networkRocePortNotCapable();
    void networkUnconnected();
    void networkDualHoming();
    void networkDualHomingPerDpu();
    void resilienceMinCNodes();
    void resilienceMinDBox();
    void resilienceMinDBoxSingleDpu();
    void resilienceSwitchPair();
    void resilienceDualPsu();

    void powerFeedCapacityCountsUnassignedOnBothFeeds();
    void emptyPlanReportsMissingKit();
    void danglingReferencesDoNotCrash();
    void generatedPlanAtScaleFlagsOnlyTheLabBudget();
    void waiverDowngradesAndKeepsReason();
    void waiverForOtherSubjectDoesNotApply();
};

void TestRules::everyDocumentedRuleIsRegistered()
{
    const QStringList documented = S({"space.overlap",
                                      "space.outside-rack",
                                      "space.depth",
                                      "power.site-budget",
                                      "power.rack-budget",
                                      "power.feed-capacity",
                                      "power.feed-redundancy",
                                      "power.outlets",
                                      "cooling.rack-heat",
                                      "cooling.site-heat",
                                      "cooling.air-density",
                                      "cooling.airflow-mix",
                                      "weight.rack-static",
                                      "network.port-capacity",
                                      "network.speed-mismatch",
                                      "network.cable-fit",
                                      "network.uplink-count",
                                      "network.uplink-speed",
                                      "network.oversubscription",
                                      "network.roce",
                                      "network.unconnected",
                                      "network.dual-homing",
                                      "network.roce-hops",
                                      "network.pfc-headroom",
                                      "network.address-overlap",
                                      "network.address-pool",
                                      "network.address-subnet",
                                      "resilience.min-cnodes",
                                      "resilience.min-dbox",
                                      "resilience.switch-pair",
                                      "resilience.dual-psu",
                                      "resilience.single-point-of-failure"});
    QStringList registered;
    for (const auto &rule : allRules()) {
        registered << rule->id();
        QVERIFY(!rule->description().isEmpty());
    }
    QCOMPARE(registered, documented);
    QVERIFY(findRule(QStringLiteral("network.roce")));
    QVERIFY(!findRule(QStringLiteral("no.such-rule")));
}

void TestRules::templateHasNoErrors()
{
    const CheckReport report = check(templatePlan());
    QVERIFY2(report.count(Severity::Error) == 0, qPrintable(dump(report)));
    QCOMPARE(report.site, QStringLiteral("customer-lab-poc"));
}

void TestRules::templateFindingsAreOnlyTheKnownOnes()
{
    // With the built-in catalog: the oversubscription warning and infos for figures no source gives
    // (the fabric's RoCE settings and the switches' per-port buffer among them).
    const CheckReport report = check(templatePlan());
    QStringList rules;
    for (const Finding &f : report.findings)
        rules << f.rule + QLatin1Char(' ') + severityId(f.severity);
    // The kit's one D-box is its known limit: losing it loses all 18 strips of every stripe (4 tolerated).
    QCOMPARE(rules,
             S({"space.depth info", "power.site-budget info", "power.outlets info", "power.outlets info",
                "weight.rack-static info", "network.oversubscription warning", "network.roce-hops info",
                "network.pfc-headroom info", "resilience.single-point-of-failure warning"}));
    EXPECT_FINDING(report, "power.site-budget", Severity::Info, S({"sw-sn2201"}), 1, 0, "devices");
    EXPECT_FINDING(report, "resilience.single-point-of-failure", Severity::Warning, S({"db1"}), 18, 4, "strips");
    QVERIFY(findingWith(report, QStringLiteral("resilience.single-point-of-failure"), S({"db1"}))
                ->message.contains(QLatin1String("known limit")));
}

void TestRules::generatedPlanChecksClean()
{
    // One rack: the oversubscription warning (8 C-nodes read far more than 2 × 400 GbE carry), and
    // each of its 7 D-boxes is a single point of failure: a 150-strip stripe keeps 22 strips in each.
    CheckReport report = check(generatePlan(1));
    QStringList warnings;
    for (const Finding &f : report.findings)
        if (f.severity != Severity::Info)
            warnings << f.rule + QLatin1Char(' ') + severityId(f.severity);
    QStringList expected{QStringLiteral("network.oversubscription warning")};
    for (int i = 0; i < 7; ++i)
        expected << QStringLiteral("resilience.single-point-of-failure warning");
    QCOMPARE(warnings, expected);
    EXPECT_FINDING(report, "resilience.single-point-of-failure", Severity::Warning, S({"R1-db1"}), 22, 4, "strips");
    // Six racks: 42 D-boxes, a stripe keeps at most 4 strips in one, and every node is dual-homed.
    QVERIFY(of(check(generatePlan(6)), QStringLiteral("resilience.single-point-of-failure")).empty());
    // Two racks: still no errors; max draw passes the 30 kW site budget and cooling (warnings).
    report = check(generatePlan(2));
    QVERIFY2(report.count(Severity::Error) == 0, qPrintable(dump(report)));
}

void TestRules::quiet_data()
{
    QTest::addColumn<QString>("rule");
    for (const auto &rule : allRules())
        // The kit's one D-box is a single point of failure by design (generatedPlanChecksClean).
        if (rule->id() != QLatin1String("network.oversubscription") &&
            rule->id() != QLatin1String("resilience.single-point-of-failure"))
            QTest::newRow(qPrintable(rule->id())) << rule->id();
}

// The template with the fabric behind its uplinks declared as the site's RoCE settings.
static Plan declaredFabricPlan()
{
    Plan plan = templatePlan();
    override(plan, R"({"network": {"fabric": {"mtu": 9216, "pfcPriority": 3, "ecn": true, "trust": "dscp"}}})");
    return plan;
}

// Findings other than the one info no catalog can avoid yet: no switch has a per-port buffer figure.
static std::vector<Finding> ofButBuffer(const CheckReport &report, const QString &rule)
{
    std::vector<Finding> out;
    for (const Finding &f : of(report, rule))
        if (!(f.severity == Severity::Info && f.message.startsWith(QLatin1String("per-port buffer unknown"))))
            out.push_back(f);
    return out;
}

void TestRules::quiet()
{
    QFETCH(QString, rule);
    const CheckReport report = check(declaredFabricPlan(), knownCatalog());
    QVERIFY2(ofButBuffer(report, rule).empty(), qPrintable(dump(report)));
}

void TestRules::quietOversubscriptionWithEnoughUplinks()
{
    Plan plan = declaredFabricPlan();
    plan.uplinks.push_back(Uplink{QStringLiteral("sw1"), QStringLiteral("swp28"), 400});
    const CheckReport report = check(plan, knownCatalog());
    QVERIFY2(of(report, QStringLiteral("network.oversubscription")).empty(), qPrintable(dump(report)));
    // The PFC headroom info (unknown port buffer) and the kit's known limit, its one D-box.
    QCOMPARE(report.findings.size(), std::size_t(2));
    QVERIFY2(ofButBuffer(report, QStringLiteral("network.pfc-headroom")).empty(), qPrintable(dump(report)));
    QCOMPARE(of(report, QStringLiteral("resilience.single-point-of-failure")).size(), std::size_t(1));
}

void TestRules::quietAirDensityOnLiquidSite()
{
    Plan plan = templatePlan();
    override(plan, R"({"cooling": {"type": "liquid", "airDensityLimitKW": 1}})");
    QVERIFY(of(check(plan), QStringLiteral("cooling.air-density")).empty());
}

void TestRules::spaceOverlap()
{
    Plan plan = templatePlan();
    plan.findDevice(QStringLiteral("cn2"))->u = 22;
    EXPECT_FINDING(check(plan), "space.overlap", Severity::Error, S({"cn1", "cn2", "R1"}), 1, 0, "U");
}

void TestRules::spaceOverlapFullDepthMeetsRearDevice()
{
    // A full-depth device takes the rear too: a rear-mounted device in its units collides.
    Plan plan = templatePlan();
    Device *cn3 = plan.findDevice(QStringLiteral("cn3"));
    cn3->u = 21;
    cn3->face = Face::Rear;
    EXPECT_FINDING(check(plan), "space.overlap", Severity::Error, S({"cn2", "cn3", "R1"}), 1, 0, "U");
}

void TestRules::spaceOutsideRack()
{
    Plan plan = templatePlan();
    plan.findDevice(QStringLiteral("db1"))->u = 43;
    EXPECT_FINDING(check(plan), "space.outside-rack", Severity::Error, S({"db1", "R1"}), 43, 42, "U");
}

void TestRules::spaceRackTallerThanSite()
{
    Plan plan = templatePlan();
    plan.racks.front().heightU = 48;
    EXPECT_FINDING(check(plan), "space.outside-rack", Severity::Error, S({"R1"}), 48, 42, "U");
}

void TestRules::spaceDepth()
{
    Catalog catalog = knownCatalog();
    DeviceType turin = *catalog.deviceType(QStringLiteral("cnode-turin"));
    turin.depthMM.value = 1300;
    catalog.addDeviceType(turin);
    const CheckReport report = check(templatePlan(), catalog);
    EXPECT_FINDING(report, "space.depth", Severity::Error, S({"cn1", "R1"}), 1300, 1200, "mm");
    QCOMPARE(of(report, QStringLiteral("space.depth")).size(), std::size_t(3));
}

void TestRules::spaceDepthUnknownIsInfo()
{
    const CheckReport report = check(templatePlan());
    EXPECT_FINDING(report, "space.depth", Severity::Info,
                   S({"cnode-turin", "dbox-ceres-1350", "sw-sn2201", "sw-sn4700"}), 7, 0, "devices");
}

void TestRules::powerSiteBudgetError()
{
    Plan plan = templatePlan();
    override(plan, R"({"power": {"budgetKW": 3}})");
    EXPECT_FINDING(check(plan), "power.site-budget", Severity::Error, S({"customer-lab-poc"}), 3.51, 3, "kW");
}

void TestRules::powerSiteBudgetWarningOnMax()
{
    Plan plan = templatePlan();
    override(plan, R"({"power": {"budgetKW": 4}})");
    EXPECT_FINDING(check(plan), "power.site-budget", Severity::Warning, S({"customer-lab-poc"}), 4.435, 4, "kW");
}

void TestRules::powerSiteBudgetUnknownPowerIsInfo()
{
    const CheckReport report = check(templatePlan());
    const auto findings = of(report, QStringLiteral("power.site-budget"));
    QCOMPARE(findings.size(), std::size_t(1));
    QCOMPARE(findings.front().severity, Severity::Info);
    QVERIFY(findings.front().message.contains(QStringLiteral("sw-sn2201")));
}

void TestRules::powerRackBudget()
{
    Plan plan = templatePlan();
    override(plan, R"({"power": {"rackLimitKW": 3}})");
    EXPECT_FINDING(check(plan), "power.rack-budget", Severity::Error, S({"R1"}), 3.51, 3, "kW");
    override(plan, R"({"power": {"rackLimitKW": 4}})");
    EXPECT_FINDING(check(plan), "power.rack-budget", Severity::Warning, S({"R1"}), 4.435, 4, "kW");
}

void TestRules::powerFeedCapacity()
{
    // 415 V × 3 A × √3 × 80% = 1.725 kW per feed; each feed carries half of 4.435 kW.
    Plan plan = templatePlan();
    override(plan, R"({"power": {"feeds": {"amps": 3}}})");
    const CheckReport report = check(plan);
    EXPECT_FINDING(report, "power.feed-capacity", Severity::Error, S({"R1/A", "R1"}), 2.218, 1.725, "kW");
    EXPECT_FINDING(report, "power.feed-capacity", Severity::Error, S({"R1/B", "R1"}), 2.218, 1.725, "kW");
}

void TestRules::powerFeedRedundancyRack()
{
    // 4 A: a feed gives 2.3 kW, enough for half the rack but not for all of it when the other is lost.
    Plan plan = templatePlan();
    override(plan, R"({"power": {"feeds": {"amps": 4}}})");
    const CheckReport report = check(plan);
    // One finding per surviving feed: B carries the rack with A lost, and A with B lost.
    EXPECT_FINDING(report, "power.feed-redundancy", Severity::Error, S({"R1", "R1/B"}), 4.435, 2.3, "kW");
    EXPECT_FINDING(report, "power.feed-redundancy", Severity::Error, S({"R1", "R1/A"}), 4.435, 2.3, "kW");
    QVERIFY2(of(report, QStringLiteral("power.feed-capacity")).empty(), qPrintable(dump(report)));
    override(plan, R"({"power": {"feeds": {"amps": 4, "redundancy": "single"}}})");
    QVERIFY(of(check(plan), QStringLiteral("power.feed-redundancy")).empty());
}

void TestRules::powerFeedRedundancyDevice()
{
    Plan plan = templatePlan();
    plan.findDevice(QStringLiteral("cn1"))->psuFeeds = S({"A", "A"});
    EXPECT_FINDING(check(plan), "power.feed-redundancy", Severity::Error, S({"cn1", "R1/A"}), 1, 2, "feeds");
}

void TestRules::powerOutlets()
{
    // 7 dual-PSU devices need 14 C14 inlets; two PDUs with 2 C13 and no C19 each give 4 outlets.
    Catalog catalog = knownCatalog();
    DeviceType pdu = *catalog.deviceType(QStringLiteral("pdu-415v-32a-3ph"));
    for (PduOutletGroup &g : pdu.pdu.outlets)
        g.count.value = g.connector == QLatin1String("C19") ? 0 : 2;
    catalog.addDeviceType(pdu);
    EXPECT_FINDING(check(templatePlan(), catalog), "power.outlets", Severity::Error, S({"R1"}), 14, 4, "outlets");
}

void TestRules::powerOutletsTooFewPdus()
{
    Plan plan = templatePlan();
    removeDevice(plan, QStringLiteral("pduB"));
    EXPECT_FINDING(check(plan, knownCatalog()), "power.outlets", Severity::Warning, S({"R1"}), 1, 2, "PDUs");
}

void TestRules::powerOutletsUnknownIsInfo()
{
    const CheckReport report = check(templatePlan());
    EXPECT_FINDING(report, "power.outlets", Severity::Info, S({"pdu-415v-32a-3ph"}), 2, 0, "devices");
    const auto findings = of(report, QStringLiteral("power.outlets"));
    QCOMPARE(findings.size(), std::size_t(2));
    QCOMPARE(findings.front().subjects, S({"cnode-turin", "dbox-ceres-1350", "sw-sn2201", "sw-sn4700"}));
}

void TestRules::coolingRackHeat()
{
    Plan plan = templatePlan();
    override(plan, R"({"cooling": {"rackLimitKW": 3}})");
    EXPECT_FINDING(check(plan), "cooling.rack-heat", Severity::Error, S({"R1"}), 3.51, 3, "kW");
}

void TestRules::coolingSiteHeat()
{
    Plan plan = templatePlan();
    override(plan, R"({"cooling": {"totalKW": 4}})");
    EXPECT_FINDING(check(plan), "cooling.site-heat", Severity::Warning, S({"customer-lab-poc"}), 4.435, 4, "kW");
    override(plan, R"({"cooling": {"totalKW": 3}})");
    EXPECT_FINDING(check(plan), "cooling.site-heat", Severity::Error, S({"customer-lab-poc"}), 3.51, 3, "kW");
}

void TestRules::coolingAirDensity()
{
    Plan plan = templatePlan();
    override(plan, R"({"cooling": {"airDensityLimitKW": 4}})");
    EXPECT_FINDING(check(plan), "cooling.air-density", Severity::Warning, S({"R1"}), 4.435, 4, "kW");
}

void TestRules::coolingAirflowMix()
{
    Plan plan = templatePlan();
    plan.findDevice(QStringLiteral("cn1"))->face = Face::Rear;
    EXPECT_FINDING(check(plan), "cooling.airflow-mix", Severity::Warning, S({"R1", "cn1"}), 1, 0, "devices");
}

void TestRules::weightRackStatic()
{
    // 7.41 + 2 × 11.61 + 3 × 19.96 + 22.68 = 113.19 kg (PDU weight unknown, not counted).
    Plan plan = templatePlan();
    override(plan, R"({"rack": {"maxStaticKg": 100}})");
    EXPECT_FINDING(check(plan), "weight.rack-static", Severity::Error, S({"R1"}), 113.19, 100, "kg");
}

void TestRules::weightUnknownIsInfo()
{
    EXPECT_FINDING(check(templatePlan()), "weight.rack-static", Severity::Info, S({"pdu-415v-32a-3ph"}), 2, 0,
                   "devices");
}

void TestRules::networkPortCapacityLaneTwice()
{
    Plan plan = templatePlan();
    findLink(plan, QStringLiteral("cn2:p1"))->b.port = QStringLiteral("swp1s0");
    EXPECT_FINDING(check(plan), "network.port-capacity", Severity::Error, S({"sw1", "sw1:swp1s0", "cn1:p1", "cn2:p1"}),
                   2, 1, "links");
}

void TestRules::networkPortCapacityUnknownPort()
{
    Plan plan = templatePlan();
    findLink(plan, QStringLiteral("cn1:p1"))->a.port = QStringLiteral("p3");
    EXPECT_FINDING(check(plan), "network.port-capacity", Severity::Error, S({"cn1", "cn1:p3"}), 1, 0, "ports");
}

void TestRules::networkPortCapacityLaneBeyondCable()
{
    Plan plan = templatePlan();
    findLink(plan, QStringLiteral("cn3:p1"))->b.port = QStringLiteral("swp2s2");
    EXPECT_FINDING(check(plan), "network.port-capacity", Severity::Error, S({"sw1", "sw1:swp2s2"}), 3, 2, "lanes");
}

void TestRules::networkPortCapacityWholeAndLanes()
{
    // The site uplink on swp1 collides with the breakout lanes already on swp1.
    Plan plan = templatePlan();
    plan.uplinks.front().port = QStringLiteral("swp1");
    EXPECT_FINDING(check(plan), "network.port-capacity", Severity::Error,
                   S({"sw1", "sw1:swp1", "sw1:swp1s0", "sw1:swp1s1", "cn1:p1", "cn2:p1"}), 3, 1, "links");
}

void TestRules::networkSpeedMismatchEnds()
{
    Plan plan = templatePlan();
    Link *l = findLink(plan, QStringLiteral("cn1:p1"));
    l->b.port = QStringLiteral("swp5");
    l->cable = QStringLiteral("dac-200g");
    EXPECT_FINDING(check(plan), "network.speed-mismatch", Severity::Warning, S({"cn1:p1", "sw1:swp5"}), 200, 400,
                   "Gbit/s");
}

void TestRules::networkSpeedMismatchCable()
{
    Plan plan = templatePlan();
    findLink(plan, QStringLiteral("sw1:swp31"))->cable = QStringLiteral("dac-200g");
    EXPECT_FINDING(check(plan), "network.speed-mismatch", Severity::Warning, S({"sw1:swp31", "sw2:swp31"}), 200, 400,
                   "Gbit/s");
}

void TestRules::networkUplinkCount()
{
    Plan plan = templatePlan();
    plan.uplinks.pop_back();
    EXPECT_FINDING(check(plan), "network.uplink-count", Severity::Error, S({"customer-lab-poc"}), 1, 2, "uplinks");
}

void TestRules::networkUplinkSpeed()
{
    Plan plan = templatePlan();
    plan.uplinks.front().speedGbps = 100;
    EXPECT_FINDING(check(plan), "network.uplink-speed", Severity::Error, S({"sw1", "sw1:swp27"}), 100, 400, "Gbit/s");
    plan.uplinks.front().speedGbps = 800;
    EXPECT_FINDING(check(plan), "network.uplink-speed", Severity::Error, S({"sw1", "sw1:swp27"}), 800, 400, "Gbit/s");
}

void TestRules::networkOversubscription()
{
    // 3 Turin C-nodes × 37 GB/s = 111 GB/s = 888 Gbit/s of reads against 2 × 400 GbE.
    EXPECT_FINDING(check(templatePlan()), "network.oversubscription", Severity::Warning, S({"customer-lab-poc"}), 888,
                   800, "Gbit/s");
}

void TestRules::networkRoceSiteNotLossless()
{
    Plan plan = templatePlan();
    override(plan, R"({"network": {"pfc": false}})");
    EXPECT_FINDING(check(plan), "network.roce", Severity::Error, S({"customer-lab-poc"}), 1, 2, "of PFC+ECN");
    override(plan, R"({"network": {"pfc": false, "roceRequired": false}})");
    QVERIFY(of(check(plan), QStringLiteral("network.roce")).empty());
}

void TestRules::networkRocePortNotCapable()
{
    Catalog catalog = Catalog::builtIn();
    DeviceType sw = *catalog.deviceType(QStringLiteral("sw-sn4700"));
    sw.ports.front().roceCapable = false;
    catalog.addDeviceType(sw);
    EXPECT_FINDING(check(templatePlan(), catalog), "network.roce", Severity::Error,
                   S({"sw1", "sw1:swp1s0", "sw1:swp1s1", "sw1:swp2s0", "sw1:swp3s0", "sw1:swp3s1", "sw1:swp31",
                      "sw1:swp32", "sw1:swp27"}),
                   8, 0, "ports");
}

void TestRules::networkUnconnected()
{
    Plan plan = templatePlan();
    plan.links.erase(plan.links.begin() + 1); // cn1:p2 -- sw2:swp1s0
    EXPECT_FINDING(check(plan), "network.unconnected", Severity::Warning, S({"cn1", "cn1:p2"}), 1, 0, "ports");
}

void TestRules::networkDualHoming()
{
    Plan plan = templatePlan();
    Link *l = findLink(plan, QStringLiteral("cn1:p2"));
    l->b = Endpoint{QStringLiteral("sw1"), QStringLiteral("swp4s0")};
    EXPECT_FINDING(check(plan), "network.dual-homing", Severity::Error, S({"cn1"}), 1, 2, "switches");
}

void TestRules::networkDualHomingPerDpu()
{
    Plan plan = templatePlan();
    findLink(plan, QStringLiteral("db1:dpu1-p2"))->b = Endpoint{QStringLiteral("sw1"), QStringLiteral("swp4s0")};
    EXPECT_FINDING(check(plan), "network.dual-homing", Severity::Error, S({"db1", "db1/dpu1"}), 1, 2, "switches");
}

void TestRules::resilienceMinCNodes()
{
    Plan plan = templatePlan();
    removeDevice(plan, QStringLiteral("cn3"));
    EXPECT_FINDING(check(plan), "resilience.min-cnodes", Severity::Error, S({"plan"}), 2, 3, "C-nodes");
}

void TestRules::resilienceMinDBox()
{
    Plan plan = templatePlan();
    removeDevice(plan, QStringLiteral("db1"));
    EXPECT_FINDING(check(plan), "resilience.min-dbox", Severity::Error, S({"plan"}), 0, 1, "D-boxes");
}

void TestRules::resilienceMinDBoxSingleDpu()
{
    Catalog catalog = Catalog::builtIn();
    DeviceType db = *catalog.deviceType(QStringLiteral("dbox-ceres-1350"));
    db.storage.dpuCount.value = 1;
    catalog.addDeviceType(db);
    EXPECT_FINDING(check(templatePlan(), catalog), "resilience.min-dbox", Severity::Error, S({"plan", "db1"}), 0, 1,
                   "D-boxes");
}

void TestRules::resilienceSwitchPair()
{
    Plan plan = templatePlan();
    removeDevice(plan, QStringLiteral("sw2"));
    EXPECT_FINDING(check(plan), "resilience.switch-pair", Severity::Error, S({"plan"}), 1, 2, "switches");
}

void TestRules::resilienceDualPsu()
{
    Plan plan = templatePlan();
    plan.findDevice(QStringLiteral("cn1"))->psuFeeds = S({"A"});
    const CheckReport report = check(plan);
    EXPECT_FINDING(report, "resilience.dual-psu", Severity::Error, S({"cn1"}), 1, 2, "PSUs");
    QVERIFY(of(report, QStringLiteral("power.feed-redundancy")).empty()); // one finding per fault
}

void TestRules::powerFeedCapacityCountsUnassignedOnBothFeeds()
{
    // 415 V × 4 A × √3 × 80% = 2.3 kW per feed. With both feeds up each carries 2.218 kW; a C-node
    // with no feed given (775 W max) may land on either, so both feeds count it: 2.605 kW.
    Plan plan = templatePlan();
    override(plan, R"({"power": {"feeds": {"amps": 4}}})");
    QVERIFY(of(check(plan), QStringLiteral("power.feed-capacity")).empty());
    plan.findDevice(QStringLiteral("cn1"))->psuFeeds.clear();
    const CheckReport report = check(plan);
    EXPECT_FINDING(report, "power.feed-capacity", Severity::Error, S({"R1/A", "R1"}), 2.605, 2.3, "kW");
    EXPECT_FINDING(report, "resilience.dual-psu", Severity::Error, S({"cn1"}), 0, 2, "PSUs");
}

void TestRules::emptyPlanReportsMissingKit()
{
    Plan plan;
    plan.name = QStringLiteral("empty");
    plan.site.profile = QStringLiteral("customer-lab-poc");
    const CheckReport report = check(plan);
    EXPECT_FINDING(report, "resilience.min-cnodes", Severity::Error, S({"plan"}), 0, 3, "C-nodes");
    EXPECT_FINDING(report, "resilience.min-dbox", Severity::Error, S({"plan"}), 0, 1, "D-boxes");
    EXPECT_FINDING(report, "resilience.switch-pair", Severity::Error, S({"plan"}), 0, 2, "switches");
    EXPECT_FINDING(report, "network.uplink-count", Severity::Error, S({"customer-lab-poc"}), 0, 2, "uplinks");
    QCOMPARE(report.findings.size(), std::size_t(4));
}

void TestRules::danglingReferencesDoNotCrash()
{
    // The editor may check a plan mid-edit: a link to a deleted device, a type the catalog lacks.
    Plan plan = templatePlan();
    Link ghost;
    ghost.a = Endpoint{QStringLiteral("cn1"), QStringLiteral("p1")};
    ghost.b = Endpoint{QStringLiteral("ghost"), QStringLiteral("p1")};
    ghost.cable = QStringLiteral("no-such-cable");
    plan.links.push_back(ghost);
    plan.devices.push_back(Device{
        QStringLiteral("odd"), QStringLiteral("no-such-type"), QStringLiteral("R1"), 5, Face::Front, QString(), {}});
    plan.uplinks.push_back(Uplink{QStringLiteral("ghost"), QStringLiteral("swp1"), 400});
    const CheckReport report = check(plan);
    EXPECT_FINDING(report, "network.port-capacity", Severity::Error, S({"ghost:p1"}), 1, 0, "devices");
    EXPECT_FINDING(report, "network.port-capacity", Severity::Error, S({"ghost:swp1"}), 1, 0, "devices");
    EXPECT_FINDING(report, "network.port-capacity", Severity::Error, S({"cn1", "cn1:p1", "sw1:swp1s0", "ghost:p1"}), 2,
                   1, "links");
}

void TestRules::generatedPlanAtScaleFlagsOnlyTheLabBudget()
{
    // Five racks draw 52.95 kW typical: over the 30 kW lab budget and its cooling, nothing else.
    const CheckReport report = check(generatePlan(5));
    QStringList rules;
    for (const Finding &f : report.findings)
        if (f.severity != Severity::Info)
            rules << f.rule + QLatin1Char(' ') + severityId(f.severity);
    // 35 D-boxes keep 5 strips of a 150-strip stripe each (4 tolerated): each is a single point.
    QCOMPARE(rules.count(QStringLiteral("resilience.single-point-of-failure warning")), 35);
    rules.removeAll(QStringLiteral("resilience.single-point-of-failure warning"));
    QCOMPARE(rules, S({"power.site-budget error", "cooling.site-heat error", "network.oversubscription warning"}));
    EXPECT_FINDING(report, "power.site-budget", Severity::Error, S({"customer-lab-poc"}), 52.95, 30, "kW");
}

void TestRules::waiverDowngradesAndKeepsReason()
{
    Plan plan = templatePlan();
    override(plan, R"({"power": {"budgetKW": 3}})");
    QCOMPARE(check(plan).unwaivedErrors(), 1);
    plan.waivers.push_back({QStringLiteral("power.site-budget"), QStringLiteral("customer-lab-poc"),
                            QStringLiteral("lab adds a third feed")});
    const CheckReport report = check(plan);
    QCOMPARE(report.unwaivedErrors(), 0);
    QCOMPARE(report.waivedCount(), 1);
    const Finding *f = findingWith(report, QStringLiteral("power.site-budget"), S({"customer-lab-poc"}));
    QVERIFY(f);
    QVERIFY(f->waived);
    QCOMPARE(f->severity, Severity::Info);
    QCOMPARE(f->originalSeverity, Severity::Error);
    QCOMPARE(f->reason, QStringLiteral("lab adds a third feed"));
    QCOMPARE(*f->measured, 3.51);
}

void TestRules::waiverForOtherSubjectDoesNotApply()
{
    Plan plan = templatePlan();
    plan.findDevice(QStringLiteral("cn1"))->psuFeeds = S({"A"});
    plan.findDevice(QStringLiteral("cn2"))->psuFeeds = S({"B"});
    plan.waivers.push_back(
        {QStringLiteral("resilience.dual-psu"), QStringLiteral("cn2"), QStringLiteral("spare PSU on order")});
    const CheckReport report = check(plan);
    QCOMPARE(report.unwaivedErrors(), 1);
    QCOMPARE(report.waivedCount(), 1);
    QVERIFY(!findingWith(report, QStringLiteral("resilience.dual-psu"), S({"cn1"}))->waived);
    QVERIFY(findingWith(report, QStringLiteral("resilience.dual-psu"), S({"cn2"}))->waived);
}

QTEST_GUILESS_MAIN(TestRules)
#include "tst_rules.moc"
