#include "planner/topology/cablepolicy.h"

#include "catalog/io/jsondocument.h"

#include <QDir>
#include <QFile>
#include <algorithm>

namespace pp {

namespace {
constexpr const char *kPolicyFormat = "pocplanner-cable-policy";
constexpr const char *kPortPlanFormat = "pocplanner-switch-port-plans";

struct ClassName {
    LinkClass linkClass;
    const char *id;
};
constexpr ClassName kClasses[] = {
    {LinkClass::Node, "node"}, {LinkClass::Isl, "isl"}, {LinkClass::Fabric, "fabric"}, {LinkClass::Mgmt, "mgmt"}};

QByteArray readResource(const QString &name)
{
    QFile f(name);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}
} // namespace

QString linkClassId(LinkClass linkClass)
{
    for (const auto &c : kClasses)
        if (c.linkClass == linkClass)
            return QString::fromLatin1(c.id);
    return QStringLiteral("node");
}

const std::vector<CableChoice> &CablePolicy::choices(LinkClass linkClass) const
{
    static const std::vector<CableChoice> none;
    const auto it = classes.find(linkClass);
    return it == classes.end() ? none : it->second;
}

CablePolicy CablePolicy::fromJson(const Json &doc, const QString &path)
{
    using namespace pp::json;
    requireObject(doc, path);
    const QString format = string(doc, "format", path);
    if (format != QLatin1String(kPolicyFormat))
        throw FieldError(join(path, "format"),
                         QStringLiteral("expected \"%1\", found \"%2\"").arg(QLatin1String(kPolicyFormat), format));
    integer(doc, "version", path, 1, 1);
    CablePolicy p;
    p.id = string(doc, "id", path);
    p.name = string(doc, "name", path, false, p.id);
    p.description = string(doc, "description", path, false);
    if (const Json *g = optionalObject(doc, "geometry", path)) {
        const QString gp = join(path, "geometry");
        p.rackUnitMM = number(*g, "rackUnitMM", gp, 1, 1000, p.rackUnitMM);
        p.rackPitchMM = number(*g, "rackPitchMM", gp, 0, 100000, p.rackPitchMM);
        p.rowPitchMM = number(*g, "rowPitchMM", gp, 0, 1000000, p.rowPitchMM);
        p.trayAboveRackM = number(*g, "trayAboveRackM", gp, 0, 100, p.trayAboveRackM);
        p.slackM = number(*g, "slackM", gp, 0, 100, p.slackM);
    }
    p.islLinks = integer(doc, "islLinks", path, 0, 64, p.islLinks);
    p.oversubscription = number(doc, "oversubscription", path, 0.1, 100, p.oversubscription);
    const Json &classes = object(doc, "classes", path);
    const QString cp = join(path, "classes");
    for (const auto &c : kClasses) {
        const Json &list = array(classes, c.id, cp, true);
        std::vector<CableChoice> out;
        for (std::size_t i = 0; i < list.size(); ++i) {
            const QString ip = join(join(cp, c.id), i);
            requireObject(list[i], ip);
            CableChoice choice;
            choice.kind = string(list[i], "kind", ip);
            static const QStringList kinds{QStringLiteral("dac"), QStringLiteral("aoc"), QStringLiteral("optics"),
                                           QStringLiteral("copper")};
            if (!kinds.contains(choice.kind))
                throw FieldError(join(ip, "kind"),
                                 QStringLiteral("expected one of %1, found \"%2\"")
                                     .arg(kinds.join(QStringLiteral(", ")), choice.kind));
            choice.sameRackOnly = boolean(list[i], "sameRack", ip, false);
            choice.maxLengthM = number(list[i], "maxLengthM", ip, 0, 100000, 0);
            out.push_back(choice);
        }
        if (out.empty())
            throw FieldError(join(cp, c.id), QStringLiteral("a link class needs at least one cable kind"));
        p.classes[c.linkClass] = std::move(out);
    }
    return p;
}

bool CablePolicy::loadData(const QByteArray &data, const QString &fileName, CablePolicy &policy, LoadError *error)
{
    Json doc;
    if (!parseJson(data, fileName, doc, error))
        return false;
    try {
        policy = fromJson(doc);
        policy.originFile = fileName;
    } catch (const FieldError &e) {
        if (error)
            *error = LoadError{fileName, 0, 0, e.path, e.reason};
        return false;
    }
    return true;
}

bool CablePolicy::loadFile(const QString &fileName, CablePolicy &policy, LoadError *error)
{
    QFile f(fileName);
    if (!f.open(QIODevice::ReadOnly)) {
        if (error)
            *error = LoadError{fileName, 0, 0, QString(), f.errorString()};
        return false;
    }
    return loadData(f.readAll(), fileName, policy, error);
}

const std::vector<CablePolicy> &CablePolicy::builtIns()
{
    static const std::vector<CablePolicy> policies = [] {
        std::vector<CablePolicy> out;
        const QDir dir(QStringLiteral(":/cabling"));
        for (const QString &name : dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name)) {
            const QByteArray data = readResource(dir.filePath(name));
            if (!data.contains(kPolicyFormat))
                continue;
            CablePolicy p;
            LoadError error;
            if (loadData(data, dir.filePath(name), p, &error))
                out.push_back(std::move(p));
            else
                qWarning("built-in cable policy: %s", qPrintable(error.toString()));
        }
        std::sort(out.begin(), out.end(), [](const CablePolicy &a, const CablePolicy &b) { return a.id < b.id; });
        return out;
    }();
    return policies;
}

