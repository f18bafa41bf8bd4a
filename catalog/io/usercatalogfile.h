#pragma once

#include "catalog/model/catalog.h"

#include <vector>

namespace pp {

// One catalog JSON file of the user layer: the NetBox importer and the catalog editor merge
// device types into it and save it atomically, so a failed write leaves the old file intact.
class UserCatalogFile {
public:
    explicit UserCatalogFile(QString fileName)
        : m_fileName(std::move(fileName))
    { }

    QString fileName() const { return m_fileName; }
    // Reads the file; a missing file is an empty catalog. A broken file is an error (never overwritten).
    bool load(LoadError *error);

    // Adds or replaces the type with the same id; returns true when it replaced one.
    bool upsert(DeviceType type);
    bool remove(const QString &id);
    void addSource(const SourceInfo &source);
    const std::vector<DeviceType> &types() const { return m_types; }
    const DeviceType *find(const QString &id) const;

    // The canonical text: types sorted by id, sources by key.
    QByteArray toBytes() const;
    // Writes through QSaveFile, creating the folder when needed.
    bool save(QString *error) const;

private:
    QString m_fileName;
    std::vector<DeviceType> m_types;
    std::map<QString, SourceInfo> m_sources;
};

} // namespace pp
