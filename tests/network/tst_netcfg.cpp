#include "exporters/netcfg/addressplanwriter.h"
#include "exporters/netcfg/eosconfigwriter.h"
#include "exporters/netcfg/nvueconfigwriter.h"
#include "exporters/netcfg/postconfigchecks.h"
#include "exporters/netcfg/sonicconfigwriter.h"
#include "exporters/netcfg/switchportnames.h"
#include "planner/topology/lldpneighbours.h"

#include "tests/common/golden.h"
#include "tests/network/netfixture.h"

#include <QtTest>
#include <nlohmann/json.hpp>

using namespace pp;
using namespace netfixture;

// Day-0 switch configurations in the three dialects against golden files (the kit's leaf and
// management switch, one leaf and one spine of the two-tier pod), the address plan and checklist.
class TestNetCfg : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void kitGoldens_data();
    void kitGoldens();
    void podGoldens_data();
    void podGoldens();
    void kitLeafHasTheDay0Items();
    void sonicIsValidJsonWithRoce();
    void pairsGetOneMacEach();
    void addressPlanAndChecklistGoldens();
    void siteChoosesDialect();
    void portNames();
    void parsesSonicLldpTable();

private:
    Plan m_kit;
    Plan m_pod;
};

static QString dataPath(const QString &name)
{
    return QStringLiteral(POCPLAN_TEST_DATA "/") + name;
}

static std::vector<SwitchDay0> day0(const Plan &plan)
{
    const ResolvedPlan resolved(plan, Catalog::builtIn(), siteOf(plan));
    return buildSwitchDay0(resolved, AddressPlan::build(resolved));
}

static const SwitchDay0 &byHost(const std::vector<SwitchDay0> &all, const QString &host)
{
    for (const SwitchDay0 &c : all)
        if (c.ports.hostname == host)
            return c;
    qFatal("no switch %s", qPrintable(host));
}

static QByteArray write(const SwitchDay0 &c, const QString &dialect, QString *suffix)
{
    if (dialect == QLatin1String("eos")) {
        *suffix = EosConfigWriter::fileSuffix();
        return EosConfigWriter::write(c);
    }
    if (dialect == QLatin1String("sonic")) {
        *suffix = SonicConfigWriter::fileSuffix();
        return SonicConfigWriter::write(c);
    }
    *suffix = NvueConfigWriter::fileSuffix();
    return NvueConfigWriter::write(c);
}

void TestNetCfg::initTestCase()
{
    m_kit = cabledKit();
    m_pod = cabledPod();
}

void TestNetCfg::kitGoldens_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<QString>("dialect");
    for (const char *host : {"leaf-a", "oob-1"})
        for (const char *dialect : {"nvue", "eos", "sonic"})
            QTest::newRow(qPrintable(QStringLiteral("%1 %2").arg(host, dialect)))
                << QString::fromLatin1(host) << QString::fromLatin1(dialect);
}

void TestNetCfg::kitGoldens()
{
    QFETCH(QString, host);
    QFETCH(QString, dialect);
    QString suffix;
    const QByteArray text = write(byHost(day0(m_kit), host), dialect, &suffix);
    PP_COMPARE_GOLDEN(text, dataPath(QStringLiteral("kit-") + host + suffix));
}

void TestNetCfg::podGoldens_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<QString>("dialect");
    for (const char *host : {"leaf-a", "spine-1"})
        for (const char *dialect : {"nvue", "eos", "sonic"})
            QTest::newRow(qPrintable(QStringLiteral("%1 %2").arg(host, dialect)))
                << QString::fromLatin1(host) << QString::fromLatin1(dialect);
}

void TestNetCfg::podGoldens()
{
    QFETCH(QString, host);
    QFETCH(QString, dialect);
    QString suffix;
    const QByteArray text = write(byHost(day0(m_pod), host), dialect, &suffix);
    PP_COMPARE_GOLDEN(text, dataPath(QStringLiteral("pod-") + host + suffix));
}

