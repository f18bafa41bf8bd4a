#include "catalog/fetch/catalogfetcher.h"

#include "tests/common/fakenetbox.h"
#include "tests/common/loopbackserver.h"

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

// The catalog-ecosystem commands as a user runs them: import-netbox, show (through the whole
// layer stack), fetch (with its ETag cache), netbox push.
// Each run gets its own config, data and cache folders; servers are on loopback only.
class TestCatalogCli : public QObject {
    Q_OBJECT
private slots:
    void init();
    void importIntoUserLayerAndShow();
    void importBadFileWritesNothing();
    void userFileOverrideIsVisible();
    void layerStackDecidesWhichDefinitionWins();
    void fetchKeepsLastGoodCatalog();
    void fetchCachesETagInUserCacheDir();
    void netboxDryRunRedactsToken();
    void netboxPushTwiceUpdates();
    void netboxPushNeedsToken();

private:
    struct Result {
        int exitCode = -1;
        QString out;
        QString err;
    };
    // Runs pocplan while this process keeps serving loopback requests.
    Result run(const QStringList &args, const QString &token = QString());
    QString samples() const { return QStringLiteral(POCPLAN_SOURCE_DIR "/tests/netbox/data"); }
    QString kit() const { return QStringLiteral(POCPLAN_SOURCE_DIR "/resources/templates/poc-3c1d.pocplan.json"); }

    std::unique_ptr<QTemporaryDir> m_home;
};

void TestCatalogCli::init()
{
    m_home = std::make_unique<QTemporaryDir>();
    QVERIFY(m_home->isValid());
    // The same folders in this process, so that the test knows where pocplan keeps its layers.
    qputenv("XDG_CONFIG_HOME", m_home->filePath(QStringLiteral("config")).toUtf8());
    qputenv("XDG_DATA_HOME", m_home->filePath(QStringLiteral("data")).toUtf8());
    qputenv("XDG_CACHE_HOME", m_home->filePath(QStringLiteral("cache")).toUtf8());
    QCoreApplication::setOrganizationName(QStringLiteral("pocplanner"));
    QCoreApplication::setApplicationName(QStringLiteral("pocplanner"));
}

static QString userDir()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation) + QStringLiteral("/catalog");
}

// A catalog file redefining the built-in SN2201 with a model name and typical draw of its own.
static bool writeSn2201(const QString &file, const QString &model, int typicalW)
{
    QDir().mkpath(QFileInfo(file).absolutePath());
    QFile f(file);
    if (!f.open(QIODevice::WriteOnly))
        return false;
    f.write(QStringLiteral(R"~({"format": "pocplanner-catalog", "version": 1,
      "sources": {"LAYER": {"title": "layer test", "url": ""}},
      "deviceTypes": [{"id": "sw-sn2201", "vendor": "NVIDIA", "model": "%1", "role": "switch", "uHeight": 1,
        "typicalW": {"value": %2, "source": "LAYER", "confidence": "stated"},
        "ports": [{"pattern": "swp{n}", "count": 48, "speedGbps": 1, "media": "RJ45", "purpose": "mgmt"}]}]})~")
                .arg(model)
                .arg(typicalW)
                .toUtf8());
    return true;
}

TestCatalogCli::Result TestCatalogCli::run(const QStringList &args, const QString &token)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home->filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("XDG_DATA_HOME"), m_home->filePath(QStringLiteral("data")));
    env.insert(QStringLiteral("XDG_CACHE_HOME"), m_home->filePath(QStringLiteral("cache")));
    env.remove(QStringLiteral("POCPLAN_NETBOX_TOKEN"));
    if (!token.isEmpty())
        env.insert(QStringLiteral("POCPLAN_NETBOX_TOKEN"), token);
    env.insert(QStringLiteral("no_proxy"), QStringLiteral("*"));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(POCPLAN_CLI), args);
    QElapsedTimer clock;
    clock.start();
    while (p.state() != QProcess::NotRunning && clock.elapsed() < 60000) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        p.waitForFinished(5);
    }
    Result r;
    r.exitCode = p.exitStatus() == QProcess::NormalExit && p.state() == QProcess::NotRunning ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

