#include "app/gui/catalog/catalogmenus.h"
#include "app/gui/window/checkrunner.h"
#include "app/gui/window/mainwindow.h"

#include "planner/rules/rule.h"

#include "tests/common/catalogfixtures.h"
#include "tests/common/loopbackserver.h"

#include <QDir>
#include <QElapsedTimer>
#include <QMutex>
#include <QSemaphore>
#include <QSettings>
#include <QTemporaryDir>
#include <QtTest>
#include <atomic>
#include <set>
#include <utility>

using namespace pp;

namespace {

const QString kProbedType = QStringLiteral("sw-sn2201");

// What one run of the probe read from its catalog, at its start and at its end.
struct ProbeReading {
    double startW = -1;
    double endW = -1;
    std::size_t startTypes = 0;
    std::size_t endTypes = 0;
};

// A rule that makes a check's catalog visible: it reads the probed type's draw and walks every
// type of the catalog at its start and again at its end (optionally after waiting at a gate), and
// reports what it saw. A check that reads the live catalog while the GUI thread changes it sees
// two different catalogs (and ThreadSanitizer reports the race); one on a snapshot sees one.
class ProbeRule : public Rule {
public:
    QString id() const override { return QStringLiteral("test.probe"); }
    QString description() const override { return QStringLiteral("reads the catalog the check runs on"); }
    void check(const CheckContext &ctx, std::vector<Finding> &out) const override
    {
        ProbeReading r;
        r.startW = drawW(ctx);
        r.startTypes = walk(ctx.resolved().catalog());
        if (gated) {
            entered.release();
            gate.acquire();
        }
        r.endW = drawW(ctx);
        r.endTypes = walk(ctx.resolved().catalog());
        {
            QMutexLocker lock(&mutex);
            readings.push_back(r);
        }
        Finding f;
        f.rule = id();
        f.severity = Severity::Info;
        f.message = QStringLiteral("%1 W %2, %3 types").arg(kProbedType).arg(r.endW).arg(r.endTypes);
        out.push_back(f);
    }

    std::vector<ProbeReading> takeReadings() const
    {
        QMutexLocker lock(&mutex);
        return std::exchange(readings, {});
    }

    std::atomic<bool> gated{false};
    mutable QSemaphore entered;
    mutable QSemaphore gate;

private:
    static double drawW(const CheckContext &ctx)
    {
        const DeviceType *t = ctx.resolved().catalog().deviceType(kProbedType);
        return t ? t->typicalW.valueOr(-1) : -2;
    }
    // Reads every type the way rules do (ids, ports, figures) so that a concurrent write shows.
    static std::size_t walk(const Catalog &catalog)
    {
        std::size_t n = 0;
        double sum = 0;
        for (const DeviceType *t : catalog.deviceTypes()) {
            n += t->id.isEmpty() ? 0 : 1;
            sum += t->typicalW.valueOr(0) + static_cast<double>(t->ports.size());
        }
        return sum >= 0 ? n : 0;
    }

    mutable QMutex mutex;
    mutable std::vector<ProbeReading> readings;
};

// Runs a built-in rule as part of a test's rule list (CheckRunner takes one list of rules).
class ForwardRule : public Rule {
public:
    explicit ForwardRule(const Rule &rule)
        : m_rule(rule)
    { }
    QString id() const override { return m_rule.id(); }
    QString description() const override { return m_rule.description(); }
    void check(const CheckContext &ctx, std::vector<Finding> &out) const override { m_rule.check(ctx, out); }

private:
    const Rule &m_rule;
};

// The lab catalog with the probed switch drawing drawW, so every fetch brings a new catalog.
QByteArray labCatalogDrawing(int drawW)
{
    QByteArray body = labCatalog();
    body.replace("\"value\": 140", "\"value\": " + QByteArray::number(drawW));
    return body;
}

QString reportText(const CheckReport &report)
{
    QStringList lines;
    for (const Finding &f : report.findings)
        lines << QStringLiteral("%1 %2 %3").arg(f.rule).arg(static_cast<int>(f.severity)).arg(f.message);
    return lines.join(QLatin1Char('\n'));
}

} // namespace

