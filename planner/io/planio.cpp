#include "planner/io/planio.h"

#include "catalog/io/jsondocument.h"
#include "planner/io/planfastloader.h"
#include "planner/io/planmigration.h"

#include <QFile>
#include <QSaveFile>
#include <unordered_map>
#include <unordered_set>

namespace pp {

using namespace pp::json;

namespace {

constexpr const char *kFormat = "pocplanner-plan";

void warnUnknownKeys(const Json &obj, std::initializer_list<const char *> known, const QString &path,
                     const PlanLoadOptions &options)
{
    if (!options.warnings || !obj.is_object())
        return;
    for (auto it = obj.begin(); it != obj.end(); ++it) {
        bool isKnown = false;
        for (const char *k : known)
            if (it.key() == k)
                isKnown = true;
        if (!isKnown)
            *options.warnings << QStringLiteral("%1: unknown key ignored").arg(join(path, it.key().c_str()));
    }
}

Rack rackFromJson(const Json &j, const QString &path, const PlanLoadOptions &options)
{
    requireObject(j, path);
    warnUnknownKeys(j, {"id", "name", "heightU", "row", "position"}, path, options);
    Rack r;
    r.id = string(j, "id", path);
    if (r.id.trimmed().isEmpty())
        throw FieldError(join(path, "id"), QStringLiteral("the rack id is empty"));
    r.name = string(j, "name", path, false, r.id);
    r.heightU = integer(j, "heightU", path, 1, 100, 42);
    r.row = integer(j, "row", path, 0, 10000, 0);
    r.position = integer(j, "position", path, 0, 10000, 0);
    return r;
}

Device deviceFromJson(const Json &j, const QString &path, const PlanLoadOptions &options)
{
    requireObject(j, path);
    warnUnknownKeys(j, {"id", "type", "rack", "u", "face", "hostname", "psuFeeds"}, path, options);
    Device d;
    d.id = string(j, "id", path);
    if (d.id.trimmed().isEmpty() || d.id.contains(QLatin1Char(':')))
        throw FieldError(join(path, "id"), QStringLiteral("a device id must be non-empty and must not contain ':'"));
    d.type = string(j, "type", path);
    d.rack = string(j, "rack", path, false);
    d.u = integer(j, "u", path, 0, 100, 0);
    const QString face = string(j, "face", path, false, QStringLiteral("front"));
    if (face == QLatin1String("front"))
        d.face = Face::Front;
    else if (face == QLatin1String("rear"))
        d.face = Face::Rear;
    else
        throw FieldError(join(path, "face"), QStringLiteral("expected \"front\" or \"rear\", found \"%1\"").arg(face));
    d.hostname = string(j, "hostname", path, false);
    d.psuFeeds = stringList(j, "psuFeeds", path);
    for (int i = 0; i < d.psuFeeds.size(); ++i)
        if (d.psuFeeds.at(i) != QLatin1String("A") && d.psuFeeds.at(i) != QLatin1String("B"))
            throw FieldError(join(join(path, "psuFeeds"), i),
                             QStringLiteral("expected feed \"A\" or \"B\", found \"%1\"").arg(d.psuFeeds.at(i)));
    return d;
}

Endpoint endpointFromJson(const Json &j, const char *key, const QString &path)
{
    const QString text = string(j, key, path);
    Endpoint e;
    if (!Endpoint::parse(text, e))
        throw FieldError(join(path, key), QStringLiteral("expected \"device:port\", found \"%1\"").arg(text));
    return e;
}

Link linkFromJson(const Json &j, const QString &path, const PlanLoadOptions &options)
{
    requireObject(j, path);
    warnUnknownKeys(j, {"a", "b", "cable", "lengthM", "label", "manual"}, path, options);
    Link l;
    l.a = endpointFromJson(j, "a", path);
    l.b = endpointFromJson(j, "b", path);
    l.cable = string(j, "cable", path, false);
    l.lengthM = number(j, "lengthM", path, 0, 10000, 0);
    l.label = string(j, "label", path, false);
    l.manual = boolean(j, "manual", path, false);
    return l;
}

// The document in the current format: the format and version checked, older versions migrated.
Json currentDocument(const Json &input, const PlanLoadOptions &options)
{
    requireObject(input, QString());
    const QString format = string(input, "format", QString(), true);
    if (format != QLatin1String(kFormat))
        throw FieldError(QStringLiteral("format"),
                         QStringLiteral("expected \"%1\", found \"%2\" (not a POC Planner plan)")
                             .arg(QLatin1String(kFormat), format));
    const int version = integer(input, "version", QString(), 0, 1000000);
    if (version > Plan::kFormatVersion)
        throw FieldError(
            QStringLiteral("version"),
            QStringLiteral("version %1 was written by a newer POC Planner; this one reads up to version %2")
                .arg(version)
                .arg(Plan::kFormatVersion));
    return version < Plan::kFormatVersion ? migratePlanJson(input, version, options.warnings) : input;
}

void readHeader(const Json &doc, const PlanLoadOptions &options, Plan &plan)
{
    warnUnknownKeys(
        doc,
        {"format", "version", "name", "customer", "track", "site", "racks", "devices", "links", "uplinks", "waivers"},
        QString(), options);
    plan.name = string(doc, "name", QString(), false);
    plan.customer = string(doc, "customer", QString(), false);
    plan.track = string(doc, "track", QString(), false, QStringLiteral("lab"));
    if (!knownTracks().contains(plan.track))
        throw FieldError(QStringLiteral("track"),
                         QStringLiteral("expected one of %1, found \"%2\"")
                             .arg(knownTracks().join(QStringLiteral(", ")), plan.track));

    const Json &site = object(doc, "site", QString());
    plan.site.profile = string(site, "profile", QStringLiteral("site"));
    if (options.catalog && !options.catalog->site(plan.site.profile))
        throw FieldError(QStringLiteral("site.profile"),
                         QStringLiteral("unknown site profile \"%1\"").arg(plan.site.profile));
    if (const Json *o = optionalObject(site, "overrides", QStringLiteral("site")))
        plan.site.overrides = *o;
}

void readRacks(const Json &doc, const PlanLoadOptions &options, Plan &plan, std::unordered_set<QString> &rackIds)
{
    const Json &racks = array(doc, "racks", QString());
    plan.racks.reserve(racks.size());
    for (std::size_t i = 0; i < racks.size(); ++i) {
        const QString path = join(QStringLiteral("racks"), i);
        Rack r = rackFromJson(racks[i], path, options);
        if (!rackIds.insert(r.id).second)
            throw FieldError(join(path, "id"), QStringLiteral("duplicate rack id \"%1\"").arg(r.id));
        plan.racks.push_back(std::move(r));
    }
}

void readDevices(const Json &doc, const PlanLoadOptions &options, Plan &plan,
                 const std::unordered_set<QString> &rackIds, std::unordered_set<QString> &deviceIds)
{
    std::unordered_map<QString, std::size_t> hostnames; // hostname → index of the first device with it
    const Json &devices = array(doc, "devices", QString());
    plan.devices.reserve(devices.size());
    for (std::size_t i = 0; i < devices.size(); ++i) {
        const QString path = join(QStringLiteral("devices"), i);
        Device d = deviceFromJson(devices[i], path, options);
        if (!deviceIds.insert(d.id).second)
            throw FieldError(join(path, "id"), QStringLiteral("duplicate device id \"%1\"").arg(d.id));
        // Labels and the BOM name devices by hostname, so two devices may not share one.
        if (!d.hostname.isEmpty()) {
            const auto [first, fresh] = hostnames.emplace(d.hostname, i);
            if (!fresh)
                throw FieldError(join(path, "hostname"),
                                 QStringLiteral("duplicate hostname \"%1\": %2 already has it")
                                     .arg(d.hostname, join(QStringLiteral("devices"), first->second)));
        }
        if (!d.rack.isEmpty() && !rackIds.count(d.rack))
            throw FieldError(
                join(path, "rack"),
                QStringLiteral("device \"%1\" is in rack \"%2\", which the plan does not define").arg(d.id, d.rack));
        if (options.catalog) {
            const DeviceType *type = options.catalog->deviceType(d.type);
            if (!type)
                throw FieldError(join(path, "type"),
                                 QStringLiteral("unknown device type \"%1\" (not in the catalog)").arg(d.type));
            if (!d.rack.isEmpty() && type->uHeight > 0 && d.u < 1)
                throw FieldError(join(path, "u"),
                                 QStringLiteral("a %1U device in a rack needs u of 1 or more").arg(type->uHeight));
        }
        plan.devices.push_back(std::move(d));
    }
}

void readLinks(const Json &doc, const PlanLoadOptions &options, Plan &plan,
               const std::unordered_set<QString> &deviceIds)
{
    const Json &links = array(doc, "links", QString());
    plan.links.reserve(links.size());
    for (std::size_t i = 0; i < links.size(); ++i) {
        const QString path = join(QStringLiteral("links"), i);
        Link l = linkFromJson(links[i], path, options);
        for (const auto &[end, key] : {std::pair{&l.a, "a"}, std::pair{&l.b, "b"}})
            if (!deviceIds.count(end->device))
                throw FieldError(join(path, key),
                                 QStringLiteral("link end \"%1\" names device \"%2\", which the plan does not define")
                                     .arg(end->toString(), end->device));
        if (options.catalog && !l.cable.isEmpty()) {
            const DeviceType *cable = options.catalog->deviceType(l.cable);
            if (!cable || cable->role != Role::Cable)
                throw FieldError(join(path, "cable"), QStringLiteral("unknown cable type \"%1\"").arg(l.cable));
        }
        plan.links.push_back(std::move(l));
    }
}

void readUplinks(const Json &doc, const PlanLoadOptions &options, Plan &plan,
                 const std::unordered_set<QString> &deviceIds)
{
    const Json &uplinks = array(doc, "uplinks", QString());
    for (std::size_t i = 0; i < uplinks.size(); ++i) {
        const QString path = join(QStringLiteral("uplinks"), i);
        requireObject(uplinks[i], path);
        warnUnknownKeys(uplinks[i], {"device", "port", "speedGbps"}, path, options);
        Uplink u;
        u.device = string(uplinks[i], "device", path);
        u.port = string(uplinks[i], "port", path);
        u.speedGbps = number(uplinks[i], "speedGbps", path, 0, 100000);
        if (!deviceIds.count(u.device))
            throw FieldError(join(path, "device"),
                             QStringLiteral("uplink on device \"%1\", which the plan does not define").arg(u.device));
        plan.uplinks.push_back(u);
    }
}

void readWaivers(const Json &doc, const PlanLoadOptions &options, Plan &plan)
{
    const Json &waivers = array(doc, "waivers", QString());
    for (std::size_t i = 0; i < waivers.size(); ++i) {
        const QString path = join(QStringLiteral("waivers"), i);
        requireObject(waivers[i], path);
        warnUnknownKeys(waivers[i], {"rule", "subject", "reason"}, path, options);
        Waiver w;
        w.rule = string(waivers[i], "rule", path);
        w.subject = string(waivers[i], "subject", path, false);
        w.reason = string(waivers[i], "reason", path);
        if (w.reason.trimmed().isEmpty())
            throw FieldError(join(path, "reason"), QStringLiteral("a waiver needs a reason"));
        plan.waivers.push_back(w);
    }
}

} // namespace

Plan planFromJson(const Json &input, const PlanLoadOptions &options)
{
    const Json doc = currentDocument(input, options);
    Plan plan;
    readHeader(doc, options, plan);
    std::unordered_set<QString> rackIds;
    readRacks(doc, options, plan, rackIds);
    std::unordered_set<QString> deviceIds;
    readDevices(doc, options, plan, rackIds, deviceIds);
    readLinks(doc, options, plan, deviceIds);
    readUplinks(doc, options, plan, deviceIds);
    readWaivers(doc, options, plan);
    return plan;
}

bool loadPlanData(const QByteArray &data, const QString &fileName, Plan &plan, LoadError *error,
                  const PlanLoadOptions &options)
{
    // Almost every file is a valid current plan: take it without the document tree. Anything
    // else goes through the tree, whose errors name the JSON path and whose warnings list the
    // unknown keys.
    if (std::optional<Plan> fast = loadPlanFast(data, options)) {
        plan = std::move(*fast);
        return true;
    }
    Json doc;
    if (!parseJson(data, fileName, doc, error))
        return false;
    try {
        plan = planFromJson(doc, options);
        return true;
    } catch (const FieldError &e) {
        if (error)
            *error = LoadError{fileName, 0, 0, e.path, e.reason};
        return false;
    }
}

bool loadPlanFile(const QString &fileName, Plan &plan, LoadError *error, const PlanLoadOptions &options)
{
    QFile file(fileName);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = LoadError{fileName, 0, 0, QString(),
                               QStringLiteral("cannot read the file: %1").arg(file.errorString())};
        return false;
    }
    return loadPlanData(file.readAll(), fileName, plan, error, options);
}

