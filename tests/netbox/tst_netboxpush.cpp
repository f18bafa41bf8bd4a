#include "exporters/netbox/netboxpush.h"
#include "planner/ops/planops.h"
#include "planner/templates/templates.h"

#include "tests/common/fakenetbox.h"

#include <QtTest>
#include <map>

using namespace pp;

// The REST push of the 3C+1D kit against a loopback NetBox: endpoints, field names, token
// headers (v1 and v2), paged lists, manufacturers NetBox already has under another spelling,
// and that a second push updates instead of duplicating, carrying moves as PATCHes.
class TestNetBoxPush : public QObject {
    Q_OBJECT
private slots:
    void init();
    void firstPushCreatesEverything();
    void secondPushUpdatesWithoutDuplicates();
    void serverErrorsAreReportedPerObject();
    void interfaceTypes();
    void existingNvidiaManufacturerIsUsed_data();
    void existingNvidiaManufacturerIsUsed();
    void movedDevicesArePatched();
    void pagedListsKeepPushIdempotent();
    void v2TokenUsesBearer();
    void tokenNeverFollowsANextLinkElsewhere();

private:
    NetBoxPushReport pushKit(const QString &token = QStringLiteral("secret-token-123"));
    QList<HttpRequest> writes() const;

    FakeNetBox m_netbox;
    std::unique_ptr<LoopbackServer> m_server;
    Plan m_plan;
};

void TestNetBoxPush::init()
{
    m_netbox = FakeNetBox();
    m_server = std::make_unique<LoopbackServer>([this](const HttpRequest &r) { return m_netbox.handle(r); });
    QVERIFY(m_server->isListening());
    LoadError error;
    QVERIFY(loadTemplate(QStringLiteral("poc-3c1d"), Catalog::builtIn(), m_plan, &error));
}

NetBoxPushReport TestNetBoxPush::pushKit(const QString &token)
{
    SiteProfile site;
    if (!ResolvedPlan::resolveSite(m_plan, Catalog::builtIn(), site, nullptr))
        return {};
    const ResolvedPlan resolved(m_plan, Catalog::builtIn(), site);
    NetBoxHttpTransport transport(m_server->url(QStringLiteral("/")), token, 5000);
    NetBoxPusher pusher(resolved, transport);
    QStringList steps;
    pusher.setProgress([&](int step, int total, const QString &what) {
        steps << QStringLiteral("%1/%2 %3").arg(step).arg(total).arg(what);
    });
    const NetBoxPushReport report = pusher.push();
    if (steps.size() != 9 || !steps.last().startsWith(QStringLiteral("9/9")))
        qWarning() << "progress steps:" << steps;
    return report;
}

QList<HttpRequest> TestNetBoxPush::writes() const
{
    QList<HttpRequest> out;
    for (const HttpRequest &r : m_server->requests)
        if (r.method != "GET")
            out << r;
    return out;
}

static Json bodyOf(const HttpRequest &r)
{
    return Json::parse(r.body.toStdString(), nullptr, false);
}

