#include "catalog/fetch/catalogfetcher.h"

#include "catalog/io/jsondocument.h"
#include "catalog/model/catalog.h"

#include <QCryptographicHash>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSaveFile>
#include <QTimer>

namespace pp {

namespace {

bool writeAtomically(const QString &fileName, const QByteArray &data, QString *error)
{
    QDir().mkpath(QFileInfo(fileName).absolutePath());
    QSaveFile file(fileName);
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size() || !file.commit()) {
        *error = QStringLiteral("%1: cannot write: %2").arg(fileName, file.errorString());
        return false;
    }
    return true;
}

QString sizeText(qint64 bytes)
{
    return bytes >= 1024 * 1024 ? QStringLiteral("%1 MiB").arg(double(bytes) / (1024 * 1024), 0, 'f', 1)
                                : QStringLiteral("%1 bytes").arg(bytes);
}

} // namespace

CatalogFetcher::CatalogFetcher(FetchOptions options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_nam(new QNetworkAccessManager(this))
    , m_deadline(new QTimer(this))
{
    m_deadline->setSingleShot(true);
    connect(m_deadline, &QTimer::timeout, this, [this] {
        m_abortReason =
            QStringLiteral("timed out: the download took longer than %1 s").arg(m_options.timeoutMs / 1000.0);
        if (m_reply)
            m_reply->abort();
    });
}

CatalogFetcher::~CatalogFetcher()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
    }
}

QString CatalogFetcher::storeFileName(const QUrl &url)
{
    const QByteArray hash =
        QCryptographicHash::hash(url.toString(QUrl::FullyEncoded).toUtf8(), QCryptographicHash::Sha256)
            .toHex()
            .left(16);
    QString host = url.host().isEmpty() ? QStringLiteral("local") : url.host();
    host.replace(QLatin1Char(':'), QLatin1Char('_'));
    return QStringLiteral("%1-%2.json").arg(host, QString::fromLatin1(hash));
}

QString CatalogFetcher::storedPath() const
{
    return QDir(m_options.storeDir).filePath(storeFileName(m_url));
}

QString CatalogFetcher::metaPath() const
{
    return QDir(m_options.cacheDir).filePath(storeFileName(m_url));
}

int CatalogFetcher::storedTypeCount() const
{
    Catalog c;
    return c.loadCatalogFile(storedPath(), Catalog::kFetchedLayer, nullptr) ? static_cast<int>(c.deviceTypes().size())
                                                                            : 0;
}

void CatalogFetcher::start(const QUrl &url)
{
    if (m_reply) {
        qWarning("CatalogFetcher::start: a download is already running");
        return;
    }
    m_url = url;
    m_body.clear();
    m_abortReason.clear();
    m_redirects = 0;
    if (!url.isValid() || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https"))) {
        QTimer::singleShot(0, this,
                           [this, url] { fail(QStringLiteral("not an http(s) URL: \"%1\"").arg(url.toString())); });
        return;
    }
    m_deadline->start(m_options.timeoutMs);
    sendRequest(url);
}

void CatalogFetcher::sendRequest(const QUrl &target)
{
    QNetworkRequest request(target);
    // Redirects are followed here, not by Qt: Qt 6.4 sometimes sends a followed request twice,
    // and counting hops ourselves makes the limit exact (limit + 1 requests at most).
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setTransferTimeout(m_options.stallTimeoutMs);
    request.setHeader(QNetworkRequest::UserAgentHeader, QStringLiteral("pocplanner-catalog-fetch"));
    request.setRawHeader("Accept", "application/json");
    // Ask for "not modified" only when the catalog it refers to is still on disk and, with a
    // pin, is the pinned one; otherwise a 304 would keep a file the user no longer wants.
    Json meta;
    if (QFileInfo::exists(storedPath()) && readJsonFile(metaPath(), meta, nullptr) && meta.is_object() &&
        meta.contains("etag") && meta["etag"].is_string()) {
        const QString storedSha = meta.contains("sha256") && meta["sha256"].is_string()
            ? QString::fromStdString(meta["sha256"].get<std::string>())
            : QString();
        if (m_options.expectedSha256.isEmpty() ||
            storedSha.compare(m_options.expectedSha256.trimmed(), Qt::CaseInsensitive) == 0)
            request.setRawHeader("If-None-Match", QByteArray::fromStdString(meta["etag"].get<std::string>()));
    }
    m_reply = m_nam->get(request);
    connect(m_reply, &QNetworkReply::metaDataChanged, this, &CatalogFetcher::onMetaData);
    connect(m_reply, &QIODevice::readyRead, this, &CatalogFetcher::onReadyRead);
    connect(m_reply, &QNetworkReply::finished, this, &CatalogFetcher::onFinished);
    connect(m_reply, &QNetworkReply::downloadProgress, this, &CatalogFetcher::progress);
}

