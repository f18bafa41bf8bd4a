#include "csvtestparser.h"
#include "exporters/bom/bomdata.h"
#include "exporters/bom/bomxlsxwriter.h"
#include "exporters/cabling/lldpneighbourcsvwriter.h"
#include "exporters/cabling/switchconfig.h"
#include "exporters/common/exportcontext.h"
#include "exporters/common/exportjob.h"
#include "exporters/common/outputfolder.h"
#include "exporters/reports/comparisonwriter.h"
#include "planner/io/planio.h"
#include "planner/sizing/sizingdata.h"
#include "planner/sizing/sizingengine.h"

#include "tests/common/requiretool.h"

#include <QDirIterator>
#include <QImage>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QXmlStreamReader>
#include <QtTest>

using namespace pp;

namespace {

// Names a customer or a careless paste can put into a plan.
const QString kScript = QStringLiteral("<script>alert('x')</script>");
const QString kFormula = QStringLiteral("=cmd|' /C calc'!A0");
const QString kHebrew = QStringLiteral(u"עברית");
const QString kRtl = QStringLiteral(u"مركز البيانات \u202Egnp.exe\u202C ") + kHebrew;
const QString kEmoji = QStringLiteral(u"🚀 GPU 💾 storage 👩‍💻");
const QString kLong = QStringLiteral("long-") + QString(9995, QLatin1Char('W')); // 10,000 characters
const QString kQuotes = QStringLiteral("a,b \"c\" 'd'");
const QString kNewline = QStringLiteral("line1\nnv set system reboot \"now\"; $(rm -rf /) `id`");

// XML 1.0 forbids these code points; an SVG or draw.io file that holds one raw does not open.
const QString kBadXml = QStringLiteral(u"bad\uFFFE\uFFFF") + QChar(0x01) + QChar(0xD800) + QStringLiteral("end");

// Names a spreadsheet would run, one per formula character, each placed where it reaches CSV and
// XLSX cells: the plan name (NetBox racks.csv description, BOM workbook), the customer (BOM
// workbook), cable labels (cables.csv, NetBox cables.csv, expected-lldp.csv) and a PDU hostname
// (NetBox devices.csv).
const QString kEquals = kFormula + QLatin1Char(' ') + kRtl;
const QString kPlus = QLatin1Char('+') + kScript + QLatin1Char(' ') + kEmoji;
const QString kMinus = QStringLiteral("-2-3 pdu,\"a\"\nline2");
const QString kAt = QStringLiteral("@SUM(1+1)*cmd|x ") + kEmoji + QLatin1Char(' ') + kQuotes;

// The bundled hostile fixture (<script>, quotes, =cmd|, ../../x as rack id) with every name set
// here, so that each hostile kind reaches every exporter: RTL, emoji, a 10,000-character name, line
// breaks, XML-invalid code points and a name starting with each of = + - @.
Plan hostilePlan()
{
    Plan plan;
    LoadError error;
    PlanLoadOptions options;
    options.catalog = &Catalog::builtIn();
    if (!loadPlanFile(QStringLiteral(POCPLAN_TEST_DATA "/hostile.pocplan.json"), plan, &error, options))
        qFatal("%s", qPrintable(error.toString()));
    plan.name = kPlus;
    plan.customer = kEquals;
    plan.racks.front().name = kEmoji + QStringLiteral(" <b>rack</b>");
    plan.devices[0].hostname = kLong;    // the switch
    plan.devices[1].hostname = kRtl;     // a C-node
    plan.devices[2].hostname = kNewline; // a D-box
    plan.devices[3].hostname = kMinus;   // the PDU
    plan.links[0].label = kEquals;
    plan.links[1].label = kAt;
    Device bad = plan.devices[1]; // a second C-node, unlinked, lower in the rack
    bad.id = QStringLiteral("cn-bad");
    bad.u = 10;
    bad.hostname = kBadXml;
    plan.devices.push_back(bad);
    return plan;
}

// Each name appears as a cell, neutralised (one leading apostrophe, the text otherwise whole), and
// never raw.
void verifyNeutralised(const QStringList &cells, const QStringList &names, const QString &where)
{
    for (const QString &name : names) {
        QVERIFY2(cells.contains(QLatin1Char('\'') + name),
                 qPrintable(where + QLatin1String(": no neutralised cell for ") + name.left(40)));
        QVERIFY2(!cells.contains(name), qPrintable(where + QLatin1String(": raw cell ") + name.left(40)));
    }
}

// The strings of an XLSX shared-strings part, one per <si> (rich text runs joined); fails the test
// when the part is not well-formed XML.
QStringList sharedStrings(const QByteArray &data)
{
    QXmlStreamReader xml(data);
    QStringList out;
    QString current;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement() && xml.name() == QLatin1String("si"))
            current.clear();
        else if (xml.isStartElement() && xml.name() == QLatin1String("t"))
            current += xml.readElementText();
        else if (xml.isEndElement() && xml.name() == QLatin1String("si"))
            out << current;
    }
    if (xml.hasError())
        qFatal("sharedStrings.xml: not well-formed XML: %s", qPrintable(xml.errorString()));
    return out;
}

