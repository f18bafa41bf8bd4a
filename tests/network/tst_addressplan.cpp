#include "catalog/model/ipv4subnet.h"
#include "planner/network/addressplan.h"
#include "planner/rules/ruleengine.h"

#include "tests/network/netfixture.h"

#include <QSet>
#include <QtTest>

using namespace pp;
using namespace netfixture;

// The address plan: no overlaps, stable when unrelated devices are added, and one test per rule.
class TestAddressPlan : public QObject {
    Q_OBJECT
private slots:
    void parsesSubnets();
    void hostnameNumbers();
    void kitHasNoOverlap();
    void podHasAsnsAndPointToPoint();
    void stableWhenDeviceAdded();
    void stableWhenSpinesAdded();
    void poolTooSmallRule();
    void overlapRule();
    void outsideSubnetRule();
    void siteRejectsBadSubnet();
};

static AddressPlan planOf(const Plan &plan)
{
    const ResolvedPlan resolved(plan, Catalog::builtIn(), siteOf(plan));
    return AddressPlan::build(resolved);
}

static std::vector<Finding> findings(const Plan &plan, const QString &rule)
{
    const ResolvedPlan resolved(plan, Catalog::builtIn(), siteOf(plan));
    std::vector<Finding> out;
    for (const Finding &f : runChecks(resolved).findings)
        if (f.rule == rule)
            out.push_back(f);
    return out;
}

void TestAddressPlan::parsesSubnets()
{
    const auto s = Ipv4Subnet::parse(QStringLiteral("10.10.0.7/21"));
    QVERIFY(s);
    QCOMPARE(s->toString(), QStringLiteral("10.10.0.0/21"));
    QCOMPARE(s->size(), std::uint64_t(2048));
    QVERIFY(s->contains(*Ipv4Subnet::parseAddress(QStringLiteral("10.10.7.255"))));
    QVERIFY(!s->contains(*Ipv4Subnet::parseAddress(QStringLiteral("10.10.8.0"))));
    QVERIFY(s->overlaps(*Ipv4Subnet::parse(QStringLiteral("10.10.4.0/24"))));
    QVERIFY(!s->overlaps(*Ipv4Subnet::parse(QStringLiteral("10.20.0.0/24"))));
    for (const char *bad : {"10.0.0", "10.0.0.256/24", "10.0.0.0/33", "010.0.0.1", "a.b.c.d", "10.0.0.0/"})
        QVERIFY2(!Ipv4Subnet::parse(QString::fromLatin1(bad)), bad);
}

void TestAddressPlan::hostnameNumbers()
{
    QCOMPARE(hostnameOrdinal(QStringLiteral("leaf-7")), 7);
    QCOMPARE(hostnameOrdinal(QStringLiteral("leaf-a")), 1);
    QCOMPARE(hostnameOrdinal(QStringLiteral("leaf-b")), 2);
    QCOMPARE(hostnameOrdinal(QStringLiteral("pdu-2-b")), 4);
    QCOMPARE(hostnameOrdinal(QStringLiteral("cnode-12.lab")), 12);
    QCOMPARE(hostnameOrdinal(QStringLiteral("jumphost")), -1);
}