void TestNetBoxPush::firstPushCreatesEverything()
{
    const NetBoxPushReport report = pushKit();
    for (const auto &e : report.entries)
        QVERIFY2(e.action != QLatin1String("failed"),
                 qPrintable(e.kind + QLatin1Char(' ') + e.name + QStringLiteral(": ") + e.error));
    QCOMPARE(report.count(QStringLiteral("updated")), 0);

    // Bulk POSTs, one per endpoint, in dependency order.
    QStringList posts;
    for (const HttpRequest &r : writes()) {
        QCOMPARE(r.method, QByteArray("POST"));
        QVERIFY2(bodyOf(r).is_array(), r.target.constData());
        posts << QString::fromLatin1(r.path());
    }
    QCOMPARE(posts,
             (QStringList{QStringLiteral("/api/dcim/sites/"), QStringLiteral("/api/dcim/manufacturers/"),
                          QStringLiteral("/api/dcim/device-roles/"), QStringLiteral("/api/dcim/device-types/"),
                          QStringLiteral("/api/dcim/racks/"), QStringLiteral("/api/dcim/devices/"),
                          QStringLiteral("/api/dcim/power-panels/"), QStringLiteral("/api/dcim/power-feeds/"),
                          QStringLiteral("/api/dcim/interfaces/"), QStringLiteral("/api/dcim/cables/")}));
    for (const Json &m : m_netbox.objects("/api/dcim/manufacturers/"))
        for (const char *key : {"name", "slug"})
            QVERIFY2(m.contains(key), key);
    QCOMPARE(m_netbox.count("/api/dcim/manufacturers/"), std::size_t(3)); // NVIDIA, VAST Data, Generic (PDU)
    for (const Json &role : m_netbox.objects("/api/dcim/device-roles/"))
        for (const char *key : {"name", "slug", "color"})
            QVERIFY2(role.contains(key), key);
    QCOMPARE(m_netbox.count("/api/dcim/power-panels/"), std::size_t(2));
    for (const Json &panel : m_netbox.objects("/api/dcim/power-panels/")) {
        for (const char *key : {"site", "name"})
            QVERIFY2(panel.contains(key), key);
    }
    for (const HttpRequest &r : m_server->requests) {
        QCOMPARE(r.headers.value("authorization"), QByteArray("Token secret-token-123"));
        QCOMPARE(r.headers.value("accept"), QByteArray("application/json"));
    }

    QCOMPARE(m_netbox.count("/api/dcim/sites/"), std::size_t(1));
    QCOMPARE(m_netbox.count("/api/dcim/racks/"), std::size_t(1));
    QCOMPARE(m_netbox.count("/api/dcim/devices/"), m_plan.devices.size());
    QCOMPARE(m_netbox.count("/api/dcim/cables/"), m_plan.links.size());
    QCOMPARE(m_netbox.count("/api/dcim/power-feeds/"), std::size_t(2));
    QCOMPARE(m_netbox.count("/api/dcim/device-types/"),
             std::size_t(5)); // SN2201, SN4700, Turin C-node, Ceres 1350, PDU

    const Json site = m_netbox.objects("/api/dcim/sites/").front();
    for (const char *key : {"name", "slug", "status"})
        QVERIFY2(site.contains(key), key);
    const Json rack = m_netbox.objects("/api/dcim/racks/").front();
    QCOMPARE(rack["name"], Json("POC-A01"));
    QCOMPARE(rack["u_height"], Json(42));
    QCOMPARE(rack["site"], site["id"]);
    for (const Json &type : m_netbox.objects("/api/dcim/device-types/"))
        for (const char *key : {"manufacturer", "model", "slug", "u_height", "is_full_depth"})
            QVERIFY2(type.contains(key), key);
    bool sawLeaf = false;
    bool sawPdu = false;
    for (const Json &d : m_netbox.objects("/api/dcim/devices/")) {
        for (const char *key : {"name", "device_type", "role", "site", "rack", "status"})
            QVERIFY2(d.contains(key), key);
        if (d["name"] == Json("leaf-a")) {
            sawLeaf = true;
            QCOMPARE(d["position"], Json(41));
            QCOMPARE(d["face"], Json("front"));
        }
        if (d["name"] == Json("pdu-a")) {
            sawPdu = true;
            QVERIFY(!d.contains("position")); // 0U: no position
        }
    }
    QVERIFY(sawLeaf && sawPdu);
    for (const Json &f : m_netbox.objects("/api/dcim/power-feeds/"))
        for (const char *key :
             {"power_panel", "rack", "name", "type", "supply", "phase", "voltage", "amperage", "max_utilization"})
            QVERIFY2(f.contains(key), key);
    const Json feedA = m_netbox.objects("/api/dcim/power-feeds/").front();
    QCOMPARE(feedA["name"], Json("POC-A01-A"));
    QCOMPARE(feedA["type"], Json("primary"));
    QCOMPARE(feedA["phase"], Json("three-phase"));
    const Json cable = m_netbox.objects("/api/dcim/cables/").front();
    QCOMPARE(cable["a_terminations"][0]["object_type"], Json("dcim.interface"));
    QVERIFY(cable["a_terminations"][0]["object_id"].is_number_integer());
    QVERIFY(cable["b_terminations"][0]["object_id"].is_number_integer());
    QCOMPARE(cable["label"], Json("cnode-1:p1--leaf-a:swp1s0"));
    QCOMPARE(cable["length_unit"], Json("m"));
    QCOMPARE(cable["type"], Json("dac-passive"));
    const Json iface = m_netbox.objects("/api/dcim/interfaces/").front();
    for (const char *key : {"device", "name", "type"})
        QVERIFY2(iface.contains(key), key);
    QVERIFY(report.count(QStringLiteral("created")) > 40);
}

