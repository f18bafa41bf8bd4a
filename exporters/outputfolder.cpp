#include "exporters/outputfolder.h"

#include "planner/planio.h"

#include <QDir>
#include <QFileInfo>

namespace pp {

OutputFolder::OutputFolder(QString dir)
    : m_dir(std::move(dir))
{
}

bool OutputFolder::isSafeRelativeName(const QString &name)
{
    if (name.isEmpty() || QDir::isAbsolutePath(name) || name.contains(QLatin1Char('\\')))
        return false;
    for (const QString &part : name.split(QLatin1Char('/')))
        if (part.isEmpty() || part == QLatin1String("..") || part == QLatin1String("."))
            return false;
    return true;
}

bool OutputFolder::prepare(QString *error) const
{
    if (!QDir().mkpath(m_dir)) {
        if (error)
            *error = QStringLiteral("%1: cannot create the output folder").arg(m_dir);
        return false;
    }
    const QFileInfo info(m_dir);
    if (!info.isDir() || !info.isWritable()) {
        if (error)
            *error = QStringLiteral("%1: the output folder is not writable").arg(m_dir);
        return false;
    }
    return true;
}

QString OutputFolder::pathOf(const QString &relativeName) const
{
    return QDir(m_dir).filePath(relativeName);
}

bool OutputFolder::write(const QString &relativeName, const QByteArray &data, QString *error)
{
    if (!isSafeRelativeName(relativeName)) {
        if (error)
            *error = QStringLiteral("%1: refused, the name would leave the output folder").arg(relativeName);
        return false;
    }
    const QString path = pathOf(relativeName);
    if (!QDir().mkpath(QFileInfo(path).path())) {
        if (error)
            *error = QStringLiteral("%1: cannot create the folder").arg(QFileInfo(path).path());
        return false;
    }
    if (!writeFileAtomically(path, data, error))
        return false;
    m_written << relativeName;
    return true;
}

} // namespace pp
