#include "catalog/netbox/netboximporter.h"
#include "catalog/netbox/yamldocuments.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSet>
#include <cmath>
#include <map>
#include <yaml-cpp/yaml.h>

namespace pp {

namespace {

// A value the importer refuses: where it is (mark and key path) and why.
struct YamlError {
    YAML::Mark mark;
    QString path;
    QString reason;
};

constexpr const char *kConfidence = "stated-3P"; // the community library restates vendor data sheets

QString fromStd(const std::string &s)
{
    return QString::fromStdString(s);
}

QString joinPath(const QString &path, const QString &key)
{
    return path.isEmpty() ? key : path + QLatin1Char('.') + key;
}

QString indexPath(const QString &path, std::size_t i)
{
    return path + QStringLiteral("[%1]").arg(i);
}

QString scalar(const YAML::Node &n, const QString &path)
{
    if (!n.IsScalar())
        throw YamlError{n.Mark(), path, QStringLiteral("expected a text value")};
    return fromStd(n.Scalar());
}

double number(const YAML::Node &n, const QString &path)
{
    bool ok = false;
    const double v = scalar(n, path).toDouble(&ok);
    if (!ok || !std::isfinite(v))
        throw YamlError{n.Mark(), path, QStringLiteral("expected a number, found \"%1\"").arg(fromStd(n.Scalar()))};
    return v;
}

bool boolean(const YAML::Node &n, const QString &path)
{
    const QString s = scalar(n, path).toLower();
    if (s == QLatin1String("true") || s == QLatin1String("yes") || s == QLatin1String("on"))
        return true;
    if (s == QLatin1String("false") || s == QLatin1String("no") || s == QLatin1String("off"))
        return false;
    throw YamlError{n.Mark(), path, QStringLiteral("expected true or false, found \"%1\"").arg(s)};
}

QString slugify(const QString &text)
{
    QString s = text.toLower();
    s.replace(QRegularExpression(QStringLiteral("[^a-z0-9_]+")), QStringLiteral("-"));
    while (s.startsWith(QLatin1Char('-')))
        s.remove(0, 1);
    while (s.endsWith(QLatin1Char('-')))
        s.chop(1);
    return s;
}

// file:line:column, 1-based; `firstLine` is where the mark's document starts in the file.
QString markText(const QString &file, const YAML::Mark &mark, int firstLine)
{
    if (mark.is_null())
        return file;
    return QStringLiteral("%1:%2:%3").arg(file).arg(firstLine + mark.line + 1).arg(mark.column + 1);
}

const QSet<QString> &topLevelKeys()
{
    static const QSet<QString> keys{QStringLiteral("manufacturer"),
                                    QStringLiteral("model"),
                                    QStringLiteral("slug"),
                                    QStringLiteral("part_number"),
                                    QStringLiteral("u_height"),
                                    QStringLiteral("is_full_depth"),
                                    QStringLiteral("airflow"),
                                    QStringLiteral("weight"),
                                    QStringLiteral("weight_unit"),
                                    QStringLiteral("front_image"),
                                    QStringLiteral("rear_image"),
                                    QStringLiteral("is_powered"),
                                    QStringLiteral("subdevice_role"),
                                    QStringLiteral("description"),
                                    QStringLiteral("comments"),
                                    QStringLiteral("console-ports"),
                                    QStringLiteral("console-server-ports"),
                                    QStringLiteral("power-ports"),
                                    QStringLiteral("power-outlets"),
                                    QStringLiteral("interfaces"),
                                    QStringLiteral("front-ports"),
                                    QStringLiteral("rear-ports"),
                                    QStringLiteral("module-bays"),
                                    QStringLiteral("device-bays"),
                                    QStringLiteral("inventory-items"),
                                    QStringLiteral("exclude_from_utilization"),
                                    QStringLiteral("default_platform")};
    return keys;
}

// Component keys from the library's components.json, per list.
QSet<QString> componentKeys(const QString &list)
{
    QSet<QString> keys{QStringLiteral("name"), QStringLiteral("label"), QStringLiteral("description")};
    if (list != QLatin1String("module-bays") && list != QLatin1String("device-bays") &&
        list != QLatin1String("inventory-items"))
        keys << QStringLiteral("type");
    if (list == QLatin1String("power-ports"))
        keys << QStringLiteral("maximum_draw") << QStringLiteral("allocated_draw");
    else if (list == QLatin1String("power-outlets"))
        keys << QStringLiteral("power_port") << QStringLiteral("feed_leg");
    else if (list == QLatin1String("interfaces"))
        keys << QStringLiteral("enabled") << QStringLiteral("mgmt_only") << QStringLiteral("bridge")
             << QStringLiteral("poe_mode") << QStringLiteral("poe_type") << QStringLiteral("rf_role");
    else if (list == QLatin1String("front-ports") || list == QLatin1String("rear-ports"))
        keys << QStringLiteral("color") << QStringLiteral("positions") << QStringLiteral("rear_port")
             << QStringLiteral("rear_port_position");
    else if (list == QLatin1String("module-bays"))
        keys << QStringLiteral("position");
    else if (list == QLatin1String("inventory-items"))
        keys << QStringLiteral("manufacturer") << QStringLiteral("part_id");
    return keys;
}

QString connectorName(const QString &slug)
{
    static const QRegularExpression iec(QStringLiteral("^iec-60320-(c\\d+)$"));
    const auto m = iec.match(slug);
    return m.hasMatch() ? m.captured(1).toUpper() : slug;
}

// Turns a run of interface names into one port group: "swp{n}" from 1 to 64 when they are
// numbered consecutively with one prefix, else the explicit list.
void fillNames(PortGroup &g, const QStringList &names)
{
    static const QRegularExpression numbered(QStringLiteral("^(.*?)(\\d+)$"));
    g.count = static_cast<int>(names.size());
    const auto first = numbered.match(names.first());
    bool consecutive = first.hasMatch() && !first.captured(2).startsWith(QLatin1Char('0'));
    const QString prefix = first.captured(1);
    const int start = first.captured(2).toInt();
    for (int i = 0; consecutive && i < names.size(); ++i)
        consecutive = names.at(i) == prefix + QString::number(start + i) && !prefix.contains(QStringLiteral("{n}"));
    if (consecutive && names.size() > 1) {
        g.pattern = prefix + QStringLiteral("{n}");
        g.first = start;
    } else {
        g.names = names;
    }
}

// One device type YAML document, read into a DeviceType with warnings for what it skips.
class DocumentReader {
public:
    DocumentReader(const QString &fileName, int firstLine, std::optional<Role> role, NetBoxImport &out)
        : m_file(fileName)
        , m_firstLine(firstLine)
        , m_role(role)
        , m_out(out)
    { }

