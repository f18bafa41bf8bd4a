#include "planner/network/pfcheadroom.h"
#include "planner/network/portbuffertable.h"
#include "planner/rules/checkcontext.h"
#include "planner/rules/rocerules.h"
#include "planner/rules/ruleengine.h"

#include "tests/network/netfixture.h"

#include <QtTest>

using namespace pp;
using namespace netfixture;

// RoCE settings agreeing on every hop, and PFC headroom against the port buffer.
class TestRoceRules : public QObject {
    Q_OBJECT
private slots:
    void kitAgreesOnEveryHop();
    void hopWithMtu1500();
    void switchWithPfcOnAnotherPriority();
    void uplinkAgainstDeclaredFabric();
    void headroomFloorFigure();
    void thirtyMetreLinkExceedsBuffer();
    void unknownBufferIsInfo();
};

static std::vector<Finding> run(const Rule &rule, const Plan &plan)
{
    const ResolvedPlan resolved(plan, Catalog::builtIn(), siteOf(plan));
    const CheckContext ctx(resolved);
    std::vector<Finding> out;
    rule.check(ctx, out);
    return out;
}

static std::vector<Finding> errors(const std::vector<Finding> &all)
{
    std::vector<Finding> out;
    for (const Finding &f : all)
        if (f.severity == Severity::Error)
            out.push_back(f);
    return out;
}

void TestRoceRules::kitAgreesOnEveryHop()
{
    QVERIFY(errors(run(NetworkRoceHopsRule(), cabledKit())).empty());
    QVERIFY(errors(run(NetworkRoceHopsRule(), cabledPod())).empty());
}

// leaf-b at MTU 1500: its node ports (against the hosts' 9216) and its peer link to leaf-a differ.
void TestRoceRules::hopWithMtu1500()
{
    const Plan plan = withSite(cabledKit(), {{"network", {{"switches", {{"leaf-b", {{"mtu", 1500}}}}}}}});
    const auto f = errors(run(NetworkRoceHopsRule(), plan));
    QVERIFY(!f.empty());
    bool hosts = false, peer = false;
    for (const Finding &x : f) {
        QVERIFY2(x.message.startsWith(QLatin1String("MTU differs")), qPrintable(x.message));
        hosts = hosts ||
            (x.message.contains(QStringLiteral("leaf-b \u2013 the hosts")) && *x.measured == 1500 && *x.limit == 9216);
        peer = peer || x.message.contains(QStringLiteral("leaf-a \u2013 leaf-b")) ||
            x.message.contains(QStringLiteral("leaf-b \u2013 leaf-a"));
        QCOMPARE(x.unit, QStringLiteral("bytes"));
    }
    QVERIFY(hosts);
    QVERIFY(peer);
}

void TestRoceRules::switchWithPfcOnAnotherPriority()
{
    const Plan plan = withSite(cabledPod(), {{"network", {{"switches", {{"spine-1", {{"pfcPriority", 4}}}}}}}});
    const auto f = errors(run(NetworkRoceHopsRule(), plan));
    QVERIFY(!f.empty());
    for (const Finding &x : f) {
        QVERIFY2(x.message.startsWith(QLatin1String("PFC priority differs")), qPrintable(x.message));
        QVERIFY2(x.message.contains(QLatin1String("spine-1")), qPrintable(x.message));
    }
    // Both leaves reach spine-1; each hop is one finding naming its ports.
    QVERIFY(f.size() >= 2);
}

void TestRoceRules::uplinkAgainstDeclaredFabric()
{
    const auto undeclared = run(NetworkRoceHopsRule(), cabledKit());
    QCOMPARE(undeclared.size(), std::size_t(1));
    QCOMPARE(undeclared.front().severity, Severity::Info);
    const Plan plan = withSite(cabledKit(), {{"network", {{"fabric", {{"mtu", 9000}, {"trust", "pcp"}}}}}});
    const auto f = errors(run(NetworkRoceHopsRule(), plan));
    QCOMPARE(f.size(), std::size_t(4)); // MTU and trust, on leaf-a and leaf-b
    for (const Finding &x : f)
        QVERIFY2(x.message.contains(QLatin1String("the site's fabric")), qPrintable(x.message));
}

// 2 × 9216 B + 400 Gb/s × 2 × 30 m × 5 ns/m / 8 = 18,432 + 15,000 bytes.
void TestRoceRules::headroomFloorFigure()
{
    QCOMPARE(pfcHeadroomFloorBytes(400, 30, 9216), 33432.0);
    QCOMPARE(pfcHeadroomFloorBytes(200, 0, 9216), 18432.0);
}

void TestRoceRules::thirtyMetreLinkExceedsBuffer()
{
    Plan plan = cabledKit();
    Link *isl = nullptr;
    for (Link &l : plan.links)
        if (l.a.device == QLatin1String("sw1") && l.b.device == QLatin1String("sw2"))
            isl = &l;
    QVERIFY(isl);
    const QString end = isl->a.toString();
    PortBufferTable small;
    Figure thirtyKB;
    thirtyKB.value = 30;
    small.set(QStringLiteral("sw-sn4700"), thirtyKB);
    QVERIFY(errors(run(NetworkPfcHeadroomRule(&small), plan)).empty()); // short links fit 30 KB
    isl->lengthM = 30;
    const auto f = errors(run(NetworkPfcHeadroomRule(&small), plan));
    QCOMPARE(f.size(), std::size_t(2)); // both ends of the 30 m link
    QCOMPARE(f.front().subjects, QStringList{end});
    QVERIFY(*f.front().measured > 30);
    QCOMPARE(*f.front().limit, 30.0);
    QCOMPARE(f.front().unit, QStringLiteral("KB"));
    PortBufferTable large;
    Figure hundredKB;
    hundredKB.value = 100;
    large.set(QStringLiteral("sw-sn4700"), hundredKB);
    QVERIFY(errors(run(NetworkPfcHeadroomRule(&large), plan)).empty());
}

void TestRoceRules::unknownBufferIsInfo()
{
    const auto f = run(NetworkPfcHeadroomRule(), cabledKit());
    QCOMPARE(f.size(), std::size_t(1));
    QCOMPARE(f.front().severity, Severity::Info);
    QVERIFY2(f.front().message.contains(QLatin1String("per-port buffer unknown for sw-sn4700")),
             qPrintable(f.front().message));
    QVERIFY(!PortBufferTable::builtIn().bufferKB(QStringLiteral("sw-sn4700")).known());
}

QTEST_GUILESS_MAIN(TestRoceRules)
#include "tst_rocerules.moc"