// Every address of the kit is unique and inside its pool; the pair shares one MLAG MAC.
void TestAddressPlan::kitHasNoOverlap()
{
    const AddressPlan plan = planOf(cabledKit());
    QVERIFY(plan.problems().empty());
    QSet<QString> seen;
    int mgmt = 0;
    for (const AddressAssignment &a : plan.assignments()) {
        if (a.kind == QLatin1String("asn") || a.kind == QLatin1String("mlag-mac"))
            continue;
        QVERIFY2(!seen.contains(addressWithoutPrefix(a.value)), qPrintable(a.value));
        seen.insert(addressWithoutPrefix(a.value));
        const auto pool = Ipv4Subnet::parse(a.pool.section(QLatin1Char(' '), 1, 1));
        QVERIFY2(pool, qPrintable(a.pool));
        QVERIFY2(pool->contains(Ipv4Subnet::parse(a.value)->address()),
                 qPrintable(a.value + QLatin1Char(' ') + a.pool));
        mgmt += a.kind == QLatin1String("mgmt");
    }
    QCOMPARE(mgmt, 6); // 3 switches, 3 C-nodes (the D-box is reached over its BMCs)
    QCOMPARE(plan.value(QStringLiteral("sw1"), QStringLiteral("mgmt")), QStringLiteral("10.10.0.79/21"));
    QCOMPARE(plan.value(QStringLiteral("sw2"), QStringLiteral("mgmt")), QStringLiteral("10.10.0.80/21"));
    QCOMPARE(plan.value(QStringLiteral("sw1"), QStringLiteral("mlag-mac")), QStringLiteral("44:38:39:ff:00:01"));
    QCOMPARE(plan.value(QStringLiteral("sw2"), QStringLiteral("mlag-mac")), QStringLiteral("44:38:39:ff:00:01"));
    QCOMPARE(plan.vrrAddress(100), QStringLiteral("10.20.0.1/24"));
    QVERIFY(plan.value(QStringLiteral("sw1"), QStringLiteral("asn")).isEmpty()); // one pair: no routed fabric
}

void TestAddressPlan::podHasAsnsAndPointToPoint()
{
    const AddressPlan plan = planOf(cabledPod());
    QVERIFY(plan.problems().empty());
    QCOMPARE(plan.value(QStringLiteral("spine1"), QStringLiteral("asn")), QStringLiteral("65101"));
    QCOMPARE(plan.value(QStringLiteral("spine2"), QStringLiteral("asn")), QStringLiteral("65101"));
    QCOMPARE(plan.value(QStringLiteral("sw1"), QStringLiteral("asn")), QStringLiteral("65102"));
    QCOMPARE(plan.value(QStringLiteral("sw2"), QStringLiteral("asn")), QStringLiteral("65103"));
    int p2p = 0;
    QSet<QString> seen;
    for (const AddressAssignment &a : plan.assignments())
        if (a.kind == QLatin1String("p2p")) {
            ++p2p;
            QVERIFY(a.value.endsWith(QLatin1String("/31")));
            QVERIFY2(!seen.contains(a.value), qPrintable(a.value));
            seen.insert(a.value);
        }
    QVERIFY(p2p >= 4); // every leaf reaches both spines
    QCOMPARE(p2p % 2, 0);
}

// Adding a C-node, a spine pair and a PDU moves no address, ASN or MAC the kit already had.
void TestAddressPlan::stableWhenDeviceAdded()
{
    const Plan before = cabledKit();
    Plan after = before;
    after.devices.insert(after.devices.begin(),
                         Device{QStringLiteral("cn0"),
                                QStringLiteral("cnode-turin"),
                                QStringLiteral("R1"),
                                0,
                                Face::Front,
                                QStringLiteral("cnode-0"),
                                {}});
    after.devices.push_back(Device{QStringLiteral("cn9"),
                                   QStringLiteral("cnode-turin"),
                                   QStringLiteral("R1"),
                                   0,
                                   Face::Front,
                                   QStringLiteral("cnode-9"),
                                   {}});
    after.devices.push_back(Device{QStringLiteral("aaa"),
                                   QStringLiteral("cnode-turin"),
                                   QStringLiteral("R1"),
                                   0,
                                   Face::Front,
                                   QStringLiteral("a-first-by-name"),
                                   {}});
    const AddressPlan a = planOf(before), b = planOf(after);
    QVERIFY(b.assignments().size() > a.assignments().size());
    int compared = 0;
    for (const AddressAssignment &x : a.assignments()) {
        QCOMPARE(b.value(x.device, x.kind, x.interface), x.value);
        ++compared;
    }
    QCOMPARE(compared, static_cast<int>(a.assignments().size()));
}

