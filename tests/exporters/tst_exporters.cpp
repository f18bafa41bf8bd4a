#include "exporters/bom/bomdata.h"
#include "exporters/bom/bomwriter.h"
#include "exporters/bom/bomxlsxwriter.h"
#include "exporters/cabling/cablelistwriter.h"
#include "exporters/cabling/cableplan.h"
#include "exporters/cabling/cablingreportwriter.h"
#include "exporters/common/exportjob.h"
#include "exporters/common/textescape.h"
#include "exporters/diagrams/drawiowriter.h"
#include "exporters/diagrams/rackdiagramdata.h"
#include "exporters/diagrams/rackdiagramwriter.h"
#include "exporters/netbox/netboxcsvwriter.h"
#include "exporters/reports/planinfowriter.h"
#include "exporters/runbook/runbookdata.h"
#include "exporters/runbook/runbookwriter.h"
#include "planner/io/planio.h"
#include "planner/templates/generatedplan.h"

#include "tests/common/golden.h"
#include "tests/common/requiretool.h"

#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QXmlStreamReader>
#include <QtTest>

using namespace pp;

namespace {

QString dataPath(const QString &name)
{
    return QStringLiteral(POCPLAN_TEST_DATA "/") + name;
}

// The golden files of this test live in data/golden/ (tests/common/golden.h compares or rewrites).
#define COMPARE_GOLDEN(bytes, name) PP_COMPARE_GOLDEN((bytes), dataPath(QStringLiteral("golden/") + (name)))

// A plan loaded against the built-in catalog, resolved, with its export context.
struct Fixture {
    Plan plan;
    SiteProfile site;
    std::unique_ptr<ResolvedPlan> resolved;
    std::unique_ptr<ExportContext> context;

    explicit Fixture(const QString &file, const QString &track = QString())
    {
        LoadError error;
        PlanLoadOptions options;
        options.catalog = &Catalog::builtIn();
        if (!loadPlanFile(dataPath(file), plan, &error, options))
            qFatal("%s", qPrintable(error.toString()));
        if (!track.isEmpty())
            plan.track = track;
        QString why;
        if (!ResolvedPlan::resolveSite(plan, Catalog::builtIn(), site, &why))
            qFatal("%s", qPrintable(why));
        resolved = std::make_unique<ResolvedPlan>(plan, Catalog::builtIn(), site);
        context = std::make_unique<ExportContext>(*resolved);
    }
};

// Golden files must not depend on which rules exist yet: diagrams and runbooks are compared
// without the DRAFT mark, and the mark is tested on its own.
RackDiagramData cleanDiagrams(const ExportContext &c)
{
    RackDiagramData d = buildRackDiagrams(c);
    d.draftMark.clear();
    return d;
}

RunbookDocument cleanRunbook(const ExportContext &c, const QString &track)
{
    RunbookDocument doc;
    QString error;
    if (!buildRunbook(c, track, &doc, &error))
        qFatal("%s", qPrintable(error));
    doc.draftMark.clear();
    return doc;
}

int countMatches(const QByteArray &data, const QRegularExpression &re)
{
    int n = 0;
    auto it = re.globalMatch(QString::fromLatin1(data));
    while (it.hasNext()) {
        it.next();
        ++n;
    }
    return n;
}

// Reads one file out of a zip archive with `unzip -p` (scripts/install-deps.sh installs unzip).
QByteArray unzipEntry(const QString &zip, const QString &entry)
{
    QProcess p;
    p.start(QStringLiteral("unzip"), {QStringLiteral("-p"), zip, entry});
    if (!p.waitForFinished(20000) || p.exitCode() != 0)
        return QByteArray();
    return p.readAllStandardOutput();
}

QString columnOf(const QString &cellRef)
{
    QString col;
    for (const QChar c : cellRef)
        if (c.isLetter())
            col += c;
    return col;
}

int rowOf(const QString &cellRef)
{
    QString digits;
    for (const QChar c : cellRef)
        if (c.isDigit())
            digits += c;
    return digits.toInt();
}

// Cells of one worksheet: row → column → (isNumber, text).
using Sheet = QMap<int, QMap<QString, QPair<bool, QString>>>;

Sheet readSheet(const QByteArray &sheetXml, const QStringList &shared)
{
    Sheet sheet;
    QXmlStreamReader xml(sheetXml);
    QString ref, type;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement() && xml.name() == QLatin1String("c")) {
            ref = xml.attributes().value(QStringLiteral("r")).toString();
            type = xml.attributes().value(QStringLiteral("t")).toString();
        } else if (xml.isStartElement() && xml.name() == QLatin1String("v")) {
            const QString v = xml.readElementText();
            if (type == QLatin1String("s"))
                sheet[rowOf(ref)][columnOf(ref)] = {false, shared.value(v.toInt())};
            else
                sheet[rowOf(ref)][columnOf(ref)] = {true, v};
        }
    }
    return sheet;
}

QStringList readSharedStrings(const QByteArray &xmlBytes)
{
    QStringList out;
    QXmlStreamReader xml(xmlBytes);
    QString current;
    bool inSi = false;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement() && xml.name() == QLatin1String("si")) {
            inSi = true;
            current.clear();
        } else if (xml.isStartElement() && xml.name() == QLatin1String("t") && inSi) {
            current += xml.readElementText();
        } else if (xml.isEndElement() && xml.name() == QLatin1String("si")) {
            out << current;
            inSi = false;
        }
    }
    return out;
}

} // namespace

class TestExporters : public QObject {
    Q_OBJECT
private slots:
    void escaping();
    void xmlDropsInvalidCodePoints();
    void outputFolderRefusesUnsafeNames();
    void outputFolderRefusesSymlinksOut();
    void bomQuantities();
    void bomGolden();
    void bomUnknownFigures();
    void xlsxReadBack();
    void cablePlanGolden();
    void planInfoGolden();
    void cableListGolden();
    void cablingReportGolden();
    void netboxGolden();
    void svgGoldenAndStructure();
    void svgDraftMark();
    void pngRenders();
    void pdfPageCountIsRackFaces();
    void drawioStructure();
    void runbookTracks_data();
    void runbookTracks();
    void runbookGolden();
    void runbookDraftMark();
    void runbookPdf();
    void planWithErrorsIsMarkedDraft();
    void hostileNamesEscaped();
    void exportJobWritesEverything();
    void exportJobRefusesUnwritableFolder();
};

