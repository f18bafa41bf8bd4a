#include "exporters/netbox/netboxpull.h"
#include "exporters/netbox/netboxpush.h"
#include "planner/diff/plandiff.h"
#include "planner/io/planio.h"
#include "tests/common/fakenetbox.h"
#include "tests/common/golden.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace pp;

// NetBox both ways against the fake NetBox on loopback: a pushed plan pulls back, pushes again
// without creating anything and shows no drift; a NetBox changed behind the plan shows the drift.
class TestNetBoxPull : public QObject {
    Q_OBJECT
private slots:
    void init();
    void pullRebuildsThePushedPlan();
    void pullPushDiffIsEmpty();
    void changedNetBoxShowsDrift();
    void pullFollowsPagesAndReportsErrors();
    void tokenRulesAsForPush();

private:
    struct Result {
        int exitCode = -1;
        QString out;
        QString err;
    };
    Result run(const QStringList &args, const QString &token = QStringLiteral("secret-token"));
    void seed();

    FakeNetBox m_netbox;
    std::unique_ptr<LoopbackServer> m_server;
    std::unique_ptr<QTemporaryDir> m_dir;
    Plan m_plan;
    QString m_planFile;
};

void TestNetBoxPull::init()
{
    m_netbox = FakeNetBox();
    m_server = std::make_unique<LoopbackServer>([this](const HttpRequest &r) { return m_netbox.handle(r); });
    QVERIFY(m_server->isListening());
    m_dir = std::make_unique<QTemporaryDir>();
    m_planFile = m_dir->filePath(QStringLiteral("kit.pocplan.json"));
    LoadError error;
    QVERIFY(loadPlanFile(QStringLiteral(POCPLAN_SOURCE_DIR "/tests/diff/data/base.pocplan.json"), m_plan, &error,
                         PlanLoadOptions{&Catalog::builtIn(), nullptr}));
    QVERIFY(QFile::copy(QStringLiteral(POCPLAN_SOURCE_DIR "/tests/diff/data/base.pocplan.json"), m_planFile));
}

// The CLI runs while this test's event loop serves the fake NetBox.
TestNetBoxPull::Result TestNetBoxPull::run(const QStringList &args, const QString &token)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("POCPLAN_NETBOX_TOKEN"));
    if (!token.isEmpty())
        env.insert(QStringLiteral("POCPLAN_NETBOX_TOKEN"), token);
    env.insert(QStringLiteral("no_proxy"), QStringLiteral("*"));
    p.setProcessEnvironment(env);
    p.setWorkingDirectory(m_dir->path());
    p.start(QStringLiteral(POCPLAN_CLI), args);
    QElapsedTimer clock;
    clock.start();
    while (p.state() != QProcess::NotRunning && clock.elapsed() < 60000) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        p.waitForFinished(5);
    }
    Result r;
    r.exitCode = p.exitStatus() == QProcess::NormalExit && p.state() == QProcess::NotRunning ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

// NetBox as a push of the kit leaves it.
void TestNetBoxPull::seed()
{
    SiteProfile site;
    QVERIFY(ResolvedPlan::resolveSite(m_plan, Catalog::builtIn(), site, nullptr));
    const ResolvedPlan resolved(m_plan, Catalog::builtIn(), site);
    NetBoxHttpTransport transport(m_server->url(QStringLiteral("/")), QStringLiteral("secret-token"), 5000);
    NetBoxPusher pusher(resolved, transport);
    const NetBoxPushReport report = pusher.push();
    QCOMPARE(report.count(QStringLiteral("failed")), 0);
}

