#include "exporters/common/outputfolder.h"

#include "planner/io/planio.h"

#include <QDir>
#include <QFileInfo>

namespace pp {

OutputFolder::OutputFolder(QString dir)
    : m_dir(std::move(dir))
{ }

bool OutputFolder::isSafeRelativeName(const QString &name)
{
    if (name.isEmpty() || QDir::isAbsolutePath(name) || name.contains(QLatin1Char('\\')))
        return false;
    // A control character (NUL above all: the OS name would end there) is never a file name we make.
    for (const QChar c : name)
        if (c.unicode() < 0x20)
            return false;
    for (const QString &part : name.split(QLatin1Char('/')))
        if (part.isEmpty() || part == QLatin1String("..") || part == QLatin1String("."))
            return false;
    return true;
}

// True when every part of relativeName that already exists under dir, followed through symbolic
// links, stays inside dir. mkpath and QSaveFile both follow links, so a link planted in the folder
// (diagrams -> /etc, bom.csv -> ~/.bashrc) would otherwise carry the write out of it. A dangling
// link is refused too: QSaveFile would create its target.
static bool staysInside(const QString &dir, const QString &relativeName)
{
    const QFileInfo dirInfo(dir);
    if (!dirInfo.exists())
        return !dirInfo.isSymLink(); // not made yet: mkpath makes it, and nothing in it
    QString root = dirInfo.canonicalFilePath();
    if (!root.endsWith(QLatin1Char('/')))
        root += QLatin1Char('/');
    QString path = dir;
    for (const QString &part : relativeName.split(QLatin1Char('/'))) {
        path = QDir(path).filePath(part);
        const QFileInfo info(path);
        if (info.isSymLink()) {
            const QString target = info.canonicalFilePath();
            if (target.isEmpty() || !(target + QLatin1Char('/')).startsWith(root))
                return false;
        } else if (!info.exists()) {
            break; // nothing below a missing part exists yet
        }
    }
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
    if (!staysInside(m_dir, relativeName)) {
        if (error)
            *error =
                QStringLiteral("%1: refused, a symbolic link in the output folder leads out of it").arg(relativeName);
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
