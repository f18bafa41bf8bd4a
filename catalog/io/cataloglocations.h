#pragma once

#include "catalog/model/catalog.h"

namespace pp {

// Where the layers live on this machine, and the one routine that stacks them for CLI and GUI.
namespace catalogLocations {

// User catalog files: <AppConfigLocation>/catalog (~/.config/pocplanner/catalog on Linux).
QString userDir();
// The file that NetBox imports and the catalog editor write into, inside userDir().
QString userImportFile();
// Last good fetched catalogs: <AppDataLocation>/fetched (~/.local/share/pocplanner/fetched).
QString fetchedDir();
// ETag and download metadata: <CacheLocation>/catalog-fetch (~/.cache/pocplanner/catalog-fetch).
QString fetchCacheDir();

// Adds the user folder, extra files or folders (user layer) and the fetched folder to a catalog.
// A broken user or fetched file is a warning (the rest still loads); a broken extra file is an error.
bool loadLayers(Catalog &catalog, const QStringList &extraFiles, QStringList *warnings, LoadError *error);

} // namespace catalogLocations
} // namespace pp
