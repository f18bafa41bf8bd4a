#pragma once

#include <QByteArray>
#include <QMetaType>
#include <QNetworkReply>
#include <QObject>
#include <QPointer>
#include <QUrl>

class QNetworkAccessManager;

class QTimer;

namespace pp {

// Limits and places for a catalog download; the defaults suit a catalog of a few hundred types.
struct FetchOptions {
    int timeoutMs = 30000;      // the whole transfer
    int stallTimeoutMs = 10000; // no byte received for this long
    int maxRedirects = 5;
    qint64 maxBytes = 8 * 1024 * 1024;
    QString expectedSha256; // hex; empty = no pin
    QString storeDir;       // last good catalogs: the fetched layer
    QString cacheDir;       // ETag and download metadata
};

struct FetchResult {
    enum class Status { Updated, NotModified, Failed };
    Status status = Status::Failed;
    QString message;    // what happened and why, for the user
    QString storedFile; // the fetched-layer file for this URL (the previous one after a failure)
    int httpStatus = 0;
    int deviceTypes = 0; // in the catalog now in effect for this URL
    bool ok() const { return status != Status::Failed; }
};

// Downloads a catalog over HTTP(S) into the fetched layer. A download replaces the stored
// catalog only when it is complete, within the limits, matches the pin and parses; anything
// else keeps the last good file and says why.
class CatalogFetcher : public QObject {
    Q_OBJECT
public:
    explicit CatalogFetcher(FetchOptions options, QObject *parent = nullptr);
    ~CatalogFetcher() override;

    void start(const QUrl &url);                // emits finished() once
    FetchResult fetchBlocking(const QUrl &url); // runs a local event loop until done
    void abort();                               // cancels a running download (reported as failed)
    bool isRunning() const { return m_reply != nullptr; }

    // The stored catalog for a URL, named after its host and a hash of the URL.
    static QString storeFileName(const QUrl &url);

signals:
    void progress(qint64 receivedBytes, qint64 totalBytes);
    void finished(const pp::FetchResult &result);

private:
    void sendRequest(const QUrl &target);
    void onMetaData();
    void onReadyRead();
    void onFinished();
    void followRedirect(int status, const QUrl &from, const QUrl &location);
    void storeBody(int status, const QByteArray &etag);
    void fail(const QString &why, int httpStatus = 0);
    void finish(FetchResult result);
    QString storedPath() const;
    QString metaPath() const;
    int storedTypeCount() const;

    FetchOptions m_options;
    QNetworkAccessManager *m_nam = nullptr;
    QPointer<QNetworkReply> m_reply;
    QTimer *m_deadline = nullptr;
    QUrl m_url;
    QByteArray m_body;
    QString m_abortReason;
    int m_redirects = 0; // followed so far for this download
};

} // namespace pp

Q_DECLARE_METATYPE(pp::FetchResult)