// Growing the kit into a pod (two spines, re-cabled) keeps every address, MAC and VRR the kit had;
// the pod only adds ASNs, spine loopbacks and /31s.
void TestAddressPlan::stableWhenSpinesAdded()
{
    const AddressPlan kit = planOf(cabledKit()), pod = planOf(cabledPod());
    for (const AddressAssignment &x : kit.assignments())
        QCOMPARE(pod.value(x.device, x.kind, x.interface), x.value);
    QVERIFY(pod.assignments().size() > kit.assignments().size());
}

void TestAddressPlan::poolTooSmallRule()
{
    QVERIFY(findings(cabledKit(), QStringLiteral("network.address-pool")).empty());
    const Plan small = withSite(cabledKit(), {{"network", {{"ipPlan", {{"mgmtSubnet", "10.10.0.0/27"}}}}}});
    const auto f = findings(small, QStringLiteral("network.address-pool"));
    QVERIFY(!f.empty());
    QCOMPARE(f.front().severity, Severity::Error);
    QVERIFY2(f.front().message.contains(QLatin1String("10.10.0.0/27")), qPrintable(f.front().message));
    QVERIFY(*f.front().measured > *f.front().limit);
}

void TestAddressPlan::overlapRule()
{
    QVERIFY(findings(cabledKit(), QStringLiteral("network.address-overlap")).empty());
    const Plan overlapping = withSite(cabledKit(), {{"network", {{"ipPlan", {{"loopbackPool", "10.10.1.0/24"}}}}}});
    const auto f = findings(overlapping, QStringLiteral("network.address-overlap"));
    QCOMPARE(f.size(), std::size_t(1));
    QVERIFY2(f.front().message.contains(QLatin1String("mgmt 10.10.0.0/21")) &&
                 f.front().message.contains(QLatin1String("loopback 10.10.1.0/24")),
             qPrintable(f.front().message));
    // Two switches given the same fixed address.
    const Plan twice = withSite(
        cabledKit(),
        {{"network",
          {{"switches", {{"leaf-a", {{"mgmtAddress", "10.10.0.50"}}}, {"leaf-b", {{"mgmtAddress", "10.10.0.50"}}}}}}}});
    const auto g = findings(twice, QStringLiteral("network.address-overlap"));
    QCOMPARE(g.size(), std::size_t(1));
    QCOMPARE(g.front().subjects, (QStringList{QStringLiteral("sw1"), QStringLiteral("sw2")}));
}

void TestAddressPlan::outsideSubnetRule()
{
    QVERIFY(findings(cabledKit(), QStringLiteral("network.address-subnet")).empty());
    const Plan outside = withSite(cabledKit(),
                                  {{"network",
                                    {{"ipPlan", {{"mgmtGateway", "192.168.1.1"}}},
                                     {"switches", {{"leaf-b", {{"mgmtAddress", "172.16.0.9"}}}}}}}});
    const auto f = findings(outside, QStringLiteral("network.address-subnet"));
    QCOMPARE(f.size(), std::size_t(2));
    QVERIFY2(f[0].message.contains(QLatin1String("192.168.1.1 is outside 10.10.0.0/21")), qPrintable(f[0].message));
    QVERIFY2(f[1].message.contains(QLatin1String("leaf-b management address 172.16.0.9")), qPrintable(f[1].message));
    QCOMPARE(f[1].subjects, QStringList{QStringLiteral("sw2")});
}

void TestAddressPlan::siteRejectsBadSubnet()
{
    Plan plan = withSite(cabledKit(), {{"network", {{"ipPlan", {{"mgmtSubnet", "10.10.0.0/40"}}}}}});
    SiteProfile site;
    QString error;
    QVERIFY(!ResolvedPlan::resolveSite(plan, Catalog::builtIn(), site, &error));
    QVERIFY2(error.contains(QLatin1String("mgmtSubnet")), qPrintable(error));
}

QTEST_GUILESS_MAIN(TestAddressPlan)
#include "tst_addressplan.moc"
