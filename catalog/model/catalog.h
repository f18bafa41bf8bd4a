#pragma once

#include "catalog/io/loaderror.h"
#include "catalog/model/devicetype.h"
#include "catalog/model/siteprofile.h"

#include <QByteArray>
#include <QMap>
#include <QStringList>
#include <map>
#include <vector>

namespace pp {

struct SourceInfo {
    QString key;
    QString title;
    QString url;
};

// Where one definition of a device type came from; a catalog keeps every definition it saw.
struct CatalogDefinition {
    QString layer;
    QString file;
};

// Device types and site profiles, layered: built-in < user files < fetched. A higher layer
// replaces a whole definition with the same id whatever the loading order, and the
// definition remembers its layer; the shadowed definitions stay listed for display.
class Catalog {
public:
    static const QString kBuiltInLayer;
    static const QString kUserLayer;
    static const QString kFetchedLayer;

    // 0 built-in, 1 user, 2 fetched; an unknown layer name ranks as user.
    static int layerRank(const QString &layer);

    // The catalog bundled in the binaries (resources/catalog and resources/sites).
    static const Catalog &builtIn();

    bool loadCatalogFile(const QString &fileName, const QString &layer, LoadError *error);
    bool loadCatalogData(const QByteArray &data, const QString &fileName, const QString &layer, LoadError *error);
    bool loadSiteFile(const QString &fileName, const QString &layer, LoadError *error);
    bool loadSiteData(const QByteArray &data, const QString &fileName, const QString &layer, LoadError *error);
    // Loads every *.json in a folder; site profiles are recognised by their "power"/"rack" keys.
    bool loadFolder(const QString &dir, const QString &layer, LoadError *error);

    void addDeviceType(DeviceType type);
    void addSite(SiteProfile site);
    void removeDeviceType(const QString &id);

    const DeviceType *deviceType(const QString &id) const;
    const SiteProfile *site(const QString &id) const;
    std::vector<const DeviceType *> deviceTypes() const;
    std::vector<const DeviceType *> deviceTypes(Role role) const;
    std::vector<const SiteProfile *> sites() const;
    const SourceInfo *source(const QString &key) const;
    QStringList overriddenIds() const; // ids defined in more than one layer
    // Every definition of an id seen while loading, lowest layer first; the last one is in effect.
    std::vector<CatalogDefinition> definitions(const QString &id) const;
    std::vector<const SourceInfo *> sourceList() const;
    QStringList warnings() const { return m_warnings; }

private:
    std::map<QString, DeviceType> m_types;
    std::map<QString, SiteProfile> m_sites;
    std::map<QString, SourceInfo> m_sources;
    QStringList m_overridden;
    std::map<QString, std::vector<CatalogDefinition>> m_definitions;
    QStringList m_warnings;
};

// Reads one device type from its catalog JSON; throws FieldError naming the path.
DeviceType deviceTypeFromJson(const Json &doc, const QString &path);
Json deviceTypeToJson(const DeviceType &type);

} // namespace pp