// Background checks against catalog changes on the GUI thread (File ▸ Update catalog from URL, File
// ▸ Import NetBox device types): a check reads one immutable catalog snapshot from start to end,
// and a check started before a change finishes on its old snapshot. Built with POCPLAN_TSAN, the
// stress test is also the ThreadSanitizer run of the check runner.
class TestCheckRace : public QObject {
    Q_OBJECT
private slots:
    void init();
    void snapshotCopyIsCheap();
    void checkStartedBeforeSwapFinishesOnOldSnapshot();
    void fetchAndImportWhileChecksRun();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestCheckRace::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    qputenv("XDG_CONFIG_HOME", m_dir->filePath(QStringLiteral("config")).toUtf8());
    qputenv("XDG_DATA_HOME", m_dir->filePath(QStringLiteral("data")).toUtf8());
    qputenv("XDG_CACHE_HOME", m_dir->filePath(QStringLiteral("cache")).toUtf8());
}

void TestCheckRace::snapshotCopyIsCheap()
{
    // A catalog change copies the whole catalog once; the figure goes in the log for the record.
    const Catalog &builtIn = Catalog::builtIn();
    constexpr int kCopies = 200;
    QElapsedTimer timer;
    timer.start();
    std::size_t types = 0;
    for (int i = 0; i < kCopies; ++i) {
        const auto snapshot = std::make_shared<const Catalog>(builtIn);
        types += snapshot->deviceTypes().size();
    }
    const double perCopyUs = static_cast<double>(timer.nsecsElapsed()) / 1000.0 / kCopies;
    QCOMPARE(types, builtIn.deviceTypes().size() * kCopies);
    qInfo("built-in catalog (%zu device types): %.1f us per snapshot copy (mean of %d)", builtIn.deviceTypes().size(),
          perCopyUs, kCopies);
    // Far below one frame even under sanitizers; a deep copy that grew quadratic would fail this.
    QVERIFY2(perCopyUs < 50000, qPrintable(QString::number(perCopyUs)));
}

void TestCheckRace::checkStartedBeforeSwapFinishesOnOldSnapshot()
{
    LoopbackServer server([](const HttpRequest &) {
        HttpResponse r;
        r.body = labCatalogDrawing(140);
        return r;
    });
    QVERIFY(server.isListening());
    Catalog catalog = Catalog::builtIn();
    gui::MainWindow window(catalog);
    gui::CatalogMenus menus(window, catalog);
    int notices = 0;
    menus.setNotifier([&notices](bool ok, const QString &, const QString &text) {
        QVERIFY2(ok, qPrintable(text));
        ++notices;
    });
    QVERIFY(window.newFromTemplate(QStringLiteral("poc-3c1d")));
    ProbeRule probe;
    std::vector<std::unique_ptr<Rule>> rules;
    rules.push_back(std::make_unique<ForwardRule>(probe));
    gui::CheckRunner &checks = window.checks();
    checks.setRules(&rules);
    QTRY_VERIFY(!checks.isBusy()); // the template's own check
    probe.takeReadings();
    const std::shared_ptr<const Catalog> before = checks.catalog();

    probe.gated = true;
    checks.request(window.document().plan());
    QVERIFY(probe.entered.tryAcquire(1, 10000)); // the check is running, on the snapshot of before
    menus.updateFromUrl(server.url(QStringLiteral("/catalog.json")), QString());
    QTRY_COMPARE_WITH_TIMEOUT(notices, 1, 10000);
    // The live catalog changed and the runner holds a new snapshot while the old check still runs.
    QCOMPARE(catalog.deviceType(kProbedType)->typicalW.valueOr(-1), 140.0);
    QVERIFY(checks.catalog() != before);
    QCOMPARE(checks.catalog()->deviceType(kProbedType)->typicalW.valueOr(-1), 140.0);
    QVERIFY(!before->deviceType(kProbedType)->typicalW.known());

    // The check the change asks for (the window's own recheck may come later: ask now) waits
    // for the running one.
    checks.request(window.document().plan());
    QVERIFY(checks.isBusy());
    probe.gated = false;
    probe.gate.release(100);
    QSignalSpy ready(&checks, &gui::CheckRunner::reportReady);
    QTRY_VERIFY_WITH_TIMEOUT(!checks.isBusy(), 10000);
    const std::vector<ProbeReading> readings = probe.takeReadings();
    QVERIFY2(readings.size() >= 2, qPrintable(QString::number(readings.size())));
    // The check that started before the change read the old catalog to its end...
    QCOMPARE(readings.front().startW, -1.0);
    QCOMPARE(readings.front().endW, -1.0);
    QCOMPARE(readings.front().endTypes, before->deviceTypes().size());
    // ...and the one the change requested reads the new one; only that one is published.
    QCOMPARE(readings.back().endW, 140.0);
    QCOMPARE(readings.back().endTypes, catalog.deviceTypes().size());
    QVERIFY(!ready.isEmpty());
    QVERIFY2(reportText(checks.report()).contains(QStringLiteral("sw-sn2201 W 140,")),
             qPrintable(reportText(checks.report())));
}