void TestExporters::escaping()
{
    QCOMPARE(textescape::xml(QStringLiteral("<a href=\"x\">'&'</a>")),
             QStringLiteral("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;"));
    QCOMPARE(textescape::neutralizeFormula(QStringLiteral("=1+2")), QStringLiteral("'=1+2"));
    QCOMPARE(textescape::neutralizeFormula(QStringLiteral("+1+1")), QStringLiteral("'+1+1"));
    QCOMPARE(textescape::neutralizeFormula(QStringLiteral("@SUM(A1)")), QStringLiteral("'@SUM(A1)"));
    QCOMPARE(textescape::neutralizeFormula(QStringLiteral("cnode-1")), QStringLiteral("cnode-1"));
    // A cell that is one plain number stays a number; anything more keeps the apostrophe.
    for (const char *plain : {"-1", "-5", "-0.25", "+3", "+1", "-.5", "-5.", "12", "0"})
        QCOMPARE(textescape::neutralizeFormula(QString::fromLatin1(plain)), QString::fromLatin1(plain));
    for (const char *formula : {"-2-3", "-1+cmd", "=1",  "+1e5", "-1e5", "-",   "+",    "-.",    "--1", "-1.2.3",
                                "- 1",  "-1 ",    "+-1", "@1",   "-1,5", "\t1", "\r-1", "-0x10", "-1%", "+(1)"})
        QCOMPARE(textescape::neutralizeFormula(QString::fromLatin1(formula)),
                 QLatin1Char('\'') + QString::fromLatin1(formula));
    QCOMPARE(textescape::neutralizeFormula(QStringLiteral(u"-\u0661")),
             QStringLiteral(u"'-\u0661")); // Arabic-Indic one: not an ASCII number
    QCOMPARE(textescape::csvField(QStringLiteral("-5")), QStringLiteral("-5"));
    QCOMPARE(textescape::csvField(QStringLiteral("-2-3")), QStringLiteral("'-2-3"));
    QCOMPARE(textescape::csvField(QStringLiteral("-1\r\n=cmd")), QStringLiteral("\"'-1\r\n=cmd\""));
    QCOMPARE(textescape::csvField(QStringLiteral("a,b")), QStringLiteral("\"a,b\""));
    QCOMPARE(textescape::csvField(QStringLiteral("say \"hi\"")), QStringLiteral("\"say \"\"hi\"\"\""));
    QCOMPARE(textescape::csvField(QStringLiteral("=cmd|' /C calc'!A0")), QStringLiteral("'=cmd|' /C calc'!A0"));
    QCOMPARE(textescape::csvRecord({QStringLiteral("a"), QStringLiteral("b\nc")}), QStringLiteral("a,\"b\nc\"\r\n"));
    QCOMPARE(textescape::markdownCell(QStringLiteral("a|b<c>")), QStringLiteral("a\\|b&lt;c&gt;"));
    QCOMPARE(textescape::number(1.5), QStringLiteral("1.5"));
    QCOMPARE(textescape::number(2.0), QStringLiteral("2"));
    QCOMPARE(textescape::number(59.880000001), QStringLiteral("59.88"));
    QCOMPARE(textescape::number(-0.0001), QStringLiteral("0"));
}

// Code points XML 1.0 forbids would make a whole SVG or draw.io file unreadable.
void TestExporters::xmlDropsInvalidCodePoints()
{
    const QString emoji = QStringLiteral(u"\U0001F680");
    const QChar fffd(QChar::ReplacementCharacter);
    QString hostile = QStringLiteral("a");
    for (const char16_t bad : {u'\x01', u'\x08', u'\x0B', u'\x0C', u'\x1F', u'\xFFFE', u'\xFFFF', u'\xD800', u'\xDFFF'})
        hostile += QChar(bad) + QStringLiteral("|");
    hostile +=
        QStringLiteral("\t\n\r") + emoji + QChar(0xD83D); // a valid pair, then a high surrogate cut off at the end
    QString expected = QStringLiteral("a");
    for (int i = 0; i < 9; ++i)
        expected += fffd + QStringLiteral("|");
    expected += QStringLiteral("\t\n\r") + emoji + fffd;
    const QString escaped = textescape::xml(hostile);
    QCOMPARE(escaped, expected);
    // A low surrogate before its high one is no pair either.
    QCOMPARE(textescape::xml(QString(QChar(0xDE80)) + QChar(0xD83D)), QString(fffd) + fffd);
    // Valid outside the BMP and up to U+FFFD: kept as they are.
    const QString valid = QStringLiteral(u"\u00A0\u0085\uD7FF\uE000\uFFFD\U0001FFFE\U0010FFFF");
    QCOMPARE(textescape::xml(valid), valid);

    // The escaped text parses in an attribute and in element text; the raw text does not.
    const auto parses = [](const QString &text, QString *value) {
        const QString doc =
            QStringLiteral("<svg xmlns=\"http://www.w3.org/2000/svg\"><text data-x=\"%1\">%1</text></svg>").arg(text);
        QXmlStreamReader xml(doc.toUtf8());
        while (!xml.atEnd()) {
            xml.readNext();
            if (xml.isStartElement() && xml.name() == QLatin1String("text"))
                *value = xml.readElementText();
        }
        return !xml.hasError();
    };
    QString value;
    QVERIFY(parses(escaped, &value));
    QVERIFY(value.contains(emoji));
    QVERIFY(!parses(QStringLiteral("a") + QChar(0xFFFE), &value));
    QVERIFY(!parses(QStringLiteral("a\x01"), &value));
}