// What the issue lists for a day-0 configuration, in the NVUE and EOS leaf of the kit.
void TestNetCfg::kitLeafHasTheDay0Items()
{
    const auto kit = day0(m_kit);
    const SwitchDay0 &leaf = byHost(kit, QStringLiteral("leaf-a"));
    QString suffix;
    const QString nvue = QString::fromUtf8(write(leaf, QStringLiteral("nvue"), &suffix));
    for (const char *item :
         {"nv set system hostname leaf-a", "nv set interface eth0 ip vrf mgmt",
          "nv set interface eth0 ip address 10.10.0.79/21", "nv set service ntp mgmt server 10.10.0.5",
          "nv set service dns mgmt server", "nv set service syslog mgmt server", "link breakout 2x200G",
          "description \"cnode-1:p1\"", "link mtu 9216", "nv set mlag backup 10.10.0.80 vrf mgmt",
          "nv set mlag mac-address 44:38:39:ff:00:01", "nv set interface uplink bond member swp27",
          "nv set interface uplink bond mlag id 1", "switch-priority 3", "ecn enable", "min-threshold 150KB",
          "trust l3", "qos pfc-watchdog", "ip vrr address 10.20.0.1/24"})
        QVERIFY2(nvue.contains(QLatin1String(item)), item);
    const QString eos = QString::fromUtf8(write(leaf, QStringLiteral("eos"), &suffix));
    for (const char *item : {"hostname leaf-a", "vrf MGMT", "ip address 10.10.0.79/21", "ntp server vrf MGMT 10.10.0.5",
                             "peer-address heartbeat 10.10.0.80 vrf MGMT", "channel-group 1 mode active",
                             "priority-flow-control priority 3 no-drop", "qos trust dscp", "random-detect ecn",
                             "priority-flow-control pause watchdog", "mtu 9216"})
        QVERIFY2(eos.contains(QLatin1String(item)), item);
    QVERIFY(!nvue.contains(QLatin1Char('{')));
}

void TestNetCfg::sonicIsValidJsonWithRoce()
{
    const auto pod = day0(m_pod);
    const SwitchDay0 &leaf = byHost(pod, QStringLiteral("leaf-a"));
    const nlohmann::json db = nlohmann::json::parse(SonicConfigWriter::write(leaf).toStdString());
    QCOMPARE(db["DEVICE_METADATA"]["localhost"]["hostname"], "leaf-a");
    QCOMPARE(db["DEVICE_METADATA"]["localhost"]["bgp_asn"], "65102");
    QVERIFY(db["MGMT_INTERFACE"].contains("eth0|10.10.0.79/21"));
    QVERIFY(!db["BGP_NEIGHBOR"].empty());
    for (const auto &n : db["BGP_NEIGHBOR"])
        QCOMPARE(n["asn"], "65101");
    for (const auto &[port, qos] : db["PORT_QOS_MAP"].items()) {
        QCOMPARE(qos["pfc_enable"], "3");
        QVERIFY2(db["PFC_WD"].contains(port), port.c_str());
    }
    QCOMPARE(db["WRED_PROFILE"]["ROCE_LOSSLESS"]["green_min_threshold"], "153600");
    for (const auto &[port, e] : db["PORT"].items())
        QCOMPARE(e["mtu"], "9216");
}

void TestNetCfg::pairsGetOneMacEach()
{
    const auto configs = day0(m_pod);
    QString mac;
    for (const SwitchDay0 &c : configs)
        if (c.tier == SwitchTier::Leaf) {
            QVERIFY(!c.mlagMac.isEmpty());
            if (mac.isEmpty())
                mac = c.mlagMac;
            QCOMPARE(c.mlagMac, mac); // one pair in the pod: one MAC, shared by both leaves
        } else {
            QVERIFY(c.mlagMac.isEmpty());
        }
}

