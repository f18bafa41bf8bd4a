#include "planner/io/planio.h"
#include "tests/common/clirunner.h"
#include "tests/common/requiretool.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace pp;

// The merge driver as git runs it: configured in a temporary repository's .git/config and
// .gitattributes, then exercised by a real `git merge` of two branches that edit one plan.
class TestMergeDriver : public QObject {
    Q_OBJECT
private slots:
    void init();
    void mergesEditsOfDifferentObjects();
    void reportsConflictsByObjectAndField();
    void refusesUnreadableInput();

private:
    CliResult git(const QStringList &args);
    void commitVersion(const QString &version, const QString &message);
    void writePlan(const Plan &plan);
    Plan readPlan();

    std::unique_ptr<QTemporaryDir> m_repo;
    QString m_git;
};

static const QString kPlanFile = QStringLiteral("poc.pocplan.json");

static Plan load(const QString &version)
{
    Plan plan;
    LoadError error;
    if (!loadPlanFile(QStringLiteral(POCPLAN_TEST_DATA "/") + version + QStringLiteral(".pocplan.json"), plan, &error))
        qFatal("%s", qPrintable(error.toString()));
    return plan;
}

CliResult TestMergeDriver::git(const QStringList &args)
{
    return runProgram(m_git, args, m_repo->path());
}

void TestMergeDriver::writePlan(const Plan &plan)
{
    QString error;
    QVERIFY2(savePlanFile(plan, m_repo->filePath(kPlanFile), &error), qPrintable(error));
}

Plan TestMergeDriver::readPlan()
{
    Plan plan;
    LoadError error;
    if (!loadPlanFile(m_repo->filePath(kPlanFile), plan, &error))
        qWarning("%s", qPrintable(error.toString()));
    return plan;
}

void TestMergeDriver::commitVersion(const QString &version, const QString &message)
{
    writePlan(load(version));
    QCOMPARE(git({QStringLiteral("add"), QStringLiteral("-A")}).exitCode, 0);
    QCOMPARE(git({QStringLiteral("commit"), QStringLiteral("-q"), QStringLiteral("-m"), message}).exitCode, 0);
}

void TestMergeDriver::init()
{
    PP_REQUIRE_TOOL(gitPath, "git");
    m_git = gitPath;
    m_repo = std::make_unique<QTemporaryDir>();
    QVERIFY(m_repo->isValid());
    QCOMPARE(git({QStringLiteral("init"), QStringLiteral("-q"), QStringLiteral("-b"), QStringLiteral("main")}).exitCode,
             0);
    for (const auto &[key, value] :
         {std::pair{"user.name", QStringLiteral("Test")}, std::pair{"user.email", QStringLiteral("test@example.com")},
          std::pair{"commit.gpgsign", QStringLiteral("false")},
          std::pair{"merge.pocplan.name", QStringLiteral("POC Planner plan merge")},
          std::pair{"merge.pocplan.driver", QStringLiteral("'" POCPLAN_CLI "' merge-driver %O %A %B %P")}})
        QCOMPARE(git({QStringLiteral("config"), QString::fromLatin1(key), value}).exitCode, 0);
    QFile attributes(m_repo->filePath(QStringLiteral(".gitattributes")));
    QVERIFY(attributes.open(QIODevice::WriteOnly));
    attributes.write("*.pocplan.json merge=pocplan\n");
    attributes.close();
    commitVersion(QStringLiteral("base"), QStringLiteral("base"));
}