void TestNetBoxPull::pullRebuildsThePushedPlan()
{
    seed();
    NetBoxHttpTransport transport(m_server->url(QStringLiteral("/")), QStringLiteral("secret-token"), 5000);
    NetBoxPuller puller(Catalog::builtIn(), transport);
    const NetBoxPullResult pulled = puller.pull(m_plan.name);
    QVERIFY2(pulled.ok, qPrintable(pulled.error));
    QVERIFY2(pulled.skipped.isEmpty(), qPrintable(pulled.skipped.join(QLatin1Char('\n'))));
    QCOMPARE(pulled.plan.site.profile, m_plan.site.profile);
    QCOMPARE(pulled.plan.racks.size(), m_plan.racks.size());
    QCOMPARE(pulled.plan.devices.size(), m_plan.devices.size());
    QCOMPARE(pulled.plan.links.size(), m_plan.links.size());
    for (const Device &d : m_plan.devices) {
        const Device *p = pulled.plan.findDevice(d.id);
        QVERIFY2(p, qPrintable(d.id));
        QCOMPARE(p->type, d.type);
        QCOMPARE(p->hostname, d.hostname);
        QCOMPARE(p->rack, d.rack);
        QCOMPARE(p->u, d.u);
    }
    // The cable types come back from NetBox's type and the ports' speeds.
    for (std::size_t i = 0; i < m_plan.links.size(); ++i)
        QCOMPARE(pulled.plan.links[i].cable, m_plan.links[i].cable);
}

