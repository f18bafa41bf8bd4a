#include "tests/common/clirunner.h"

#include "catalog/io/jsonfields.h"

#include <QTemporaryDir>

// `pocplan size` and `pocplan compare`: exit codes, the JSON contract keys, usage errors.
class TestSizingCli : public QObject {
    Q_OBJECT
private slots:
    void sizeJsonHasContractKeys();
    void sizeTextShowsSteps();
    void sizeFixedCounts();
    void sizeUsageErrors_data();
    void sizeUsageErrors();
    void sizeContentErrorExitsOne();
    void sizeWritesPlan();
    void compareFormats();
    void compareUserDesignAndBadInput();
};

static pp::Json parse(const QString &text)
{
    return pp::Json::parse(text.toStdString());
}

void TestSizingCli::sizeJsonHasContractKeys()
{
    const CliResult r = runCli({QStringLiteral("size"), QStringLiteral("--gpus"), QStringLiteral("41472"),
                                QStringLiteral("--profile"), QStringLiteral("better"), QStringLiteral("--capacity-pb"),
                                QStringLiteral("215"), QStringLiteral("--ckpt-params"), QStringLiteral("1.8e12"),
                                QStringLiteral("--ckpt-interval-min"), QStringLiteral("30"),
                                QStringLiteral("--ckpt-stall-pct"), QStringLiteral("5"), QStringLiteral("--json")});
    QCOMPARE(r.exitCode, 0);
    const pp::Json j = parse(r.out);
    QCOMPARE(j["format"].get<std::string>(), std::string("pocplanner-sizing"));
    QCOMPARE(j["version"].get<int>(), 1);
    QVERIFY(j["inputs"].is_object());
    QCOMPARE(j["inputs"]["gpus"].get<int>(), 41472);
    for (const char *key : {"cnodes", "dboxes", "switches", "racks", "rawPB", "usablePB", "readTBps", "writeTBps",
                            "checkpointWriteS", "stallPct", "typicalKW", "maxKW"})
        QVERIFY2(j["design"].contains(key), key);
    QVERIFY(j["design"]["cnodes"].get<int>() >= 3);
    QVERIFY(j["design"]["checkpointWriteS"].is_number());
    QVERIFY(j["steps"].is_array() && !j["steps"].empty());
    for (const auto &s : j["steps"])
        for (const char *key : {"name", "value", "unit", "why"})
            QVERIFY2(s.contains(key), key);
    bool unknownShown = false;
    for (const auto &s : j["steps"])
        if (s["name"] == "D-box throughput")
            unknownShown = s["value"].is_null();
    QVERIFY(unknownShown);
}

void TestSizingCli::sizeTextShowsSteps()
{
    const CliResult r = runCli({QStringLiteral("size"), QStringLiteral("--design"), QStringLiteral("ncp")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.contains(QStringLiteral("C-nodes for write")));
    QVERIFY(r.out.contains(QStringLiteral("unknown")));
    QVERIFY(r.out.contains(QStringLiteral("Toward 400000 GPUs")));
}

void TestSizingCli::sizeFixedCounts()
{
    const CliResult r = runCli({QStringLiteral("size"), QStringLiteral("--cnodes"), QStringLiteral("4"),
                                QStringLiteral("--dboxes"), QStringLiteral("2"), QStringLiteral("--json")});
    QCOMPARE(r.exitCode, 0);
    const pp::Json j = parse(r.out);
    QCOMPARE(j["design"]["cnodes"].get<int>(), 4);
    QCOMPARE(j["design"]["dboxes"].get<int>(), 2);
    QCOMPARE(j["design"]["cnodesSetBy"].get<std::string>(), std::string("fixed"));
}

void TestSizingCli::sizeUsageErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    QTest::newRow("bad number") << QStringList{QStringLiteral("--gpus"), QStringLiteral("lots")}
                                << QStringLiteral("--gpus");
    QTest::newRow("negative") << QStringList{QStringLiteral("--capacity-pb"), QStringLiteral("-1")}
                              << QStringLiteral("--capacity-pb");
    QTest::newRow("fraction") << QStringList{QStringLiteral("--cnodes"), QStringLiteral("2.5")}
                              << QStringLiteral("whole number");
    QTest::newRow("profile") << QStringList{QStringLiteral("--profile"), QStringLiteral("superb")}
                             << QStringLiteral("superb");
    QTest::newRow("design") << QStringList{QStringLiteral("--design"), QStringLiteral("tiny")}
                            << QStringLiteral("available");
    QTest::newRow("site") << QStringList{QStringLiteral("--site"), QStringLiteral("mars")} << QStringLiteral("mars");
    QTest::newRow("option") << QStringList{QStringLiteral("--no-such-option")} << QStringLiteral("no-such-option");
    QTest::newRow("no GPUs") << QStringList{QStringLiteral("--gpus"), QStringLiteral("0")} << QStringLiteral("--gpus");
    // In-range inputs whose product no plan can hold: each used to run for minutes and take GBs
    // (a D-box count past int, then a loop up to it); now each is refused at once.
    QTest::newRow("growth 2^30") << QStringList{QStringLiteral("--design"),       QStringLiteral("ncp"),
                                                QStringLiteral("--growth-years"), QStringLiteral("30"),
                                                QStringLiteral("--growth-pct"),   QStringLiteral("100")}
                                 << QStringLiteral("D-boxes for capacity");
    QTest::newRow("10 EB at DRR 0.01") << QStringList{QStringLiteral("--capacity-pb"), QStringLiteral("1e7"),
                                                      QStringLiteral("--drr"), QStringLiteral("0.01")}
                                       << QStringLiteral("D-boxes for capacity");
    QTest::newRow("1e8 GPUs at 1 TB/s each")
        << QStringList{QStringLiteral("--profile"), QStringLiteral("custom"),         QStringLiteral("--gpus"),
                       QStringLiteral("100000000"), QStringLiteral("--read-per-gpu"), QStringLiteral("1000")}
        << QStringLiteral("C-nodes for read");
    QTest::newRow("fixed C-nodes") << QStringList{QStringLiteral("--cnodes"), QStringLiteral("1000000")}
                                   << QStringLiteral("--cnodes");
}

