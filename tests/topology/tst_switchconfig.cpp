#include "exporters/cabling/lldpneighbourcsvwriter.h"
#include "exporters/cabling/switchconfig.h"
#include "planner/model/resolvedplan.h"
#include "planner/templates/templates.h"
#include "planner/topology/autocabler.h"
#include "planner/topology/lldpneighbours.h"

#include "tests/common/golden.h"

#include <QDir>
#include <QFile>
#include <QtTest>

using namespace pp;

// Switch configurations and cabling verification for the auto-cabled 3C+1D kit, against golden files.
class TestSwitchConfig : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void nvueGoldenFiles();
    void nvueHasRoceMtuAndMlag();
    void expectedLldpGolden();
    void verifyMatchingCapture();
    void verifyNamesSwappedPair();
    void verifyMissingAndUnexpected();
    void parsesAristaOutput();

private:
    Plan m_plan;
    SiteProfile m_site;
};

static QString dataPath(const QString &name)
{
    return QStringLiteral(POCPLAN_TEST_DATA "/") + name;
}

static QByteArray readFile(const QString &name)
{
    QFile f(name);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

static void compareGolden(const QByteArray &actual, const QString &golden)
{
    PP_COMPARE_GOLDEN(actual, dataPath(golden));
}

void TestSwitchConfig::initTestCase()
{
    LoadError error;
    QVERIFY(loadTemplate(QStringLiteral("poc-3c1d"), Catalog::builtIn(), m_plan, &error));
    QString siteError;
    QVERIFY(ResolvedPlan::resolveSite(m_plan, Catalog::builtIn(), m_site, &siteError));
    const CablingReport report = autoCable(m_plan, Catalog::builtIn(), m_site);
    QVERIFY2(report.errors.isEmpty(), qPrintable(report.errors.join(QLatin1Char('\n'))));
}

void TestSwitchConfig::nvueGoldenFiles()
{
    const ResolvedPlan resolved(m_plan, Catalog::builtIn(), m_site);
    const auto configs = buildSwitchConfigs(resolved);
    QCOMPARE(configs.size(), std::size_t(3)); // oob-1, leaf-a, leaf-b
    SwitchConfigTemplate tmpl;
    LoadError error;
    QVERIFY2(SwitchConfigTemplate::loadBuiltIn(QStringLiteral("nvue"), tmpl, &error), qPrintable(error.toString()));
    for (const SwitchConfigData &cfg : configs) {
        QCOMPARE(SwitchConfigTemplate::idForVendor(cfg.vendor), QStringLiteral("nvue"));
        compareGolden(writeSwitchConfig(cfg, tmpl), QStringLiteral("kit-") + cfg.hostname + tmpl.fileSuffix);
    }
}

void TestSwitchConfig::nvueHasRoceMtuAndMlag()
{
    const ResolvedPlan resolved(m_plan, Catalog::builtIn(), m_site);
    SwitchConfigTemplate tmpl;
    QVERIFY(SwitchConfigTemplate::loadBuiltIn(QStringLiteral("nvue"), tmpl, nullptr));
    for (const SwitchConfigData &cfg : buildSwitchConfigs(resolved)) {
        const QString text = QString::fromUtf8(writeSwitchConfig(cfg, tmpl));
        QVERIFY(text.contains(QStringLiteral("nv set system hostname ") + cfg.hostname));
        QVERIFY2(!text.contains(QLatin1Char('{')), qPrintable(text)); // every placeholder filled
        if (cfg.hostname == QLatin1String("oob-1")) {
            QVERIFY(!text.contains(QLatin1String("qos roce"))); // the management switch carries no RoCE
            continue;
        }
        QVERIFY(text.contains(QLatin1String("nv set interface swp1 link breakout 2x200G")));
        QVERIFY(text.contains(QLatin1String("nv set interface swp1s0 description \"cnode-1:")));
        QVERIFY(text.contains(QLatin1String("link mtu 9216")));
        QVERIFY(text.contains(QLatin1String("nv set qos roce mode lossless")));
        QVERIFY(text.contains(QLatin1String("switch-priority 3")));
        QVERIFY(text.contains(QLatin1String("ecn enable")));
        QVERIFY(text.contains(QLatin1String("trust l3")));
        QVERIFY(text.contains(QLatin1String("nv set interface peerlink bond member swp31,swp32")));
        QVERIFY(text.contains(QLatin1String("nv set interface swp27 link speed 400G")));
    }
}

void TestSwitchConfig::expectedLldpGolden()
{
    compareGolden(LldpNeighbourCsvWriter::csv(expectedNeighbours(m_plan, Catalog::builtIn())),
                  QStringLiteral("kit-expected-lldp.csv"));
}

static std::vector<LldpCapture> captures(const QStringList &files)
{
    std::vector<LldpCapture> out;
    for (const QString &f : files) {
        LldpCapture c;
        QString why;
        if (!parseLldpCapture(QString::fromUtf8(readFile(dataPath(f))), QFileInfo(f).completeBaseName(), c, &why))
            qFatal("%s: %s", qPrintable(f), qPrintable(why));
        out.push_back(c);
    }
    return out;
}

void TestSwitchConfig::verifyMatchingCapture()
{
    const auto caps = captures({QStringLiteral("lldp/leaf-a.txt"), QStringLiteral("lldp/leaf-b.txt")});
    QCOMPARE(caps.front().host, QStringLiteral("leaf-a")); // from the prompt line
    QCOMPARE(caps.front().format, QStringLiteral("nvue"));
    const CablingVerification r = verifyCabling(expectedNeighbours(m_plan, Catalog::builtIn()), caps);
    QVERIFY2(r.clean(), qPrintable(cablingVerificationText(r)));
    QCOMPARE(r.matched, 2 * (5 + 2 + 1)); // per leaf: 3 C-node and 2 DPU ports, 2 ISLs, eth0
}

void TestSwitchConfig::verifyNamesSwappedPair()
{
    const auto caps = captures({QStringLiteral("lldp/leaf-a-swapped.txt"), QStringLiteral("lldp/leaf-b.txt")});
    const CablingVerification r = verifyCabling(expectedNeighbours(m_plan, Catalog::builtIn()), caps);
    QVERIFY(!r.clean());
    QCOMPARE(r.mismatches.size(), std::size_t(2));
    for (const CablingMismatch &m : r.mismatches)
        QCOMPARE(m.kind, CablingMismatch::Kind::Miswired);
    QCOMPARE(r.swaps.size(), 1);
    QVERIFY2(r.swaps.front().contains(QLatin1String("leaf-a: cables on swp1s1 and swp2s0 are swapped")),
             qPrintable(r.swaps.front()));
    const QString text = cablingVerificationText(r);
    QVERIFY2(text.contains(QLatin1String("MISWIRED   leaf-a:swp1s1 sees cnode-3:p1, plan expects cnode-2:p1")),
             qPrintable(text));
}

void TestSwitchConfig::verifyMissingAndUnexpected()
{
    LldpCapture c;
    QString why;
    QVERIFY(parseLldpCapture(QStringLiteral("cumulus@leaf-b:mgmt:~$ nv show interface --view=lldp\n"
                                            "Interface  Speed  Type  Remote Host  Remote Port\n"
                                            "---------  -----  ----  -----------  -----------\n"
                                            "swp1s0     200G   swp   cnode-1      p2\n"
                                            "swp9       400G   swp   rogue-host   eth1\n"),
                             QString(), c, &why));
    const CablingVerification r = verifyCabling(expectedNeighbours(m_plan, Catalog::builtIn()), {c});
    QCOMPARE(r.matched, 1);
    int missing = 0, unexpected = 0;
    for (const CablingMismatch &m : r.mismatches) {
        missing += m.kind == CablingMismatch::Kind::Missing;
        unexpected += m.kind == CablingMismatch::Kind::Unexpected;
    }
    QCOMPARE(unexpected, 1);
    QCOMPARE(missing, 7);
    QVERIFY(!parseLldpCapture(QStringLiteral("hello\n"), QStringLiteral("x"), c, &why));
    QVERIFY(why.contains(QLatin1String("Remote Host")));
}

void TestSwitchConfig::parsesAristaOutput()
{
    LldpCapture c;
    QString why;
    QVERIFY2(parseLldpCapture(QString::fromUtf8(readFile(dataPath(QStringLiteral("lldp/arista-leaf.txt")))),
                              QStringLiteral("file"), c, &why),
             qPrintable(why));
    QCOMPARE(c.format, QStringLiteral("eos"));
    QCOMPARE(c.host, QStringLiteral("arista-leaf"));
    QCOMPARE(c.rows.size(), std::size_t(3));
    QCOMPARE(c.rows.at(1).localPort, QStringLiteral("Et3/1"));
    QCOMPARE(c.rows.at(1).remoteHost, QStringLiteral("cnode-1.lab.example"));
    QCOMPARE(c.rows.at(1).remotePort, QStringLiteral("p1"));
}

QTEST_GUILESS_MAIN(TestSwitchConfig)
#include "tst_switchconfig.moc"
