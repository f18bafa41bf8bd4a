#include "catalog/fetch/catalogfetcher.h"
#include "catalog/model/catalog.h"

#include "tests/common/catalogfixtures.h"
#include "tests/common/loopbackserver.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace pp;

// Catalog updates over HTTP against a loopback server: good, stalled, too slow overall, truncated,
// HTTP 500, wrong hash, oversized (announced or streamed), invalid, redirects and 304. A fault
// keeps the last good catalog and says why.
class TestCatalogFetch : public QObject {
    Q_OBJECT
private slots:
    void init();
    void goodCatalogUpdatesFetchedLayer();
    void faultKeepsLastGoodCatalog_data();
    void faultKeepsLastGoodCatalog();
    void notModifiedUsesETag();
    void notModifiedWithoutStoredCatalogFails();
    void failureWithoutPreviousCatalogChangesNothing();
    void chunkedCatalogWithoutLengthIsAccepted();
    void redirectsUpToTheLimitAreFollowed();

private:
    enum class Mode {
        Good,
        Slow,
        Trickle,
        Truncated,
        Error500,
        Oversized,
        OversizedChunked,
        Chunked,
        Invalid,
        RedirectLoop,
        Redirects,
        AlwaysNotModified
    };
    HttpResponse answer(const HttpRequest &request) const;
    FetchOptions options() const;
    QByteArray storedBytes() const;

    static constexpr int kTimeoutMs = 3000;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<LoopbackServer> m_server;
    Mode m_mode = Mode::Good;
    QByteArray m_good;
};

void TestCatalogFetch::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_mode = Mode::Good;
    m_good = labCatalog();
    m_server = std::make_unique<LoopbackServer>([this](const HttpRequest &r) { return answer(r); });
    QVERIFY(m_server->isListening());
}

HttpResponse TestCatalogFetch::answer(const HttpRequest &request) const
{
    HttpResponse r;
    switch (m_mode) {
    case Mode::Good:
        if (request.headers.value("if-none-match") == "\"v1\"") {
            r.status = 304;
            r.reason = "Not Modified";
            return r;
        }
        r.headers << qMakePair(QByteArray("ETag"), QByteArray("\"v1\""))
                  << qMakePair(QByteArray("Content-Type"), QByteArray("application/json"));
        r.body = m_good;
        return r;
    case Mode::Slow:
        r.body = m_good;
        r.mode = HttpResponse::Mode::Stall;
        return r;
    case Mode::Trickle:
        // 8 bytes every 50 ms: never silent for the 700 ms stall timeout, but far over a 1 s deadline.
        r.body = m_good;
        r.mode = HttpResponse::Mode::Trickle;
        r.trickleBytes = 8;
        r.trickleMs = 50;
        return r;
    case Mode::Chunked:
        r.body = m_good;
        r.mode = HttpResponse::Mode::Chunked;
        return r;
    case Mode::OversizedChunked:
        r.body = QByteArray(200 * 1024, ' ');
        r.mode = HttpResponse::Mode::Chunked;
        return r;
    case Mode::AlwaysNotModified:
        r.status = 304;
        r.reason = "Not Modified";
        return r;
    case Mode::Redirects: {
        // /hop/N redirects to /hop/N-1; /hop/0 is the catalog.
        const int hop = QString::fromLatin1(request.path().mid(5)).toInt();
        if (hop == 0) {
            r.body = m_good;
            return r;
        }
        r.status = 302;
        r.reason = "Found";
        r.headers << qMakePair(QByteArray("Location"),
                               m_server->url(QStringLiteral("/hop/%1").arg(hop - 1)).toEncoded());
        r.body = "<a href=\"/hop\">moved</a>"; // a body, as real servers send, that is never read
        return r;
    }
    case Mode::Truncated:
        r.body = m_good.left(m_good.size() / 2);
        r.declaredLength = m_good.size();
        r.mode = HttpResponse::Mode::Truncate;
        return r;
    case Mode::Error500:
        r.status = 500;
        r.reason = "Internal Server Error";
        r.body = "oops";
        return r;
    case Mode::Oversized:
        r.body = QByteArray(200 * 1024, ' ');
        return r;
    case Mode::Invalid:
        r.body =
            R"~({"format": "pocplanner-catalog", "version": 1, "deviceTypes": [ { "id": "x", "role": "toaster" } ]})~";
        return r;
    case Mode::RedirectLoop:
        r.status = 302;
        r.reason = "Found";
        r.body = "<a href=\"/catalog.json\">moved</a>";
        r.headers << qMakePair(QByteArray("Location"), m_server->url(QStringLiteral("/catalog.json")).toEncoded());
        return r;
    }
    return r;
}

