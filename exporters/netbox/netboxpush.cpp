#include "exporters/netbox/netboxpush.h"
#include "exporters/netbox/netboxjson.h"

#include "catalog/netbox/netboximporter.h"

#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRegularExpression>
#include <QTimer>
#include <QUrlQuery>
#include <algorithm>
#include <set>

namespace pp {

namespace {

using netboxjson::refId;
using netboxjson::stringField;

constexpr int kSteps = 9;

std::string s(const QString &text)
{
    return text.toStdString();
}

QString errorText(const NetBoxResponse &r)
{
    if (!r.error.isEmpty())
        return r.error;
    QString body = QString::fromStdString(r.body.dump());
    if (body.size() > 400)
        body = body.left(400) + QStringLiteral("…");
    return QStringLiteral("HTTP %1: %2").arg(r.status).arg(body);
}

QString roleColor(Role role)
{
    switch (role) {
    case Role::CNode:
        return QStringLiteral("2f6fb0");
    case Role::DBox:
        return QStringLiteral("3a9a5b");
    case Role::Switch:
        return QStringLiteral("8e44ad");
    case Role::Pdu:
        return QStringLiteral("c0392b");
    case Role::Cable:
        return QStringLiteral("7f8c8d");
    case Role::Other:
        return QStringLiteral("95a5a6");
    }
    return QStringLiteral("95a5a6");
}

} // namespace

NetBoxHttpTransport::NetBoxHttpTransport(QUrl baseUrl, QString token, int timeoutMs)
    : m_base(std::move(baseUrl))
    , m_token(std::move(token))
    , m_timeoutMs(timeoutMs)
{
    if (!m_base.path().endsWith(QLatin1Char('/')))
        m_base.setPath(m_base.path() + QLatin1Char('/'));
}

QUrl NetBoxHttpTransport::urlFor(const QString &path) const
{
    if (path.startsWith(QLatin1String("http://")) || path.startsWith(QLatin1String("https://")))
        return QUrl(path);
    return m_base.resolved(QUrl(path));
}

NetBoxResponse NetBoxHttpTransport::send(const NetBoxRequest &request)
{
    const QUrl url = urlFor(request.path);
    // A "next" page link is a full URL from the server's answer: the token goes only to the server
    // the user named, never to another host, port or scheme (an http:// link behind an https proxy).
    if (url.scheme() != m_base.scheme() || url.host().compare(m_base.host(), Qt::CaseInsensitive) != 0 ||
        url.port(-1) != m_base.port(-1)) {
        NetBoxResponse refused;
        refused.error = QStringLiteral("refused to send the token to %1: not the NetBox server %2")
                            .arg(url.adjusted(QUrl::RemovePath | QUrl::RemoveQuery).toDisplayString(),
                                 m_base.adjusted(QUrl::RemovePath).toDisplayString());
        return refused;
    }
    QNetworkAccessManager nam;
    QNetworkRequest r(url);
    // NetBox 4.5+ v2 tokens (nbt_…) use Bearer, older tokens use "Token".
    const QByteArray scheme = m_token.startsWith(QLatin1String("nbt_")) ? "Bearer " : "Token ";
    r.setRawHeader("Authorization", scheme + m_token.toUtf8());
    r.setRawHeader("Accept", "application/json");
    r.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    r.setTransferTimeout(m_timeoutMs);
    const QByteArray body = request.body.is_null() ? QByteArray() : QByteArray::fromStdString(request.body.dump());
    QNetworkReply *reply = request.method == "GET" ? nam.get(r) : nam.sendCustomRequest(r, request.method, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    NetBoxResponse out;
    out.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray data = reply->readAll();
    out.body = Json::parse(data.toStdString(), nullptr, false);
    if (out.body.is_discarded())
        out.body = Json(s(QString::fromUtf8(data.left(400))));
    if (out.status == 0)
        out.error = reply->error() == QNetworkReply::OperationCanceledError
            ? QStringLiteral("timed out after %1 s without an answer").arg(m_timeoutMs / 1000.0)
            : reply->errorString();
    reply->deleteLater();
    return out;
}

NetBoxDryRunTransport::NetBoxDryRunTransport(QUrl baseUrl, QTextStream &out)
    : m_base(std::move(baseUrl))
    , m_out(out)
{
    if (!m_base.path().endsWith(QLatin1Char('/')))
        m_base.setPath(m_base.path() + QLatin1Char('/'));
}

NetBoxResponse NetBoxDryRunTransport::send(const NetBoxRequest &request)
{
    m_out << request.method << ' ' << m_base.resolved(QUrl(request.path)).toString() << '\n';
    NetBoxResponse r;
    r.status = 200;
    if (request.method == "GET") {
        r.body = Json{{"count", 0}, {"next", nullptr}, {"previous", nullptr}, {"results", Json::array()}};
        return r;
    }
    m_out << QString::fromStdString(request.body.dump(2)) << '\n';
    r.status = request.method == "POST" ? 201 : 200;
    r.body = request.body;
    if (request.method == "POST")
        for (Json &o : r.body)
            o["id"] = m_nextId++;
    return r;
}

int NetBoxPushReport::count(const QString &action) const
{
    return static_cast<int>(
        std::count_if(entries.begin(), entries.end(), [&](const Entry &e) { return e.action == action; }));
}

QString NetBoxPushReport::summary() const
{
    return QStringLiteral("created %1, updated %2, failed %3")
        .arg(count(QStringLiteral("created")))
        .arg(count(QStringLiteral("updated")))
        .arg(count(QStringLiteral("failed")));
}

NetBoxPusher::NetBoxPusher(const ResolvedPlan &plan, NetBoxTransport &transport)
    : m_plan(plan)
    , m_transport(transport)
{ }

QString NetBoxPusher::slug(const QString &text)
{
    QString out = text.toLower();
    out.replace(QRegularExpression(QStringLiteral("[^a-z0-9_]+")), QStringLiteral("-"));
    while (out.startsWith(QLatin1Char('-')))
        out.remove(0, 1);
    while (out.endsWith(QLatin1Char('-')))
        out.chop(1);
    return out.left(100);
}

QString NetBoxPusher::vendorKey(const QString &nameOrSlug)
{
    return slug(NetBoxImporter::vendorName(nameOrSlug));
}

QString NetBoxPusher::interfaceType(double speedGbps, const QString &media)
{
    const QString m = media.toUpper();
    if (m == QLatin1String("RJ45")) {
        if (speedGbps <= 1)
            return QStringLiteral("1000base-t");
        if (speedGbps <= 10)
            return QStringLiteral("10gbase-t");
        return QStringLiteral("other");
    }
    const int speed = static_cast<int>(speedGbps);
    switch (speed) {
    case 10:
        return QStringLiteral("10gbase-x-sfpp");
    case 25:
        return QStringLiteral("25gbase-x-sfp28");
    case 50:
        return QStringLiteral("50gbase-x-sfp56");
    case 100:
        return m == QLatin1String("QSFP-DD") ? QStringLiteral("100gbase-x-qsfpdd")
                                             : QStringLiteral("100gbase-x-qsfp28");
    case 200:
        return m == QLatin1String("QSFP-DD") ? QStringLiteral("200gbase-x-qsfpdd")
                                             : QStringLiteral("200gbase-x-qsfp56");
    case 400:
        if (m == QLatin1String("QSFP112"))
            return QStringLiteral("400gbase-x-qsfp112");
        if (m.startsWith(QLatin1String("OSFP")))
            return QStringLiteral("400gbase-x-osfp");
        return QStringLiteral("400gbase-x-qsfpdd");
    case 800:
        return m == QLatin1String("QSFP-DD") ? QStringLiteral("800gbase-x-qsfpdd") : QStringLiteral("800gbase-x-osfp");
    default:
        return QStringLiteral("other");
    }
}

void NetBoxPusher::step(const QString &what)
{
    ++m_step;
    if (m_progress)
        m_progress(m_step, kSteps, what);
}

std::vector<Json> NetBoxPusher::list(const QString &endpoint, const QString &query, QString *error)
{
    std::vector<Json> out;
    QString path = endpoint + QStringLiteral("?limit=1000") + (query.isEmpty() ? QString() : QLatin1Char('&') + query);
    for (int page = 0; page < 1000 && !path.isEmpty(); ++page) {
        const NetBoxResponse r = m_transport.send({"GET", path, nullptr});
        if (!r.ok() || !r.body.is_object() || !r.body.contains("results") || !r.body["results"].is_array()) {
            *error = r.ok() ? QStringLiteral("unexpected answer to GET %1").arg(endpoint) : errorText(r);
            return {};
        }
        for (const Json &o : r.body["results"])
            out.push_back(o);
        path = stringField(r.body, "next");
    }
    return out;
}

std::map<QString, int> NetBoxPusher::sync(const QString &kind, const QString &endpoint, const QString &query,
                                          const std::function<QStringList(const Json &)> &keysOf,
                                          const std::vector<Wanted> &wanted, bool patchExisting)
{
    std::map<QString, int> ids;
    if (wanted.empty())
        return ids;
    QString error;
    const std::vector<Json> existing = list(endpoint, query, &error);
    if (!error.isEmpty()) {
        for (const Wanted &w : wanted)
            m_report.entries.push_back({kind, w.label.isEmpty() ? w.key : w.label, QStringLiteral("failed"),
                                        QStringLiteral("cannot list %1: %2").arg(endpoint, error)});
        return ids;
    }
    for (const Json &o : existing) {
        const int id = refId(o["id"]);
        if (id < 0)
            continue;
        for (const QString &key : keysOf(o))
            if (!key.isEmpty() && !ids.count(key))
                ids[key] = id;
    }
    Json creates = Json::array();
    Json updates = Json::array();
    QStringList createKeys;
    QStringList updateKeys;
    std::map<QString, QString> labels;
    std::set<QString> seen;
    for (const Wanted &w : wanted)
        labels[w.key] = w.label.isEmpty() ? w.key : w.label;
    for (const Wanted &w : wanted) {
        if (!seen.insert(w.key).second)
            continue;
        for (const QString &alias : w.aliases)
            if (!ids.count(w.key) && ids.count(alias))
                ids[w.key] = ids[alias];
        if (ids.count(w.key)) {
            if (!patchExisting)
                continue;
            Json f = w.fields;
            f["id"] = ids[w.key];
            updates.push_back(f);
            updateKeys << w.key;
        } else {
            creates.push_back(w.fields);
            createKeys << w.key;
        }
    }
    if (!creates.empty()) {
        const NetBoxResponse r = m_transport.send({"POST", endpoint, creates});
        const bool ok = r.ok() && r.body.is_array() && r.body.size() == creates.size();
        for (int i = 0; i < createKeys.size(); ++i) {
            const int id = ok ? refId(r.body[static_cast<std::size_t>(i)]["id"]) : -1;
            if (id >= 0)
                ids[createKeys.at(i)] = id;
            m_report.entries.push_back({kind, labels[createKeys.at(i)],
                                        id >= 0 ? QStringLiteral("created") : QStringLiteral("failed"),
                                        id >= 0 ? QString() : errorText(r)});
        }
    }
    if (!updates.empty()) {
        const NetBoxResponse r = m_transport.send({"PATCH", endpoint, updates});
        for (const QString &key : updateKeys)
            m_report.entries.push_back({kind, labels[key],
                                        r.ok() ? QStringLiteral("updated") : QStringLiteral("failed"),
                                        r.ok() ? QString() : errorText(r)});
    }
    return ids;
}

// What the steps of one push hand on to the later ones: the ids NetBox answered with, by name.
struct NetBoxPusher::PushState {
    PushState(const Plan &p, const SiteProfile &s)
        : plan(p)
        , site(s)
    { }
    const Plan &plan;
    const SiteProfile &site;
    int siteId = -1;
    std::vector<std::size_t> devices;            // plan indices of the devices to push
    std::map<QString, const DeviceType *> types; // catalog id → type, of those devices
    std::map<QString, QString> typeKey;          // catalog id → manufacturer id/model
    std::map<QString, int> manufacturerIds;
    std::map<QString, int> roleIds;
    std::map<QString, int> typeIds;
    std::map<QString, int> rackIds;
    std::map<QString, int> deviceIds;
    std::map<QString, int> interfaceIds;

    bool onSite(const Json &o) const { return refId(o["site"]) == siteId; }
    QString deviceName(const QString &id) const
    {
        const Device *d = plan.findDevice(id);
        return d && !d->hostname.isEmpty() ? d->hostname : id;
    }
    int rackId(const QString &planRackId) const
    {
        const Rack *r = plan.findRack(planRackId);
        if (!r)
            return -1;
        const auto it = rackIds.find(r->name.isEmpty() ? r->id : r->name);
        return it == rackIds.end() ? -1 : it->second;
    }
    QString interfaceKey(const Endpoint &e) const
    {
        const auto it = deviceIds.find(deviceName(e.device));
        return it == deviceIds.end() ? QString() : QStringLiteral("%1/%2").arg(it->second).arg(e.port);
    }
};

void NetBoxPusher::fail(const QString &kind, const QString &name, const QString &why)
{
    m_report.entries.push_back({kind, name, QStringLiteral("failed"), why});
}

NetBoxPushReport NetBoxPusher::push()
{
    m_report = {};
    m_step = 0;
    PushState state(m_plan.plan(), m_plan.site());
    if (!pushSite(state))
        return m_report;
    collectDevices(state);
    pushManufacturers(state);
    pushRoles(state);
    pushDeviceTypes(state);
    pushRacks(state);
    pushDevices(state);
    pushPower(state);
    pushInterfaces(state);
    pushCables(state);
    return m_report;
}

bool NetBoxPusher::pushSite(PushState &state)
{
    step(QStringLiteral("site"));
    const QString siteName = state.plan.name.isEmpty() ? state.site.name : state.plan.name;
    const auto sites =
        sync(QStringLiteral("site"), QStringLiteral("api/dcim/sites/"),
             QStringLiteral("name=%1").arg(QString::fromUtf8(QUrl::toPercentEncoding(siteName))),
             [](const Json &o) { return QStringList{stringField(o, "name")}; },
             {{siteName,
               {{"name", s(siteName)},
                {"slug", s(slug(siteName))},
                {"status", "planned"},
                {"description", s(QStringLiteral("%1, planned with POC Planner").arg(state.site.name))}}}});
    if (!sites.count(siteName)) {
        fail(QStringLiteral("site"), siteName, QStringLiteral("nothing else can be pushed without the site"));
        return false;
    }
    state.siteId = sites.at(siteName);
    return true;
}

// Devices to push: everything with a type in the catalog except loose cables.
void NetBoxPusher::collectDevices(PushState &state)
{
    for (std::size_t i = 0; i < state.plan.devices.size(); ++i) {
        const DeviceType *t = m_plan.typeOf(i);
        if (!t) {
            fail(QStringLiteral("device"), state.plan.devices[i].id,
                 QStringLiteral("device type \"%1\" is not in the catalog").arg(state.plan.devices[i].type));
            continue;
        }
        if (t->role == Role::Cable)
            continue;
        state.devices.push_back(i);
        state.types[t->id] = t;
    }
}

void NetBoxPusher::pushManufacturers(PushState &state)
{
    step(QStringLiteral("manufacturers"));
    // NetBox refuses a second manufacturer whose name differs only in case or whose slug is
    // taken, and its device-type library says "Nvidia" and "Mellanox" where we say "NVIDIA".
    std::vector<Wanted> manufacturers;
    for (const auto &[id, t] : state.types)
        manufacturers.push_back(
            {vendorKey(t->vendor), {{"name", s(t->vendor)}, {"slug", s(slug(t->vendor))}}, t->vendor});
    state.manufacturerIds = sync(
        QStringLiteral("manufacturer"), QStringLiteral("api/dcim/manufacturers/"), QString(),
        [](const Json &o) {
            return QStringList{vendorKey(stringField(o, "slug")), vendorKey(stringField(o, "name"))};
        },
        manufacturers, false);
}

void NetBoxPusher::pushRoles(PushState &state)
{
    step(QStringLiteral("device roles"));
    std::vector<Wanted> roles;
    for (const auto &[id, t] : state.types)
        roles.push_back({roleDisplayName(t->role),
                         {{"name", s(roleDisplayName(t->role))},
                          {"slug", s(slug(roleDisplayName(t->role)))},
                          {"color", s(roleColor(t->role))}}});
    state.roleIds = sync(
        QStringLiteral("device-role"), QStringLiteral("api/dcim/device-roles/"), QString(),
        [](const Json &o) { return QStringList{stringField(o, "name")}; }, roles);
}

void NetBoxPusher::pushDeviceTypes(PushState &state)
{
    step(QStringLiteral("device types"));
    std::vector<Wanted> deviceTypes;
    for (const auto &[id, t] : state.types) {
        if (!state.manufacturerIds.count(vendorKey(t->vendor))) {
            fail(QStringLiteral("device-type"), t->model,
                 QStringLiteral("manufacturer %1 was not pushed").arg(t->vendor));
            continue;
        }
        const int m = state.manufacturerIds.at(vendorKey(t->vendor));
        const QString typeSlug = slug(t->vendor + QLatin1Char('-') + t->model);
        Json f{{"manufacturer", m},
               {"model", s(t->model)},
               {"slug", s(typeSlug)},
               {"u_height", t->uHeight},
               {"is_full_depth", t->fullDepth},
               {"comments", s(QStringLiteral("POC Planner catalog id %1 (%2 layer)").arg(t->id, t->layer))}};
        if (!t->partNumber.isEmpty())
            f["part_number"] = s(t->partNumber.left(50));
        if (t->airflow != Airflow::Unknown)
            f["airflow"] = s(airflowId(t->airflow));
        if (t->weightKg.known()) {
            f["weight"] = *t->weightKg.value;
            f["weight_unit"] = "kg";
        }
        // NetBox keeps model and slug unique per manufacturer, the model regardless of case.
        state.typeKey[id] = QStringLiteral("%1/%2").arg(m).arg(t->model.toLower());
        deviceTypes.push_back({state.typeKey[id],
                               f,
                               t->vendor + QLatin1Char(' ') + t->model,
                               {QStringLiteral("%1/slug:%2").arg(m).arg(typeSlug)}});
    }
    state.typeIds = sync(
        QStringLiteral("device-type"), QStringLiteral("api/dcim/device-types/"), QString(),
        [](const Json &o) {
            const int m = refId(o["manufacturer"]);
            return QStringList{QStringLiteral("%1/%2").arg(m).arg(stringField(o, "model").toLower()),
                               QStringLiteral("%1/slug:%2").arg(m).arg(stringField(o, "slug"))};
        },
        deviceTypes);
}

void NetBoxPusher::pushRacks(PushState &state)
{
    step(QStringLiteral("racks"));
    std::vector<Wanted> racks;
    for (const Rack &r : state.plan.racks) {
        const QString name = r.name.isEmpty() ? r.id : r.name;
        racks.push_back({name,
                         {{"site", state.siteId},
                          {"name", s(name)},
                          {"status", "planned"},
                          {"u_height", r.heightU},
                          {"description", s(QStringLiteral("POC Planner rack %1").arg(r.id))}}});
    }
    state.rackIds = sync(
        QStringLiteral("rack"), QStringLiteral("api/dcim/racks/"), QStringLiteral("site_id=%1").arg(state.siteId),
        [&](const Json &o) { return QStringList{state.onSite(o) ? stringField(o, "name") : QString()}; }, racks);
}

void NetBoxPusher::pushDevices(PushState &state)
{
    step(QStringLiteral("devices"));
    std::vector<Wanted> deviceList;
    for (std::size_t i : state.devices) {
        const Device &d = state.plan.devices[i];
        const DeviceType *t = m_plan.typeOf(i);
        const QString name = state.deviceName(d.id);
        if (!state.typeKey.count(t->id) || !state.typeIds.count(state.typeKey[t->id]) ||
            !state.roleIds.count(roleDisplayName(t->role))) {
            fail(QStringLiteral("device"), name, QStringLiteral("its device type or role was not pushed"));
            continue;
        }
        Json f{{"name", s(name)},
               {"device_type", state.typeIds.at(state.typeKey[t->id])},
               {"role", state.roleIds.at(roleDisplayName(t->role))},
               {"site", state.siteId},
               {"status", "planned"},
               {"description", s(QStringLiteral("POC Planner device %1").arg(d.id))}};
        if (!d.rack.isEmpty()) {
            const int rack = state.rackId(d.rack);
            if (rack < 0) {
                fail(QStringLiteral("device"), name, QStringLiteral("its rack was not pushed"));
                continue;
            }
            f["rack"] = rack;
            if (t->uHeight > 0 && d.u > 0) {
                f["position"] = d.u;
                f["face"] = d.face == Face::Rear ? "rear" : "front";
            }
        }
        deviceList.push_back({name, f});
    }
    state.deviceIds = sync(
        QStringLiteral("device"), QStringLiteral("api/dcim/devices/"), QStringLiteral("site_id=%1").arg(state.siteId),
        [&](const Json &o) { return QStringList{state.onSite(o) ? stringField(o, "name") : QString()}; }, deviceList);
}

void NetBoxPusher::pushPower(PushState &state)
{
    step(QStringLiteral("power panels and feeds"));
    const SiteProfile::Feeds &feeds = state.site.power.feeds;
    const bool redundant = feeds.redundancy == QLatin1String("A+B") && feeds.feedsPerRack >= 2;
    QStringList sides{QStringLiteral("A")};
    if (redundant)
        sides << QStringLiteral("B");
    std::vector<Wanted> panels;
    for (const QString &side : sides)
        panels.push_back({QStringLiteral("PP-%1").arg(side),
                          {{"site", state.siteId},
                           {"name", s(QStringLiteral("PP-%1").arg(side))},
                           {"description", s(QStringLiteral("feed %1 panel, planned with POC Planner").arg(side))}}});
    const auto panelIds = sync(
        QStringLiteral("power-panel"), QStringLiteral("api/dcim/power-panels/"),
        QStringLiteral("site_id=%1").arg(state.siteId),
        [&](const Json &o) { return QStringList{state.onSite(o) ? stringField(o, "name") : QString()}; }, panels);
    std::vector<Wanted> feedList;
    for (const Rack &r : state.plan.racks) {
        const int rack = state.rackId(r.id);
        for (const QString &side : sides) {
            const QString panel = QStringLiteral("PP-%1").arg(side);
            const QString name = QStringLiteral("%1-%2").arg(r.name.isEmpty() ? r.id : r.name, side);
            if (rack < 0 || !panelIds.count(panel)) {
                fail(QStringLiteral("power-feed"), name, QStringLiteral("its rack or power panel was not pushed"));
                continue;
            }
            feedList.push_back({QStringLiteral("%1/%2").arg(panelIds.at(panel)).arg(name),
                                {{"power_panel", panelIds.at(panel)},
                                 {"rack", rack},
                                 {"name", s(name)},
                                 {"status", "planned"},
                                 {"type", side == QLatin1String("A") ? "primary" : "redundant"},
                                 {"supply", "ac"},
                                 {"phase", feeds.phases == 3 ? "three-phase" : "single-phase"},
                                 {"voltage", static_cast<int>(feeds.voltageV)},
                                 {"amperage", static_cast<int>(feeds.amps)},
                                 {"max_utilization", static_cast<int>(feeds.deratePct)}},
                                name});
        }
    }
    sync(
        QStringLiteral("power-feed"), QStringLiteral("api/dcim/power-feeds/"),
        QStringLiteral("site_id=%1").arg(state.siteId),
        [](const Json &o) {
            return QStringList{QStringLiteral("%1/%2").arg(refId(o["power_panel"])).arg(stringField(o, "name"))};
        },
        feedList);
}

void NetBoxPusher::pushInterfaces(PushState &state)
{
    step(QStringLiteral("interfaces"));
    // Only the interfaces the cables need; device types pushed from the library bring their own.
    std::vector<Wanted> interfaces;
    for (const Link &l : state.plan.links) {
        for (const Endpoint &e : {l.a, l.b}) {
            const QString key = state.interfaceKey(e);
            const DeviceType *t = m_plan.typeOf(e.device);
            if (key.isEmpty() || !t)
                continue;
            const PortRef ref = t->resolvePort(e.port);
            double speed = ref.valid() ? ref.group->speedGbps : 0;
            if (ref.valid() && ref.lane >= 0)
                for (const QString &b : ref.group->breakouts)
                    if (const auto parsed = Breakout::parse(b); parsed && parsed->lanes > ref.lane) {
                        speed = parsed->laneSpeedGbps;
                        break;
                    }
            Json f{{"device", state.deviceIds.at(state.deviceName(e.device))},
                   {"name", s(e.port)},
                   {"type", s(interfaceType(speed, ref.valid() ? ref.group->media : QString()))}};
            if (ref.valid() && (ref.group->purpose == PortPurpose::Mgmt || ref.group->purpose == PortPurpose::Bmc))
                f["mgmt_only"] = true;
            interfaces.push_back({key, f, state.deviceName(e.device) + QLatin1Char(':') + e.port});
        }
    }
    state.interfaceIds = sync(
        QStringLiteral("interface"), QStringLiteral("api/dcim/interfaces/"),
        QStringLiteral("site_id=%1").arg(state.siteId),
        [](const Json &o) {
            return QStringList{QStringLiteral("%1/%2").arg(refId(o["device"])).arg(stringField(o, "name"))};
        },
        interfaces, false);
}

void NetBoxPusher::pushCables(PushState &state)
{
    step(QStringLiteral("cables"));
    std::vector<Wanted> cables;
    for (const Link &l : state.plan.links) {
        const QString label = !l.label.isEmpty()
            ? l.label
            : QStringLiteral("%1:%2--%3:%4")
                  .arg(state.deviceName(l.a.device), l.a.port, state.deviceName(l.b.device), l.b.port);
        const QString a = state.interfaceKey(l.a);
        const QString b = state.interfaceKey(l.b);
        if (!state.interfaceIds.count(a) || !state.interfaceIds.count(b)) {
            fail(QStringLiteral("cable"), label, QStringLiteral("an end's device or interface was not pushed"));
            continue;
        }
        Json f{{"a_terminations",
                Json::array({{{"object_type", "dcim.interface"}, {"object_id", state.interfaceIds.at(a)}}})},
               {"b_terminations",
                Json::array({{{"object_type", "dcim.interface"}, {"object_id", state.interfaceIds.at(b)}}})},
               {"status", "planned"},
               {"label", s(label.left(100))}};
        const DeviceType *cable = m_plan.catalog().deviceType(l.cable);
        if (cable && !netboxjson::cableType(cable->cable.kind).isEmpty())
            f["type"] = s(netboxjson::cableType(cable->cable.kind));
        if (l.lengthM > 0) {
            f["length"] = l.lengthM;
            f["length_unit"] = "m";
        }
        cables.push_back({label.left(100), f});
    }
    sync(
        QStringLiteral("cable"), QStringLiteral("api/dcim/cables/"), QStringLiteral("site_id=%1").arg(state.siteId),
        [](const Json &o) { return QStringList{stringField(o, "label")}; }, cables);
}

} // namespace pp
