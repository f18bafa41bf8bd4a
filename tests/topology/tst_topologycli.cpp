#include "tests/common/clirunner.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

// The cable, cables, verify-cabling and switch-config sub-commands: output and exit codes.
class TestTopologyCli : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void helpForEachCommand();
    void cableWritesPlan();
    void cableUsageErrors();
    void cablesJson();
    void verifyCabling();
    void switchConfig();

private:
    QTemporaryDir m_dir;
    QString m_kit;
    QString m_cabled;
};

static QString lldp(const QString &name)
{
    return QStringLiteral(POCPLAN_TEST_DATA "/lldp/") + name;
}

void TestTopologyCli::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_kit = m_dir.filePath(QStringLiteral("kit.pocplan.json"));
    m_cabled = m_dir.filePath(QStringLiteral("kit-cabled.pocplan.json"));
    const CliResult r = runCli(
        {QStringLiteral("new"), QStringLiteral("--template"), QStringLiteral("poc-3c1d"), QStringLiteral("-o"), m_kit});
    QCOMPARE(r.exitCode, 0);
}

void TestTopologyCli::helpForEachCommand()
{
    for (const QString &cmd : {QStringLiteral("cable"), QStringLiteral("cables"), QStringLiteral("verify-cabling"),
                               QStringLiteral("switch-config")}) {
        const CliResult r = runCli({cmd, QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QLatin1String("Usage:")), qPrintable(r.out));
    }
    const CliResult top = runCli({QStringLiteral("--help")});
    QVERIFY(top.out.contains(QLatin1String("verify-cabling")));
}

void TestTopologyCli::cableWritesPlan()
{
    const CliResult r = runCli({QStringLiteral("cable"), m_kit, QStringLiteral("-o"), m_cabled});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(r.out.contains(QLatin1String("one switch pair")), qPrintable(r.out));
    const CliResult json =
        runCli({QStringLiteral("cable"), m_kit, QStringLiteral("-o"), m_dir.filePath(QStringLiteral("aoc.json")),
                QStringLiteral("--policy"), QStringLiteral("aoc-node-links"), QStringLiteral("--json")});
    QCOMPARE(json.exitCode, 0);
    const QJsonObject report = QJsonDocument::fromJson(json.out.toUtf8()).object();
    QCOMPARE(report.value(QStringLiteral("policy")).toString(), QStringLiteral("aoc-node-links"));
    QCOMPARE(report.value(QStringLiteral("uplinks")).toInt(), 2);
    QVERIFY(report.value(QStringLiteral("errors")).toArray().isEmpty());
}

void TestTopologyCli::cableUsageErrors()
{
    QCOMPARE(runCli({QStringLiteral("cable"), m_kit}).exitCode, 2); // no -o
    const CliResult missing = runCli({QStringLiteral("cable"), m_dir.filePath(QStringLiteral("nope.json")),
                                      QStringLiteral("-o"), m_dir.filePath(QStringLiteral("x.json"))});
    QCOMPARE(missing.exitCode, 2);
    QVERIFY(missing.err.contains(QLatin1String("nope.json")));
    const CliResult policy =
        runCli({QStringLiteral("cable"), m_kit, QStringLiteral("-o"), m_dir.filePath(QStringLiteral("x.json")),
                QStringLiteral("--policy"), QStringLiteral("gold-plated")});
    QCOMPARE(policy.exitCode, 2);
    QVERIFY(policy.err.contains(QLatin1String("aoc-node-links")));
    QCOMPARE(runCli({QStringLiteral("cable"), m_kit, QStringLiteral("-o"), m_dir.filePath(QStringLiteral("x.json")),
                     QStringLiteral("--oversubscription"), QStringLiteral("zero")})
                 .exitCode,
             2);
    QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("x.json"))));
    // A plan whose nodes cannot all be cabled: no data switches and adding them is forbidden.
    QFile f(m_kit);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QJsonObject doc = QJsonDocument::fromJson(f.readAll()).object();
    QJsonArray devices;
    for (const QJsonValue &d : doc.value(QStringLiteral("devices")).toArray())
        if (!d.toObject().value(QStringLiteral("type")).toString().startsWith(QLatin1String("sw-sn4700")))
            devices.append(d);
    doc.insert(QStringLiteral("devices"), devices);
    doc.insert(QStringLiteral("links"), QJsonArray());
    doc.insert(QStringLiteral("uplinks"), QJsonArray());
    QFile bare(m_dir.filePath(QStringLiteral("bare.json")));
    QVERIFY(bare.open(QIODevice::WriteOnly));
    bare.write(QJsonDocument(doc).toJson());
    bare.close();
    const CliResult failed =
        runCli({QStringLiteral("cable"), bare.fileName(), QStringLiteral("-o"),
                m_dir.filePath(QStringLiteral("bare-out.json")), QStringLiteral("--no-add-switches")});
    QCOMPARE(failed.exitCode, 1);
    QVERIFY2(failed.err.contains(QLatin1String("no data switch")), qPrintable(failed.err));
}