// pdftotext's text of a PDF, or a null string when pdftotext is not installed (the callers then
// end with PP_REQUIRE_TOOL, which skips or, under CI=true, fails).
QString pdfText(const QString &path)
{
    if (QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty())
        return QString();
    QProcess pdftotext;
    pdftotext.start(QStringLiteral("pdftotext"),
                    {QStringLiteral("-enc"), QStringLiteral("UTF-8"), path, QStringLiteral("-")});
    if (!pdftotext.waitForFinished(60000) || pdftotext.exitCode() != 0)
        qFatal("pdftotext %s failed: %s", qPrintable(path), pdftotext.readAllStandardError().constData());
    return QString::fromUtf8(pdftotext.readAllStandardOutput());
}

// Every text node and attribute value of an XML document; fails the test on a parse error or on
// an element that user text must never become.
QString xmlText(const QByteArray &data, const QString &file)
{
    QXmlStreamReader xml(data);
    QString text;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            const QString name = xml.name().toString().toLower();
            if (name == QLatin1String("script") || name == QLatin1String("b") || name == QLatin1String("foreignobject"))
                qFatal("%s: user text became a <%s> element", qPrintable(file), qPrintable(name));
            for (const QXmlStreamAttribute &a : xml.attributes())
                text += a.value().toString() + QLatin1Char('\n');
        } else if (xml.isCharacters()) {
            text += xml.text().toString() + QLatin1Char('\n');
        }
    }
    if (xml.hasError())
        qFatal("%s: not well-formed XML: %s", qPrintable(file), qPrintable(xml.errorString()));
    return text;
}

QByteArray unzipEntry(const QString &archive, const QString &entry)
{
    QProcess unzip;
    unzip.start(QStringLiteral("unzip"), {QStringLiteral("-p"), archive, entry});
    unzip.waitForFinished(30000);
    return unzip.readAllStandardOutput();
}

// Markdown renders raw HTML: every '<' of user text is escaped (\\< or &lt;), and a line break in
// a name cannot start a line of its own (a heading, a list, a table row).
void verifyMarkdownInert(const QString &md, const QString &name)
{
    static const QRegularExpression rawTag(QStringLiteral("(?<!\\\\)<[A-Za-z/!]"));
    const QRegularExpressionMatch tag = rawTag.match(md);
    QVERIFY2(!tag.hasMatch(), qPrintable(name + QLatin1String(": ") + md.mid(tag.capturedStart() - 20, 60)));
    for (const QString &line : md.split(QLatin1Char('\n')))
        QVERIFY2(!line.startsWith(QLatin1String("nv set system reboot")), qPrintable(name));
}

} // namespace