void TestNetBoxPush::secondPushUpdatesWithoutDuplicates()
{
    const NetBoxPushReport first = pushKit();
    QCOMPARE(first.count(QStringLiteral("failed")), 0);
    const int requestsBefore = static_cast<int>(m_server->requests.size());
    std::map<std::string, std::size_t> counts;
    for (const char *e :
         {"/api/dcim/sites/", "/api/dcim/racks/", "/api/dcim/devices/", "/api/dcim/device-types/",
          "/api/dcim/manufacturers/", "/api/dcim/cables/", "/api/dcim/power-feeds/", "/api/dcim/interfaces/"})
        counts[e] = m_netbox.count(e);

    const NetBoxPushReport second = pushKit();
    QCOMPARE(second.count(QStringLiteral("failed")), 0);
    QCOMPARE(second.count(QStringLiteral("created")), 0);
    QVERIFY(second.count(QStringLiteral("updated")) > 40);
    for (const auto &[endpoint, n] : counts)
        QVERIFY2(m_netbox.count(endpoint) == n, endpoint.c_str());
    for (int i = requestsBefore; i < m_server->requests.size(); ++i) {
        const HttpRequest &r = m_server->requests.at(i);
        QVERIFY2(r.method != "POST", r.target.constData());
        if (r.method == "PATCH")
            for (const Json &o : bodyOf(r))
                QVERIFY2(o["id"].is_number_integer(), r.target.constData());
    }
}

void TestNetBoxPush::serverErrorsAreReportedPerObject()
{
    m_server->setHandler([this](const HttpRequest &r) {
        if (r.method == "POST" && r.path() == "/api/dcim/racks/") {
            HttpResponse bad;
            bad.status = 400;
            bad.reason = "Bad Request";
            bad.body = R"~([{"u_height": ["Ensure this value is less than or equal to 100."]}])~";
            return bad;
        }
        return m_netbox.handle(r);
    });
    const NetBoxPushReport report = pushKit();
    bool rackFailed = false;
    for (const auto &e : report.entries)
        if (e.kind == QLatin1String("rack") && e.action == QLatin1String("failed")) {
            rackFailed = true;
            QVERIFY2(e.error.contains(QStringLiteral("HTTP 400")) && e.error.contains(QStringLiteral("u_height")),
                     qPrintable(e.error));
        }
    QVERIFY(rackFailed);
    QVERIFY(static_cast<std::size_t>(report.count(QStringLiteral("failed"))) >
            m_plan.devices.size()); // devices in the rack, feeds and cables follow
    QVERIFY(report.summary().contains(QStringLiteral("failed")));
}

void TestNetBoxPush::interfaceTypes()
{
    QCOMPARE(NetBoxPusher::interfaceType(400, QStringLiteral("QSFP112")), QStringLiteral("400gbase-x-qsfp112"));
    QCOMPARE(NetBoxPusher::interfaceType(800, QStringLiteral("OSFP")), QStringLiteral("800gbase-x-osfp"));
    QCOMPARE(NetBoxPusher::interfaceType(200, QStringLiteral("QSFP56")), QStringLiteral("200gbase-x-qsfp56"));
    QCOMPARE(NetBoxPusher::interfaceType(1, QStringLiteral("RJ45")), QStringLiteral("1000base-t"));
    QCOMPARE(NetBoxPusher::interfaceType(3, QStringLiteral("?")), QStringLiteral("other"));
    QCOMPARE(NetBoxPusher::slug(QStringLiteral("Minimal resilient POC kit (3 C-nodes + 1 D-box)")),
             QStringLiteral("minimal-resilient-poc-kit-3-c-nodes-1-d-box"));
}

void TestNetBoxPush::existingNvidiaManufacturerIsUsed_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("slug");
    QTest::newRow("library Nvidia") << QStringLiteral("Nvidia") << QStringLiteral("nvidia");
    QTest::newRow("library Mellanox") << QStringLiteral("Mellanox") << QStringLiteral("mellanox");
    QTest::newRow("same slug, other name") << QStringLiteral("NVIDIA Corporation") << QStringLiteral("nvidia");
    QTest::newRow("name in other case, own slug") << QStringLiteral("nvidia") << QStringLiteral("nv");
}

