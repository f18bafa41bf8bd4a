#include "filechangewatcher.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QTimer>

namespace pp::gui {

// A saver may truncate, write and rename in several steps; look once they have settled.
constexpr int kSettleMs = 150;

FileChangeWatcher::FileChangeWatcher(QObject *parent)
    : QObject(parent)
    , m_watcher(new QFileSystemWatcher(this))
    , m_settle(new QTimer(this))
{
    m_settle->setSingleShot(true);
    m_settle->setInterval(kSettleMs);
    connect(m_settle, &QTimer::timeout, this, &FileChangeWatcher::check);
    const auto notified = [this] { m_settle->start(); };
    connect(m_watcher, &QFileSystemWatcher::fileChanged, this, notified);
    connect(m_watcher, &QFileSystemWatcher::directoryChanged, this, notified);
}

void FileChangeWatcher::setFile(const QString &fileName)
{
    const QString file = fileName.isEmpty() ? QString() : QFileInfo(fileName).absoluteFilePath();
    if (file == m_file) {
        acknowledge();
        return;
    }
    m_settle->stop();
    if (!m_watcher->files().isEmpty())
        m_watcher->removePaths(m_watcher->files());
    if (!m_watcher->directories().isEmpty())
        m_watcher->removePaths(m_watcher->directories());
    m_file = file;
    m_known.clear();
    m_reported.clear();
    if (m_file.isEmpty())
        return;
    m_watcher->addPath(QFileInfo(m_file).absolutePath());
    acknowledge();
}

void FileChangeWatcher::acknowledge()
{
    if (m_file.isEmpty())
        return;
    m_known = fingerprint();
    m_reported.clear();
    rearm();
}

void FileChangeWatcher::rearm()
{
    // After a replace the watch still points at the old, deleted inode: watch the path afresh.
    m_watcher->removePath(m_file);
    if (QFileInfo::exists(m_file))
        m_watcher->addPath(m_file);
}

void FileChangeWatcher::check()
{
    if (m_file.isEmpty())
        return;
    rearm();
    const QByteArray now = fingerprint();
    if (now.isEmpty() || now == m_known || now == m_reported)
        return; // gone (a recreate will notify again), ours, or already offered
    m_reported = now;
    emit changedOnDisk(m_file);
}

QByteArray FileChangeWatcher::fingerprint() const
{
    QFile f(m_file);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!hash.addData(&f))
        return {};
    return hash.result();
}

} // namespace pp::gui