// Hostile names through every exporter: every output parses, no user text becomes markup, a
// formula or a CLI command, file names stay inside the folder, and the text is still there.
class TestHostileNames : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void everyFileStaysInsideTheFolder();
    void jsonParsesAndKeepsTheText();
    void xmlFormatsParseWithoutMarkup();
    void htmlAndMarkdownAreInert();
    void csvParsesWithoutFormulas();
    void xlsxHasNoFormulas();
    void imagesAndPdfsRender();
    void comparisonExportsAreInert();
    void expectedLldpCsvIsInert();
    void switchConfigsCannotBeInjected();

private:
    QByteArray read(const QString &name) const;

    Plan m_plan;
    SiteProfile m_site;
    std::unique_ptr<ResolvedPlan> m_resolved;
    QTemporaryDir m_dir;
    QStringList m_written;
};

void TestHostileNames::initTestCase()
{
    m_plan = hostilePlan();
    QString error;
    QVERIFY2(ResolvedPlan::resolveSite(m_plan, Catalog::builtIn(), m_site, &error), qPrintable(error));
    m_resolved = std::make_unique<ResolvedPlan>(m_plan, Catalog::builtIn(), m_site);
    OutputFolder folder(m_dir.path());
    ExportJob job(*m_resolved, ExportOptions::everything());
    QVERIFY2(job.run(folder, &error), qPrintable(error));
    m_written = folder.written();
    QVERIFY(m_written.size() >= 19);
    // The plan itself survives a save and a load with every name intact.
    Plan again;
    LoadError loadError;
    QVERIFY2(loadPlanData(planToBytes(m_plan), QStringLiteral("hostile"), again, &loadError),
             qPrintable(loadError.toString()));
    QCOMPARE(planToBytes(again), planToBytes(m_plan));
    QCOMPARE(again.devices[0].hostname.size(), 10000);
}

QByteArray TestHostileNames::read(const QString &name) const
{
    QFile f(m_dir.filePath(name));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("%s: cannot read", qPrintable(name));
    return f.readAll();
}

void TestHostileNames::everyFileStaysInsideTheFolder()
{
    const QString root = QFileInfo(m_dir.path()).canonicalFilePath();
    static const QRegularExpression safeName(QStringLiteral("^[A-Za-z0-9._/-]+$"));
    int files = 0;
    QDirIterator it(m_dir.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = QFileInfo(it.next()).canonicalFilePath();
        QVERIFY2(path.startsWith(root + QLatin1Char('/')), qPrintable(path));
        const QString relative = path.mid(root.size() + 1);
        QVERIFY2(safeName.match(relative).hasMatch(), qPrintable(relative));
        QVERIFY2(!relative.contains(QLatin1String("..")), qPrintable(relative));
        ++files;
    }
    QCOMPARE(files, m_written.size());
    QVERIFY(!QFileInfo::exists(QFileInfo(m_dir.path()).dir().filePath(QStringLiteral("x"))));
}

void TestHostileNames::jsonParsesAndKeepsTheText()
{
    QString all;
    for (const QString &name : m_written) {
        if (!name.endsWith(QLatin1String(".json")))
            continue;
        const QByteArray data = read(name);
        QVERIFY2(Json::accept(data.constData(), data.constData() + data.size()), qPrintable(name));
        all += QString::fromStdString(Json::parse(data.constData(), data.constData() + data.size()).dump());
    }
    // Decoded JSON holds the names exactly, whatever the script or length.
    const Json decoded = Json::parse(read(QStringLiteral("check-report.json")).toStdString());
    QVERIFY(QString::fromStdString(decoded.dump()).contains(QStringLiteral("sw<1>")));
    QVERIFY(all.contains(kRtl));   // the customer, in bom.json
    QVERIFY(all.contains(kEmoji)); // the plan name
    QVERIFY(all.contains(kPlus));  // JSON is not a spreadsheet: no apostrophe
}