void CatalogFetcher::onMetaData()
{
    const QVariant length = m_reply->header(QNetworkRequest::ContentLengthHeader);
    if (length.isValid() && length.toLongLong() > m_options.maxBytes) {
        m_abortReason = QStringLiteral("too large: the server announces %1, the limit is %2")
                            .arg(sizeText(length.toLongLong()), sizeText(m_options.maxBytes));
        m_reply->abort();
    }
}

void CatalogFetcher::onReadyRead()
{
    m_body += m_reply->readAll();
    if (m_body.size() > m_options.maxBytes) {
        // No Content-Length (chunked or until close) or a server sending more than it announced.
        m_abortReason = QStringLiteral("too large: %1 received so far, the limit is %2")
                            .arg(sizeText(m_body.size()), sizeText(m_options.maxBytes));
        m_reply->abort();
    }
}

void CatalogFetcher::onFinished()
{
    QNetworkReply *reply = m_reply;
    if (!reply)
        return;
    if (m_abortReason.isEmpty() && reply->isOpen()) // a transfer timeout closes the reply
        m_body += reply->readAll();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QString reasonPhrase = reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString();
    const QVariant length = reply->header(QNetworkRequest::ContentLengthHeader);
    const QNetworkReply::NetworkError error = reply->error();
    const QString errorText = reply->errorString();
    const QByteArray etag = reply->rawHeader("ETag");
    const QUrl from = reply->url();
    const QUrl location = reply->attribute(QNetworkRequest::RedirectionTargetAttribute).toUrl();
    reply->deleteLater();
    m_reply = nullptr;

    if (!m_abortReason.isEmpty())
        return fail(m_abortReason, status);
    if (status == 301 || status == 302 || status == 303 || status == 307 || status == 308)
        return followRedirect(status, from, location);
    if (status == 304) {
        if (!QFileInfo::exists(storedPath()))
            return fail(QStringLiteral("the server answered 304 Not Modified but no stored catalog exists"), status);
        FetchResult r;
        r.status = FetchResult::Status::NotModified;
        r.httpStatus = status;
        r.storedFile = storedPath();
        r.deviceTypes = storedTypeCount();
        r.message = QStringLiteral("not modified (HTTP 304, ETag matches); keeping %1").arg(r.storedFile);
        return finish(r);
    }
    if (error == QNetworkReply::OperationCanceledError)
        return fail(QStringLiteral("timed out: no data for %1 s").arg(m_options.stallTimeoutMs / 1000.0), status);
    if (status >= 400)
        return fail(QStringLiteral("HTTP %1 %2").arg(status).arg(reasonPhrase), status);
    if (length.isValid() && m_body.size() < length.toLongLong())
        return fail(QStringLiteral("truncated: received %1 of %2 bytes").arg(m_body.size()).arg(length.toLongLong()),
                    status);
    if (error != QNetworkReply::NoError)
        return fail(errorText, status);
    if (status != 200)
        return fail(QStringLiteral("unexpected HTTP %1 %2").arg(status).arg(reasonPhrase), status);

    storeBody(status, etag);
}

