#pragma once

#include "planner/model/plandocument.h"

#include <QDateTime>
#include <QObject>
#include <QThreadPool>

class QTimer;

namespace pp::gui {

// Never losing work: a few seconds after each edit, writes the plan to a recovery file on a
// worker thread (atomically, so a crash mid-write leaves the previous copy). A clean save or a
// deliberate close removes it; after a crash the next start finds it and offers to restore.
class Autosaver : public QObject {
    Q_OBJECT
public:
    struct Recovery {
        QString planFile;     // the recovery copy (a normal plan file)
        QString metaFile;     // beside it: which file it belongs to and when it was written
        QString originalFile; // empty for an untitled plan
        QDateTime savedAt;
    };

    explicit Autosaver(PlanDocument &document, QObject *parent = nullptr);
    ~Autosaver() override;

    void setDelayMs(int ms);
    void setDirectory(const QString &dir);
    QString directory() const { return m_dir; }
    QString recoveryFile() const; // this session's recovery copy

    void saveNow();                           // what the timer does: snapshot now, write in the background
    void waitForWrites();                     // tests and shutdown
    void discardRecovery();                   // after a save or a deliberate close
    bool findRecovery(Recovery *found) const; // the newest recovery copy left by another session
    bool restore(const Recovery &recovery, QString *error);
    static void removeRecovery(const Recovery &recovery);

signals:
    void recoveryWritten(const QString &fileName);

private:
    PlanDocument &m_document;
    QTimer *m_timer;
    QString m_dir;
    QString m_session;
    QThreadPool m_pool;
};

} // namespace pp::gui
