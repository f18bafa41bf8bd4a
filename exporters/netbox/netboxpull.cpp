#include "exporters/netbox/netboxpull.h"
#include "exporters/netbox/netboxjson.h"

#include <QRegularExpression>
#include <QUrl>
#include <algorithm>
#include <map>

namespace pp {

namespace {

using netboxjson::refId;
using netboxjson::stringField;

// The plan id a push wrote into a description ("POC Planner device cn1"), or empty.
QString idFromDescription(const Json &o, const QString &kind)
{
    static const QRegularExpression re(QStringLiteral("^POC Planner (\\w+) (\\S+)$"));
    const QRegularExpressionMatch m = re.match(stringField(o, "description"));
    return m.hasMatch() && m.captured(1) == kind ? m.captured(2) : QString();
}

// A plan id from a NetBox name: no ':' (it separates device and port), not empty, unused.
QString idFromName(const QString &name, QStringList &used)
{
    QString id = name;
    id.replace(QLatin1Char(':'), QLatin1Char('-'));
    if (id.trimmed().isEmpty())
        id = QStringLiteral("netbox");
    QString unique = id;
    for (int n = 2; used.contains(unique); ++n)
        unique = QStringLiteral("%1-%2").arg(id).arg(n);
    used << unique;
    return unique;
}

// The catalog cable for a NetBox cable type between two ports: the same NetBox type, the leg
// speed of the ports (a breakout lane's speed for "swp1s0"), and for a lane a breakout cable with
// as many legs as the port has lanes. The media of the switch end (the lane's port, else either
// end) breaks ties; empty when none or several fit equally.
QString chooseCable(const Catalog &catalog, const QString &netboxType, const DeviceType *ta, const QString &portA,
                    const DeviceType *tb, const QString &portB)
{
    double speed = 0;
    int lanes = 0;
    QStringList media;
    for (const auto &[t, port] : {std::pair{ta, portA}, std::pair{tb, portB}}) {
        const PortRef ref = t ? t->resolvePort(port) : PortRef();
        if (!ref.valid())
            continue;
        double s = ref.group->speedGbps;
        if (ref.lane >= 0)
            for (const QString &b : ref.group->breakouts)
                if (const auto parsed = Breakout::parse(b); parsed && parsed->lanes > ref.lane) {
                    s = parsed->laneSpeedGbps;
                    lanes = parsed->lanes;
                    media.prepend(ref.group->media);
                    break;
                }
        if (ref.lane < 0)
            media << ref.group->media;
        speed = speed > 0 ? std::min(speed, s) : s;
    }
    QString best;
    int bestScore = -1;
    bool tie = false;
    for (const DeviceType *t : catalog.deviceTypes()) {
        if (t->role != Role::Cable || netboxType.isEmpty() || netboxjson::cableType(t->cable.kind) != netboxType)
            continue;
        if (speed > 0 && t->cable.speedGbps != speed && t->cable.kind != QLatin1String("copper"))
            continue;
        if (t->cable.kind.startsWith(QLatin1String("breakout")) != (lanes > 0) || (lanes > 0 && t->cable.legs != lanes))
            continue;
        const int score = media.isEmpty()     ? 0
            : media.front() == t->cable.media ? 2
            : media.contains(t->cable.media)  ? 1
                                              : 0;
        if (score > bestScore) {
            best = t->id;
            bestScore = score;
            tie = false;
        } else if (score == bestScore) {
            tie = true;
        }
    }
    return tie ? QString() : best;
}

} // namespace

NetBoxPuller::NetBoxPuller(const Catalog &catalog, NetBoxTransport &transport)
    : m_catalog(catalog)
    , m_transport(transport)
{ }

std::vector<Json> NetBoxPuller::list(const QString &endpoint, const QString &query, QString *error)
{
    std::vector<Json> out;
    QString path = endpoint + QStringLiteral("?limit=1000") + (query.isEmpty() ? QString() : QLatin1Char('&') + query);
    for (int page = 0; page < 1000 && !path.isEmpty(); ++page) {
        const NetBoxResponse r = m_transport.send({"GET", path, nullptr});
        if (!r.ok() || !r.body.is_object() || !r.body.contains("results") || !r.body["results"].is_array()) {
            *error = !r.error.isEmpty() ? r.error
                : r.ok()                ? QStringLiteral("unexpected answer to GET %1").arg(endpoint)
                                        : QStringLiteral("GET %1: HTTP %2").arg(endpoint).arg(r.status);
            return {};
        }
        for (const Json &o : r.body["results"])
            out.push_back(o);
        path = stringField(r.body, "next");
    }
    return out;
}

// What one NetBox site holds, as listed; ids are NetBox's.
struct NetBoxPuller::Listing {
    int siteId = -1;
    Json site;
    std::vector<Json> racks, manufacturers, types, devices, interfaces, cables;
};

namespace {

// The site's profile: given, else the one a push named ("Customer lab POC, planned with POC
// Planner"), else the catalog's first.
QString profileFor(const Catalog &catalog, const Json &site, const QString &given)
{
    if (!given.isEmpty())
        return given;
    for (const SiteProfile *s : catalog.sites())
        if (stringField(site, "description") == s->name + QStringLiteral(", planned with POC Planner"))
            return s->id;
    return catalog.sites().empty() ? QString() : catalog.sites().front()->id;
}

// NetBox device-type id → catalog type: by the catalog id a push wrote, else by vendor and model.
std::map<int, const DeviceType *> mapTypes(const Catalog &catalog, const std::vector<Json> &manufacturers,
                                           const std::vector<Json> &types, std::map<int, QString> &typeNames)
{
    std::map<int, QString> vendors;
    for (const Json &o : manufacturers)
        vendors[refId(o["id"])] = stringField(o, "name");
    std::map<int, const DeviceType *> typeOf;
    static const QRegularExpression catalogId(QStringLiteral("POC Planner catalog id (\\S+)"));
    for (const Json &o : types) {
        const int id = refId(o["id"]);
        const QString vendor = vendors.count(refId(o["manufacturer"])) ? vendors[refId(o["manufacturer"])] : QString();
        typeNames[id] = (vendor + QLatin1Char(' ') + stringField(o, "model")).trimmed();
        const QRegularExpressionMatch m = catalogId.match(stringField(o, "comments"));
        const DeviceType *t = m.hasMatch() ? catalog.deviceType(m.captured(1)) : nullptr;
        for (const DeviceType *c : catalog.deviceTypes())
            if (!t && c->role != Role::Cable && NetBoxPusher::vendorKey(c->vendor) == NetBoxPusher::vendorKey(vendor) &&
                c->model.compare(stringField(o, "model"), Qt::CaseInsensitive) == 0)
                t = c;
        if (t)
            typeOf[id] = t;
    }
    return typeOf;
}

// The plan id of a NetBox object: the one a push wrote into its description, else from its name.
QString planId(const Json &o, const QString &kind, QStringList &used)
{
    const QString id = idFromDescription(o, kind);
    if (id.isEmpty() || used.contains(id) || id.contains(QLatin1Char(':')))
        return idFromName(stringField(o, "name"), used);
    used << id;
    return id;
}

} // namespace

bool NetBoxPuller::listSite(const QString &siteName, Listing &l, QString *error)
{
    const auto fetch = [&](const char *endpoint, const QString &query) {
        return error->isEmpty() ? list(QString::fromLatin1(endpoint), query, error) : std::vector<Json>();
    };
    for (const Json &o :
         fetch("api/dcim/sites/", QStringLiteral("name=%1").arg(QString::fromUtf8(QUrl::toPercentEncoding(siteName)))))
        if (stringField(o, "name") == siteName) {
            l.siteId = refId(o["id"]);
            l.site = o;
        }
    if (error->isEmpty() && l.siteId < 0)
        *error = QStringLiteral("NetBox has no site named \"%1\"").arg(siteName);
    const QString onSite = QStringLiteral("site_id=%1").arg(l.siteId);
    l.racks = fetch("api/dcim/racks/", onSite);
    l.manufacturers = fetch("api/dcim/manufacturers/", QString());
    l.types = fetch("api/dcim/device-types/", QString());
    l.devices = fetch("api/dcim/devices/", onSite);
    l.interfaces = fetch("api/dcim/interfaces/", onSite);
    l.cables = fetch("api/dcim/cables/", onSite);
    return error->isEmpty();
}

NetBoxPullResult NetBoxPuller::pull(const QString &siteName, const QString &profileId)
{
    NetBoxPullResult result;
    m_deviceIndex.clear();
    Listing l;
    if (!listSite(siteName, l, &result.error))
        return result;
    Plan &plan = result.plan;
    plan.name = siteName;
    plan.site.profile = profileFor(m_catalog, l.site, profileId);
    QStringList usedRackIds;
    std::map<int, QString> rackIds; // NetBox id → plan id
    for (const Json &o : l.racks) {
        if (refId(o["site"]) != l.siteId)
            continue; // a NetBox that ignores the filter (or a shared one) lists other sites' racks too
        Rack r;
        r.id = planId(o, QStringLiteral("rack"), usedRackIds);
        r.name = stringField(o, "name");
        r.heightU =
            o.contains("u_height") && o["u_height"].is_number() ? static_cast<int>(o["u_height"].get<double>()) : 42;
        rackIds[refId(o["id"])] = r.id;
        plan.racks.push_back(r);
    }
    readDevices(l, rackIds, result);
    readCables(l, result);
    result.ok = true;
    return result;
}

void NetBoxPuller::readDevices(const Listing &l, const std::map<int, QString> &rackIds, NetBoxPullResult &result)
{
    std::map<int, QString> typeNames;
    const std::map<int, const DeviceType *> typeOf = mapTypes(m_catalog, l.manufacturers, l.types, typeNames);
    QStringList usedDeviceIds;
    for (const Json &o : l.devices) {
        if (refId(o["site"]) != l.siteId)
            continue;
        const int typeId = refId(o["device_type"]);
        if (!typeOf.count(typeId)) {
            result.skipped << QStringLiteral("device %1: type \"%2\" is not in the catalog (import it with "
                                             "`pocplan catalog import`, then pull again)")
                                  .arg(stringField(o, "name"),
                                       typeNames.count(typeId) ? typeNames.at(typeId) : QStringLiteral("?"));
            continue;
        }
        Device d;
        d.id = planId(o, QStringLiteral("device"), usedDeviceIds);
        d.type = typeOf.at(typeId)->id;
        d.hostname = stringField(o, "name");
        const auto rack = rackIds.find(refId(o["rack"]));
        d.rack = rack == rackIds.end() ? QString() : rack->second;
        if (o.contains("position") && o["position"].is_number())
            d.u = static_cast<int>(o["position"].get<double>());
        d.face = stringField(o, "face") == QLatin1String("rear") ? Face::Rear : Face::Front;
        m_deviceIndex[refId(o["id"])] = result.plan.devices.size();
        result.plan.devices.push_back(d);
    }
}

void NetBoxPuller::readCables(const Listing &l, NetBoxPullResult &result)
{
    Plan &plan = result.plan;
    std::map<int, Endpoint> endpointOf; // NetBox interface id → plan endpoint
    for (const Json &o : l.interfaces) {
        const auto device = m_deviceIndex.find(refId(o["device"]));
        if (device != m_deviceIndex.end())
            endpointOf[refId(o["id"])] = {plan.devices[device->second].id, stringField(o, "name")};
    }
    for (const Json &o : l.cables) {
        const auto end = [&](const char *side) -> const Endpoint * {
            const Json &t = o.value(side, Json::array());
            if (!t.is_array() || t.size() != 1 || stringField(t[0], "object_type") != QLatin1String("dcim.interface"))
                return nullptr;
            const auto it = endpointOf.find(refId(t[0]["object_id"]));
            return it == endpointOf.end() ? nullptr : &it->second;
        };
        const Endpoint *a = end("a_terminations");
        const Endpoint *b = end("b_terminations");
        if (!a || !b)
            continue; // not between two devices of this site
        Link link;
        link.a = *a;
        link.b = *b;
        link.label = stringField(o, "label");
        if (o.contains("length") && o["length"].is_number())
            link.lengthM = o["length"].get<double>();
        link.cable =
            chooseCable(m_catalog, stringField(o, "type"), m_catalog.deviceType(plan.findDevice(a->device)->type),
                        a->port, m_catalog.deviceType(plan.findDevice(b->device)->type), b->port);
        if (link.cable.isEmpty() && !stringField(o, "type").isEmpty())
            result.skipped << QStringLiteral("cable %1: no single catalog cable matches NetBox type \"%2\"; the link "
                                             "is kept without a cable type")
                                  .arg(link.label.isEmpty() ? a->toString() : link.label, stringField(o, "type"));
        plan.links.push_back(link);
    }
}

void alignWithPlan(const Plan &planned, const Catalog &catalog, Plan &pushable, Plan &fromNetBox)
{
    pushable = planned;
    pushable.devices.erase(std::remove_if(pushable.devices.begin(), pushable.devices.end(),
                                          [&](const Device &d) {
                                              const DeviceType *t = catalog.deviceType(d.type);
                                              return t && t->role == Role::Cable;
                                          }),
                           pushable.devices.end());
    fromNetBox.name = planned.name;
    fromNetBox.customer = planned.customer;
    fromNetBox.track = planned.track;
    fromNetBox.site = planned.site;
    fromNetBox.uplinks = planned.uplinks;
    fromNetBox.waivers = planned.waivers;
    for (Rack &r : fromNetBox.racks)
        if (const Rack *p = planned.findRack(r.id)) {
            r.row = p->row;
            r.position = p->position;
        }
    for (Device &d : fromNetBox.devices) {
        const Device *p = planned.findDevice(d.id);
        if (!p)
            continue;
        d.psuFeeds = p->psuFeeds;
        if (d.u == 0 && p->u == 0 && d.rack == p->rack)
            d.face = p->face; // NetBox keeps no face for an unpositioned (0U) device
    }
    for (Link &l : fromNetBox.links)
        for (const Link &p : planned.links)
            if ((p.a == l.a && p.b == l.b) || (p.a == l.b && p.b == l.a)) {
                l.a = p.a;
                l.b = p.b;
                l.cable = p.cable;
                l.label = p.label;
                l.manual = p.manual;
                if (l.lengthM == 0)
                    l.lengthM = p.lengthM;
            }
    // Uplinks on devices NetBox does not have cannot be checked there; they are not drift.
    fromNetBox.uplinks.erase(std::remove_if(fromNetBox.uplinks.begin(), fromNetBox.uplinks.end(),
                                            [&](const Uplink &u) { return !fromNetBox.findDevice(u.device); }),
                             fromNetBox.uplinks.end());
}

} // namespace pp
