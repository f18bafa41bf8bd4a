#include "catalog/model/catalog.h"
#include "exporters/reports/comparisonwriter.h"
#include "planner/sizing/sizingdata.h"
#include "planner/sizing/sizingengine.h"

#include "tests/common/golden.h"

#include <QGuiApplication>
#include <QTemporaryDir>
#include <QtTest>

using namespace pp;

// The comparison exports: Markdown and CSV against golden files, and a PDF that opens.
class TestComparisonWriter : public QObject {
    Q_OBJECT
private slots:
    void markdownMatchesGolden();
    void csvMatchesGolden();
    void pdfIsWritten();
    void unknownCellsSayUnknown();
};

static Comparison threeDesigns()
{
    const SizingData &data = SizingData::builtIn();
    const SizingEngine engine(Catalog::builtIn(), data);
    std::vector<SizingResult> results;
    for (const char *id : {"poc", "ncp", "density"})
        results.push_back(
            engine.size(SizingInputs::forDesign(*data.design(QString::fromLatin1(id)), data, Catalog::builtIn())));
    return buildComparison(std::move(results), 1, data);
}

static void compareGolden(const QByteArray &actual, const QString &name)
{
    PP_COMPARE_GOLDEN(actual, QStringLiteral(POCPLAN_TEST_DATA "/") + name);
}

void TestComparisonWriter::markdownMatchesGolden()
{
    const Comparison c = threeDesigns();
    compareGolden(ComparisonWriter(c).markdown(), QStringLiteral("comparison.md"));
}

void TestComparisonWriter::csvMatchesGolden()
{
    const Comparison c = threeDesigns();
    compareGolden(ComparisonWriter(c).csv(), QStringLiteral("comparison.csv"));
}

void TestComparisonWriter::pdfIsWritten()
{
    const Comparison c = threeDesigns();
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("comparison.pdf"));
    QString error;
    QVERIFY2(ComparisonWriter(c).writePdf(file, &error), qPrintable(error));
    QFile f(file);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray bytes = f.readAll();
    QVERIFY(bytes.startsWith("%PDF"));
    QVERIFY(bytes.size() > 2000);
    QVERIFY(!ComparisonWriter(c).writePdf(dir.filePath(QStringLiteral("no/such/dir/x.pdf")), &error));
}

void TestComparisonWriter::unknownCellsSayUnknown()
{
    QCOMPARE(ComparisonWriter::cell(std::nullopt, 2), QStringLiteral("unknown"));
    QCOMPARE(ComparisonWriter::cell(1.234, 1), QStringLiteral("1.2"));
    const Comparison c = threeDesigns();
    QVERIFY(ComparisonWriter(c).markdown().contains("unknown"));
}

QTEST_MAIN(TestComparisonWriter)
#include "tst_comparisonwriter.moc"
