#include "catalog/io/cataloglocations.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

namespace pp::catalogLocations {

QString userDir()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation) + QStringLiteral("/catalog");
}

QString userImportFile()
{
    return userDir() + QStringLiteral("/user-catalog.json");
}

QString fetchedDir()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/fetched");
}

QString fetchCacheDir()
{
    return QStandardPaths::writableLocation(QStandardPaths::CacheLocation) + QStringLiteral("/catalog-fetch");
}

bool loadLayers(Catalog &catalog, const QStringList &extraFiles, QStringList *warnings, LoadError *error)
{
    const int knownWarnings = static_cast<int>(catalog.warnings().size());
    if (QFileInfo(userDir()).isDir())
        catalog.loadFolder(userDir(), Catalog::kUserLayer, nullptr);
    for (const QString &file : extraFiles) {
        const bool ok = QFileInfo(file).isDir() ? catalog.loadFolder(file, Catalog::kUserLayer, error)
                                                : catalog.loadCatalogFile(file, Catalog::kUserLayer, error);
        if (!ok)
            return false;
    }
    if (QFileInfo(fetchedDir()).isDir())
        catalog.loadFolder(fetchedDir(), Catalog::kFetchedLayer, nullptr);
    if (warnings)
        *warnings << catalog.warnings().mid(knownWarnings);
    return true;
}

} // namespace pp::catalogLocations
