#include "catalog/model/catalog.h"

#include "catalog/io/jsondocument.h"
#include "catalog/io/siteprofilefile.h"

#include <QDir>
#include <QFile>

#include <algorithm>

namespace pp {

const QString Catalog::kBuiltInLayer = QStringLiteral("built-in");
const QString Catalog::kUserLayer = QStringLiteral("user");
const QString Catalog::kFetchedLayer = QStringLiteral("fetched");

static Catalog loadBuiltIn()
{
    Catalog catalog;
    LoadError error;
    const QDir catalogDir(QStringLiteral(":/catalog"));
    for (const QString &name : catalogDir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name))
        if (!catalog.loadCatalogFile(catalogDir.filePath(name), Catalog::kBuiltInLayer, &error))
            qFatal("built-in catalog is broken: %s", qPrintable(error.toString()));
    const QDir sitesDir(QStringLiteral(":/sites"));
    for (const QString &name : sitesDir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name))
        if (!catalog.loadSiteFile(sitesDir.filePath(name), Catalog::kBuiltInLayer, &error))
            qFatal("built-in site profile is broken: %s", qPrintable(error.toString()));
    return catalog;
}

const Catalog &Catalog::builtIn()
{
    static const Catalog catalog = loadBuiltIn();
    return catalog;
}

bool Catalog::loadCatalogFile(const QString &fileName, const QString &layer, LoadError *error)
{
    QFile file(fileName);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = LoadError{fileName, 0, 0, QString(),
                               QStringLiteral("cannot read the file: %1").arg(file.errorString())};
        return false;
    }
    return loadCatalogData(file.readAll(), fileName, layer, error);
}

bool Catalog::loadCatalogData(const QByteArray &data, const QString &fileName, const QString &layer, LoadError *error)
{
    Json doc;
    if (!parseJson(data, fileName, doc, error))
        return false;
    // Parse everything first so that a bad file changes nothing.
    std::vector<DeviceType> types;
    std::vector<SourceInfo> sources;
    try {
        json::requireObject(doc, QString());
        const QString format = json::string(doc, "format", QString(), false, QStringLiteral("pocplanner-catalog"));
        if (format != QLatin1String("pocplanner-catalog"))
            throw FieldError(QStringLiteral("format"),
                             QStringLiteral("expected \"pocplanner-catalog\", found \"%1\"").arg(format));
        json::integer(doc, "version", QString(), 1, 1, 1);
        if (const Json *s = json::optionalObject(doc, "sources", QString())) {
            for (auto it = s->begin(); it != s->end(); ++it) {
                const QString sp = json::join(QStringLiteral("sources"), it.key().c_str());
                json::requireObject(it.value(), sp);
                sources.push_back({QString::fromStdString(it.key()), json::string(it.value(), "title", sp, false),
                                   json::string(it.value(), "url", sp, false)});
            }
        }
        const Json &list = json::array(doc, "deviceTypes", QString(), true);
        QStringList seen;
        for (std::size_t i = 0; i < list.size(); ++i) {
            const QString path = json::join(QStringLiteral("deviceTypes"), i);
            DeviceType t = deviceTypeFromJson(list[i], path);
            if (seen.contains(t.id))
                throw FieldError(json::join(path, "id"), QStringLiteral("duplicate device type id \"%1\"").arg(t.id));
            seen << t.id;
            t.layer = layer;
            t.originFile = fileName;
            types.push_back(std::move(t));
        }
    } catch (const FieldError &e) {
        if (error)
            *error = LoadError{fileName, 0, 0, e.path, e.reason};
        return false;
    }
    for (SourceInfo &s : sources)
        m_sources[s.key] = s;
    for (DeviceType &t : types)
        addDeviceType(std::move(t));
    return true;
}

bool Catalog::loadSiteFile(const QString &fileName, const QString &layer, LoadError *error)
{
    QFile file(fileName);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = LoadError{fileName, 0, 0, QString(),
                               QStringLiteral("cannot read the file: %1").arg(file.errorString())};
        return false;
    }
    return loadSiteData(file.readAll(), fileName, layer, error);
}