void TestMergeDriver::mergesEditsOfDifferentObjects()
{
    // Theirs: the site, plan name, an uplink and a waiver. Ours: moves and a second rack.
    QCOMPARE(git({QStringLiteral("checkout"), QStringLiteral("-q"), QStringLiteral("-b"), QStringLiteral("theirs")})
                 .exitCode,
             0);
    commitVersion(QStringLiteral("site"), QStringLiteral("site"));
    QCOMPARE(git({QStringLiteral("checkout"), QStringLiteral("-q"), QStringLiteral("main")}).exitCode, 0);
    commitVersion(QStringLiteral("moves"), QStringLiteral("moves"));
    const CliResult merge = git({QStringLiteral("merge"), QStringLiteral("--no-edit"), QStringLiteral("theirs")});
    QVERIFY2(merge.exitCode == 0, qPrintable(merge.out + merge.err));
    const Plan merged = readPlan();
    QCOMPARE(merged.name, load(QStringLiteral("site")).name);
    QCOMPARE(merged.findDevice(QStringLiteral("cn3"))->rack, QStringLiteral("R2"));
    QCOMPARE(merged.findDevice(QStringLiteral("db1"))->u, 16);
    QCOMPARE(merged.racks.size(), std::size_t(2));
    QCOMPARE(merged.waivers.size(), std::size_t(1));
    QCOMPARE(merged.uplinks.at(1).speedGbps, 200.0);
    // The merge is committed and the tree is clean.
    QCOMPARE(git({QStringLiteral("status"), QStringLiteral("--porcelain")}).out, QString());
}

void TestMergeDriver::reportsConflictsByObjectAndField()
{
    QCOMPARE(git({QStringLiteral("checkout"), QStringLiteral("-q"), QStringLiteral("-b"), QStringLiteral("theirs")})
                 .exitCode,
             0);
    Plan theirs = load(QStringLiteral("base"));
    theirs.findDevice(QStringLiteral("cn2"))->hostname = QStringLiteral("cnode-2b");
    theirs.findDevice(QStringLiteral("db1"))->u = 16;
    writePlan(theirs);
    QCOMPARE(git({QStringLiteral("commit"), QStringLiteral("-qam"), QStringLiteral("theirs")}).exitCode, 0);
    QCOMPARE(git({QStringLiteral("checkout"), QStringLiteral("-q"), QStringLiteral("main")}).exitCode, 0);
    Plan ours = load(QStringLiteral("base"));
    ours.findDevice(QStringLiteral("cn2"))->hostname = QStringLiteral("cnode-two");
    writePlan(ours);
    QCOMPARE(git({QStringLiteral("commit"), QStringLiteral("-qam"), QStringLiteral("ours")}).exitCode, 0);
    const CliResult merge = git({QStringLiteral("merge"), QStringLiteral("--no-edit"), QStringLiteral("theirs")});
    QVERIFY(merge.exitCode != 0);
    const QString output = merge.out + merge.err;
    QVERIFY2(output.contains(QLatin1String("device cn2: hostname: base \"cnode-2\", ours \"cnode-two\", theirs "
                                           "\"cnode-2b\"")),
             qPrintable(output));
    QVERIFY2(!output.contains(QLatin1String("db1")), qPrintable(output)); // merged cleanly, not reported
    // The file is our version, whole and loadable: no conflict markers, no half-written merge.
    QFile f(m_repo->filePath(kPlanFile));
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), planToBytes(ours));
    QVERIFY(git({QStringLiteral("status"), QStringLiteral("--porcelain")}).out.contains(QLatin1String("UU ")));
}

void TestMergeDriver::refusesUnreadableInput()
{
    const QString base = m_repo->filePath(QStringLiteral("b.json"));
    const QString ours = m_repo->filePath(QStringLiteral("o.json"));
    QFile::copy(QStringLiteral(POCPLAN_TEST_DATA "/base.pocplan.json"), base);
    QFile o(ours);
    QVERIFY(o.open(QIODevice::WriteOnly));
    o.write("<<<<<<< not a plan\n");
    o.close();
    const CliResult r = runCli({QStringLiteral("merge-driver"), base, ours, base});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(ours), qPrintable(r.err));
    QVERIFY(o.open(QIODevice::ReadOnly));
    QCOMPARE(o.readAll(), QByteArray("<<<<<<< not a plan\n"));
}

QTEST_GUILESS_MAIN(TestMergeDriver)
#include "tst_mergedriver.moc"
