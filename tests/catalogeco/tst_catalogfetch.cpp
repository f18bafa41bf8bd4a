#include "catalog/catalogfetcher.h"
#include "catalog/catalog.h"

#include "loopbackserver.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace pp;

// Catalog updates over HTTP against a loopback server: good, slow, truncated, HTTP 500,
// wrong hash, oversized, invalid, redirect loop and 304. A fault keeps the last good catalog.
class TestCatalogFetch : public QObject {
    Q_OBJECT
private slots:
    void init();
    void goodCatalogUpdatesFetchedLayer();
    void faultKeepsLastGoodCatalog_data();
    void faultKeepsLastGoodCatalog();
    void notModifiedUsesETag();
    void failureWithoutPreviousCatalogChangesNothing();

private:
    enum class Mode { Good, Slow, Truncated, Error500, Oversized, Invalid, RedirectLoop };
    HttpResponse answer(const HttpRequest &request) const;
    FetchOptions options() const;
    QByteArray storedBytes() const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<LoopbackServer> m_server;
    Mode m_mode = Mode::Good;
    QByteArray m_good;
};

static QByteArray goodCatalog()
{
    return R"~({
  "format": "pocplanner-catalog", "version": 1,
  "sources": { "LAB": { "title": "Lab inventory sheet", "url": "" } },
  "deviceTypes": [
    { "id": "sw-sn2201", "vendor": "NVIDIA", "model": "SN2201 (lab-measured)", "role": "switch", "uHeight": 1,
      "typicalW": { "value": 140, "source": "LAB", "confidence": "stated" },
      "ports": [ { "pattern": "swp{n}", "count": 48, "speedGbps": 1, "media": "RJ45", "purpose": "mgmt" } ] },
    { "id": "lab-leaf", "vendor": "Generic", "model": "Lab leaf", "role": "switch", "uHeight": 1,
      "ports": [ { "pattern": "swp{n}", "count": 32, "speedGbps": 400, "media": "QSFP-DD" } ] }
  ]
}
)~";
}

void TestCatalogFetch::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_mode = Mode::Good;
    m_good = goodCatalog();
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
        r.headers << qMakePair(QByteArray("ETag"), QByteArray("\"v1\"")) << qMakePair(QByteArray("Content-Type"), QByteArray("application/json"));
        r.body = m_good;
        return r;
    case Mode::Slow:
        r.body = m_good;
        r.mode = HttpResponse::Mode::Stall;
        return r;
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
        r.body = R"~({"format": "pocplanner-catalog", "version": 1, "deviceTypes": [ { "id": "x", "role": "toaster" } ]})~";
        return r;
    case Mode::RedirectLoop:
        r.status = 302;
        r.reason = "Found";
        r.headers << qMakePair(QByteArray("Location"), m_server->url(QStringLiteral("/catalog.json")).toEncoded());
        return r;
    }
    return r;
}

FetchOptions TestCatalogFetch::options() const
{
    FetchOptions o;
    o.timeoutMs = 3000;
    o.stallTimeoutMs = 700;
    o.maxRedirects = 3;
    o.maxBytes = 64 * 1024;
    o.storeDir = m_dir->filePath(QStringLiteral("fetched"));
    o.cacheDir = m_dir->filePath(QStringLiteral("cache"));
    return o;
}

QByteArray TestCatalogFetch::storedBytes() const
{
    QFile f(QDir(options().storeDir).filePath(CatalogFetcher::storeFileName(m_server->url(QStringLiteral("/catalog.json")))));
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
    QTest::addColumn<QString>("why");
    QTest::newRow("slow") << int(Mode::Slow) << QString() << QStringLiteral("timed out");
    QTest::newRow("truncated") << int(Mode::Truncated) << QString() << QStringLiteral("truncated");
    QTest::newRow("http-500") << int(Mode::Error500) << QString() << QStringLiteral("HTTP 500 Internal Server Error");
    QTest::newRow("wrong-hash") << int(Mode::Good) << QString(64, QLatin1Char('a')) << QStringLiteral("SHA-256 mismatch");
    QTest::newRow("oversized") << int(Mode::Oversized) << QString() << QStringLiteral("too large");
    QTest::newRow("invalid") << int(Mode::Invalid) << QString() << QStringLiteral("invalid catalog");
    QTest::newRow("redirect-loop") << int(Mode::RedirectLoop) << QString() << QStringLiteral("redirect");
}

void TestCatalogFetch::faultKeepsLastGoodCatalog()
{
    QFETCH(int, mode);
    QFETCH(QString, pin);
    QFETCH(QString, why);
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
    CatalogFetcher fetcher(o);
    const FetchResult r = fetcher.fetchBlocking(url);
    QVERIFY2(r.status == FetchResult::Status::Failed, qPrintable(r.message));
    QVERIFY2(r.message.contains(why), qPrintable(r.message));
    QVERIFY2(r.message.contains(QStringLiteral("keeping the last good catalog")), qPrintable(r.message));
    QCOMPARE(storedBytes(), goodCatalog());
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

void TestCatalogFetch::failureWithoutPreviousCatalogChangesNothing()
{
    m_mode = Mode::Error500;
    CatalogFetcher fetcher(options());
    const FetchResult r = fetcher.fetchBlocking(m_server->url(QStringLiteral("/catalog.json")));
    QVERIFY(r.status == FetchResult::Status::Failed);
    QVERIFY2(r.message.contains(QStringLiteral("HTTP 500")) && r.message.contains(QStringLiteral("nothing changed")), qPrintable(r.message));
    QVERIFY(r.storedFile.isEmpty());
    QVERIFY(!QFileInfo::exists(options().storeDir) || QDir(options().storeDir).isEmpty());
}

QTEST_GUILESS_MAIN(TestCatalogFetch)
#include "tst_catalogfetch.moc"