bool Catalog::loadSiteData(const QByteArray &data, const QString &fileName, const QString &layer, LoadError *error)
{
    Q_UNUSED(layer);
    SiteProfile site;
    if (!readSiteProfileData(data, fileName, site, error))
        return false;
    addSite(std::move(site));
    return true;
}

bool Catalog::loadFolder(const QString &dirName, const QString &layer, LoadError *error)
{
    const QDir dir(dirName);
    bool ok = true;
    for (const QString &name : dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name)) {
        const QString path = dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const QByteArray data = file.readAll();
        const bool isCatalog = data.contains("\"deviceTypes\"");
        LoadError fileError;
        const bool loaded =
            isCatalog ? loadCatalogData(data, path, layer, &fileError) : loadSiteData(data, path, layer, &fileError);
        if (!loaded) {
            m_warnings << fileError.toString();
            if (ok && error)
                *error = fileError;
            ok = false;
        }
    }
    return ok;
}

int Catalog::layerRank(const QString &layer)
{
    if (layer == kBuiltInLayer)
        return 0;
    if (layer == kFetchedLayer)
        return 2;
    return 1;
}

void Catalog::addDeviceType(DeviceType type)
{
    std::vector<CatalogDefinition> &defs = m_definitions[type.id];
    const CatalogDefinition def{type.layer, type.originFile};
    // Reloading the same file replaces its entry; the list stays sorted by layer so that the
    // last entry is the one in effect.
    defs.erase(std::remove_if(defs.begin(), defs.end(),
                              [&](const CatalogDefinition &d) { return d.layer == def.layer && d.file == def.file; }),
               defs.end());
    auto pos =
        std::upper_bound(defs.begin(), defs.end(), def, [](const CatalogDefinition &a, const CatalogDefinition &b) {
            return layerRank(a.layer) < layerRank(b.layer);
        });
    defs.insert(pos, def);
    auto it = m_types.find(type.id);
    if (it != m_types.end()) {
        if (!m_overridden.contains(type.id))
            m_overridden << type.id;
        // A lower layer loaded later must not replace a higher one.
        if (layerRank(type.layer) >= layerRank(it->second.layer))
            it->second = std::move(type);
    } else {
        const QString id = type.id;
        m_types.emplace(id, std::move(type));
    }
}

void Catalog::addSite(SiteProfile site)
{
    const QString id = site.id;
    m_sites[id] = std::move(site);
}

void Catalog::removeDeviceType(const QString &id)
{
    m_types.erase(id);
    m_definitions.erase(id);
    m_overridden.removeAll(id);
}

std::vector<CatalogDefinition> Catalog::definitions(const QString &id) const
{
    const auto it = m_definitions.find(id);
    return it == m_definitions.end() ? std::vector<CatalogDefinition>{} : it->second;
}

std::vector<const SourceInfo *> Catalog::sourceList() const
{
    std::vector<const SourceInfo *> out;
    for (const auto &[key, s] : m_sources)
        out.push_back(&s);
    return out;
}

const DeviceType *Catalog::deviceType(const QString &id) const
{
    const auto it = m_types.find(id);
    return it == m_types.end() ? nullptr : &it->second;
}

const SiteProfile *Catalog::site(const QString &id) const
{
    const auto it = m_sites.find(id);
    return it == m_sites.end() ? nullptr : &it->second;
}

std::vector<const DeviceType *> Catalog::deviceTypes() const
{
    std::vector<const DeviceType *> out;
    out.reserve(m_types.size());
    for (const auto &[id, type] : m_types)
        out.push_back(&type);
    return out;
}

std::vector<const DeviceType *> Catalog::deviceTypes(Role role) const
{
    std::vector<const DeviceType *> out;
    for (const auto &[id, type] : m_types)
        if (type.role == role)
            out.push_back(&type);
    return out;
}

std::vector<const SiteProfile *> Catalog::sites() const
{
    std::vector<const SiteProfile *> out;
    for (const auto &[id, site] : m_sites)
        out.push_back(&site);
    return out;
}

const SourceInfo *Catalog::source(const QString &key) const
{
    const auto it = m_sources.find(key);
    return it == m_sources.end() ? nullptr : &it->second;
}

QStringList Catalog::overriddenIds() const
{
    return m_overridden;
}

} // namespace pp