const CablePolicy *CablePolicy::builtIn(const QString &id)
{
    for (const CablePolicy &p : builtIns())
        if (p.id == id)
            return &p;
    return nullptr;
}

const CablePolicy &CablePolicy::defaultPolicy()
{
    static const CablePolicy fallback = [] {
        if (const CablePolicy *p = builtIn(QStringLiteral("default")))
            return *p;
        CablePolicy p; // resources missing: copper only inside racks is still a usable plan
        p.id = QStringLiteral("default");
        p.classes[LinkClass::Node] = {{QStringLiteral("dac"), false, 0}};
        p.classes[LinkClass::Isl] = p.classes[LinkClass::Node];
        p.classes[LinkClass::Fabric] = p.classes[LinkClass::Node];
        p.classes[LinkClass::Mgmt] = {{QStringLiteral("copper"), false, 0}};
        return p;
    }();
    return fallback;
}

SwitchPortPlan SwitchPortPlan::forPortCount(int ports)
{
    static const std::vector<SwitchPortPlan> plans = [] {
        std::vector<SwitchPortPlan> out;
        const QByteArray data = readResource(QStringLiteral(":/cabling/switch-port-plans.json"));
        const Json doc = Json::parse(data.constData(), data.constData() + data.size(), nullptr, false);
        if (!doc.is_object() || doc.value("format", std::string()) != kPortPlanFormat)
            return out;
        const int mtu = doc.value("mtu", 9216);
        for (const Json &p : doc.value("plans", Json::array())) {
            SwitchPortPlan s;
            s.ports = p.value("ports", 0);
            s.nodesFirst = p["nodes"][0];
            s.nodesLast = p["nodes"][1];
            s.uplinksFirst = p["uplinks"][0];
            s.uplinksLast = p["uplinks"][1];
            s.islFirst = p["isl"][0];
            s.islLast = p["isl"][1];
            s.mtu = mtu;
            out.push_back(s);
        }
        return out;
    }();
    for (const SwitchPortPlan &p : plans)
        if (p.ports == ports)
            return p;
    SwitchPortPlan s;
    s.ports = ports;
    const int isl = ports >= 16 ? 4 : ports >= 4 ? 2 : 0;
    const int up = ports >= 8 ? 2 : 0;
    s.islFirst = ports - isl + 1;
    s.islLast = ports;
    s.uplinksFirst = s.islFirst - up;
    s.uplinksLast = s.islFirst - 1;
    s.nodesFirst = 1;
    s.nodesLast = s.uplinksFirst - 1;
    if (!plans.empty())
        s.mtu = plans.front().mtu;
    return s;
}

} // namespace pp