void TestHostileNames::xmlFormatsParseWithoutMarkup()
{
    QString svgText;
    int svgs = 0;
    for (const QString &name : m_written) {
        if (name.endsWith(QLatin1String(".svg"))) {
            const QByteArray data = read(name);
            QVERIFY2(data.size() < 2 * 1024 * 1024,
                     qPrintable(name)); // a 10,000-character name does not blow up a page
            svgText += xmlText(data, name);
            ++svgs;
        } else if (name.endsWith(QLatin1String(".drawio"))) {
            const QByteArray data = read(name);
            const QString text = xmlText(data, name);
            QVERIFY(text.contains(kEmoji));
            QVERIFY(
                text.contains(QStringLiteral(u"bad\uFFFD\uFFFD\uFFFD\uFFFDend"))); // XML-invalid code points replaced
            // draw.io renders a label as HTML when its cell style says html=1: such a label must not
            // hold markup once decoded. Labels sit on the cell (value) or on its <object> (label).
            QXmlStreamReader xml(data);
            QString objectLabel;
            int cells = 0;
            while (!xml.atEnd()) {
                if (xml.readNext() != QXmlStreamReader::StartElement)
                    continue;
                if (xml.name() == QLatin1String("object"))
                    objectLabel = xml.attributes().value(QStringLiteral("label")).toString();
                if (xml.name() != QLatin1String("mxCell"))
                    continue;
                ++cells;
                if (!xml.attributes().value(QStringLiteral("style")).contains(QLatin1String("html=1")))
                    continue;
                const QString value = xml.attributes().value(QStringLiteral("value")).toString() + objectLabel;
                QVERIFY2(!value.contains(QLatin1Char('<')),
                         qPrintable(name + QLatin1String(": HTML label with markup: ") + value.left(80)));
            }
            QVERIFY(cells > 4);
        }
    }
    QCOMPARE(svgs, 2);
    QVERIFY(svgText.contains(QLatin1String("<b>rack</b>"))); // shown as text, not made bold
    QVERIFY(svgText.contains(kEmoji));
    QVERIFY(svgText.contains(kRtl));           // the C-node's <title> holds it whole
    QVERIFY(svgText.contains(kLong.left(40))); // shown, possibly shortened
    QVERIFY(svgText.contains(QStringLiteral(u"bad\uFFFD\uFFFD\uFFFD\uFFFDend")));
}

void TestHostileNames::htmlAndMarkdownAreInert()
{
    const QString html = QString::fromUtf8(read(QStringLiteral("runbook.html")));
    QVERIFY(!html.contains(QLatin1String("<script>")));
    QVERIFY(!html.contains(QLatin1String("<b>rack</b>")));
    QVERIFY(html.contains(QLatin1String("&lt;script&gt;")));
    QVERIFY(html.contains(kRtl));
    QVERIFY(html.contains(kEmoji));
    for (const QString &name : m_written) {
        if (!name.endsWith(QLatin1String(".md")))
            continue;
        verifyMarkdownInert(QString::fromUtf8(read(name)), name);
    }
}

