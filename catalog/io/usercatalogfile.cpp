#include "catalog/io/usercatalogfile.h"

#include "catalog/io/jsondocument.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <algorithm>

namespace pp {

bool UserCatalogFile::load(LoadError *error)
{
    m_types.clear();
    m_sources.clear();
    if (!QFileInfo::exists(m_fileName))
        return true;
    Json doc;
    if (!readJsonFile(m_fileName, doc, error))
        return false;
    // Validate the whole file through the catalog reader first, so the error names the path.
    Catalog check;
    QFile file(m_fileName);
    if (file.open(QIODevice::ReadOnly) &&
        !check.loadCatalogData(file.readAll(), m_fileName, Catalog::kUserLayer, error))
        return false;
    if (const auto s = doc.find("sources"); s != doc.end() && s->is_object())
        for (auto it = s->begin(); it != s->end(); ++it)
            m_sources[QString::fromStdString(it.key())] = {QString::fromStdString(it.key()),
                                                           json::string(it.value(), "title", QString(), false),
                                                           json::string(it.value(), "url", QString(), false)};
    const Json &list = doc.at("deviceTypes");
    for (std::size_t i = 0; i < list.size(); ++i) {
        DeviceType t = deviceTypeFromJson(list[i], json::join(QStringLiteral("deviceTypes"), i));
        t.layer = Catalog::kUserLayer;
        t.originFile = m_fileName;
        m_types.push_back(std::move(t));
    }
    return true;
}

bool UserCatalogFile::upsert(DeviceType type)
{
    type.layer = Catalog::kUserLayer;
    type.originFile = m_fileName;
    for (DeviceType &t : m_types)
        if (t.id == type.id) {
            t = std::move(type);
            return true;
        }
    m_types.push_back(std::move(type));
    return false;
}

bool UserCatalogFile::remove(const QString &id)
{
    const auto it = std::find_if(m_types.begin(), m_types.end(), [&](const DeviceType &t) { return t.id == id; });
    if (it == m_types.end())
        return false;
    m_types.erase(it);
    return true;
}

void UserCatalogFile::addSource(const SourceInfo &source)
{
    m_sources[source.key] = source;
}

const DeviceType *UserCatalogFile::find(const QString &id) const
{
    for (const DeviceType &t : m_types)
        if (t.id == id)
            return &t;
    return nullptr;
}

QByteArray UserCatalogFile::toBytes() const
{
    Json doc;
    doc["format"] = "pocplanner-catalog";
    doc["version"] = 1;
    Json sources = Json::object();
    for (const auto &[key, s] : m_sources)
        sources[json::toStd(key)] = {{"title", json::toStd(s.title)}, {"url", json::toStd(s.url)}};
    doc["sources"] = sources;
    std::vector<const DeviceType *> sorted;
    for (const DeviceType &t : m_types)
        sorted.push_back(&t);
    std::sort(sorted.begin(), sorted.end(), [](const DeviceType *a, const DeviceType *b) { return a->id < b->id; });
    Json list = Json::array();
    for (const DeviceType *t : sorted)
        list.push_back(deviceTypeToJson(*t));
    doc["deviceTypes"] = list;
    return QByteArray::fromStdString(doc.dump(2)) + '\n';
}

bool UserCatalogFile::save(QString *error) const
{
    const QFileInfo info(m_fileName);
    if (!QDir().mkpath(info.absolutePath())) {
        if (error)
            *error = QStringLiteral("%1: cannot create the folder").arg(info.absolutePath());
        return false;
    }
    QSaveFile file(m_fileName);
    if (!file.open(QIODevice::WriteOnly) || file.write(toBytes()) < 0 || !file.commit()) {
        if (error)
            *error = QStringLiteral("%1: cannot write: %2").arg(m_fileName, file.errorString());
        return false;
    }
    return true;
}

} // namespace pp