void TestSizingCli::sizeUsageErrors()
{
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    args.prepend(QStringLiteral("size"));
    const CliResult r = runCli(args);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(message), qPrintable(r.err));
}

void TestSizingCli::sizeContentErrorExitsOne()
{
    const CliResult r = runCli({QStringLiteral("size"), QStringLiteral("--cnode"), QStringLiteral("dbox-ceres-338")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.err.contains(QStringLiteral("not a C-node")));
}

void TestSizingCli::sizeWritesPlan()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("pod.pocplan.json"));
    const CliResult r = runCli({QStringLiteral("size"), QStringLiteral("--cnodes"), QStringLiteral("6"),
                                QStringLiteral("--dboxes"), QStringLiteral("2"), QStringLiteral("--switch"),
                                QStringLiteral("sw-sn4700"), QStringLiteral("--plan"), file});
    QCOMPARE(r.exitCode, 0);
    const CliResult info = runCli({QStringLiteral("info"), file, QStringLiteral("--json")});
    QCOMPARE(info.exitCode, 0);
    const pp::Json j = parse(info.out);
    QCOMPARE(j["counts"]["cnode"].get<int>(), 6);
    QCOMPARE(j["counts"]["dbox"].get<int>(), 2);
}

void TestSizingCli::compareFormats()
{
    const CliResult md = runCli({QStringLiteral("compare"), QStringLiteral("--format"), QStringLiteral("md")});
    QCOMPARE(md.exitCode, 0);
    QVERIFY(md.out.contains(QStringLiteral("| Read (TB/s) |")));
    QVERIFY(md.out.contains(QStringLiteral("Cloud object store")));
    QVERIFY(md.out.contains(QStringLiteral("Azure Managed Lustre 500 MB/s per TiB")));
    const CliResult csv = runCli({QStringLiteral("compare"), QStringLiteral("--format"), QStringLiteral("csv")});
    QCOMPARE(csv.exitCode, 0);
    QVERIFY(csv.out.startsWith(QStringLiteral("figure,unit,")));
    const CliResult js = runCli({QStringLiteral("compare"), QStringLiteral("--json")});
    QCOMPARE(js.exitCode, 0);
    const pp::Json j = parse(js.out);
    QCOMPARE(j["format"].get<std::string>(), std::string("pocplanner-comparison"));
    QCOMPARE(j["columns"].size(), std::size_t(3 + 1 + 4));
    QVERIFY(j["columns"][3]["values"]["racks"].is_null()); // object store racks: no public figure
    const CliResult bad = runCli({QStringLiteral("compare"), QStringLiteral("--format"), QStringLiteral("xls")});
    QCOMPARE(bad.exitCode, 2);
    const CliResult pdfNoOut = runCli({QStringLiteral("compare"), QStringLiteral("--format"), QStringLiteral("pdf")});
    QCOMPARE(pdfNoOut.exitCode, 2);
    QTemporaryDir dir;
    const QString pdf = dir.filePath(QStringLiteral("cmp.pdf"));
    const CliResult pdfOut = runCli({QStringLiteral("compare"), QStringLiteral("--format"), QStringLiteral("pdf"),
                                     QStringLiteral("--output"), pdf});
    QCOMPARE(pdfOut.exitCode, 0);
    QFile f(pdf);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QVERIFY(f.read(4) == "%PDF");
}

void TestSizingCli::compareUserDesignAndBadInput()
{
    QTemporaryDir dir;
    const QString good = dir.filePath(QStringLiteral("mine.json"));
    QFile g(good);
    QVERIFY(g.open(QIODevice::WriteOnly));
    g.write(R"({"design": "ncp", "inputs": {"name": "NCP on Maverick", "dboxType": "dbox-maverick-5400"}})");
    g.close();
    const CliResult r = runCli({QStringLiteral("compare"), QStringLiteral("--designs"), QStringLiteral("ncp"),
                                QStringLiteral("--inputs"), good, QStringLiteral("--json")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.contains(QStringLiteral("NCP on Maverick")));

    const QString bad = dir.filePath(QStringLiteral("bad.json"));
    QFile b(bad);
    QVERIFY(b.open(QIODevice::WriteOnly));
    b.write(R"({"inputs": {"gpus": "many"}})");
    b.close();
    const CliResult e = runCli({QStringLiteral("compare"), QStringLiteral("--inputs"), bad});
    QCOMPARE(e.exitCode, 2);
    QVERIFY2(e.err.contains(QStringLiteral("bad.json")) && e.err.contains(QStringLiteral("inputs.gpus")),
             qPrintable(e.err));
}

QTEST_GUILESS_MAIN(TestSizingCli)
#include "tst_sizingcli.moc"
