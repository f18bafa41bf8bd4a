#include "catalog/io/siteprofilefile.h"

#include "catalog/io/jsondocument.h"
#include "catalog/io/jsonfields.h"

#include <QFile>

namespace pp {

bool readSiteProfileData(const QByteArray &data, const QString &fileName, SiteProfile &site, LoadError *error)
{
    Json doc;
    if (!parseJson(data, fileName, doc, error))
        return false;
    SiteProfile read;
    try {
        read = SiteProfile::fromJson(doc);
    } catch (const FieldError &e) {
        if (error)
            *error = LoadError{fileName, 0, 0, e.path, e.reason};
        return false;
    }
    // The catalog keys profiles by id, and a plan names its profile by id: an empty one is unusable.
    if (read.id.isEmpty()) {
        if (error)
            *error = LoadError{fileName, 0, 0, QStringLiteral("id"), QStringLiteral("a site profile needs an id")};
        return false;
    }
    site = std::move(read);
    return true;
}

bool readSiteProfileFile(const QString &fileName, SiteProfile &site, LoadError *error)
{
    QFile file(fileName);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = LoadError{fileName, 0, 0, QString(),
                               QStringLiteral("cannot read the file: %1").arg(file.errorString())};
        return false;
    }
    return readSiteProfileData(file.readAll(), fileName, site, error);
}

} // namespace pp