void TestHostileNames::csvParsesWithoutFormulas()
{
    bool sawEqualsLabel = false, sawLongName = false;
    QStringList cells;
    for (const QString &name : m_written) {
        if (!name.endsWith(QLatin1String(".csv")))
            continue;
        QList<QStringList> records;
        QVERIFY2(parseCsvText(QString::fromUtf8(read(name)), &records), qPrintable(name));
        QVERIFY2(!records.isEmpty(), qPrintable(name));
        for (const QStringList &record : records) {
            QVERIFY2(record.size() == records.front().size(),
                     qPrintable(name + QLatin1String(": ragged record ") + record.join(QLatin1Char('|')).left(200)));
            for (const QString &cell : record) {
                QVERIFY2(!cellRunsAsFormula(cell), qPrintable(name + QLatin1String(": ") + cell.left(80)));
                sawEqualsLabel = sawEqualsLabel || cell == QLatin1Char('\'') + kEquals;
                sawLongName = sawLongName || cell == kLong;
                cells << cell;
            }
        }
    }
    QVERIFY(sawEqualsLabel); // the cable label, exactly, behind one apostrophe
    QVERIFY(sawLongName);    // the 10,000-character hostname, whole (it starts with a letter: untouched)
    verifyNeutralised(cells, {kEquals, kPlus, kMinus, kAt}, QStringLiteral("CSV exports"));
    // Each file that carries a formula name neutralises it where it lands.
    QList<QStringList> records;
    QVERIFY(parseCsvText(QString::fromUtf8(read(QStringLiteral("cables.csv"))), &records));
    QStringList cableCells;
    for (const QStringList &r : std::as_const(records))
        cableCells << r;
    verifyNeutralised(cableCells, {kEquals, kAt}, QStringLiteral("cables.csv"));
    records.clear();
    QVERIFY(parseCsvText(QString::fromUtf8(read(QStringLiteral("netbox/devices.csv"))), &records));
    QStringList deviceCells;
    for (const QStringList &r : std::as_const(records))
        deviceCells << r;
    verifyNeutralised(deviceCells, {kMinus}, QStringLiteral("netbox/devices.csv"));
    records.clear();
    QVERIFY(parseCsvText(QString::fromUtf8(read(QStringLiteral("netbox/racks.csv"))), &records));
    QStringList rackCells;
    for (const QStringList &r : std::as_const(records))
        rackCells << r;
    verifyNeutralised(rackCells, {kPlus}, QStringLiteral("netbox/racks.csv"));
}

