#include "catalog/model/catalog.h"
#include "catalog/model/devicetypevalidation.h"

namespace pp {

using namespace pp::json;

static Figure figureFromJson(const Json &parent, const char *key, const QString &path, double min, double max)
{
    Figure f;
    const auto it = parent.find(key);
    if (it == parent.end() || it->is_null())
        return f;
    const QString where = join(path, key);
    if (it->is_number()) {
        f.value = number(parent, key, path, min, max);
        f.confidence = QStringLiteral("user");
        return f;
    }
    requireObject(*it, where);
    f.value = optionalNumber(*it, "value", where, min, max);
    f.source = string(*it, "source", where, false);
    f.confidence =
        string(*it, "confidence", where, false, f.value ? QStringLiteral("user") : QStringLiteral("not-found"));
    f.note = string(*it, "note", where, false);
    return f;
}

static Json figureToJson(const Figure &f)
{
    if (!f.value && f.source.isEmpty() && f.note.isEmpty())
        return nullptr;
    Json j;
    j["value"] = f.value ? Json(*f.value) : Json(nullptr);
    if (!f.source.isEmpty())
        j["source"] = toStd(f.source);
    if (!f.confidence.isEmpty())
        j["confidence"] = toStd(f.confidence);
    if (!f.note.isEmpty())
        j["note"] = toStd(f.note);
    return j;
}

static PortGroup portGroupFromJson(const Json &doc, const QString &path)
{
    requireObject(doc, path);
    PortGroup g;
    g.names = stringList(doc, "names", path);
    g.pattern = string(doc, "pattern", path, g.names.isEmpty());
    g.first = integer(doc, "first", path, 0, 100000, 1);
    g.count = g.names.isEmpty() ? integer(doc, "count", path, 1, 100000) : static_cast<int>(g.names.size());
    g.speedGbps = number(doc, "speedGbps", path, 0, 100000);
    g.media = string(doc, "media", path, false);
    const QString purpose = string(doc, "purpose", path, false, QStringLiteral("data"));
    const auto parsed = purposeFromId(purpose);
    if (!parsed)
        throw FieldError(
            join(path, "purpose"),
            QStringLiteral("unknown port purpose \"%1\" (expected data, uplink, isl, mgmt, bmc or dpu)").arg(purpose));
    g.purpose = *parsed;
    g.roceCapable = boolean(doc, "roce", path, false);
    g.breakouts = stringList(doc, "breakouts", path);
    for (int i = 0; i < g.breakouts.size(); ++i)
        if (!Breakout::parse(g.breakouts.at(i)))
            throw FieldError(join(join(path, "breakouts"), i),
                             QStringLiteral("expected a breakout like \"2x400\", found \"%1\"").arg(g.breakouts.at(i)));
    g.dpu = integer(doc, "dpu", path, 0, 16, 0);
    g.source = string(doc, "source", path, false);
    g.confidence = string(doc, "confidence", path, false);
    return g;
}

// The identity, placement, airflow, power and weight fields.
static void readBasics(const Json &doc, const QString &path, DeviceType &t)
{
    t.id = string(doc, "id", path);
    if (t.id.trimmed().isEmpty())
        throw FieldError(join(path, "id"), QStringLiteral("the id is empty"));
    t.vendor = string(doc, "vendor", path, false);
    t.model = string(doc, "model", path, false, t.id);
    t.partNumber = string(doc, "partNumber", path, false);
    t.description = string(doc, "description", path, false);
    const QString role = string(doc, "role", path);
    const auto parsedRole = roleFromId(role);
    if (!parsedRole)
        throw FieldError(
            join(path, "role"),
            QStringLiteral("unknown role \"%1\" (expected cnode, dbox, switch, pdu, cable or other)").arg(role));
    t.role = *parsedRole;
    t.uHeight = integer(doc, "uHeight", path, 0, 60, t.role == Role::Cable ? 0 : 1);
    t.fullDepth = boolean(doc, "fullDepth", path, true);
    t.depthMM = figureFromJson(doc, "depthMM", path, 0, 3000);
    const QString airflow = string(doc, "airflow", path, false, QStringLiteral("unknown"));
    const auto parsedAirflow = airflowFromId(airflow);
    if (!parsedAirflow)
        throw FieldError(
            join(path, "airflow"),
            QStringLiteral("unknown airflow \"%1\" (expected front-to-rear, rear-to-front, passive or unknown)")
                .arg(airflow));
    t.airflow = *parsedAirflow;
    t.weightKg = figureFromJson(doc, "weightKg", path, 0, DeviceTypeLimits::kMaxWeightKg);
    t.typicalW = figureFromJson(doc, "typicalW", path, 0, DeviceTypeLimits::kMaxPowerW);
    t.maxW = figureFromJson(doc, "maxW", path, 0, DeviceTypeLimits::kMaxPowerW);
}

// PSUs, port groups and storage figures.
static void readPsuPortsStorage(const Json &doc, const QString &path, DeviceType &t)
{
    if (const Json *psu = optionalObject(doc, "psu", path)) {
        const QString pp = join(path, "psu");
        t.psu.count = figureFromJson(*psu, "count", pp, 0, 16);
        t.psu.connector = string(*psu, "connector", pp, false);
        t.psu.ratingW = figureFromJson(*psu, "ratingW", pp, 0, 1e5);
    }
    const Json &ports = array(doc, "ports", path);
    for (std::size_t i = 0; i < ports.size(); ++i)
        t.ports.push_back(portGroupFromJson(ports[i], join(join(path, "ports"), i)));

    if (const Json *s = optionalObject(doc, "storage", path)) {
        const QString sp = join(path, "storage");
        t.storage.driveCount = figureFromJson(*s, "driveCount", sp, 0, 10000);
        t.storage.driveSizeTB = figureFromJson(*s, "driveSizeTB", sp, 0, 10000);
        t.storage.rawTB = figureFromJson(*s, "rawTB", sp, 0, 1e6);
        t.storage.vendorUsableTB = figureFromJson(*s, "vendorUsableTB", sp, 0, 1e6);
        t.storage.dpuCount = figureFromJson(*s, "dpuCount", sp, 0, 64);
        t.storage.dpuModel = string(*s, "dpuModel", sp, false);
    }
    const Json &mix = array(doc, "throughput", path);
    for (std::size_t i = 0; i < mix.size(); ++i) {
        const QString mp = join(join(path, "throughput"), i);
        requireObject(mix[i], mp);
        MixThroughput m;
        m.readPct = integer(mix[i], "readPct", mp, 0, 100);
        m.totalGBps = figureFromJson(mix[i], "GBps", mp, 0, 1e5);
        t.throughput.push_back(m);
    }
    t.writeBurstGBps = figureFromJson(doc, "writeBurstGBps", path, 0, 1e5);
}

// The PDU and cable sections and the console ports and module bays NetBox knows about.
static void readPduCableExtras(const Json &doc, const QString &path, DeviceType &t)
{
    if (const Json *p = optionalObject(doc, "pdu", path)) {
        const QString pp = join(path, "pdu");
        t.pdu.voltageV = figureFromJson(*p, "voltageV", pp, 0, 100000);
        t.pdu.phases = figureFromJson(*p, "phases", pp, 1, 3);
        t.pdu.amps = figureFromJson(*p, "amps", pp, 0, 10000);
        const Json &outlets = array(*p, "outlets", pp);
        for (std::size_t i = 0; i < outlets.size(); ++i) {
            const QString op = join(join(pp, "outlets"), i);
            requireObject(outlets[i], op);
            PduOutletGroup o;
            o.connector = string(outlets[i], "connector", op);
            o.count = figureFromJson(outlets[i], "count", op, 0, 1000);
            t.pdu.outlets.push_back(o);
        }
    }
    if (const Json *c = optionalObject(doc, "cable", path)) {
        const QString cp = join(path, "cable");
        t.cable.kind = string(*c, "kind", cp);
        t.cable.speedGbps = number(*c, "speedGbps", cp, 0, 100000);
        t.cable.legs = integer(*c, "legs", cp, 1, 8, 1);
        t.cable.media = string(*c, "media", cp, false);
        const Json &lengths = array(*c, "stockLengthsM", cp);
        for (std::size_t i = 0; i < lengths.size(); ++i) {
            if (!lengths[i].is_number() || lengths[i].get<double>() <= 0)
                throw FieldError(join(join(cp, "stockLengthsM"), i),
                                 QStringLiteral("expected a positive length in metres"));
            t.cable.stockLengthsM.push_back(lengths[i].get<double>());
        }
        t.cable.maxLengthM = figureFromJson(*c, "maxLengthM", cp, 0, 100000);
        t.cable.powerWPerEnd = figureFromJson(*c, "powerWPerEnd", cp, 0, 1000);
    }
    const Json &consoles = array(doc, "consolePorts", path);
    for (std::size_t i = 0; i < consoles.size(); ++i) {
        const QString cp = join(join(path, "consolePorts"), i);
        requireObject(consoles[i], cp);
        t.consolePorts.push_back({string(consoles[i], "name", cp), string(consoles[i], "type", cp, false)});
    }
    const Json &bays = array(doc, "moduleBays", path);
    for (std::size_t i = 0; i < bays.size(); ++i) {
        const QString bp = join(join(path, "moduleBays"), i);
        requireObject(bays[i], bp);
        t.moduleBays.push_back({string(bays[i], "name", bp), string(bays[i], "position", bp, false)});
    }
}

DeviceType deviceTypeFromJson(const Json &doc, const QString &path)
{
    requireObject(doc, path);
    DeviceType t;
    readBasics(doc, path, t);
    readPsuPortsStorage(doc, path, t);
    readPduCableExtras(doc, path, t);
    // The rules the catalog editor applies, so that a file cannot hold what the editor would refuse.
    const std::vector<DeviceTypeProblem> problems = validateDeviceType(t);
    if (!problems.empty())
        throw FieldError(join(path, problems.front().path.toUtf8().constData()), problems.front().reason);
    return t;
}

// One port group: a name pattern with first and count, or a list of names.
static Json portGroupToJson(const PortGroup &g)
{
    Json p;
    if (g.names.isEmpty()) {
        p["pattern"] = toStd(g.pattern);
        p["first"] = g.first;
        p["count"] = g.count;
    } else {
        Json names = Json::array();
        for (const QString &n : g.names)
            names.push_back(toStd(n));
        p["names"] = names;
    }
    p["speedGbps"] = g.speedGbps;
    p["media"] = toStd(g.media);
    p["purpose"] = toStd(purposeId(g.purpose));
    p["roce"] = g.roceCapable;
    if (!g.breakouts.isEmpty()) {
        Json b = Json::array();
        for (const QString &s : g.breakouts)
            b.push_back(toStd(s));
        p["breakouts"] = b;
    }
    if (g.dpu > 0)
        p["dpu"] = g.dpu;
    if (!g.source.isEmpty())
        p["source"] = toStd(g.source);
    if (!g.confidence.isEmpty())
        p["confidence"] = toStd(g.confidence);
    return p;
}

Json deviceTypeToJson(const DeviceType &t)
{
    Json j;
    j["id"] = toStd(t.id);
    j["vendor"] = toStd(t.vendor);
    j["model"] = toStd(t.model);
    j["partNumber"] = toStd(t.partNumber);
    j["description"] = toStd(t.description);
    j["role"] = toStd(roleId(t.role));
    j["uHeight"] = t.uHeight;
    j["fullDepth"] = t.fullDepth;
    j["airflow"] = toStd(airflowId(t.airflow));
    j["depthMM"] = figureToJson(t.depthMM);
    j["weightKg"] = figureToJson(t.weightKg);
    j["typicalW"] = figureToJson(t.typicalW);
    j["maxW"] = figureToJson(t.maxW);
    j["psu"] = {{"count", figureToJson(t.psu.count)},
                {"connector", toStd(t.psu.connector)},
                {"ratingW", figureToJson(t.psu.ratingW)}};
    Json ports = Json::array();
    for (const PortGroup &g : t.ports)
        ports.push_back(portGroupToJson(g));
    j["ports"] = ports;
    if (t.role == Role::DBox)
        j["storage"] = {{"driveCount", figureToJson(t.storage.driveCount)},
                        {"driveSizeTB", figureToJson(t.storage.driveSizeTB)},
                        {"rawTB", figureToJson(t.storage.rawTB)},
                        {"vendorUsableTB", figureToJson(t.storage.vendorUsableTB)},
                        {"dpuCount", figureToJson(t.storage.dpuCount)},
                        {"dpuModel", toStd(t.storage.dpuModel)}};
    if (!t.throughput.empty()) {
        Json mix = Json::array();
        for (const MixThroughput &m : t.throughput)
            mix.push_back({{"readPct", m.readPct}, {"GBps", figureToJson(m.totalGBps)}});
        j["throughput"] = mix;
        j["writeBurstGBps"] = figureToJson(t.writeBurstGBps);
    }
    if (t.role == Role::Pdu) {
        Json outlets = Json::array();
        for (const PduOutletGroup &o : t.pdu.outlets)
            outlets.push_back({{"connector", toStd(o.connector)}, {"count", figureToJson(o.count)}});
        j["pdu"] = {{"voltageV", figureToJson(t.pdu.voltageV)},
                    {"phases", figureToJson(t.pdu.phases)},
                    {"amps", figureToJson(t.pdu.amps)},
                    {"outlets", outlets}};
    }
    if (t.role == Role::Cable) {
        Json lengths = Json::array();
        for (double l : t.cable.stockLengthsM)
            lengths.push_back(l);
        j["cable"] = {{"kind", toStd(t.cable.kind)},
                      {"speedGbps", t.cable.speedGbps},
                      {"legs", t.cable.legs},
                      {"media", toStd(t.cable.media)},
                      {"stockLengthsM", lengths},
                      {"maxLengthM", figureToJson(t.cable.maxLengthM)},
                      {"powerWPerEnd", figureToJson(t.cable.powerWPerEnd)}};
    }
    if (!t.consolePorts.empty()) {
        Json list = Json::array();
        for (const ConsolePort &c : t.consolePorts)
            list.push_back({{"name", toStd(c.name)}, {"type", toStd(c.type)}});
        j["consolePorts"] = list;
    }
    if (!t.moduleBays.empty()) {
        Json list = Json::array();
        for (const ModuleBay &b : t.moduleBays)
            list.push_back({{"name", toStd(b.name)}, {"position", toStd(b.position)}});
        j["moduleBays"] = list;
    }
    return j;
}

} // namespace pp