void TestNetBoxPull::pullPushDiffIsEmpty()
{
    seed();
    const QString url = m_server->url(QStringLiteral("/")).toString();
    Result r =
        run({QStringLiteral("netbox"), QStringLiteral("pull"), QStringLiteral("--url"), url, QStringLiteral("--site"),
             m_plan.name, QStringLiteral("-o"), QStringLiteral("pulled.pocplan.json")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
    const std::size_t devicesBefore = m_netbox.count("/api/dcim/devices/");
    const std::size_t cablesBefore = m_netbox.count("/api/dcim/cables/");
    r = run({QStringLiteral("netbox"), QStringLiteral("push"), QStringLiteral("pulled.pocplan.json"),
             QStringLiteral("--url"), url});
    QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
    QVERIFY2(r.out.contains(QLatin1String("created 0,")), qPrintable(r.out));
    QCOMPARE(m_netbox.count("/api/dcim/devices/"), devicesBefore);
    QCOMPARE(m_netbox.count("/api/dcim/cables/"), cablesBefore);
    r = run({QStringLiteral("netbox"), QStringLiteral("diff"), QStringLiteral("pulled.pocplan.json"),
             QStringLiteral("--url"), url});
    QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
    QVERIFY(r.out.contains(QLatin1String("No changes.")));
    // The plan the NetBox was pushed from shows no drift either.
    r = run({QStringLiteral("netbox"), QStringLiteral("diff"), QStringLiteral("kit.pocplan.json"),
             QStringLiteral("--url"), url});
    QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
}

void TestNetBoxPull::changedNetBoxShowsDrift()
{
    seed();
    // Behind the planner's back: cnode-3 racked 10 U higher, one cable pulled, an unplanned server
    // racked, and cnode-2's p1 cable moved to another switch port.
    std::vector<Json> &devices = m_netbox.mutableObjects("/api/dcim/devices/");
    int cn3 = -1;
    int typeId = -1;
    int roleId = -1;
    int rackId = -1;
    for (Json &d : devices)
        if (d["name"] == "cnode-3") {
            d["position"] = 30;
            cn3 = d["id"].get<int>();
            typeId = d["device_type"].get<int>();
            roleId = d["role"].get<int>();
            rackId = d["rack"].get<int>();
        }
    QVERIFY(cn3 > 0);
    const int siteId = devices.front()["site"].get<int>();
    m_netbox.add("/api/dcim/devices/",
                 Json{{"name", "lab-spare-1"},
                      {"device_type", typeId},
                      {"role", roleId},
                      {"site", siteId},
                      {"rack", rackId},
                      {"position", 10},
                      {"face", "front"},
                      {"status", "active"}});
    std::vector<Json> &cables = m_netbox.mutableObjects("/api/dcim/cables/");
    const auto labelled = [&](const char *label) {
        return std::find_if(cables.begin(), cables.end(), [&](const Json &c) { return c["label"] == label; });
    };
    const auto gone = labelled("leaf-a:swp32--leaf-b:swp32");
    QVERIFY(gone != cables.end());
    cables.erase(gone);
    // Re-cable: the cable's b end moves to a new interface leaf-a:swp5s0.
    int leafA = -1;
    for (const Json &d : devices)
        if (d["name"] == "leaf-a")
            leafA = d["id"].get<int>();
    const int newInterface = m_netbox.add("/api/dcim/interfaces/",
                                          Json{{"device", leafA}, {"name", "swp5s0"}, {"type", "200gbase-x-qsfp56"}});
    const auto moved = labelled("cnode-2:p1--leaf-a:swp1s1");
    QVERIFY(moved != cables.end());
    (*moved)["b_terminations"] = Json::array({{{"object_type", "dcim.interface"}, {"object_id", newInterface}}});

    const Result r = run({QStringLiteral("netbox"), QStringLiteral("diff"), QStringLiteral("kit.pocplan.json"),
                          QStringLiteral("--url"), m_server->url(QStringLiteral("/")).toString()});
    QCOMPARE(r.exitCode, 1);
    PP_COMPARE_GOLDEN(r.out.toUtf8(), QStringLiteral(POCPLAN_TEST_DATA "/kit-drift.txt"));
}

void TestNetBoxPull::pullFollowsPagesAndReportsErrors()
{
    seed();
    m_netbox.maxPageSize = 3; // every list spans several pages
    NetBoxHttpTransport transport(m_server->url(QStringLiteral("/")), QStringLiteral("secret-token"), 5000);
    NetBoxPuller puller(Catalog::builtIn(), transport);
    const NetBoxPullResult pulled = puller.pull(m_plan.name);
    QVERIFY2(pulled.ok, qPrintable(pulled.error));
    QCOMPARE(pulled.plan.devices.size(), m_plan.devices.size());
    QCOMPARE(pulled.plan.links.size(), m_plan.links.size());
    const NetBoxPullResult missing = puller.pull(QStringLiteral("No such site"));
    QVERIFY(!missing.ok);
    QVERIFY(missing.error.contains(QLatin1String("No such site")));
    // A NetBox that answers 500: the pull fails with the status, no plan file is written.
    LoopbackServer broken([](const HttpRequest &) {
        HttpResponse r;
        r.status = 500;
        r.reason = "Internal Server Error";
        r.body = "{}";
        return r;
    });
    const Result cli = run({QStringLiteral("netbox"), QStringLiteral("pull"), QStringLiteral("--url"),
                            broken.url(QStringLiteral("/")).toString(), QStringLiteral("--site"), m_plan.name,
                            QStringLiteral("-o"), QStringLiteral("never.pocplan.json")});
    QCOMPARE(cli.exitCode, 1);
    QVERIFY2(cli.err.contains(QLatin1String("500")), qPrintable(cli.err));
    QVERIFY(!QFile::exists(m_dir->filePath(QStringLiteral("never.pocplan.json"))));
}

void TestNetBoxPull::tokenRulesAsForPush()
{
    seed();
    const QString url = m_server->url(QStringLiteral("/")).toString();
    const Result r = run({QStringLiteral("netbox"), QStringLiteral("pull"), QStringLiteral("--url"), url,
                          QStringLiteral("--site"), m_plan.name, QStringLiteral("-o"), QStringLiteral("p.json")},
                         QString());
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.err.contains(QLatin1String("POCPLAN_NETBOX_TOKEN")));
    const Result ok = run({QStringLiteral("netbox"), QStringLiteral("diff"), QStringLiteral("kit.pocplan.json"),
                           QStringLiteral("--url"), url},
                          QStringLiteral("very-secret-token-value"));
    QVERIFY(!ok.out.contains(QLatin1String("very-secret")) && !ok.err.contains(QLatin1String("very-secret")));
    // The token went to NetBox, and only there.
    bool sent = false;
    for (const HttpRequest &req : m_server->requests)
        sent = sent || req.headers.value("authorization").contains("very-secret-token-value");
    QVERIFY(sent);
}

QTEST_GUILESS_MAIN(TestNetBoxPull)
#include "tst_netboxpull.moc"