void TestExporters::outputFolderRefusesUnsafeNames()
{
    QTemporaryDir base;
    const QString root = base.filePath(QStringLiteral("out"));
    OutputFolder folder(root);
    QString error;
    QVERIFY2(folder.prepare(&error), qPrintable(error));
    const QStringList unsafe{QStringLiteral("../x"),
                             QStringLiteral("a/../../x"),
                             QStringLiteral("a/.."),
                             QStringLiteral(".."),
                             QStringLiteral("./x"),
                             QStringLiteral("a//x"),
                             QStringLiteral("a/"),
                             QStringLiteral("/x"),
                             base.filePath(QStringLiteral("x")),
                             root + QStringLiteral("/x"),
                             QStringLiteral("..\\x"),
                             QStringLiteral("a\\b"),
                             QString(),
                             QStringLiteral("x\ny"),
                             QStringLiteral("x") + QChar(0) + QStringLiteral("y")};
    for (const QString &name : unsafe) {
        QVERIFY2(!OutputFolder::isSafeRelativeName(name), qPrintable(name));
        error.clear();
        QVERIFY2(!folder.write(name, "x", &error), qPrintable(name));
        QVERIFY2(error.contains(QLatin1String("refused")), qPrintable(error));
    }
    QVERIFY(folder.written().isEmpty());
    QVERIFY(!QFileInfo::exists(base.filePath(QStringLiteral("x"))));
    QVERIFY(!QFileInfo::exists(QStringLiteral("/x")));
    QCOMPARE(QDir(base.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden),
             QStringList{QStringLiteral("out")});
    QCOMPARE(QDir(root).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden), QStringList());
    // Plain names, dots inside a name included, are written where they say.
    for (const QString &name : {QStringLiteral("bom.csv"), QStringLiteral("diagrams/rack-R1-front.svg"),
                                QStringLiteral("..x"), QStringLiteral("a..b/c")}) {
        QVERIFY2(OutputFolder::isSafeRelativeName(name), qPrintable(name));
        QVERIFY2(folder.write(name, "ok", &error), qPrintable(error));
        QVERIFY(QFileInfo(QDir(root).filePath(name))
                    .canonicalFilePath()
                    .startsWith(QFileInfo(root).canonicalFilePath() + QLatin1Char('/')));
    }
    QCOMPARE(folder.written().size(), 4);
}

// A symbolic link inside the output folder that leads out of it: QSaveFile and mkpath follow links,
// so without the check the file would land (or be overwritten) outside.
void TestExporters::outputFolderRefusesSymlinksOut()
{
    QTemporaryDir base;
    const QDir outside(base.filePath(QStringLiteral("outside")));
    QVERIFY(QDir().mkpath(outside.path()));
    const QString root = base.filePath(QStringLiteral("out"));
    QVERIFY(QDir().mkpath(root + QStringLiteral("/real")));
    const QString victim = outside.filePath(QStringLiteral("victim.txt"));
    {
        QFile f(victim);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("keep");
    }
    QVERIFY(QFile::link(outside.path(), root + QStringLiteral("/diagrams"))); // a folder link out
    QVERIFY(QFile::link(victim, root + QStringLiteral("/bom.csv")));          // a file link out
    QVERIFY(QFile::link(outside.filePath(QStringLiteral("new.csv")),
                        root + QStringLiteral("/new.csv")));                               // dangling, would create
    QVERIFY(QFile::link(QStringLiteral("../outside"), root + QStringLiteral("/rel")));     // relative link out
    QVERIFY(QFile::link(root + QStringLiteral("/real"), root + QStringLiteral("/alias"))); // a link that stays inside
    OutputFolder folder(root);
    QString error;
    QVERIFY2(folder.prepare(&error), qPrintable(error));
    for (const QString &name : {QStringLiteral("diagrams/rack.svg"), QStringLiteral("diagrams/sub/rack.svg"),
                                QStringLiteral("bom.csv"), QStringLiteral("new.csv"), QStringLiteral("rel/x.csv")}) {
        QVERIFY2(OutputFolder::isSafeRelativeName(name), qPrintable(name)); // the name is fine, the link is not
        error.clear();
        QVERIFY2(!folder.write(name, "written", &error), qPrintable(name));
        QVERIFY2(error.contains(QLatin1String("symbolic link")), qPrintable(error));
    }
    QVERIFY(folder.written().isEmpty());
    QCOMPARE(outside.entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden),
             QStringList{QStringLiteral("victim.txt")});
    QFile f(victim);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), QByteArray("keep"));
    QVERIFY2(folder.write(QStringLiteral("alias/ok.csv"), "ok", &error), qPrintable(error));
    QVERIFY(QFileInfo::exists(root + QStringLiteral("/real/ok.csv")));

    // A whole export into a folder with such a link stops with a message instead of writing outside.
    Fixture fx(QStringLiteral("kit.pocplan.json"));
    ExportOptions options;
    options.diagrams = {QStringLiteral("svg")};
    ExportJob job(*fx.resolved, options);
    OutputFolder exportFolder(root);
    QVERIFY(!job.run(exportFolder, &error));
    QVERIFY2(error.contains(QLatin1String("symbolic link")), qPrintable(error));
    QCOMPARE(outside.entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden),
             QStringList{QStringLiteral("victim.txt")});
}

void TestExporters::bomQuantities()
{
    Fixture f(QStringLiteral("kit.pocplan.json"));
    const BomData bom = buildBom(*f.context);
    QCOMPARE(bom.quantityOf(QStringLiteral("cnode-turin")), 3);
    QCOMPARE(bom.quantityOf(QStringLiteral("dbox-ceres-1350")), 1);
    QCOMPARE(bom.quantityOf(QStringLiteral("sw-sn4700")), 2);
    QCOMPARE(bom.quantityOf(QStringLiteral("sw-sn2201")), 1);
    QCOMPARE(bom.quantityOf(QStringLiteral("pdu-415v-32a-3ph")), 2);
    // 10 breakout legs on 6 switch ports: 6 physical cables, each as long as its longest leg.
    QCOMPARE(bom.quantityOf(QStringLiteral("dac-400g-2x200g")), 6);
    int at15 = 0, at20 = 0;
    for (const BomLine &l : bom.lines) {
        if (l.typeId == QLatin1String("dac-400g-2x200g") && l.lengthM && *l.lengthM == 1.5)
            at15 = l.quantity;
        if (l.typeId == QLatin1String("dac-400g-2x200g") && l.lengthM && *l.lengthM == 2.0)
            at20 = l.quantity;
    }
    // swp1 and swp2 of both switches and swp3 of leaf-b carry 1.5 m legs; leaf-a swp3 has 2 m legs.
    QCOMPARE(at15, 5);
    QCOMPARE(at20, 1);
    QCOMPARE(bom.quantityOf(QStringLiteral("dac-400g")), 2);
    QCOMPARE(bom.quantityOf(QStringLiteral("cat6-1g")), 10);
    // Two 400G site uplinks: one optic each at the kit's end.
    QCOMPARE(bom.quantityOf(QStringLiteral("xcvr-400g-osfp")), 2);
    // Order: equipment, cables, optics, PDUs.
    QCOMPARE(bom.lines.front().section, BomSection::Equipment);
    QCOMPARE(bom.lines.back().section, BomSection::Pdus);
    QCOMPARE(bom.totals.typicalW, f.context->summary().typicalW);
    QCOMPARE(bom.totals.racks, 1);
}