// A 3xx answer: follow its Location, within the redirect limit, to http(s) only and never from https down to http.
void CatalogFetcher::followRedirect(int status, const QUrl &from, const QUrl &location)
{
    const QUrl target = from.resolved(location);
    if (location.isEmpty())
        return fail(QStringLiteral("HTTP %1 without a Location to follow").arg(status), status);
    if (m_redirects >= m_options.maxRedirects)
        return fail(QStringLiteral("too many redirects: followed %1, the limit is %2")
                        .arg(m_redirects)
                        .arg(m_options.maxRedirects),
                    status);
    if (target.scheme() != QLatin1String("http") && target.scheme() != QLatin1String("https"))
        return fail(QStringLiteral("redirected to \"%1\", not an http(s) URL").arg(target.toString()), status);
    if (from.scheme() == QLatin1String("https") && target.scheme() == QLatin1String("http"))
        return fail(QStringLiteral("refused a redirect from https to plain http (%1)").arg(target.toString()), status);
    ++m_redirects;
    m_body.clear();
    sendRequest(target);
}

// A complete 200 answer: check its SHA-256 and that it loads as a catalog, then store it with its ETag.
void CatalogFetcher::storeBody(int status, const QByteArray &etag)
{
    const QString sha = QString::fromLatin1(QCryptographicHash::hash(m_body, QCryptographicHash::Sha256).toHex());
    if (!m_options.expectedSha256.isEmpty() &&
        sha.compare(m_options.expectedSha256.trimmed(), Qt::CaseInsensitive) != 0)
        return fail(QStringLiteral("SHA-256 mismatch: expected %1, got %2")
                        .arg(m_options.expectedSha256.trimmed().toLower(), sha),
                    status);
    Catalog check;
    LoadError loadError;
    if (!check.loadCatalogData(m_body, m_url.toString(), Catalog::kFetchedLayer, &loadError))
        return fail(QStringLiteral("invalid catalog: %1").arg(loadError.toString()), status);

    QString writeError;
    if (!writeAtomically(storedPath(), m_body, &writeError))
        return fail(writeError, status);
    Json meta{{"url", m_url.toString().toStdString()}, {"sha256", sha.toStdString()}, {"bytes", m_body.size()}};
    if (!etag.isEmpty())
        meta["etag"] = etag.toStdString();
    writeAtomically(metaPath(), QByteArray::fromStdString(meta.dump(2)),
                    &writeError); // a lost ETag only costs a full download
    FetchResult r;
    r.status = FetchResult::Status::Updated;
    r.httpStatus = status;
    r.storedFile = storedPath();
    r.deviceTypes = static_cast<int>(check.deviceTypes().size());
    r.message = QStringLiteral("updated: %1 device type(s), %2, SHA-256 %3, stored in %4")
                    .arg(r.deviceTypes)
                    .arg(sizeText(m_body.size()), sha, r.storedFile);
    finish(r);
}

void CatalogFetcher::fail(const QString &why, int httpStatus)
{
    FetchResult r;
    r.status = FetchResult::Status::Failed;
    r.httpStatus = httpStatus;
    if (QFileInfo::exists(storedPath())) {
        r.storedFile = storedPath();
        r.deviceTypes = storedTypeCount();
        r.message = QStringLiteral("%1; keeping the last good catalog %2").arg(why, r.storedFile);
    } else {
        r.message = QStringLiteral("%1; no catalog was fetched from this URL before, nothing changed").arg(why);
    }
    finish(r);
}

void CatalogFetcher::finish(FetchResult result)
{
    m_deadline->stop();
    m_body.clear();
    emit finished(result);
}

void CatalogFetcher::abort()
{
    if (m_reply) {
        m_abortReason = QStringLiteral("cancelled");
        m_reply->abort();
    }
}

FetchResult CatalogFetcher::fetchBlocking(const QUrl &url)
{
    FetchResult result;
    QEventLoop loop;
    const auto connection = connect(this, &CatalogFetcher::finished, &loop, [&](const FetchResult &r) {
        result = r;
        loop.quit();
    });
    start(url);
    loop.exec();
    disconnect(connection);
    return result;
}

} // namespace pp