void TestNetBoxPush::existingNvidiaManufacturerIsUsed()
{
    QFETCH(QString, name);
    QFETCH(QString, slug);
    // NetBox refuses a second manufacturer with this name or slug (the fake does too), so the
    // push must find the one the user already has and hang the NVIDIA device types on it.
    const int nvidia =
        m_netbox.add("/api/dcim/manufacturers/", Json{{"name", name.toStdString()}, {"slug", slug.toStdString()}});
    const NetBoxPushReport report = pushKit();
    for (const auto &e : report.entries)
        QVERIFY2(e.action != QLatin1String("failed"),
                 qPrintable(e.kind + QLatin1Char(' ') + e.name + QStringLiteral(": ") + e.error));
    for (const HttpRequest &r : writes())
        if (r.path() == "/api/dcim/manufacturers/")
            for (const Json &m : bodyOf(r))
                QVERIFY2(m["slug"] != Json("nvidia"), m.dump().c_str());
    for (const auto &e : report.entries)
        QVERIFY2(!(e.kind == QLatin1String("manufacturer") && e.name == QLatin1String("NVIDIA")), qPrintable(e.action));
    const Json &kept = m_netbox.objects("/api/dcim/manufacturers/").front();
    QCOMPARE(kept["name"], Json(name.toStdString())); // used as it is, not renamed
    int nvidiaTypes = 0;
    for (const Json &type : m_netbox.objects("/api/dcim/device-types/"))
        if (type["model"] == Json("Spectrum-3 SN4700") || type["model"] == Json("Spectrum SN2201")) {
            QCOMPARE(type["manufacturer"], Json(nvidia));
            ++nvidiaTypes;
        }
    QCOMPARE(nvidiaTypes, 2);
}

void TestNetBoxPush::movedDevicesArePatched()
{
    QCOMPARE(pushKit().count(QStringLiteral("failed")), 0);
    auto deviceNamed = [this](const char *name) {
        for (const Json &d : m_netbox.objects("/api/dcim/devices/"))
            if (d["name"] == Json(name))
                return d;
        return Json();
    };
    const Json cnode1 = deviceNamed("cnode-1");
    const Json cnode2 = deviceNamed("cnode-2");
    QCOMPARE(cnode1["position"], Json(22));
    // cnode-1 moves up the rack, cnode-2 to a second rack.
    const Catalog &catalog = Catalog::builtIn();
    QVERIFY(ops::moveDevice(m_plan, catalog, QStringLiteral("cn1"), {QStringLiteral("R1"), 30, Face::Front}));
    QVERIFY(ops::addRack(m_plan, Rack{QStringLiteral("R2"), QStringLiteral("POC-A02"), 42}));
    QVERIFY(ops::moveDevice(m_plan, catalog, QStringLiteral("cn2"), {QStringLiteral("R2"), 10, Face::Front}));
    const int before = static_cast<int>(m_server->requests.size());
    const NetBoxPushReport second = pushKit();
    QCOMPARE(second.count(QStringLiteral("failed")), 0);

    int newRack = -1;
    for (const Json &r : m_netbox.objects("/api/dcim/racks/"))
        if (r["name"] == Json("POC-A02"))
            newRack = r["id"].get<int>();
    QVERIFY(newRack > 0);
    bool patchedCnode1 = false;
    bool patchedCnode2 = false;
    for (int i = before; i < m_server->requests.size(); ++i) {
        const HttpRequest &r = m_server->requests.at(i);
        if (r.method != "PATCH" || r.path() != "/api/dcim/devices/")
            continue;
        for (const Json &o : bodyOf(r)) {
            if (o["id"] == cnode1["id"]) {
                patchedCnode1 = true;
                QCOMPARE(o["position"], Json(30));
                QCOMPARE(o["rack"], cnode1["rack"]);
            }
            if (o["id"] == cnode2["id"]) {
                patchedCnode2 = true;
                QCOMPARE(o["rack"], Json(newRack));
                QCOMPARE(o["position"], Json(10));
            }
        }
    }
    QVERIFY(patchedCnode1 && patchedCnode2);
    QCOMPARE(deviceNamed("cnode-1")["position"], Json(30));
    QCOMPARE(deviceNamed("cnode-2")["rack"], Json(newRack));
    // Only the new rack and its two feeds are created; nothing is duplicated.
    QStringList created;
    for (const auto &e : second.entries)
        if (e.action == QLatin1String("created"))
            created << e.kind + QLatin1Char(' ') + e.name;
    QCOMPARE(created,
             (QStringList{QStringLiteral("rack POC-A02"), QStringLiteral("power-feed POC-A02-A"),
                          QStringLiteral("power-feed POC-A02-B")}));
    QCOMPARE(m_netbox.count("/api/dcim/devices/"), m_plan.devices.size());
}