    void read(const YAML::Node &doc);

private:
    void warn(const YAML::Mark &mark, const QString &path, const QString &message)
    {
        m_out.warnings << QStringLiteral("%1: %2: %3").arg(markText(m_file, mark, m_firstLine), path, message);
    }
    const YAML::Node *list(const YAML::Node &doc, const char *key);
    void checkKeys(const YAML::Node &item, const QString &list, const QString &path);
    DeviceType readIdentity(const YAML::Node &doc, QString &sourceKey);
    void readPhysical(const YAML::Node &doc, DeviceType &t);
    void readWeight(const YAML::Node &doc, DeviceType &t, const QString &sourceKey);
    void readBaysAndConsoles(const YAML::Node &doc, DeviceType &t);
    void readInterfaces(const YAML::Node &doc, DeviceType &t);
    int readOutlets(const YAML::Node &doc, DeviceType &t, const QString &sourceKey);
    void readPower(const YAML::Node &doc, DeviceType &t, const QString &sourceKey, bool hasOutlets);
    void readInletRating(const YAML::Node &ports, DeviceType &t, const QString &sourceKey);
    void warnPsuBays(const YAML::Node &doc, const DeviceType &t, bool hasPowerPorts);
    void setRole(const YAML::Node &doc, DeviceType &t, int outletCount);