void TestCheckRace::fetchAndImportWhileChecksRun()
{
    // POCPLAN_RACE_ITERATIONS raises the count for a longer ThreadSanitizer run.
    const int iterations = qEnvironmentVariableIsSet("POCPLAN_RACE_ITERATIONS")
        ? qEnvironmentVariableIntValue("POCPLAN_RACE_ITERATIONS")
        : 25;
    int served = 0;
    LoopbackServer server([&served](const HttpRequest &) {
        HttpResponse r;
        r.body = labCatalogDrawing(100 + served++);
        return r;
    });
    QVERIFY(server.isListening());
    Catalog catalog = Catalog::builtIn();
    gui::MainWindow window(catalog);
    gui::CatalogMenus menus(window, catalog);
    int notices = 0;
    menus.setNotifier([&notices](bool ok, const QString &, const QString &text) {
        QVERIFY2(ok, qPrintable(text));
        ++notices;
    });
    QVERIFY(window.newFromTemplate(QStringLiteral("poc-3c1d")));
    const Plan plan = window.document().plan();
    ProbeRule probe;
    std::vector<std::unique_ptr<Rule>> rules;
    for (const auto &rule : allRules())
        rules.push_back(std::make_unique<ForwardRule>(*rule));
    rules.push_back(std::make_unique<ForwardRule>(probe));
    gui::CheckRunner &checks = window.checks();
    checks.setRules(&rules);
    std::vector<CheckReport> published;
    connect(&checks, &gui::CheckRunner::reportReady, this,
            [&published](const CheckReport &report) { published.push_back(report); });
    // Every snapshot the runner was given, by what the probe reads in it (draw and type count).
    std::map<std::pair<double, std::size_t>, std::shared_ptr<const Catalog>> snapshots;
    auto noteSnapshot = [&snapshots, &checks] {
        const std::shared_ptr<const Catalog> c = checks.catalog();
        snapshots[{c->deviceType(kProbedType)->typicalW.valueOr(-1), c->deviceTypes().size()}] = c;
    };
    noteSnapshot();

    // A new check starts as soon as the last one is published, for the whole run, so a check is
    // running whenever the GUI thread changes the catalog and most results are published.
    QTimer pump;
    pump.setInterval(0);
    connect(&pump, &QTimer::timeout, this, [&checks, &plan] {
        if (!checks.isBusy())
            checks.request(plan);
    });
    pump.start();
    const QStringList yaml = QDir(QStringLiteral(POCPLAN_SOURCE_DIR "/tests/netbox/data"))
                                 .entryList({QStringLiteral("*.yaml"), QStringLiteral("*.yml")}, QDir::Files);
    QCOMPARE(yaml.size(), 2);
    std::size_t checksRun = 0;
    auto takeReadings = [&probe, &checksRun] {
        for (const ProbeReading &r : probe.takeReadings()) {
            // One check, one catalog: what it read at its end is what it read at its start.
            QCOMPARE(r.endW, r.startW);
            QCOMPARE(r.endTypes, r.startTypes);
            ++checksRun;
        }
    };
    for (int i = 0; i < iterations; ++i) {
        menus.updateFromUrl(server.url(QStringLiteral("/catalog.json")), QString());
        for (const QString &y : yaml) {
            checks.request(plan); // a check runs while the import below changes the catalog
            bool ok = false;
            const QString message =
                menus.importNetBox({QStringLiteral(POCPLAN_SOURCE_DIR "/tests/netbox/data/") + y}, &ok);
            QVERIFY2(ok, qPrintable(message));
            noteSnapshot();
        }
        QTRY_COMPARE_WITH_TIMEOUT(notices, i + 1, 20000); // the fetch is in
        noteSnapshot();
        QCOMPARE(catalog.deviceType(kProbedType)->typicalW.valueOr(-1), 100.0 + i);
        takeReadings();
        if (QTest::currentTestFailed())
            return;
    }
    pump.stop();
    QTRY_VERIFY_WITH_TIMEOUT(!checks.isBusy(), 20000);
    // The check running when the last fetch swapped the snapshot may be the last one the pump
    // started; ask for one more, so that the last report is of the catalog as it ended.
    const std::size_t publishedBefore = published.size();
    checks.request(plan);
    QTRY_VERIFY_WITH_TIMEOUT(published.size() > publishedBefore && !checks.isBusy(), 20000);
    takeReadings();

    // Every published report is the report of one snapshot: the same as a synchronous run on it.
    auto reference = [&rules, &plan](std::shared_ptr<const Catalog> c) {
        gui::CheckRunner runner(std::move(c));
        runner.setRules(&rules);
        return reportText(runner.runNow(plan));
    };
    QVERIFY(!published.empty());
    std::map<std::pair<double, std::size_t>, QString> expected;
    for (const CheckReport &report : published) {
        const auto probeFinding = std::find_if(report.findings.begin(), report.findings.end(),
                                               [](const Finding &f) { return f.rule == QLatin1String("test.probe"); });
        QVERIFY(probeFinding != report.findings.end());
        // "sw-sn2201 W <draw>, <n> types"
        const QStringList words = probeFinding->message.split(QLatin1Char(' '));
        const std::pair<double, std::size_t> key{words.value(2).remove(QLatin1Char(',')).toDouble(),
                                                 words.value(3).toULongLong()};
        const auto snapshot = snapshots.find(key);
        QVERIFY2(snapshot != snapshots.end(), qPrintable(probeFinding->message));
        if (!expected.count(key))
            expected[key] = reference(snapshot->second);
        QCOMPARE(reportText(report), expected[key]);
    }
    // The last report is of the live catalog as it ended.
    QCOMPARE(reportText(checks.report()), reference(std::make_shared<const Catalog>(catalog)));
    probe.takeReadings();
    qInfo("%d iterations (%d catalog fetches, %d NetBox imports): %zu checks ran, %zu reports published, "
          "%zu catalog snapshots, %zu distinct reports compared",
          iterations, served, 2 * iterations, checksRun, published.size(), snapshots.size(), expected.size());
    QVERIFY(checksRun >= static_cast<std::size_t>(iterations));
}

QTEST_MAIN(TestCheckRace)
#include "tst_checkrace.moc"