void TestNetBoxPush::pagedListsKeepPushIdempotent()
{
    // Five objects a page: the kit's 9 devices, 44 interfaces and 22 cables span several pages.
    m_netbox.maxPageSize = 5;
    QCOMPARE(pushKit().count(QStringLiteral("failed")), 0);
    QVERIFY(m_netbox.count("/api/dcim/devices/") > 5);
    std::map<std::string, std::size_t> counts;
    for (const char *e :
         {"/api/dcim/devices/", "/api/dcim/interfaces/", "/api/dcim/cables/", "/api/dcim/device-types/"})
        counts[e] = m_netbox.count(e);
    const int before = static_cast<int>(m_server->requests.size());
    const NetBoxPushReport second = pushKit();
    QCOMPARE(second.count(QStringLiteral("failed")), 0);
    QCOMPARE(second.count(QStringLiteral("created")), 0);
    for (const auto &[endpoint, n] : counts)
        QVERIFY2(m_netbox.count(endpoint) == n, endpoint.c_str());
    int devicePages = 0;
    for (int i = before; i < m_server->requests.size(); ++i) {
        const HttpRequest &r = m_server->requests.at(i);
        QVERIFY2(r.method != "POST", r.target.constData());
        if (r.method == "GET" && r.path() == "/api/dcim/devices/")
            ++devicePages;
    }
    QCOMPARE(devicePages, 2); // the "next" link was followed
}

void TestNetBoxPush::v2TokenUsesBearer()
{
    // NetBox 4.5+ v2 tokens are "nbt_<key>.<secret>" and go in a Bearer header.
    QCOMPARE(pushKit(QStringLiteral("nbt_4f2a9c.s3cr3tpart")).count(QStringLiteral("failed")), 0);
    QVERIFY(!m_server->requests.isEmpty());
    for (const HttpRequest &r : m_server->requests)
        QCOMPARE(r.headers.value("authorization"), QByteArray("Bearer nbt_4f2a9c.s3cr3tpart"));
}

void TestNetBoxPush::tokenNeverFollowsANextLinkElsewhere()
{
    // A server (or a proxy rewriting links) whose list pages point at another host, port or
    // scheme must not receive the token there.
    LoopbackServer elsewhere([](const HttpRequest &) { return HttpResponse(); });
    QVERIFY(elsewhere.isListening());
    const QString next = elsewhere.url(QStringLiteral("/api/dcim/sites/?limit=1000&offset=1000")).toString();
    m_server->setHandler([this, next](const HttpRequest &r) {
        if (r.method == "GET" && r.path().startsWith("/api/dcim/sites/")) {
            HttpResponse page;
            page.body = QByteArray::fromStdString(
                Json{{"count", 2000}, {"next", next.toStdString()}, {"previous", nullptr}, {"results", Json::array()}}
                    .dump());
            return page;
        }
        return m_netbox.handle(r);
    });
    const NetBoxPushReport report = pushKit();
    QVERIFY(elsewhere.requests.isEmpty());
    QVERIFY(report.count(QStringLiteral("failed")) > 0);
    bool named = false;
    for (const NetBoxPushReport::Entry &e : report.entries)
        named = named ||
            e.error.contains(
                QStringLiteral("refused to send the token to http://127.0.0.1:%1").arg(elsewhere.serverPort()));
    QVERIFY2(named, qPrintable(report.summary()));
}

QTEST_GUILESS_MAIN(TestNetBoxPush)
#include "tst_netboxpush.moc"
