#include "autosaver.h"

#include "planner/io/planio.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTimer>

namespace pp::gui {

constexpr int kDefaultDelayMs = 3000;

Autosaver::Autosaver(PlanDocument &document, QObject *parent)
    : QObject(parent)
    , m_document(document)
    , m_timer(new QTimer(this))
    , m_dir(QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) + QStringLiteral("/recovery"))
    , m_session(QStringLiteral("session-%1-%2")
                    .arg(QCoreApplication::applicationPid())
                    .arg(QDateTime::currentMSecsSinceEpoch()))
{
    m_pool.setMaxThreadCount(1); // writes stay in order
    m_timer->setSingleShot(true);
    m_timer->setInterval(kDefaultDelayMs);
    connect(m_timer, &QTimer::timeout, this, &Autosaver::saveNow);
    connect(&m_document, &PlanDocument::planChanged, this, [this] {
        if (m_document.isModified())
            m_timer->start(); // restarts: the copy is written once the edits pause
    });
}

Autosaver::~Autosaver()
{
    m_pool.waitForDone();
}

void Autosaver::setDelayMs(int ms)
{
    m_timer->setInterval(ms);
}

void Autosaver::setDirectory(const QString &dir)
{
    m_dir = dir;
}

QString Autosaver::recoveryFile() const
{
    return m_dir + QLatin1Char('/') + m_session + QStringLiteral(".pocplan.json");
}

void Autosaver::saveNow()
{
    m_timer->stop();
    if (!m_document.isModified())
        return;
    // Copy the plan (cheap: shared strings) and serialise and write it off the GUI thread.
    const Plan plan = m_document.plan();
    const QString planFile = recoveryFile();
    const QString metaFile = m_dir + QLatin1Char('/') + m_session + QStringLiteral(".meta.json");
    // Absolute, so that a restore started from another folder still saves back to the right file.
    const QString original =
        m_document.fileName().isEmpty() ? QString() : QFileInfo(m_document.fileName()).absoluteFilePath();
    const QString dir = m_dir;
    m_pool.start([this, plan, planFile, metaFile, original, dir] {
        QDir().mkpath(dir);
        QString error;
        const Json meta{{"file", original.toStdString()},
                        {"savedAt", QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs).toStdString()}};
        if (!writeFileAtomically(planFile, planToBytes(plan), &error) ||
            !writeFileAtomically(metaFile, QByteArray::fromStdString(meta.dump(2)), &error)) {
            qWarning("autosave: %s", qPrintable(error));
            return;
        }
        QMetaObject::invokeMethod(
            this, [this, planFile] { emit recoveryWritten(planFile); }, Qt::QueuedConnection);
    });
}

void Autosaver::waitForWrites()
{
    m_pool.waitForDone();
}

void Autosaver::discardRecovery()
{
    m_timer->stop();
    m_pool.waitForDone();
    QFile::remove(recoveryFile());
    QFile::remove(m_dir + QLatin1Char('/') + m_session + QStringLiteral(".meta.json"));
}

bool Autosaver::findRecovery(Recovery *found) const
{
    const QDir dir(m_dir);
    bool any = false;
    for (const QFileInfo &info : dir.entryInfoList({QStringLiteral("*.meta.json")}, QDir::Files, QDir::Time)) {
        const QString base = info.fileName().chopped(QStringLiteral(".meta.json").size());
        if (base == m_session)
            continue;
        Recovery r;
        r.metaFile = info.absoluteFilePath();
        r.planFile = dir.absoluteFilePath(base + QStringLiteral(".pocplan.json"));
        if (!QFile::exists(r.planFile))
            continue;
        QFile meta(r.metaFile);
        if (!meta.open(QIODevice::ReadOnly))
            continue;
        try {
            const Json doc = Json::parse(meta.readAll().toStdString());
            r.originalFile = QString::fromStdString(doc.value("file", std::string()));
            r.savedAt =
                QDateTime::fromString(QString::fromStdString(doc.value("savedAt", std::string())), Qt::ISODateWithMs)
                    .toLocalTime();
        } catch (const Json::exception &) {
            continue;
        }
        if (!any || r.savedAt > found->savedAt) {
            *found = r;
            any = true;
        }
    }
    return any;
}

bool Autosaver::restore(const Recovery &recovery, QString *error)
{
    LoadError loadError;
    if (!m_document.open(recovery.planFile, &loadError)) {
        if (error)
            *error = loadError.toString();
        return false;
    }
    // Back under its own name, and unsaved: the user decides where it goes.
    Plan plan = m_document.plan();
    m_document.reset(std::move(plan), recovery.originalFile);
    m_document.setModified(true);
    removeRecovery(recovery);
    saveNow(); // the restored work is this session's recovery copy now
    return true;
}

void Autosaver::removeRecovery(const Recovery &recovery)
{
    QFile::remove(recovery.planFile);
    QFile::remove(recovery.metaFile);
}

} // namespace pp::gui