void TestHostileNames::xlsxHasNoFormulas()
{
    PP_REQUIRE_TOOL(unzip, "unzip");
    const auto verifyWorkbook = [](const QString &path, const QStringList &names) {
        for (const char *part : {"xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"}) {
            const QByteArray sheet = unzipEntry(path, QString::fromLatin1(part));
            QVERIFY2(!sheet.isEmpty(), part);
            xmlText(sheet, QString::fromLatin1(part));
            QVERIFY2(!sheet.contains("<f>") && !sheet.contains("<f "), part);
        }
        const QStringList strings = sharedStrings(unzipEntry(path, QStringLiteral("xl/sharedStrings.xml")));
        QVERIFY(!strings.isEmpty());
        for (const QString &cell : strings)
            QVERIFY2(!cellRunsAsFormula(cell), qPrintable(cell.left(80)));
        verifyNeutralised(strings, names, path);
    };
    // The export's workbook: the plan name (+) and the customer (=) on the Summary sheet.
    verifyWorkbook(m_dir.filePath(QStringLiteral("bom.xlsx")), {kPlus, kEquals});
    if (QTest::currentTestFailed())
        return;
    // The plan and customer are the only user text a BOM holds, so - and @ go through the same
    // writer in a second workbook, with the XML-invalid name as the site.
    BomData bom = buildBom(ExportContext(*m_resolved));
    bom.plan = kMinus;
    bom.customer = kAt;
    bom.site = kBadXml;
    QByteArray bytes;
    QString error;
    QVERIFY2(BomXlsxWriter::write(bom, &bytes, &error), qPrintable(error));
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("second.xlsx"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(bytes);
    f.close();
    verifyWorkbook(path, {kMinus, kAt});
}

void TestHostileNames::imagesAndPdfsRender()
{
    int pdfs = 0;
    for (const QString &name : m_written) {
        if (name.endsWith(QLatin1String(".png"))) {
            QImage image;
            QVERIFY2(image.loadFromData(read(name), "PNG") && !image.isNull(), qPrintable(name));
        } else if (name.endsWith(QLatin1String(".pdf"))) {
            QVERIFY2(read(name).startsWith("%PDF-"), qPrintable(name));
            ++pdfs;
            const QString text = pdfText(m_dir.filePath(name));
            if (text.isNull())
                continue;
            // User text is drawn as text, not lost: the plan name heads the pages of both PDFs; the
            // runbook names the customer (RTL) in full, the diagrams the switch (shortened). pdftotext
            // gives Arabic as presentation forms and drops emoji without a font; Hebrew comes back as is.
            QVERIFY2(text.contains(kScript), qPrintable(name + QLatin1String(": ") + text.left(300)));
            const QString expected = name == QLatin1String("runbook.pdf") ? kHebrew : kLong.left(20);
            QVERIFY2(text.contains(expected), qPrintable(name + QLatin1String(": ") + text.left(300)));
        }
    }
    QCOMPARE(pdfs, 2);
    // The text checks above need pdftotext: without it the test says so (and fails under CI=true).
    PP_REQUIRE_TOOL(pdftotext, "pdftotext");
}

// `pocplan compare` columns are named by the user's --inputs files.
void TestHostileNames::comparisonExportsAreInert()
{
    const QString design =
        kFormula + QStringLiteral(" | col | <script>x</script>\n# heading\n") + kEmoji + QLatin1Char(' ') + kHebrew;
    const QString note = QStringLiteral("@SUM(1) <b>note</b> | x\n- item");
    const SizingData &data = SizingData::builtIn();
    const SizingEngine engine(Catalog::builtIn(), data);
    std::vector<SizingResult> results;
    for (const char *id : {"poc", "ncp"})
        results.push_back(
            engine.size(SizingInputs::forDesign(*data.design(QString::fromLatin1(id)), data, Catalog::builtIn())));
    results.front().inputs.name = design;
    Comparison comparison = buildComparison(std::move(results), 0, data);
    QVERIFY(!comparison.columns.empty());
    QCOMPARE(comparison.columns.front().name, design);
    comparison.columns.front().note = note;
    const ComparisonWriter writer(comparison);

    const QString md = QString::fromUtf8(writer.markdown());
    verifyMarkdownInert(md, QStringLiteral("comparison.md"));
    QVERIFY(md.contains(QStringLiteral("=cmd\\|' /C calc'!A0 \\| col \\| &lt;script&gt;x&lt;/script&gt; # heading ") +
                        kEmoji + QLatin1Char(' ') + kHebrew));
    for (const QString &line : md.split(QLatin1Char('\n'))) {
        QVERIFY2(!line.startsWith(QLatin1String("# heading")) && !line.startsWith(QLatin1String("- item")),
                 qPrintable(line.left(80)));
    }
    // Every row of the main table has as many cells as its separator line.
    const QStringList lines = md.split(QLatin1Char('\n'));
    const int separator = static_cast<int>(lines.indexOf(QRegularExpression(QStringLiteral("^\\|---\\|(---:\\|)+$"))));
    QVERIFY(separator > 0);
    const auto cellsOf = [](QString line) {
        line.remove(QStringLiteral("\\\\"));
        return static_cast<int>(line.count(QRegularExpression(QStringLiteral("(?<!\\\\)\\|"))));
    };
    for (int i = separator - 1; i < lines.size() && lines.at(i).startsWith(QLatin1Char('|')); ++i)
        QVERIFY2(cellsOf(lines.at(i)) == cellsOf(lines.at(separator)), qPrintable(lines.at(i).left(120)));

    QList<QStringList> records;
    QVERIFY(parseCsvText(QString::fromUtf8(writer.csv()), &records));
    QVERIFY(records.size() > 3);
    QStringList cells;
    for (const QStringList &r : std::as_const(records)) {
        QCOMPARE(r.size(), records.front().size());
        for (const QString &cell : r)
            QVERIFY2(!cellRunsAsFormula(cell), qPrintable(cell.left(80)));
        cells << r;
    }
    QCOMPARE(records.front().at(2), QLatin1Char('\'') + design); // the column name, whole, line breaks quoted
    verifyNeutralised(cells, {design, note}, QStringLiteral("comparison.csv"));

    QTemporaryDir dir;
    const QString pdf = dir.filePath(QStringLiteral("comparison.pdf"));
    QString error;
    QVERIFY2(writer.writePdf(pdf, &error), qPrintable(error));
    PP_REQUIRE_TOOL(pdftotext, "pdftotext");
    const QString text = pdfText(pdf);
    QVERIFY2(text.contains(QStringLiteral("<script>x</script>")) && text.contains(kHebrew), qPrintable(text.left(300)));
}

// expected-lldp.csv (`pocplan switch-config`, `pocplan cables --lldp`) holds hostnames and labels.
void TestHostileNames::expectedLldpCsvIsInert()
{
    const std::vector<NeighbourRow> rows = expectedNeighbours(m_plan, Catalog::builtIn());
    QCOMPARE(rows.size(), std::size_t(2)); // the switch end of both links
    QList<QStringList> records;
    QVERIFY(parseCsvText(QString::fromUtf8(LldpNeighbourCsvWriter::csv(rows)), &records));
    QCOMPARE(records.size(), static_cast<qsizetype>(rows.size() + 1));
    QStringList cells;
    for (const QStringList &r : std::as_const(records)) {
        QCOMPARE(r.size(), 5);
        for (const QString &cell : r)
            QVERIFY2(!cellRunsAsFormula(cell), qPrintable(cell.left(80)));
        cells << r;
    }
    verifyNeutralised(cells, {kEquals, kAt}, QStringLiteral("expected-lldp.csv"));
    QVERIFY(cells.contains(kLong)); // the switch, whole
    QVERIFY(cells.contains(kRtl));
    QVERIFY(cells.contains(kNewline)); // its line break quoted, not a new record
}

void TestHostileNames::switchConfigsCannotBeInjected()
{
    const std::vector<SwitchConfigData> configs = buildSwitchConfigs(*m_resolved);
    QVERIFY(!configs.empty());
    static const QRegularExpression hostnameLine(QStringLiteral("^nv set system hostname [A-Za-z0-9-]{1,63}$"));
    for (const SwitchConfigData &config : configs) {
        SwitchConfigTemplate tmpl;
        LoadError error;
        QVERIFY2(SwitchConfigTemplate::loadBuiltIn(QStringLiteral("nvue"), tmpl, &error), qPrintable(error.toString()));
        const QString text = QString::fromUtf8(writeSwitchConfig(config, tmpl));
        int hostnameLines = 0;
        for (const QString &line : text.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
            QVERIFY2(line.startsWith(QLatin1String("nv ")) || line.startsWith(QLatin1Char('#')),
                     qPrintable(line.left(120)));
            QVERIFY2(line.count(QLatin1Char('"')) % 2 == 0, qPrintable(line.left(120)));
            if (line.startsWith(QLatin1String("nv ")))
                QVERIFY2(!line.contains(QLatin1Char('$')) && !line.contains(QLatin1Char('`')),
                         qPrintable(line.left(120)));
            QVERIFY2(line.size() < 400, qPrintable(line.left(120)));
            if (line.startsWith(QLatin1String("nv set system hostname"))) {
                QVERIFY2(hostnameLine.match(line).hasMatch(), qPrintable(line.left(120)));
                ++hostnameLines;
            }
        }
        QCOMPARE(hostnameLines, 1);
        // The file name a CLI run gives this configuration is a plain name inside its folder.
        QVERIFY2(QRegularExpression(QStringLiteral("^[A-Za-z0-9-]{1,63}$")).match(config.hostname).hasMatch(),
                 qPrintable(config.hostname.left(80)));
    }
}

QTEST_MAIN(TestHostileNames)
#include "tst_hostilenames.moc"