void TestCatalogCli::importIntoUserLayerAndShow()
{
    Result r = run({QStringLiteral("catalog"), QStringLiteral("import-netbox"), samples()});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY(r.out.contains(QStringLiteral("nvidia-sn5600")));
    QVERIFY(r.out.contains(QStringLiteral("imported 6 device type(s)"))); // two switches + library/
    QVERIFY(r.err.contains(QStringLiteral("warning: ")) && r.err.contains(QStringLiteral("guessed switch")));
    const QString userFile = userDir() + QStringLiteral("/user-catalog.json");
    QVERIFY(QFileInfo::exists(userFile));

    r = run({QStringLiteral("catalog"), QStringLiteral("show"), QStringLiteral("nvidia-sn5600")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(r.out.contains(QStringLiteral("layer: user (") + userFile), qPrintable(r.out));
    QVERIFY2(r.out.contains(
                 QRegularExpression(QStringLiteral("weightKg +23\\.5 kg +stated-3P +netbox:Nvidia/nvidia-sn5600"))),
             qPrintable(r.out));
    QVERIFY2(r.out.contains(QRegularExpression(QStringLiteral("maxW +unknown +not-found"))), qPrintable(r.out));
    QVERIFY(r.out.contains(QStringLiteral("64 x 800 Gbit/s OSFP, data")));
    QVERIFY(r.out.contains(QStringLiteral("2U")) && r.out.contains(QStringLiteral("rear-to-front")));

    r = run({QStringLiteral("catalog"), QStringLiteral("list"), QStringLiteral("--role"), QStringLiteral("switch")});
    QVERIFY(r.out.contains(QRegularExpression(QStringLiteral("nvidia-sn4700 .* user +NVIDIA SN4700"))));

    // Importing again updates in place.
    r = run({QStringLiteral("catalog"), QStringLiteral("import-netbox"), samples() + QStringLiteral("/sn4700.yml")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(r.out.contains(QStringLiteral("(0 new, 1 updated)")), qPrintable(r.out));
}

void TestCatalogCli::importBadFileWritesNothing()
{
    const QString bad = m_home->filePath(QStringLiteral("bad.yaml"));
    QFile f(bad);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("manufacturer: Nvidia\nmodel: X\nu_height: high\n");
    f.close();
    const QString out = m_home->filePath(QStringLiteral("out.json"));
    const Result r = run({QStringLiteral("catalog"), QStringLiteral("import-netbox"), bad, QStringLiteral("-o"), out});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(bad + QStringLiteral(":3:11: u_height: expected a number")), qPrintable(r.err));
    QVERIFY(!QFileInfo::exists(out));
}

void TestCatalogCli::userFileOverrideIsVisible()
{
    const QString dir = userDir();
    QVERIFY(QDir().mkpath(dir));
    QFile f(dir + QStringLiteral("/site-overrides.json"));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(R"~({"format": "pocplanner-catalog", "version": 1,
      "sources": {"LABSHEET": {"title": "Our lab's measured draw", "url": ""}},
      "deviceTypes": [{"id": "sw-sn2201", "vendor": "NVIDIA", "model": "SN2201", "role": "switch", "uHeight": 1,
        "typicalW": {"value": 98, "source": "LABSHEET", "confidence": "stated"},
        "ports": [{"pattern": "swp{n}", "count": 48, "speedGbps": 1, "media": "RJ45", "purpose": "mgmt"}]}]})~");
    f.close();
    const Result r = run({QStringLiteral("catalog"), QStringLiteral("show"), QStringLiteral("sw-sn2201")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(r.out.contains(QStringLiteral("layer: user")), qPrintable(r.out));
    QVERIFY2(r.out.contains(QStringLiteral("overrides: built-in (:/catalog/switches.json)")), qPrintable(r.out));
    QVERIFY2(r.out.contains(QRegularExpression(
                 QStringLiteral("typicalW +98\\.0 W +stated +LABSHEET \\(Our lab's measured draw\\)"))),
             qPrintable(r.out));
    const Result list = run({QStringLiteral("catalog"), QStringLiteral("list"), QStringLiteral("--json")});
    QVERIFY(list.out.contains(QStringLiteral("\"overrides\": true")));
}

void TestCatalogCli::layerStackDecidesWhichDefinitionWins()
{
    const QString id = QStringLiteral("sw-sn2201");
    const QString userFile = userDir() + QStringLiteral("/lab.json");
    const QString extraFile = m_home->filePath(QStringLiteral("extra.json"));
    const QString fetchedFile =
        QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/fetched/vendor.json");
    QVERIFY(writeSn2201(userFile, QStringLiteral("from the user folder"), 101));
    QVERIFY(writeSn2201(extraFile, QStringLiteral("from --catalog"), 102));
    const QStringList show{QStringLiteral("catalog"), QStringLiteral("show"), id};
    const QStringList showExtra = show + QStringList{QStringLiteral("--catalog"), extraFile};
    const QString builtIn = QStringLiteral("built-in (:/catalog/switches.json)");

    // No fetched catalog: the user folder beats the built-in ...
    Result r = run(show);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(r.out.contains(QStringLiteral("from the user folder")) &&
                 r.out.contains(QStringLiteral("layer: user (") + userFile + QLatin1Char(')')),
             qPrintable(r.out));
    QVERIFY2(r.out.contains(QStringLiteral("overrides: ") + builtIn + QLatin1Char('\n')), qPrintable(r.out));
    QVERIFY(r.out.contains(QRegularExpression(QStringLiteral("typicalW +101\\.0 W"))));
    // ... and a --catalog file is the user layer too, loaded after the folder, so it wins there.
    r = run(showExtra);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(r.out.contains(QStringLiteral("layer: user (") + extraFile + QLatin1Char(')')), qPrintable(r.out));
    QVERIFY2(r.out.contains(QStringLiteral("overrides: %1, user (%2)\n").arg(builtIn, userFile)), qPrintable(r.out));
    QVERIFY(r.out.contains(QRegularExpression(QStringLiteral("typicalW +102\\.0 W"))));

    // A fetched catalog beats all of them, with or without --catalog.
    QVERIFY(writeSn2201(fetchedFile, QStringLiteral("from the fetched layer"), 103));
    for (const QStringList &args : {show, showExtra}) {
        r = run(args);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QStringLiteral("from the fetched layer")) &&
                     r.out.contains(QStringLiteral("layer: fetched (") + fetchedFile + QLatin1Char(')')),
                 qPrintable(r.out));
        QVERIFY(r.out.contains(QRegularExpression(QStringLiteral("typicalW +103\\.0 W"))));
    }
    QVERIFY2(r.out.contains(QStringLiteral("overrides: %1, user (%2), user (%3)\n").arg(builtIn, userFile, extraFile)),
             qPrintable(r.out));
    r = run(showExtra + QStringList{QStringLiteral("--json")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const Json doc = Json::parse(r.out.toStdString(), nullptr, false);
    QVERIFY2(doc.is_object(), qPrintable(r.out));
    QCOMPARE(doc["layer"], Json("fetched"));
    std::vector<std::string> layers;
    for (const Json &d : doc["definitions"])
        layers.push_back(d["layer"].get<std::string>());
    QCOMPARE(layers, (std::vector<std::string>{"built-in", "user", "user", "fetched"}));
    r = run({QStringLiteral("catalog"), QStringLiteral("list"), QStringLiteral("--role"), QStringLiteral("switch")});
    QVERIFY2(
        r.out.contains(QRegularExpression(QStringLiteral("sw-sn2201 .* fetched\\* +NVIDIA from the fetched layer"))),
        qPrintable(r.out));
}

void TestCatalogCli::fetchKeepsLastGoodCatalog()
{
    QByteArray body = R"~({"format": "pocplanner-catalog", "version": 1, "deviceTypes": [
        {"id": "lab-leaf", "vendor": "Generic", "model": "Lab leaf", "role": "switch", "uHeight": 1,
         "ports": [{"pattern": "swp{n}", "count": 32, "speedGbps": 400, "media": "QSFP-DD"}]}]})~";
    int status = 200;
    LoopbackServer server([&](const HttpRequest &) {
        HttpResponse r;
        r.status = status;
        r.reason = status == 200 ? "OK" : "Internal Server Error";
        r.body = status == 200 ? body : QByteArray("oops");
        return r;
    });
    const QString url = server.url(QStringLiteral("/catalog.json")).toString();
    const QString sha = QString::fromLatin1(QCryptographicHash::hash(body, QCryptographicHash::Sha256).toHex());
    Result r = run({QStringLiteral("catalog"), QStringLiteral("fetch"), url, QStringLiteral("--sha256"), sha});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(r.out.contains(QStringLiteral("updated: 1 device type(s)")), qPrintable(r.out));

    status = 500;
    r = run({QStringLiteral("catalog"), QStringLiteral("fetch"), url});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QStringLiteral("HTTP 500")) &&
                 r.err.contains(QStringLiteral("keeping the last good catalog")),
             qPrintable(r.err));

    status = 200;
    r = run({QStringLiteral("catalog"), QStringLiteral("fetch"), url, QStringLiteral("--sha256"),
             QString(64, QLatin1Char('0'))});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QStringLiteral("SHA-256 mismatch")), qPrintable(r.err));

    r = run({QStringLiteral("catalog"), QStringLiteral("show"), QStringLiteral("lab-leaf")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY(r.out.contains(QStringLiteral("layer: fetched")));

    r = run({QStringLiteral("catalog"), QStringLiteral("fetch"), QStringLiteral("ftp://example.com/x.json")});
    QCOMPARE(r.exitCode, 2);
}

void TestCatalogCli::fetchCachesETagInUserCacheDir()
{
    const QByteArray body = R"~({"format": "pocplanner-catalog", "version": 1, "deviceTypes": [
        {"id": "lab-leaf", "vendor": "Generic", "model": "Lab leaf", "role": "switch", "uHeight": 1,
         "ports": [{"pattern": "swp{n}", "count": 32, "speedGbps": 400, "media": "QSFP-DD"}]}]})~";
    LoopbackServer server([&](const HttpRequest &request) {
        HttpResponse r;
        r.headers << qMakePair(QByteArray("ETag"), QByteArray("W/\"cat-7\""));
        if (request.headers.value("if-none-match") == "W/\"cat-7\"") {
            r.status = 304;
            r.reason = "Not Modified";
            return r;
        }
        r.body = body;
        return r;
    });
    const QUrl url = server.url(QStringLiteral("/catalog.json"));
    Result r = run({QStringLiteral("catalog"), QStringLiteral("fetch"), url.toString()});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY(!server.requests.last().headers.contains("if-none-match"));

    // The ETag record is in the isolated XDG_CACHE_HOME, nowhere else.
    const QString cacheFile = m_home->filePath(QStringLiteral("cache/pocplanner/pocplanner/catalog-fetch/")) +
        pp::CatalogFetcher::storeFileName(url);
    QCOMPARE(QStandardPaths::writableLocation(QStandardPaths::CacheLocation) + QStringLiteral("/catalog-fetch/") +
                 pp::CatalogFetcher::storeFileName(url),
             cacheFile);
    QFile meta(cacheFile);
    QVERIFY2(meta.open(QIODevice::ReadOnly), qPrintable(cacheFile));
    QVERIFY(meta.readAll().contains("cat-7"));
    QVERIFY(!QFileInfo::exists(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
                               QStringLiteral("/catalog-fetch")));

    r = run({QStringLiteral("catalog"), QStringLiteral("fetch"), url.toString()});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(server.requests.last().headers.value("if-none-match"), QByteArray("W/\"cat-7\""));
    QVERIFY2(r.out.contains(QStringLiteral("not modified (HTTP 304")), qPrintable(r.out));
}