FetchOptions TestCatalogFetch::options() const
{
    FetchOptions o;
    o.timeoutMs = kTimeoutMs;
    o.stallTimeoutMs = 700;
    o.maxRedirects = 3;
    o.maxBytes = 64 * 1024;
    o.storeDir = m_dir->filePath(QStringLiteral("fetched"));
    o.cacheDir = m_dir->filePath(QStringLiteral("cache"));
    return o;
}

QByteArray TestCatalogFetch::storedBytes() const
{
    QFile f(QDir(options().storeDir)
                .filePath(CatalogFetcher::storeFileName(m_server->url(QStringLiteral("/catalog.json")))));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void TestCatalogFetch::goodCatalogUpdatesFetchedLayer()
{
    CatalogFetcher fetcher(options());
    const FetchResult r = fetcher.fetchBlocking(m_server->url(QStringLiteral("/catalog.json")));
    QVERIFY2(r.status == FetchResult::Status::Updated, qPrintable(r.message));
    QCOMPARE(r.deviceTypes, 2);
    QCOMPARE(storedBytes(), m_good);

    // The fetched layer wins over the built-in definition, whatever the loading order.
    Catalog catalog = Catalog::builtIn();
    QVERIFY(catalog.loadFolder(options().storeDir, Catalog::kFetchedLayer, nullptr));
    const DeviceType *sw = catalog.deviceType(QStringLiteral("sw-sn2201"));
    QVERIFY(sw);
    QCOMPARE(sw->layer, Catalog::kFetchedLayer);
    QCOMPARE(sw->typicalW.valueOr(0), 140.0);
    QCOMPARE(sw->typicalW.source, QStringLiteral("LAB"));
    QCOMPARE(catalog.definitions(QStringLiteral("sw-sn2201")).size(), std::size_t(2));
    QCOMPARE(catalog.definitions(QStringLiteral("sw-sn2201")).front().layer, Catalog::kBuiltInLayer);
    QVERIFY(catalog.overriddenIds().contains(QStringLiteral("sw-sn2201")));
    QVERIFY(catalog.deviceType(QStringLiteral("lab-leaf")));
}

void TestCatalogFetch::faultKeepsLastGoodCatalog_data()
{
    QTest::addColumn<int>("mode");
    QTest::addColumn<QString>("pin");
    QTest::addColumn<int>("timeoutMs");
    QTest::addColumn<QString>("why");
    QTest::addColumn<int>("requests"); // made by the faulty fetch: no retries, redirects up to the limit
    const int t = kTimeoutMs;
    QTest::newRow("stalled") << int(Mode::Slow) << QString() << t << QStringLiteral("timed out: no data for 0.7 s")
                             << 1;
    QTest::newRow("over-deadline") << int(Mode::Trickle) << QString() << 1000
                                   << QStringLiteral("timed out: the download took longer than 1 s") << 1;
    QTest::newRow("truncated") << int(Mode::Truncated) << QString() << t << QStringLiteral("truncated") << 1;
    QTest::newRow("http-500") << int(Mode::Error500) << QString() << t
                              << QStringLiteral("HTTP 500 Internal Server Error") << 1;
    QTest::newRow("wrong-hash") << int(Mode::Good) << QString(64, QLatin1Char('a')) << t
                                << QStringLiteral("SHA-256 mismatch") << 1;
    QTest::newRow("oversized") << int(Mode::Oversized) << QString() << t
                               << QStringLiteral(
                                      "too large: the server announces 204800 bytes, the limit is 65536 bytes")
                               << 1;
    QTest::newRow("oversized-chunked") << int(Mode::OversizedChunked) << QString() << t
                                       << QStringLiteral("received so far, the limit is 65536 bytes") << 1;
    QTest::newRow("invalid") << int(Mode::Invalid) << QString() << t << QStringLiteral("invalid catalog") << 1;
    QTest::newRow("redirect-loop") << int(Mode::RedirectLoop) << QString() << t
                                   << QStringLiteral("too many redirects: followed 3, the limit is 3") << 4;
}

void TestCatalogFetch::faultKeepsLastGoodCatalog()
{
    QFETCH(int, mode);
    QFETCH(QString, pin);
    QFETCH(int, timeoutMs);
    QFETCH(QString, why);
    QFETCH(int, requests);
    const QUrl url = m_server->url(QStringLiteral("/catalog.json"));
    {
        CatalogFetcher first(options());
        QVERIFY(first.fetchBlocking(url).status == FetchResult::Status::Updated);
    }
    // A changed catalog on the server, so that "kept" cannot be confused with "unchanged".
    m_good.replace("Lab leaf", "Lab leaf v2");
    m_mode = static_cast<Mode>(mode);
    FetchOptions o = options();
    o.expectedSha256 = pin;
    o.timeoutMs = timeoutMs;
    CatalogFetcher fetcher(o);
    const auto before = m_server->requests.size();
    const FetchResult r = fetcher.fetchBlocking(url);
    QVERIFY2(r.status == FetchResult::Status::Failed, qPrintable(r.message));
    QVERIFY2(r.message.contains(why), qPrintable(r.message));
    QCOMPARE(int(m_server->requests.size() - before), requests);
    QVERIFY2(r.message.contains(QStringLiteral("keeping the last good catalog")), qPrintable(r.message));
    QCOMPARE(storedBytes(), labCatalog());
    QCOMPARE(r.deviceTypes, 2);
    Catalog catalog;
    QVERIFY(catalog.loadFolder(o.storeDir, Catalog::kFetchedLayer, nullptr));
    QCOMPARE(catalog.deviceType(QStringLiteral("lab-leaf"))->model, QStringLiteral("Lab leaf"));
}

void TestCatalogFetch::notModifiedUsesETag()
{
    const QUrl url = m_server->url(QStringLiteral("/catalog.json"));
    CatalogFetcher fetcher(options());
    QVERIFY(fetcher.fetchBlocking(url).status == FetchResult::Status::Updated);
    QVERIFY(!m_server->requests.last().headers.contains("if-none-match"));
    const FetchResult r = fetcher.fetchBlocking(url);
    QVERIFY2(r.status == FetchResult::Status::NotModified, qPrintable(r.message));
    QCOMPARE(m_server->requests.last().headers.value("if-none-match"), QByteArray("\"v1\""));
    QCOMPARE(r.httpStatus, 304);
    QVERIFY(r.message.contains(QStringLiteral("not modified")));
    QCOMPARE(storedBytes(), m_good);
    QCOMPARE(r.deviceTypes, 2);
}

void TestCatalogFetch::notModifiedWithoutStoredCatalogFails()
{
    // A server that answers 304 to a request that asked for nothing conditional, first with no
    // catalog ever fetched, then after the stored file went missing (its ETag record stays).
    const QUrl url = m_server->url(QStringLiteral("/catalog.json"));
    m_mode = Mode::AlwaysNotModified;
    {
        CatalogFetcher fetcher(options());
        const FetchResult r = fetcher.fetchBlocking(url);
        QVERIFY(r.status == FetchResult::Status::Failed);
        QVERIFY2(r.message.contains(QStringLiteral("304 Not Modified but no stored catalog exists")) &&
                     r.message.contains(QStringLiteral("nothing changed")),
                 qPrintable(r.message));
        QCOMPARE(r.deviceTypes, 0);
    }
    m_mode = Mode::Good;
    CatalogFetcher fetcher(options());
    QVERIFY(fetcher.fetchBlocking(url).status == FetchResult::Status::Updated);
    const QString stored = QDir(options().storeDir).filePath(CatalogFetcher::storeFileName(url));
    QVERIFY(QFile::remove(stored));
    QVERIFY(QFileInfo::exists(QDir(options().cacheDir).filePath(CatalogFetcher::storeFileName(url))));
    m_mode = Mode::AlwaysNotModified;
    const FetchResult r = fetcher.fetchBlocking(url);
    QVERIFY(!m_server->requests.last().headers.contains("if-none-match")); // nothing to be "not modified" against
    QVERIFY(r.status == FetchResult::Status::Failed);
    QVERIFY2(r.message.contains(QStringLiteral("no stored catalog exists")), qPrintable(r.message));
    QVERIFY(!QFileInfo::exists(stored));
}

void TestCatalogFetch::failureWithoutPreviousCatalogChangesNothing()
{
    m_mode = Mode::Error500;
    CatalogFetcher fetcher(options());
    const FetchResult r = fetcher.fetchBlocking(m_server->url(QStringLiteral("/catalog.json")));
    QVERIFY(r.status == FetchResult::Status::Failed);
    QVERIFY2(r.message.contains(QStringLiteral("HTTP 500")) && r.message.contains(QStringLiteral("nothing changed")),
             qPrintable(r.message));
    QVERIFY(r.storedFile.isEmpty());
    QVERIFY(!QFileInfo::exists(options().storeDir) || QDir(options().storeDir).isEmpty());
}

void TestCatalogFetch::chunkedCatalogWithoutLengthIsAccepted()
{
    // The streaming size cap must not refuse a body that simply has no Content-Length.
    m_mode = Mode::Chunked;
    CatalogFetcher fetcher(options());
    const FetchResult r = fetcher.fetchBlocking(m_server->url(QStringLiteral("/catalog.json")));
    QVERIFY2(r.status == FetchResult::Status::Updated, qPrintable(r.message));
    QVERIFY(!m_server->requests.isEmpty());
    QCOMPARE(storedBytes(), m_good);
}

void TestCatalogFetch::redirectsUpToTheLimitAreFollowed()
{
    m_mode = Mode::Redirects;
    const FetchOptions o = options(); // maxRedirects 3
    {
        CatalogFetcher fetcher(o);
        const FetchResult r = fetcher.fetchBlocking(m_server->url(QStringLiteral("/hop/3")));
        QVERIFY2(r.status == FetchResult::Status::Updated, qPrintable(r.message));
        QCOMPARE(m_server->requests.size(), 4);
        QCOMPARE(m_server->requests.last().path(), QByteArray("/hop/0"));
    }
    m_server->requests.clear();
    CatalogFetcher fetcher(o);
    const FetchResult r = fetcher.fetchBlocking(m_server->url(QStringLiteral("/hop/4")));
    QVERIFY(r.status == FetchResult::Status::Failed);
    QVERIFY2(r.message.contains(QStringLiteral("too many redirects: followed 3, the limit is 3")),
             qPrintable(r.message));
    QCOMPARE(m_server->requests.size(), o.maxRedirects + 1); // stopped at /hop/1, never asked for /hop/0
    QCOMPARE(m_server->requests.last().path(), QByteArray("/hop/1"));
}

QTEST_GUILESS_MAIN(TestCatalogFetch)
#include "tst_catalogfetch.moc"