    QString m_file;
    int m_firstLine = 0;
    std::optional<Role> m_role;
    NetBoxImport &m_out;
    std::map<std::string, YAML::Node> m_lists;
    int m_dataInterfaces = 0;
};

const YAML::Node *DocumentReader::list(const YAML::Node &doc, const char *key)
{
    const YAML::Node n = doc[key];
    if (!n || n.IsNull())
        return nullptr;
    if (!n.IsSequence())
        throw YamlError{n.Mark(), QString::fromLatin1(key), QStringLiteral("expected a list")};
    m_lists[key] = n;
    for (std::size_t i = 0; i < n.size(); ++i) {
        const QString path = indexPath(QString::fromLatin1(key), i);
        if (!n[i].IsMap())
            throw YamlError{n[i].Mark(), path, QStringLiteral("expected a mapping with a name")};
        checkKeys(n[i], QString::fromLatin1(key), path);
    }
    return &m_lists[key];
}

void DocumentReader::checkKeys(const YAML::Node &item, const QString &listName, const QString &path)
{
    const QSet<QString> known = componentKeys(listName);
    for (auto it = item.begin(); it != item.end(); ++it) {
        const QString key = fromStd(it->first.as<std::string>());
        if (!known.contains(key))
            warn(it->first.Mark(), joinPath(path, key), QStringLiteral("unknown key ignored"));
    }
    const YAML::Node name = item["name"];
    if (!name)
        throw YamlError{item.Mark(), joinPath(path, QStringLiteral("name")), QStringLiteral("missing (required)")};
    scalar(name, joinPath(path, QStringLiteral("name")));
}

void DocumentReader::readInterfaces(const YAML::Node &doc, DeviceType &t)
{
    const YAML::Node *ifaces = list(doc, "interfaces");
    if (!ifaces)
        return;
    // Consecutive interfaces of one type and management flag become one port group.
    struct Run {
        QString type;
        bool mgmt = false;
        QStringList names;
        YAML::Mark mark;
    };
    std::vector<Run> runs;
    for (std::size_t i = 0; i < ifaces->size(); ++i) {
        const YAML::Node item = (*ifaces)[i];
        const QString path = indexPath(QStringLiteral("interfaces"), i);
        const QString name = scalar(item["name"], joinPath(path, QStringLiteral("name")));
        if (!item["type"])
            throw YamlError{item.Mark(), joinPath(path, QStringLiteral("type")), QStringLiteral("missing (required)")};
        const QString type = scalar(item["type"], joinPath(path, QStringLiteral("type")));
        const bool mgmt =
            item["mgmt_only"] ? boolean(item["mgmt_only"], joinPath(path, QStringLiteral("mgmt_only"))) : false;
        if (runs.empty() || runs.back().type != type || runs.back().mgmt != mgmt)
            runs.push_back({type, mgmt, {}, item.Mark()});
        runs.back().names << name;
    }
    for (const Run &run : runs) {
        const NetBoxImporter::InterfaceKind kind = NetBoxImporter::interfaceKind(run.type);
        if (!kind.known) {
            // A port group has no "unknown speed": kept at 0 Gbit/s, every link to it would read as
            // a speed mismatch or add nothing to bandwidth. Left out, a link to it is an unknown port.
            warn(run.mark, QStringLiteral("interfaces"),
                 QStringLiteral("interface type \"%1\" has no known speed; %2 port(s) left out (%3)")
                     .arg(run.type)
                     .arg(run.names.size())
                     .arg(run.names.size() == 1 ? run.names.first()
                                                : run.names.first() + QStringLiteral(" … ") + run.names.last()));
            continue;
        }
        PortGroup g;
        fillNames(g, run.names);
        g.speedGbps = kind.speedGbps;
        g.media = kind.media;
        g.purpose = run.mgmt ? PortPurpose::Mgmt : PortPurpose::Data;
        g.roceCapable = false; // NetBox has no RoCE field; the user marks it in the catalog editor
        g.confidence = QString::fromLatin1(kConfidence);
        if (!run.mgmt)
            m_dataInterfaces += g.count;
        t.ports.push_back(g);
    }
}

namespace {

Figure unknownFigure(const QString &note)
{
    Figure f;
    f.confidence = QStringLiteral("not-found");
    f.note = note;
    return f;
}

bool isPsuBay(const ModuleBay &bay)
{
    return bay.name.contains(QStringLiteral("PSU"), Qt::CaseInsensitive) ||
        bay.position.contains(QStringLiteral("PSU"), Qt::CaseInsensitive);
}

} // namespace

// PSUs held in module bays carry their draw in NetBox module types, which this file does not hold:
// the bays are named so that the user knows where the figures went.
void DocumentReader::warnPsuBays(const YAML::Node &doc, const DeviceType &t, bool hasPowerPorts)
{
    QStringList bays;
    for (const ModuleBay &bay : t.moduleBays)
        if (isPsuBay(bay))
            bays << bay.name;
    if (bays.isEmpty())
        return;
    const YAML::Node node = doc["module-bays"];
    warn(node ? node.Mark() : doc.Mark(), QStringLiteral("module-bays"),
         hasPowerPorts ? QStringLiteral("PSUs in module bays (%1): draw taken from the power-ports; the PSU "
                                        "module types are not read")
                             .arg(bays.join(QStringLiteral(", ")))
                       : QStringLiteral("PSUs in module bays (%1): their draw lives in NetBox module types, not in "
                                        "this file; draw kept unknown")
                             .arg(bays.join(QStringLiteral(", "))));
}

// A device with power outlets (PDU, UPS) passes power on: NetBox asks for no draw on such an inlet,
// and a maximum_draw found there is the inlet's rating (7.36 kW for a 32 A, 230 V PDU), not what the
// device itself consumes. Kept as the inlet rating; the device's own draw stays unknown.
void DocumentReader::readInletRating(const YAML::Node &ports, DeviceType &t, const QString &sourceKey)
{
    std::optional<double> ratingW;
    for (std::size_t i = 0; i < ports.size(); ++i) {
        const YAML::Node item = ports[i];
        const QString path = indexPath(QStringLiteral("power-ports"), i);
        for (const char *key : {"maximum_draw", "allocated_draw"}) {
            if (!item[key] || item[key].IsNull())
                continue;
            const QString kp = joinPath(path, QString::fromLatin1(key));
            const double w = number(item[key], kp);
            if (std::string(key) == "maximum_draw" && w >= 1)
                ratingW = std::max(ratingW.value_or(0), w);
            warn(item[key].Mark(), kp,
                 QStringLiteral("%1 W on the inlet of a device with power outlets is what it passes on, not its "
                                "own draw; kept as the inlet rating, draw unknown")
                     .arg(w));
        }
    }
    const QString why = QStringLiteral("a device with power outlets: NetBox gives no draw of its own");
    t.typicalW = unknownFigure(why);
    t.maxW = unknownFigure(why);
    if (ratingW)
        t.psu.ratingW = Figure{ratingW, sourceKey, QString::fromLatin1(kConfidence),
                               QStringLiteral("inlet maximum_draw in the NetBox file: the rating of what the outlets "
                                              "pass on")};
}

void DocumentReader::readPower(const YAML::Node &doc, DeviceType &t, const QString &sourceKey, bool hasOutlets)
{
    const YAML::Node *ports = list(doc, "power-ports");
    const bool hasPorts = ports && ports->size() > 0;
    warnPsuBays(doc, t, hasPorts);
    if (!hasPorts) {
        int psuBays = 0;
        for (const ModuleBay &bay : t.moduleBays)
            psuBays += isPsuBay(bay) ? 1 : 0;
        const QString why = psuBays > 0
            ? QStringLiteral("the NetBox file models the PSUs as module bays and gives no draw")
            : QStringLiteral("the NetBox file has no power ports");
        t.typicalW = unknownFigure(why);
        t.maxW = unknownFigure(why);
        if (psuBays > 0) {
            t.psu.count.value = psuBays;
            t.psu.count.source = sourceKey;
            t.psu.count.confidence = QStringLiteral("inferred");
            t.psu.count.note = QStringLiteral("module bays named PSU");
        }
        return;
    }
    QString connector;
    for (std::size_t i = 0; i < ports->size(); ++i) {
        const YAML::Node item = (*ports)[i];
        if (item["type"] && connector.isEmpty())
            connector = connectorName(
                scalar(item["type"], joinPath(indexPath(QStringLiteral("power-ports"), i), QStringLiteral("type"))));
    }
    t.psu.count.value = static_cast<double>(ports->size());
    t.psu.count.source = sourceKey;
    t.psu.count.confidence = QString::fromLatin1(kConfidence);
    t.psu.connector = connector;
    if (hasOutlets) {
        readInletRating(*ports, t, sourceKey);
        return;
    }
    std::optional<double> maxW;
    std::optional<double> allocatedW;
    for (std::size_t i = 0; i < ports->size(); ++i) {
        const YAML::Node item = (*ports)[i];
        const QString path = indexPath(QStringLiteral("power-ports"), i);
        for (const auto &[key, target] : {std::pair<const char *, std::optional<double> *>{"maximum_draw", &maxW},
                                          {"allocated_draw", &allocatedW}}) {
            if (!item[key] || item[key].IsNull())
                continue;
            const QString kp = joinPath(path, QString::fromLatin1(key));
            const double w = number(item[key], kp);
            if (w < 1) {
                // Zero is not a figure: the schema asks for at least 1 W, so the draw stays unknown.
                warn(item[key].Mark(), kp, QStringLiteral("%1 W is not a draw; kept as unknown").arg(w));
                continue;
            }
            *target = std::max(target->value_or(0), w);
        }
    }
    const QString perPort = QStringLiteral(
        "largest per-port %1 in the NetBox file: with redundant PSUs one inlet can carry the whole load");
    // allocated_draw is the typical draw and maximum_draw the max; neither stands in for the other.
    t.maxW = maxW
        ? Figure{maxW, sourceKey, QString::fromLatin1(kConfidence), perPort.arg(QStringLiteral("maximum_draw"))}
        : unknownFigure(QStringLiteral("the NetBox file gives no maximum_draw"));
    if (allocatedW && (!maxW || *allocatedW <= *maxW)) {
        t.typicalW = Figure{allocatedW, sourceKey, QString::fromLatin1(kConfidence),
                            perPort.arg(QStringLiteral("allocated_draw"))};
    } else {
        if (allocatedW)
            warn(YAML::Mark::null_mark(), QStringLiteral("power-ports"),
                 QStringLiteral("allocated_draw exceeds maximum_draw; typical draw kept as unknown"));
        t.typicalW = unknownFigure(QStringLiteral("the NetBox file gives no allocated_draw"));
    }
}

DeviceType DocumentReader::readIdentity(const YAML::Node &doc, QString &sourceKey)
{
    auto required = [&](const char *key) {
        const YAML::Node n = doc[key];
        if (!n || n.IsNull())
            throw YamlError{doc.Mark(), QString::fromLatin1(key),
                            QStringLiteral("missing (required by the device-type schema)")};
        return scalar(n, QString::fromLatin1(key));
    };
    const QString manufacturer = required("manufacturer");
    const QString model = required("model");
    QString slug = doc["slug"] ? scalar(doc["slug"], QStringLiteral("slug")) : QString();
    if (slug.isEmpty()) {
        slug = slugify(model);
        warn(doc.Mark(), QStringLiteral("slug"), QStringLiteral("missing; using \"%1\"").arg(slug));
    }

    DeviceType t;
    t.id = NetBoxImporter::catalogId(manufacturer, slug);
    t.vendor = NetBoxImporter::vendorName(manufacturer);
    t.model = model;
    t.layer = Catalog::kUserLayer;
    t.originFile = m_file;
    if (doc["part_number"])
        t.partNumber = scalar(doc["part_number"], QStringLiteral("part_number"));
    const QString comments = doc["comments"] ? scalar(doc["comments"], QStringLiteral("comments")) : QString();
    t.description = doc["description"] ? scalar(doc["description"], QStringLiteral("description"))
                                       : QStringLiteral("NetBox device type %1 %2").arg(manufacturer, model);

    sourceKey = QStringLiteral("netbox:%1/%2").arg(manufacturer, slug);
    static const QRegularExpression url(QStringLiteral("https?://\\S+"));
    const auto urlMatch = url.match(comments);
    m_out.sources.push_back(
        {sourceKey,
         QStringLiteral("NetBox device-type library, %1 (%2)").arg(QFileInfo(m_file).fileName(), manufacturer),
         urlMatch.hasMatch() ? urlMatch.captured(0)
                             : QStringLiteral("https://github.com/netbox-community/devicetype-library")});
    return t;
}

void DocumentReader::readPhysical(const YAML::Node &doc, DeviceType &t)
{
    if (!doc["u_height"] || doc["u_height"].IsNull())
        throw YamlError{doc.Mark(), QStringLiteral("u_height"),
                        QStringLiteral("missing (required by the device-type schema)")};
    const double uHeight = number(doc["u_height"], QStringLiteral("u_height"));
    if (uHeight < 0 || uHeight > 60)
        throw YamlError{doc["u_height"].Mark(), QStringLiteral("u_height"),
                        QStringLiteral("%1 is outside 0 … 60").arg(uHeight)};
    t.uHeight = static_cast<int>(std::ceil(uHeight));
    if (t.uHeight != uHeight)
        warn(doc["u_height"].Mark(), QStringLiteral("u_height"),
             QStringLiteral("%1 U rounded up to %2 U (the planner places whole units)").arg(uHeight).arg(t.uHeight));
    if (doc["is_full_depth"]) {
        t.fullDepth = boolean(doc["is_full_depth"], QStringLiteral("is_full_depth"));
    } else {
        warn(doc.Mark(), QStringLiteral("is_full_depth"), QStringLiteral("missing; assumed full depth"));
    }
    if (doc["airflow"]) {
        const QString airflow = scalar(doc["airflow"], QStringLiteral("airflow"));
        if (const auto parsed = airflowFromId(airflow); parsed && *parsed != Airflow::Unknown) {
            t.airflow = *parsed;
        } else {
            warn(doc["airflow"].Mark(), QStringLiteral("airflow"),
                 QStringLiteral("\"%1\" is not modelled by the planner; kept as unknown").arg(airflow));
        }
    }
}

void DocumentReader::readWeight(const YAML::Node &doc, DeviceType &t, const QString &sourceKey)
{
    if (doc["weight"]) {
        const double weight = number(doc["weight"], QStringLiteral("weight"));
        const QString unit = doc["weight_unit"] ? scalar(doc["weight_unit"], QStringLiteral("weight_unit")) : QString();
        static const std::map<QString, double> kgPer{{QStringLiteral("kg"), 1.0},
                                                     {QStringLiteral("g"), 0.001},
                                                     {QStringLiteral("lb"), 0.45359237},
                                                     {QStringLiteral("oz"), 0.028349523125}};
        const auto factor = kgPer.find(unit);
        if (factor == kgPer.end())
            throw YamlError{doc["weight_unit"] ? doc["weight_unit"].Mark() : doc["weight"].Mark(),
                            QStringLiteral("weight_unit"),
                            unit.isEmpty() ? QStringLiteral("missing; weight needs a unit (kg, g, lb, oz)")
                                           : QStringLiteral("unknown unit \"%1\" (kg, g, lb, oz)").arg(unit)};
        t.weightKg = Figure{
            weight * factor->second, sourceKey, QString::fromLatin1(kConfidence),
            unit == QLatin1String("kg") ? QString() : QStringLiteral("%1 %2 in the NetBox file").arg(weight).arg(unit)};
    } else {
        t.weightKg.confidence = QStringLiteral("not-found");
        t.weightKg.note = QStringLiteral("the NetBox file gives no weight");
    }
}

void DocumentReader::readBaysAndConsoles(const YAML::Node &doc, DeviceType &t)
{
    if (const YAML::Node *bays = list(doc, "module-bays"))
        for (std::size_t i = 0; i < bays->size(); ++i) {
            const YAML::Node item = (*bays)[i];
            const QString path = indexPath(QStringLiteral("module-bays"), i);
            t.moduleBays.push_back(
                {scalar(item["name"], joinPath(path, QStringLiteral("name"))),
                 item["position"] ? scalar(item["position"], joinPath(path, QStringLiteral("position"))) : QString()});
        }
    if (const YAML::Node *consoles = list(doc, "console-ports"))
        for (std::size_t i = 0; i < consoles->size(); ++i) {
            const YAML::Node item = (*consoles)[i];
            const QString path = indexPath(QStringLiteral("console-ports"), i);
            t.consolePorts.push_back(
                {scalar(item["name"], joinPath(path, QStringLiteral("name"))),
                 item["type"] ? scalar(item["type"], joinPath(path, QStringLiteral("type"))) : QString()});
        }
}

// Outlets grouped by connector for power.outlets; their feed legs tell a three-phase PDU (outlets on
// legs A, B and C) from a single-phase one, which power.outlets checks against the site's feeds.
int DocumentReader::readOutlets(const YAML::Node &doc, DeviceType &t, const QString &sourceKey)
{
    const YAML::Node *outlets = list(doc, "power-outlets");
    if (!outlets)
        return 0;
    QSet<QString> legs;
    for (std::size_t i = 0; i < outlets->size(); ++i) {
        const YAML::Node item = (*outlets)[i];
        const QString path = indexPath(QStringLiteral("power-outlets"), i);
        const QString connector =
            item["type"] ? connectorName(scalar(item["type"], joinPath(path, QStringLiteral("type")))) : QString();
        if (item["feed_leg"])
            legs.insert(scalar(item["feed_leg"], joinPath(path, QStringLiteral("feed_leg"))).trimmed().toUpper());
        auto group = std::find_if(t.pdu.outlets.begin(), t.pdu.outlets.end(),
                                  [&](const PduOutletGroup &g) { return g.connector == connector; });
        if (group == t.pdu.outlets.end()) {
            t.pdu.outlets.push_back({connector, Figure{0.0, sourceKey, QString::fromLatin1(kConfidence), QString()}});
            group = t.pdu.outlets.end() - 1;
        }
        group->count.value = group->count.valueOr(0) + 1;
    }
    legs.remove(QString());
    QStringList legNames = legs.values();
    legNames.sort();
    if (!legNames.isEmpty())
        t.pdu.phases = Figure{
            static_cast<double>(legNames.size() > 1 ? 3 : 1), sourceKey, QStringLiteral("inferred"),
            QStringLiteral("feed legs of the outlets in the NetBox file: %1").arg(legNames.join(QStringLiteral(", ")))};
    return static_cast<int>(outlets->size());
}

void DocumentReader::setRole(const YAML::Node &doc, DeviceType &t, int outletCount)
{
    if (m_role) {
        t.role = *m_role;
    } else if (outletCount > 0) {
        t.role = Role::Pdu;
        warn(doc.Mark(), QStringLiteral("role"),
             QStringLiteral("guessed pdu (%1 power outlets); use --role to change it").arg(outletCount));
    } else if (m_dataInterfaces >= 16) {
        t.role = Role::Switch;
        warn(doc.Mark(), QStringLiteral("role"),
             QStringLiteral("guessed switch (%1 data interfaces); use --role to change it").arg(m_dataInterfaces));
    } else {
        t.role = Role::Other;
        warn(doc.Mark(), QStringLiteral("role"),
             QStringLiteral("NetBox device types carry no role; set to other (use --role)"));
    }
    if (t.role == Role::Cable)
        t.uHeight = 0;
}

void DocumentReader::read(const YAML::Node &doc)
{
    if (!doc.IsMap())
        throw YamlError{doc.Mark(), QString(),
                        QStringLiteral("expected a device type mapping (manufacturer, model, slug, …)")};
    for (auto it = doc.begin(); it != doc.end(); ++it) {
        const QString key = fromStd(it->first.as<std::string>());
        if (!topLevelKeys().contains(key))
            warn(it->first.Mark(), key, QStringLiteral("unknown key ignored"));
    }
    QString sourceKey;
    DeviceType t = readIdentity(doc, sourceKey);
    readPhysical(doc, t);
    readWeight(doc, t, sourceKey);
    readBaysAndConsoles(doc, t);
    readInterfaces(doc, t);
    const int outletCount = readOutlets(doc, t, sourceKey);
    readPower(doc, t, sourceKey, outletCount > 0);
    for (const char *skipped : {"front-ports", "rear-ports", "device-bays", "inventory-items", "console-server-ports"})
        list(doc, skipped); // checked for unknown keys, not modelled
    setRole(doc, t, outletCount);
    m_out.types.push_back(std::move(t));
}

} // namespace

QString NetBoxImporter::vendorName(const QString &manufacturer)
{
    const QString m = manufacturer.trimmed();
    // Names and slugs alike ("Mellanox", "nvidia-networking"): the NetBox push matches by both.
    const QString key = slugify(m);
    if (key == QLatin1String("nvidia") || key == QLatin1String("mellanox") || key == QLatin1String("nvidia-networking"))
        return QStringLiteral("NVIDIA");
    return m;
}

QString NetBoxImporter::catalogId(const QString &manufacturer, const QString &slug)
{
    const QString vendor = slugify(vendorName(manufacturer));
    QStringList prefixes{slugify(manufacturer), vendor};
    if (vendor == QLatin1String("nvidia"))
        prefixes << QStringLiteral("mellanox");
    QString rest = slugify(slug);
    for (const QString &prefix : prefixes)
        if (!prefix.isEmpty() && rest.startsWith(prefix + QLatin1Char('-')))
            rest = rest.mid(prefix.size() + 1);
    return vendor.isEmpty() ? rest : vendor + QLatin1Char('-') + rest;
}

NetBoxImporter::InterfaceKind NetBoxImporter::interfaceKind(const QString &typeSlug)
{
    InterfaceKind k;
    const QString s = typeSlug.toLower();
    static const std::map<QString, double> infiniband{
        {QStringLiteral("sdr"), 10},   {QStringLiteral("ddr"), 20},  {QStringLiteral("qdr"), 40},
        {QStringLiteral("fdr10"), 40}, {QStringLiteral("fdr"), 56},  {QStringLiteral("edr"), 100},
        {QStringLiteral("hdr"), 200},  {QStringLiteral("ndr"), 400}, {QStringLiteral("xdr"), 800}};
    if (s.startsWith(QLatin1String("infiniband-"))) {
        const auto it = infiniband.find(s.mid(11));
        if (it != infiniband.end()) {
            k = {true, it->second, QStringLiteral("InfiniBand")};
        }
        return k;
    }
    static const QRegularExpression re(QStringLiteral("^(\\d+(?:\\.\\d+)?)([gtm]?)base-?(.*)$"));
    const auto m = re.match(s);
    if (!m.hasMatch())
        return k;
    double speed = m.captured(1).toDouble();
    const QString unit = m.captured(2);
    if (unit == QLatin1String("t"))
        speed *= 1000;
    else if (unit.isEmpty() || unit == QLatin1String("m"))
        speed /= 1000;
    k.known = true;
    k.speedGbps = speed;
    const QString rest = m.captured(3);
    static const std::vector<std::pair<QString, QString>> media{
        {QStringLiteral("osfp-rhs"), QStringLiteral("OSFP-RHS")},
        {QStringLiteral("osfp"), QStringLiteral("OSFP")},
        {QStringLiteral("qsfpdd"), QStringLiteral("QSFP-DD")},
        {QStringLiteral("qsfp112"), QStringLiteral("QSFP112")},
        {QStringLiteral("qsfp56"), QStringLiteral("QSFP56")},
        {QStringLiteral("qsfp28"), QStringLiteral("QSFP28")},
        {QStringLiteral("qsfpp"), QStringLiteral("QSFP+")},
        {QStringLiteral("qsfp"), QStringLiteral("QSFP")},
        {QStringLiteral("sfp112"), QStringLiteral("SFP112")},
        {QStringLiteral("sfp56"), QStringLiteral("SFP56")},
        {QStringLiteral("sfp28"), QStringLiteral("SFP28")},
        {QStringLiteral("sfpp"), QStringLiteral("SFP+")},
        {QStringLiteral("sfp"), QStringLiteral("SFP")},
        {QStringLiteral("cfp"), QStringLiteral("CFP")}};
    for (const auto &[token, name] : media)
        if (rest.contains(token)) {
            k.media = name;
            return k;
        }
    if (rest == QLatin1String("t") || rest == QLatin1String("tx") || rest.endsWith(QLatin1String("-t")))
        k.media = QStringLiteral("RJ45");
    else
        k.media = rest.section(QLatin1Char('-'), -1).toUpper(); // PMD types: "dr4", "sr8"
    return k;
}

bool NetBoxImporter::importData(const QByteArray &yaml, const QString &fileName, NetBoxImport &out) const
{
    NetBoxImport local;
    const auto fail = [&](const YAML::Mark &mark, int firstLine, const QString &path, const QString &reason) {
        out.warnings << local.warnings;
        out.errors << LoadError{fileName, mark.is_null() ? 0 : firstLine + mark.line + 1,
                                mark.is_null() ? 0 : mark.column + 1, path, reason};
        return false;
    };
    const std::vector<YamlDocument> docs = splitYamlDocuments(yaml.toStdString());
    if (docs.empty())
        return fail(YAML::Mark::null_mark(), 0, QString(), QStringLiteral("the file holds no YAML document"));
    for (const YamlDocument &doc : docs) {
        try {
            DocumentReader reader(fileName, doc.firstLine, m_role, local);
            reader.read(YAML::Load(doc.text));
        } catch (const YamlError &e) {
            return fail(e.mark, doc.firstLine, e.path, e.reason);
        } catch (const YAML::Exception &e) {
            return fail(e.mark, doc.firstLine, QString(), QString::fromStdString(e.msg));
        }
    }
    for (DeviceType &t : local.types)
        out.types.push_back(std::move(t));
    for (SourceInfo &s : local.sources)
        out.sources.push_back(std::move(s));
    out.warnings << local.warnings;
    return true;
}

bool NetBoxImporter::importFile(const QString &fileName, NetBoxImport &out) const
{
    QFile file(fileName);
    if (!file.open(QIODevice::ReadOnly)) {
        out.errors << LoadError{fileName, 0, 0, QString(),
                                QStringLiteral("cannot read the file: %1").arg(file.errorString())};
        return false;
    }
    return importData(file.readAll(), fileName, out);
}

bool NetBoxImporter::importPath(const QString &fileOrDir, NetBoxImport &out) const
{
    if (!QFileInfo(fileOrDir).isDir())
        return importFile(fileOrDir, out);
    QStringList files;
    QDirIterator it(fileOrDir, {QStringLiteral("*.yaml"), QStringLiteral("*.yml")}, QDir::Files,
                    QDirIterator::Subdirectories);
    while (it.hasNext())
        files << it.next();
    files.sort();
    if (files.isEmpty()) {
        out.errors << LoadError{fileOrDir, 0, 0, QString(), QStringLiteral("no *.yaml or *.yml file in this folder")};
        return false;
    }
    bool ok = true;
    for (const QString &f : files)
        ok = importFile(f, out) && ok;
    return ok;
}

} // namespace pp