void TestExporters::bomGolden()
{
    Fixture f(QStringLiteral("kit.pocplan.json"));
    const BomData bom = buildBom(*f.context);
    COMPARE_GOLDEN(BomWriter::csv(bom), QStringLiteral("kit/bom.csv"));
    COMPARE_GOLDEN(BomWriter::json(bom), QStringLiteral("kit/bom.json"));
    COMPARE_GOLDEN(BomWriter::markdown(bom), QStringLiteral("kit/bom.md"));
    QVERIFY(BomWriter::csv(bom).contains("\r\n"));
}

void TestExporters::bomUnknownFigures()
{
    Fixture f(QStringLiteral("kit.pocplan.json"));
    const BomData bom = buildBom(*f.context);
    // The SN2201 has no public power figure: "unknown", never 0.
    for (const BomLine &l : bom.lines) {
        if (l.typeId != QLatin1String("sw-sn2201"))
            continue;
        QVERIFY(!l.unitTypicalW.has_value());
        const QStringList cells = BomWriter::cells(l);
        QCOMPARE(cells[7], QStringLiteral("unknown"));
        QCOMPARE(cells[9], QStringLiteral("unknown"));
        return;
    }
    QFAIL("no SN2201 line");
}

void TestExporters::xlsxReadBack()
{
    PP_REQUIRE_TOOL(unzip, "unzip");
    Fixture f(QStringLiteral("kit.pocplan.json"));
    const BomData bom = buildBom(*f.context);
    QByteArray bytes;
    QString error;
    QVERIFY2(BomXlsxWriter::write(bom, &bytes, &error), qPrintable(error));
    QVERIFY(bytes.startsWith("PK"));
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bom.xlsx"));
    QFile out(path);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(bytes);
    out.close();

    const QStringList shared = readSharedStrings(unzipEntry(path, QStringLiteral("xl/sharedStrings.xml")));
    QVERIFY(!shared.isEmpty());
    const QByteArray sheetXml = unzipEntry(path, QStringLiteral("xl/worksheets/sheet1.xml"));
    const Sheet sheet = readSheet(sheetXml, shared);
    // Header, frozen, columns sized.
    QCOMPARE(sheet[1][QStringLiteral("G")].second, QStringLiteral("Qty"));
    QVERIFY(sheetXml.contains("state=\"frozen\""));
    QVERIFY(sheetXml.contains("<col "));
    QVERIFY(!sheetXml.contains("<f>"));
    // Quantities are numbers, per catalog id (column P).
    QMap<QString, double> qty;
    for (auto row = sheet.cbegin(); row != sheet.cend(); ++row) {
        if (row.key() == 1)
            continue;
        const auto id = row.value().value(QStringLiteral("P"));
        const auto q = row.value().value(QStringLiteral("G"));
        QVERIFY2(q.first, qPrintable(QStringLiteral("row %1: quantity is not a number").arg(row.key())));
        qty[id.second] += q.second.toDouble();
    }
    QCOMPARE(qty.value(QStringLiteral("cnode-turin")), 3.0);
    QCOMPARE(qty.value(QStringLiteral("dbox-ceres-1350")), 1.0);
    QCOMPARE(qty.value(QStringLiteral("sw-sn4700")), 2.0);
    QCOMPARE(qty.value(QStringLiteral("dac-400g-2x200g")), 6.0);
    QCOMPARE(qty.value(QStringLiteral("pdu-415v-32a-3ph")), 2.0);
    // Power per C-node is a number; the SN2201's unknown power is the text "unknown".
    for (auto row = sheet.cbegin(); row != sheet.cend(); ++row) {
        if (row.value().value(QStringLiteral("P")).second == QLatin1String("cnode-turin")) {
            QVERIFY(row.value().value(QStringLiteral("H")).first);
            QCOMPARE(row.value().value(QStringLiteral("J")).second.toDouble(), 3 * 500.0);
        }
        if (row.value().value(QStringLiteral("P")).second == QLatin1String("sw-sn2201")) {
            QVERIFY(!row.value().value(QStringLiteral("H")).first);
            QCOMPARE(row.value().value(QStringLiteral("H")).second, QStringLiteral("unknown"));
        }
    }
    // Summary sheet: totals as numbers.
    const Sheet summary = readSheet(unzipEntry(path, QStringLiteral("xl/worksheets/sheet2.xml")), shared);
    QMap<QString, QPair<bool, QString>> figures;
    for (auto row = summary.cbegin(); row != summary.cend(); ++row)
        figures[row.value().value(QStringLiteral("A")).second + QLatin1Char('|') +
                row.value().value(QStringLiteral("C")).second] = row.value().value(QStringLiteral("B"));
    QVERIFY(figures.value(QStringLiteral("Power, typical|kW")).first);
    QCOMPARE(figures.value(QStringLiteral("Power, typical|kW")).second.toDouble(), bom.totals.typicalW / 1000.0);
    QVERIFY(figures.value(QStringLiteral("Heat|BTU/h")).first);
    QVERIFY(figures.value(QStringLiteral("Capacity, usable|TB")).first);
    QVERIFY(figures.value(QStringLiteral("Rack units|U")).first);
    QVERIFY(figures.value(QStringLiteral("Weight|kg")).first);
}

void TestExporters::cablePlanGolden()
{
    Fixture f(QStringLiteral("kit.pocplan.json"));
    CablePlanData cables = buildCablePlan(*f.context);
    cables.draftMark.clear();
    QCOMPARE(static_cast<int>(cables.runs.size()), static_cast<int>(f.plan.links.size()));
    COMPARE_GOLDEN(CablePlanWriter::csv(cables), QStringLiteral("kit/cables.csv"));
    COMPARE_GOLDEN(CablePlanWriter::markdown(cables), QStringLiteral("kit/cables.md"));
}

void TestExporters::netboxGolden()
{
    Fixture f(QStringLiteral("kit.pocplan.json"));
    const auto files = NetboxCsvWriter::write(*f.context);
    QCOMPARE(static_cast<int>(files.size()), 4);
    for (const auto &file : files)
        COMPARE_GOLDEN(file.data, QStringLiteral("kit/netbox/") + file.name);
    QVERIFY(files[0].data.startsWith("site,location,name,status,role,form_factor,width,u_height"));
    QVERIFY(files[1].data.startsWith("name,role,manufacturer,device_type,status,site,location,rack,position,face"));
    QVERIFY(files[2].data.startsWith(
        "site,power_panel,rack,name,status,type,supply,phase,voltage,amperage,max_utilization"));
    QVERIFY(files[3].data.startsWith("side_a_site,side_a_device,side_a_type,side_a_name,side_b_site,side_b_device"));
}