void TestNetCfg::addressPlanAndChecklistGoldens()
{
    const ResolvedPlan resolved(m_pod, Catalog::builtIn(), siteOf(m_pod));
    const AddressPlan addresses = AddressPlan::build(resolved);
    PP_COMPARE_GOLDEN(AddressPlanWriter::csv(addresses), dataPath(QStringLiteral("pod-address-plan.csv")));
    const auto configs = buildSwitchDay0(resolved, addresses);
    PP_COMPARE_GOLDEN(postConfigChecklist(m_pod.name, configs),
                      dataPath(QStringLiteral("pod-post-config-checklist.md")));
    const nlohmann::json doc = nlohmann::json::parse(AddressPlanWriter::json(m_pod.name, addresses).toStdString());
    QCOMPARE(doc["assignments"].size(), addresses.assignments().size());
    QVERIFY(doc["problems"].empty());
}

void TestNetCfg::siteChoosesDialect()
{
    for (const SwitchDay0 &c : day0(m_kit))
        QCOMPARE(c.dialect, QStringLiteral("nvue")); // NVIDIA switches
    const Plan chosen =
        withSite(m_kit, {{"network", {{"dialect", "sonic"}, {"switches", {{"leaf-b", {{"dialect", "eos"}}}}}}}});
    for (const SwitchDay0 &c : day0(chosen))
        QCOMPARE(c.dialect,
                 c.ports.hostname == QLatin1String("leaf-b") ? QStringLiteral("eos") : QStringLiteral("sonic"));
}

void TestNetCfg::portNames()
{
    QCOMPARE(SwitchPortNames::eos(QStringLiteral("swp3s1")), QStringLiteral("Ethernet3/2"));
    QCOMPARE(SwitchPortNames::eos(QStringLiteral("swp27")), QStringLiteral("Ethernet27/1"));
    QCOMPARE(SwitchPortNames::eos(QStringLiteral("eth0")), QStringLiteral("Management1"));
    QCOMPARE(SwitchPortNames::sonic(QStringLiteral("swp1"), 0), QStringLiteral("Ethernet0"));
    QCOMPARE(SwitchPortNames::sonic(QStringLiteral("swp3s1"), 2), QStringLiteral("Ethernet20"));
    QCOMPARE(SwitchPortNames::sonic(QStringLiteral("swp2s3"), 4), QStringLiteral("Ethernet14"));
}

void TestNetCfg::parsesSonicLldpTable()
{
    LldpCapture c;
    QString why;
    QVERIFY2(
        parseLldpCapture(QStringLiteral("admin@leaf-a:~$ show lldp table\n"
                                        "Capability codes: (R) Router, (B) Bridge, (O) Other\n"
                                        "LocalPort    RemoteDevice    RemotePortID    Capability    RemotePortDescr\n"
                                        "-----------  --------------  --------------  ------------  -----------------\n"
                                        "swp1s0       cnode-1         p1              O             p1\n"
                                        "swp31        leaf-b          swp31           BR            swp31\n"
                                        "swp40                                                      \n"
                                        "--------------------------------------------------\n"
                                        "Total entries displayed:  2\n"),
                         QStringLiteral("file"), c, &why),
        qPrintable(why));
    QCOMPARE(c.format, QStringLiteral("sonic"));
    QCOMPARE(c.host, QStringLiteral("leaf-a"));
    QCOMPARE(c.rows.size(), std::size_t(2));
    QCOMPARE(c.rows.at(1).localPort, QStringLiteral("swp31"));
    QCOMPARE(c.rows.at(1).remoteHost, QStringLiteral("leaf-b"));
    QCOMPARE(c.rows.at(1).remotePort, QStringLiteral("swp31"));
    const CablingVerification r = verifyCabling(expectedNeighbours(m_kit, Catalog::builtIn()), {c});
    QCOMPARE(r.matched, 2);
}

QTEST_GUILESS_MAIN(TestNetCfg)
#include "tst_netcfg.moc"
