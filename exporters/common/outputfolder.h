#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace pp {

// The folder an export writes into. Every file is written to a temporary name and renamed, and
// a file name that would escape the folder (../, absolute paths) is refused.
class OutputFolder {
public:
    explicit OutputFolder(QString dir);

    // Creates the folder if needed; false with a message when it cannot be created or written.
    bool prepare(QString *error) const;
    bool write(const QString &relativeName, const QByteArray &data, QString *error);
    QString pathOf(const QString &relativeName) const;
    QStringList written() const { return m_written; }
    QString dir() const { return m_dir; }

    static bool isSafeRelativeName(const QString &name);

private:
    QString m_dir;
    QStringList m_written;
};

} // namespace pp