void TestExporters::svgGoldenAndStructure()
{
    Fixture f(QStringLiteral("kit.pocplan.json"));
    const RackDiagramData data = cleanDiagrams(*f.context);
    QCOMPARE(static_cast<int>(data.faces.size()), 2);
    for (const RackFaceDiagram &face : data.faces) {
        const QByteArray svg = RackDiagramWriter::svg(data, face);
        COMPARE_GOLDEN(svg, QStringLiteral("kit/rack-R1-%1.svg").arg(face.faceName()));
        QXmlStreamReader xml(svg);
        QStringList groups;
        while (!xml.atEnd()) {
            xml.readNext();
            if (xml.isStartElement() && xml.name() == QLatin1String("g") &&
                xml.attributes()
                    .value(QStringLiteral("class"))
                    .toString()
                    .split(QLatin1Char(' '))
                    .contains(QStringLiteral("device")))
                groups << xml.attributes().value(QStringLiteral("data-device")).toString();
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QCOMPARE(groups.size(), static_cast<int>(face.devices.size() + face.zeroU.size()));
        QCOMPARE(QSet<QString>(groups.begin(), groups.end()).size(), groups.size());
        QVERIFY(svg.contains("POC-A01"));
        QVERIFY(svg.contains("customer-lab-poc") || svg.contains("Customer lab POC"));
        QVERIFY(svg.contains("kW typical"));
        QVERIFY(svg.contains("BTU/h"));
    }
    // Front: the 7 rack-mounted devices; rear: the same full-depth devices seen from behind plus 2 PDUs.
    QCOMPARE(static_cast<int>(data.faces[0].devices.size()), 7);
    QCOMPARE(static_cast<int>(data.faces[1].zeroU.size()), 2);
}

void TestExporters::svgDraftMark()
{
    Fixture f(QStringLiteral("kit.pocplan.json"));
    RackDiagramData data = cleanDiagrams(*f.context);
    data.draftMark = QStringLiteral("DRAFT \u2014 2 unresolved errors");
    for (const RackFaceDiagram &face : data.faces)
        QVERIFY(QString::fromUtf8(RackDiagramWriter::svg(data, face)).contains(data.draftMark));
    const RackDiagramData clean = cleanDiagrams(*f.context);
    QVERIFY(!RackDiagramWriter::svg(clean, clean.faces[0]).contains("DRAFT"));
    QCOMPARE(QString::fromUtf8(DrawioWriter::write(data)).count(data.draftMark), 2);
}

void TestExporters::pngRenders()
{
    Fixture f(QStringLiteral("kit.pocplan.json"));
    const RackDiagramData data = cleanDiagrams(*f.context);
    QByteArray png;
    QString error;
    QVERIFY2(RackDiagramWriter::png(data, data.faces[0], &png, &error), qPrintable(error));
    QImage image;
    QVERIFY(image.loadFromData(png, "PNG"));
    QCOMPARE(image.size(), (RackDiagramWriter::svgSize(data.faces[0]) * 2).toSize());
    // Not blank: the C-node colour appears.
    bool found = false;
    for (int y = 0; y < image.height() && !found; y += 3)
        for (int x = 0; x < image.width() && !found; x += 3)
            found = image.pixelColor(x, y) == diagramRoleColor(Role::CNode);
    QVERIFY(found);
}

void TestExporters::pdfPageCountIsRackFaces()
{
    const Plan plan = generatePlan(3);
    SiteProfile site;
    QVERIFY(ResolvedPlan::resolveSite(plan, Catalog::builtIn(), site, nullptr));
    const ResolvedPlan resolved(plan, Catalog::builtIn(), site);
    const ExportContext context(resolved);
    const RackDiagramData data = buildRackDiagrams(context);
    QCOMPARE(static_cast<int>(data.faces.size()), 6);
    for (QPageSize::PageSizeId size : {QPageSize::A4, QPageSize::Letter}) {
        QByteArray pdf;
        QString error;
        QVERIFY2(RackDiagramWriter::pdf(data, size, &pdf, &error), qPrintable(error));
        QVERIFY(pdf.startsWith("%PDF"));
        QCOMPARE(countMatches(pdf, QRegularExpression(QStringLiteral("/Type\\s*/Page[^s]"))), 6);
    }
}

void TestExporters::drawioStructure()
{
    Fixture f(QStringLiteral("kit.pocplan.json"));
    const RackDiagramData data = cleanDiagrams(*f.context);
    const QByteArray drawio = DrawioWriter::write(data);
    COMPARE_GOLDEN(drawio, QStringLiteral("kit/racks.drawio"));
    QXmlStreamReader xml(drawio);
    int pages = 0;
    QMap<QString, int> cabinetsPerPage;
    QString page;
    QString pendingId, pendingDevice;
    int pendingPosition = 0, pendingHeight = 0;
    QMap<QString, QString> cabinetIds; // cell id → page
    int devicesChecked = 0;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        const auto attrs = xml.attributes();
        if (xml.name() == QLatin1String("diagram")) {
            ++pages;
            page = attrs.value(QStringLiteral("name")).toString();
        } else if (xml.name() == QLatin1String("object")) {
            pendingId = attrs.value(QStringLiteral("id")).toString();
            pendingDevice = attrs.value(QStringLiteral("device_id")).toString();
            pendingPosition = attrs.value(QStringLiteral("position")).toInt();
            pendingHeight = attrs.value(QStringLiteral("u_height")).toInt();
        } else if (xml.name() == QLatin1String("mxCell")) {
            const QString style = attrs.value(QStringLiteral("style")).toString();
            if (style.contains(QLatin1String("rackCabinet3"))) {
                cabinetsPerPage[page] += 1;
                cabinetIds.insert(pendingId, page);
                QVERIFY(style.contains(QLatin1String("container=1")));
                QVERIFY(style.contains(QLatin1String("rackUnitSize=14.8")));
            } else if (!pendingDevice.isEmpty() && pendingPosition > 0) {
                QVERIFY2(cabinetIds.contains(attrs.value(QStringLiteral("parent")).toString()),
                         "a rack-mounted device is a child of its cabinet");
                xml.readNextStartElement();
                QCOMPARE(xml.name().toString(), QStringLiteral("mxGeometry"));
                const double y = xml.attributes().value(QStringLiteral("y")).toDouble();
                const double h = xml.attributes().value(QStringLiteral("height")).toDouble();
                QCOMPARE(y, std::round(DrawioWriter::deviceY(42, pendingPosition, pendingHeight) * 10) / 10);
                QCOMPARE(h, std::round(pendingHeight * DrawioWriter::kUnitPx * 10) / 10);
                const Device *d = f.plan.findDevice(pendingDevice);
                QVERIFY(d);
                QCOMPARE(pendingPosition, d->u);
                ++devicesChecked;
            }
            pendingDevice.clear();
            pendingPosition = 0;
        }
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    QCOMPARE(pages, 2);
    QCOMPARE(cabinetsPerPage.value(QStringLiteral("Front")), 1);
    QCOMPARE(cabinetsPerPage.value(QStringLiteral("Rear")), 1);
    QCOMPARE(devicesChecked, 14); // 7 on the front page, the same 7 full-depth ones on the rear page
}

void TestExporters::runbookTracks_data()
{
    QTest::addColumn<QString>("track");
    QTest::addColumn<QString>("ownSection");
    QTest::addColumn<QString>("ownHeading");
    QTest::newRow("lab") << "lab"
                         << "shipping-lab"
                         << "vendor loaner hardware in the customer's lab";
    QTest::newRow("azure-dedicated") << "azure-dedicated"
                                     << "hosting-azure"
                                     << "Hosting team coordination";
    QTest::newRow("customer-hardware") << "customer-hardware"
                                       << "license"
                                       << "Evaluation license";
}

void TestExporters::runbookTracks()
{
    QFETCH(QString, track);
    QFETCH(QString, ownSection);
    QFETCH(QString, ownHeading);
    Fixture f(QStringLiteral("kit.pocplan.json"), track);
    const RunbookDocument doc = cleanRunbook(*f.context, track);
    QVERIFY(doc.sections.contains(ownSection));
    for (const QString &other :
         {QStringLiteral("shipping-lab"), QStringLiteral("hosting-azure"), QStringLiteral("license")})
        if (other != ownSection)
            QVERIFY2(!doc.sections.contains(other), qPrintable(other));
    const QString md = QString::fromUtf8(RunbookWriter::markdown(doc));
    const QString html = QString::fromUtf8(RunbookWriter::html(doc));
    QVERIFY(md.contains(ownHeading));
    QVERIFY(html.contains(ownHeading.toHtmlEscaped().replace(QLatin1Char('\''), QStringLiteral("&#39;"))));
    // Every section the issue asks for.
    for (const QString &heading :
         {QStringLiteral("Scope and kit"), QStringLiteral("Site readiness checklist"),
          QStringLiteral("Power feeds and connectors"), QStringLiteral("RoCE switch settings"),
          QStringLiteral("Cabling"), QStringLiteral("Switch configuration"), QStringLiteral("DPU bring-up"),
          QStringLiteral("Cluster install and network configuration"), QStringLiteral("Acceptance tests"),
          QStringLiteral("Failure drills"), QStringLiteral("Kubernetes: CSI and COSI"),
          QStringLiteral("Monitoring and logging"), QStringLiteral("Sign-off")})
        QVERIFY2(md.contains(heading), qPrintable(track + QStringLiteral(": no ") + heading));
    // The plan's numbers, filled in.
    const PlanSummary &s = f.context->summary();
    QVERIFY(md.contains(QStringLiteral("**%1 kW typical").arg(textescape::number(s.typicalW / 1000.0, 2))));
    QVERIFY(md.contains(QStringLiteral("MTU **9216**")));
    QVERIFY(md.contains(QStringLiteral("PFC on priority **3**")));
    QVERIFY(md.contains(QStringLiteral("ECN")));
    QVERIFY(md.contains(QStringLiteral("DSCP")));
    QVERIFY(md.contains(QStringLiteral("3 C-nodes")));
    QVERIFY(md.contains(QStringLiteral("2 uplinks planned at 400 GbE")));
    QVERIFY(md.contains(QStringLiteral("2 feeds in total, 2 per rack")));
    // 3 Turin C-nodes × 37 GB/s read (catalog) = 111 GB/s nominal, × 90% = 99.9 GB/s expected.
    QVERIFY(md.contains(QStringLiteral("**111 GB/s read")));
    QVERIFY(md.contains(QStringLiteral("**99.9 GB/s read**")));
    QVERIFY(md.contains(QStringLiteral("cached")) && md.contains(QStringLiteral("internal DNS")));
    QVERIFY(md.contains(QStringLiteral("COSI")) && md.contains(QStringLiteral("CSI")));
    QVERIFY2(!md.contains(QStringLiteral("{{")), "a placeholder was left unfilled");
    QVERIFY(!html.contains(QStringLiteral("{{")));
    QVERIFY(html.contains(QStringLiteral("<table>")));
}

void TestExporters::runbookGolden()
{
    Fixture f(QStringLiteral("kit.pocplan.json"));
    const RunbookDocument doc = cleanRunbook(*f.context, QStringLiteral("lab"));
    COMPARE_GOLDEN(RunbookWriter::markdown(doc), QStringLiteral("kit/runbook-lab.md"));
    COMPARE_GOLDEN(RunbookWriter::html(doc), QStringLiteral("kit/runbook-lab.html"));
}

void TestExporters::runbookDraftMark()
{
    Fixture f(QStringLiteral("kit.pocplan.json"));
    RunbookDocument doc = cleanRunbook(*f.context, QStringLiteral("lab"));
    doc.draftMark = QStringLiteral("DRAFT \u2014 4 unresolved errors");
    QVERIFY(QString::fromUtf8(RunbookWriter::markdown(doc))
                .startsWith(QStringLiteral("> **DRAFT \u2014 4 unresolved errors**")));
    QVERIFY(QString::fromUtf8(RunbookWriter::html(doc))
                .contains(QStringLiteral("<p class=\"draft\">DRAFT \u2014 4 unresolved errors</p>")));
}

void TestExporters::runbookPdf()
{
    Fixture f(QStringLiteral("kit.pocplan.json"));
    RunbookDocument doc = cleanRunbook(*f.context, QStringLiteral("lab"));
    doc.draftMark = QStringLiteral("DRAFT \u2014 1 unresolved error");
    QByteArray pdf;
    QString error;
    int pages = 0;
    QVERIFY2(RunbookWriter::pdf(doc, QPageSize::A4, &pdf, &error, &pages), qPrintable(error));
    QVERIFY(pdf.startsWith("%PDF"));
    QVERIFY(pages >= 3);
    QCOMPARE(countMatches(pdf, QRegularExpression(QStringLiteral("/Type\\s*/Page[^s]"))), pages);
    PP_REQUIRE_TOOL(pdftotext, "pdftotext");
    QTemporaryDir dir;
    QFile out(dir.filePath(QStringLiteral("runbook.pdf")));
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(pdf);
    out.close();
    QProcess p;
    p.start(pdftotext, {out.fileName(), QStringLiteral("-")});
    QVERIFY(p.waitForFinished(30000));
    const QStringList pageTexts =
        QString::fromUtf8(p.readAllStandardOutput()).split(QLatin1Char('\f'), Qt::SkipEmptyParts);
    QCOMPARE(pageTexts.size(), pages);
    for (const QString &t : pageTexts)
        QVERIFY(t.contains(QStringLiteral("DRAFT")));
}

void TestExporters::planWithErrorsIsMarkedDraft()
{
    // Two C-nodes at the same U: space.overlap is an error, so every page says DRAFT.
    Fixture f(QStringLiteral("draft.pocplan.json"));
    const int n = f.context->unresolvedErrors();
    QVERIFY(n >= 1);
    const QString mark =
        QStringLiteral("DRAFT — %1 unresolved error%2").arg(n).arg(n == 1 ? QString() : QStringLiteral("s"));
    QCOMPARE(f.context->draftMark(), mark);
    const RackDiagramData data = buildRackDiagrams(*f.context);
    for (const RackFaceDiagram &face : data.faces)
        QVERIFY(QString::fromUtf8(RackDiagramWriter::svg(data, face)).contains(mark));
    QVERIFY(QString::fromUtf8(DrawioWriter::write(data)).contains(mark));
    RunbookDocument doc;
    QString error;
    QVERIFY(buildRunbook(*f.context, &doc, &error));
    QVERIFY(QString::fromUtf8(RunbookWriter::markdown(doc)).startsWith(QStringLiteral("> **") + mark));
    QVERIFY(QString::fromUtf8(RunbookWriter::html(doc)).contains(mark));
    // It still exports everything.
    QTemporaryDir dir;
    OutputFolder folder(dir.path());
    ExportJob job(*f.resolved, ExportOptions::everything());
    QVERIFY2(job.run(folder, &error), qPrintable(error));
    QCOMPARE(job.unresolvedErrors(), n);
    QVERIFY(folder.written().contains(QStringLiteral("rack-diagrams.pdf")));
    // The clean kit is not marked.
    Fixture clean(QStringLiteral("kit.pocplan.json"));
    QCOMPARE(clean.context->unresolvedErrors(), 0);
    QVERIFY(clean.context->draftMark().isEmpty());
}

void TestExporters::hostileNamesEscaped()
{
    Fixture f(QStringLiteral("hostile.pocplan.json"));
    const BomData bom = buildBom(*f.context);
    const QString bomCsv = QString::fromUtf8(BomWriter::csv(bom));
    QVERIFY(!bomCsv.contains(QStringLiteral("\n=")));
    const CablePlanData cables = buildCablePlan(*f.context);
    const QString cablesCsv = QString::fromUtf8(CablePlanWriter::csv(cables));
    // Formula-looking cells start with an apostrophe; commas and quotes are quoted.
    QVERIFY(cablesCsv.contains(QStringLiteral("\"'=HYPERLINK(\"\"http://x\"\")|<i>\"")));
    QVERIFY(cablesCsv.contains(QStringLiteral("'=cmd|' /C calc'!A0")));
    QVERIFY(cablesCsv.contains(QStringLiteral("\"a,b \"\"c\"\"\"")));
    for (const QString &cell : cablesCsv.split(QRegularExpression(QStringLiteral("[,\\n]"))))
        QVERIFY2(!cell.startsWith(QLatin1Char('=')) && !cell.startsWith(QLatin1Char('@')) &&
                     !cell.startsWith(QLatin1Char('+')),
                 qPrintable(cell));
    for (const auto &file : NetboxCsvWriter::write(*f.context)) {
        const QString text = QString::fromUtf8(file.data);
        QVERIFY2(!text.contains(QStringLiteral(",=")) && !text.contains(QStringLiteral("\n=")) &&
                     !text.contains(QStringLiteral(",+")) && !text.contains(QStringLiteral(",@")) &&
                     !text.contains(QStringLiteral(",-pdu")),
                 qPrintable(file.name));
    }
    // SVG and draw.io parse as XML and carry no live markup.
    RackDiagramData data = buildRackDiagrams(*f.context);
    for (const RackFaceDiagram &face : data.faces) {
        const QByteArray svg = RackDiagramWriter::svg(data, face);
        QXmlStreamReader xml(svg);
        int devices = 0;
        while (!xml.atEnd()) {
            xml.readNext();
            QVERIFY2(!(xml.isStartElement() &&
                       (xml.name() == QLatin1String("script") || xml.name() == QLatin1String("b") ||
                        xml.name() == QLatin1String("i"))),
                     "user text became markup");
            if (xml.isStartElement() && xml.name() == QLatin1String("g") &&
                xml.attributes().value(QStringLiteral("class")).startsWith(QLatin1String("device")))
                ++devices;
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QCOMPARE(devices, static_cast<int>(face.devices.size() + face.zeroU.size()));
        QVERIFY(svg.contains("&lt;script&gt;"));
    }
    const QByteArray drawio = DrawioWriter::write(data);
    QXmlStreamReader dx(drawio);
    while (!dx.atEnd()) {
        dx.readNext();
        QVERIFY(!(dx.isStartElement() && dx.name() == QLatin1String("script")));
    }
    QVERIFY2(!dx.hasError(), qPrintable(dx.errorString()));
    // Runbook HTML and Markdown.
    const RunbookDocument doc = cleanRunbook(*f.context, QStringLiteral("lab"));
    const QString html = QString::fromUtf8(RunbookWriter::html(doc));
    QVERIFY(!html.contains(QStringLiteral("<script>")));
    QVERIFY(html.contains(QStringLiteral("&lt;script&gt;alert(&#39;plan&#39;)&lt;/script&gt;")));
    QVERIFY(!html.contains(QStringLiteral("<b>rack</b>")));
    const QString md = QString::fromUtf8(RunbookWriter::markdown(doc));
    QVERIFY(!md.contains(QStringLiteral("<script>")));
    // File names made from the rack id stay inside the folder.
    QTemporaryDir dir;
    OutputFolder folder(dir.path());
    ExportOptions options;
    options.diagrams = {QStringLiteral("svg")};
    ExportJob job(*f.resolved, options);
    QString error;
    QVERIFY2(job.run(folder, &error), qPrintable(error));
    for (const QString &name : folder.written()) {
        QVERIFY2(name.startsWith(QLatin1String("diagrams/rack-")), qPrintable(name));
        QVERIFY(
            QFileInfo(folder.pathOf(name)).canonicalFilePath().startsWith(QFileInfo(dir.path()).canonicalFilePath()));
    }
    QCOMPARE(folder.written().size(), 2);
}

void TestExporters::exportJobWritesEverything()
{
    Fixture f(QStringLiteral("kit.pocplan.json"));
    QTemporaryDir dir;
    OutputFolder folder(dir.path());
    ExportJob job(*f.resolved, ExportOptions::everything());
    QString error;
    int lastDone = -1, lastTotal = 0;
    QVERIFY2(job.run(folder, &error,
                     [&](int done, int total, const QString &) {
                         lastDone = done;
                         lastTotal = total;
                         return true;
                     }),
             qPrintable(error));
    QCOMPARE(lastDone, lastTotal);
    QStringList expected{QStringLiteral("bom.csv"),
                         QStringLiteral("bom.xlsx"),
                         QStringLiteral("bom.json"),
                         QStringLiteral("bom.md"),
                         QStringLiteral("diagrams/rack-R1-front.svg"),
                         QStringLiteral("diagrams/rack-R1-rear.svg"),
                         QStringLiteral("diagrams/rack-R1-front.png"),
                         QStringLiteral("diagrams/rack-R1-rear.png"),
                         QStringLiteral("rack-diagrams.pdf"),
                         QStringLiteral("racks.drawio"),
                         QStringLiteral("cables.csv"),
                         QStringLiteral("cables.md"),
                         QStringLiteral("runbook.md"),
                         QStringLiteral("runbook.html"),
                         QStringLiteral("runbook.pdf"),
                         QStringLiteral("netbox/racks.csv"),
                         QStringLiteral("netbox/devices.csv"),
                         QStringLiteral("netbox/power-feeds.csv"),
                         QStringLiteral("netbox/cables.csv")};
    for (const QString &format : ExportOptions::knownFormats(QStringLiteral("report")))
        expected << QStringLiteral("check-report.") + format;
    for (const QString &name : expected) {
        QVERIFY2(folder.written().contains(name), qPrintable(name));
        QVERIFY2(QFileInfo(folder.pathOf(name)).size() > 0, qPrintable(name));
    }
    QCOMPARE(folder.written().size(), expected.size());
    // No temporary files left behind.
    QDirIterator it(dir.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    int files = 0;
    while (it.hasNext()) {
        it.next();
        ++files;
    }
    QCOMPARE(files, expected.size());
    // The diagram PDF has one page per rack face.
    QFile pdf(folder.pathOf(QStringLiteral("rack-diagrams.pdf")));
    QVERIFY(pdf.open(QIODevice::ReadOnly));
    QCOMPARE(countMatches(pdf.readAll(), QRegularExpression(QStringLiteral("/Type\\s*/Page[^s]"))), 2);
}

void TestExporters::exportJobRefusesUnwritableFolder()
{
    Fixture f(QStringLiteral("kit.pocplan.json"));
    QTemporaryDir dir;
    // A plain file where the folder should be: cannot be created or written.
    const QString blocker = dir.filePath(QStringLiteral("not-a-folder"));
    QFile file(blocker);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("x");
    file.close();
    OutputFolder folder(blocker + QStringLiteral("/out"));
    ExportJob job(*f.resolved, ExportOptions::everything());
    QString error;
    QVERIFY(!job.run(folder, &error));
    QVERIFY2(error.contains(QStringLiteral("not-a-folder")), qPrintable(error));
    QVERIFY(folder.written().isEmpty());
}

// `pocplan info`: the golden files are the bytes the CLI printed before the writer existed.
void TestExporters::planInfoGolden()
{
    Fixture f(QStringLiteral("kit.pocplan.json"));
    const PlanInfoData info = buildPlanInfo(*f.resolved);
    QCOMPARE(info.siteId, f.site.id);
    QVERIFY(info.summary.countsByRole.value(QStringLiteral("cnode")) > 0);
    COMPARE_GOLDEN(PlanInfoWriter::json(info), QStringLiteral("kit/info.json"));
    COMPARE_GOLDEN(PlanInfoWriter::text(info), QStringLiteral("kit/info.txt"));
}

// `pocplan cables`: every link in plan order and the site uplinks.
void TestExporters::cableListGolden()
{
    Fixture f(QStringLiteral("kit.pocplan.json"));
    const CableListData list = buildCableList(f.plan);
    QCOMPARE(list.links.size(), f.plan.links.size());
    COMPARE_GOLDEN(CableListWriter::json(list), QStringLiteral("kit/cable-list.json"));
    COMPARE_GOLDEN(CableListWriter::text(list), QStringLiteral("kit/cable-list.txt"));
}

// `pocplan cable`: the auto-cabler's report on the kit plan, with the file names the CLI would print.
void TestExporters::cablingReportGolden()
{
    Fixture f(QStringLiteral("kit.pocplan.json"));
    Plan plan = f.plan;
    const CablingReport report = autoCable(plan, Catalog::builtIn(), f.site);
    QVERIFY2(report.errors.isEmpty(), qPrintable(report.errors.join(QLatin1Char('\n'))));
    const QString output = QStringLiteral("cabled.pocplan.json");
    COMPARE_GOLDEN(CablingReportWriter::json(report, output), QStringLiteral("kit/cabling-report.json"));
    COMPARE_GOLDEN(CablingReportWriter::text(report, QStringLiteral("kit.pocplan.json"), output),
                   QStringLiteral("kit/cabling-report.txt"));
    // Past kMaxNotes the text counts the rest and points at the JSON.
    CablingReport many = report;
    many.notes.clear();
    for (int i = 0; i < CablingReportWriter::kMaxNotes + 3; ++i)
        many.notes << QStringLiteral("note %1").arg(i);
    const QString text = QString::fromUtf8(CablingReportWriter::text(many, QStringLiteral("in"), output));
    QCOMPARE(text.count(QStringLiteral("\nnote: ")), CablingReportWriter::kMaxNotes + 1);
    QVERIFY(text.endsWith(QStringLiteral("note: … and 3 more (see --json)\n")));
}

QTEST_MAIN(TestExporters)
#include "tst_exporters.moc"