Json planToJson(const Plan &plan)
{
    Json doc;
    doc["format"] = kFormat;
    doc["version"] = Plan::kFormatVersion;
    doc["name"] = toStd(plan.name);
    doc["customer"] = toStd(plan.customer);
    doc["track"] = toStd(plan.track);
    Json site;
    site["profile"] = toStd(plan.site.profile);
    site["overrides"] = plan.site.overrides.is_object() ? plan.site.overrides : Json::object();
    doc["site"] = site;

    Json racks = Json::array();
    for (const Rack &r : plan.racks) {
        Json j;
        j["id"] = toStd(r.id);
        j["name"] = toStd(r.name);
        j["heightU"] = r.heightU;
        if (r.row || r.position) {
            j["row"] = r.row;
            j["position"] = r.position;
        }
        racks.push_back(std::move(j));
    }
    doc["racks"] = std::move(racks);

    Json devices = Json::array();
    for (const Device &d : plan.devices) {
        Json j;
        j["id"] = toStd(d.id);
        j["type"] = toStd(d.type);
        j["rack"] = toStd(d.rack);
        j["u"] = d.u;
        j["face"] = d.face == Face::Front ? "front" : "rear";
        j["hostname"] = toStd(d.hostname);
        Json feeds = Json::array();
        for (const QString &f : d.psuFeeds)
            feeds.push_back(toStd(f));
        j["psuFeeds"] = std::move(feeds);
        devices.push_back(std::move(j));
    }
    doc["devices"] = std::move(devices);

    Json links = Json::array();
    for (const Link &l : plan.links) {
        Json j;
        j["a"] = toStd(l.a.toString());
        j["b"] = toStd(l.b.toString());
        j["cable"] = toStd(l.cable);
        j["lengthM"] = l.lengthM;
        if (!l.label.isEmpty())
            j["label"] = toStd(l.label);
        if (l.manual)
            j["manual"] = true;
        links.push_back(std::move(j));
    }
    doc["links"] = std::move(links);

    Json uplinks = Json::array();
    for (const Uplink &u : plan.uplinks)
        uplinks.push_back({{"device", toStd(u.device)}, {"port", toStd(u.port)}, {"speedGbps", u.speedGbps}});
    doc["uplinks"] = std::move(uplinks);

    Json waivers = Json::array();
    for (const Waiver &w : plan.waivers)
        waivers.push_back({{"rule", toStd(w.rule)}, {"subject", toStd(w.subject)}, {"reason", toStd(w.reason)}});
    doc["waivers"] = std::move(waivers);
    return doc;
}

QByteArray planToBytes(const Plan &plan)
{
    const std::string text = planToJson(plan).dump(2) + "\n";
    return QByteArray(text.data(), static_cast<qsizetype>(text.size()));
}

bool writeFileAtomically(const QString &fileName, const QByteArray &data, QString *error)
{
    QSaveFile file(fileName);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = QStringLiteral("%1: cannot write: %2").arg(fileName, file.errorString());
        return false;
    }
    if (file.write(data) != data.size()) {
        if (error)
            *error = QStringLiteral("%1: write failed: %2").arg(fileName, file.errorString());
        file.cancelWriting();
        return false;
    }
    if (!file.commit()) {
        if (error)
            *error = QStringLiteral("%1: could not complete the save: %2").arg(fileName, file.errorString());
        return false;
    }
    return true;
}

bool savePlanFile(const Plan &plan, const QString &fileName, QString *error)
{
    return writeFileAtomically(fileName, planToBytes(plan), error);
}

} // namespace pp
