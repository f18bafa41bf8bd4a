#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>

class QFileSystemWatcher;
class QTimer;

namespace pp::gui {

// Notices when another program changes the plan file that is open. Editors and atomic savers
// replace the file rather than write into it, so it watches the folder as well and re-arms the
// file watch after every change (this also covers delete + recreate). A change is reported only
// when the content differs from what we last loaded or saved ourselves, so our own saves and
// touch-only changes never raise an offer; the same changed content is reported once.
class FileChangeWatcher : public QObject {
    Q_OBJECT
public:
    explicit FileChangeWatcher(QObject *parent = nullptr);

    void setFile(const QString &fileName); // empty: watch nothing
    QString file() const { return m_file; }
    // The file as it is on disk now is ours: after open, reload, save, or "keep mine".
    void acknowledge();

signals:
    void changedOnDisk(const QString &fileName);

private:
    void rearm();
    void check();
    QByteArray fingerprint() const; // empty while the file is missing or unreadable

    QFileSystemWatcher *m_watcher;
    QTimer *m_settle;
    QString m_file;
    QByteArray m_known;    // what we loaded or wrote
    QByteArray m_reported; // the last change already reported
};

} // namespace pp::gui
