#pragma once

#include "catalog/io/loaderror.h"
#include "catalog/model/siteprofile.h"

#include <QByteArray>
#include <QString>

namespace pp {

// Reads one site profile the same way for every caller: the catalog's site folders (and so the
// GUI), and the CLI's `check --site`. The text must be JSON, the fields valid and the id non-empty;
// a failure names the file and the JSON path. The profile keeps its document in `raw`.
bool readSiteProfileData(const QByteArray &data, const QString &fileName, SiteProfile &site, LoadError *error);
bool readSiteProfileFile(const QString &fileName, SiteProfile &site, LoadError *error);

} // namespace pp