void TestCatalogCli::netboxDryRunRedactsToken()
{
    const Result r = run({QStringLiteral("netbox"), QStringLiteral("push"), kit(), QStringLiteral("--url"),
                          QStringLiteral("http://127.0.0.1:9/"), QStringLiteral("--dry-run")},
                         QStringLiteral("supersecret-token-value"));
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY(!r.out.contains(QStringLiteral("supersecret")) && !r.err.contains(QStringLiteral("supersecret")));
    QVERIFY(r.out.contains(QStringLiteral("Token ****")));
    QVERIFY(r.out.contains(QStringLiteral("POST http://127.0.0.1:9/api/dcim/sites/")));
    QVERIFY(r.out.contains(QStringLiteral("POST http://127.0.0.1:9/api/dcim/cables/")));
    QVERIFY(r.out.contains(QStringLiteral("\"a_terminations\"")));
    QVERIFY(r.out.contains(QStringLiteral("would have: created")));
}

void TestCatalogCli::netboxPushTwiceUpdates()
{
    FakeNetBox netbox;
    LoopbackServer server([&](const HttpRequest &r) { return netbox.handle(r); });
    const QStringList args{QStringLiteral("netbox"), QStringLiteral("push"), kit(), QStringLiteral("--url"),
                           server.url(QStringLiteral("/")).toString()};
    Result r = run(args, QStringLiteral("tok-1"));
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(r.out.contains(QStringLiteral("updated 0, failed 0")), qPrintable(r.out));
    QVERIFY(!r.out.contains(QStringLiteral("tok-1")) && !r.err.contains(QStringLiteral("tok-1")));
    const std::size_t devices = netbox.count("/api/dcim/devices/");
    r = run(args, QStringLiteral("tok-1"));
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(r.out.contains(QStringLiteral("created 0, updated")), qPrintable(r.out));
    QCOMPARE(netbox.count("/api/dcim/devices/"), devices);
    QCOMPARE(server.requests.first().headers.value("authorization"), QByteArray("Token tok-1"));
}

void TestCatalogCli::netboxPushNeedsToken()
{
    const Result r = run({QStringLiteral("netbox"), QStringLiteral("push"), kit(), QStringLiteral("--url"),
                          QStringLiteral("http://127.0.0.1:9/")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.err.contains(QStringLiteral("POCPLAN_NETBOX_TOKEN")));
}

QTEST_GUILESS_MAIN(TestCatalogCli)
#include "tst_catalogcli.moc"