void TestTopologyCli::cablesJson()
{
    const CliResult r = runCli({QStringLiteral("cables"), m_cabled, QStringLiteral("--json")});
    QCOMPARE(r.exitCode, 0);
    const QJsonArray links = QJsonDocument::fromJson(r.out.toUtf8()).object().value(QStringLiteral("links")).toArray();
    QVERIFY(links.size() > 20);
    for (const QJsonValue &v : links) {
        const QJsonObject l = v.toObject();
        for (const char *key : {"a", "b", "cable", "lengthM", "label"})
            QVERIFY2(l.contains(QLatin1String(key)), key);
        QVERIFY(l.value(QStringLiteral("lengthM")).toDouble() > 0);
    }
    const CliResult text = runCli({QStringLiteral("cables"), m_cabled});
    QCOMPARE(text.exitCode, 0);
    QVERIFY(text.out.contains(QLatin1String("cnode-1:p1--leaf-a:swp1s0")));
    const CliResult table = runCli({QStringLiteral("cables"), m_cabled, QStringLiteral("--lldp")});
    QVERIFY(table.out.startsWith(QLatin1String("local_host,local_port,remote_host,remote_port,label\n")));
}

void TestTopologyCli::verifyCabling()
{
    const CliResult ok = runCli({QStringLiteral("verify-cabling"), m_cabled, lldp(QStringLiteral("leaf-a.txt")),
                                 lldp(QStringLiteral("leaf-b.txt"))});
    QVERIFY2(ok.exitCode == 0, qPrintable(ok.out + ok.err));
    const CliResult swapped =
        runCli({QStringLiteral("verify-cabling"), m_cabled, lldp(QStringLiteral("leaf-a-swapped.txt"))});
    QCOMPARE(swapped.exitCode, 1);
    QVERIFY2(swapped.out.contains(QLatin1String("SWAPPED    leaf-a: cables on swp1s1 and swp2s0 are swapped")),
             qPrintable(swapped.out));
    const CliResult json = runCli({QStringLiteral("verify-cabling"), m_cabled,
                                   lldp(QStringLiteral("leaf-a-swapped.txt")), QStringLiteral("--json")});
    QCOMPARE(json.exitCode, 1);
    QCOMPARE(QJsonDocument::fromJson(json.out.toUtf8()).object().value(QStringLiteral("swaps")).toArray().size(), 1);
    QCOMPARE(runCli({QStringLiteral("verify-cabling"), m_cabled}).exitCode, 2);
    const CliResult garbage = runCli({QStringLiteral("verify-cabling"), m_cabled, m_kit});
    QCOMPARE(garbage.exitCode, 2);
    QVERIFY(garbage.err.contains(QLatin1String("kit.pocplan.json")));
}

void TestTopologyCli::switchConfig()
{
    const QString out = m_dir.filePath(QStringLiteral("configs"));
    const CliResult r = runCli({QStringLiteral("switch-config"), m_cabled, QStringLiteral("-o"), out});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    for (const char *name : {"leaf-a.nvue.sh", "leaf-b.nvue.sh", "oob-1.nvue.sh", "expected-lldp.csv",
                             "address-plan.csv", "address-plan.json", "post-config-checklist.md"})
        QVERIFY2(QFile::exists(out + QLatin1Char('/') + QLatin1String(name)), name);
    QCOMPARE(runCli({QStringLiteral("switch-config"), m_kit}).exitCode, 2);
    // Every switch in one dialect; an unknown dialect is a usage error.
    const QString eos = m_dir.filePath(QStringLiteral("eos"));
    const CliResult e = runCli({QStringLiteral("switch-config"), m_cabled, QStringLiteral("--dialect"),
                                QStringLiteral("eos"), QStringLiteral("-o"), eos});
    QVERIFY2(e.exitCode == 0, qPrintable(e.err));
    for (const char *name : {"leaf-a.eos.cfg", "leaf-b.eos.cfg", "oob-1.eos.cfg"})
        QVERIFY2(QFile::exists(eos + QLatin1Char('/') + QLatin1String(name)), name);
    QFile checklist(eos + QStringLiteral("/post-config-checklist.md"));
    QVERIFY(checklist.open(QIODevice::ReadOnly));
    QVERIFY(QString::fromUtf8(checklist.readAll()).contains(QLatin1String("`show mlag`")));
    const CliResult bad = runCli({QStringLiteral("switch-config"), m_cabled, QStringLiteral("--dialect"),
                                  QStringLiteral("ios"), QStringLiteral("-o"), eos});
    QCOMPARE(bad.exitCode, 2);
    QVERIFY(bad.err.contains(QLatin1String("--dialect")));
    // The old line templates stay available.
    const QString tmpl = m_dir.filePath(QStringLiteral("tmpl"));
    QCOMPARE(runCli({QStringLiteral("switch-config"), m_cabled, QStringLiteral("--template"), QStringLiteral("nvue"),
                     QStringLiteral("-o"), tmpl})
                 .exitCode,
             0);
    QVERIFY(QFile::exists(tmpl + QStringLiteral("/leaf-a.nvue.sh")));
}

QTEST_GUILESS_MAIN(TestTopologyCli)
#include "tst_topologycli.moc"
