#include "exporters/exportjob.h"
#include "exporters/outputfolder.h"
#include "exporters/switchconfig.h"
#include "planner/planio.h"

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
const QString kRtl = QStringLiteral(u"مركز البيانات \u202Egnp.exe\u202C עברית");
const QString kEmoji = QStringLiteral(u"🚀 GPU 💾 storage 👩‍💻");
const QString kLong = QStringLiteral("long-") + QString(9995, QLatin1Char('W')); // 10,000 characters
const QString kQuotes = QStringLiteral("a,b \"c\" 'd'");
const QString kNewline = QStringLiteral("line1\nnv set system reboot \"now\"; $(rm -rf /) `id`");

// The bundled hostile fixture (<script>, quotes, =cmd|, ../../x as rack id) with RTL, emoji,
// 10,000-character and line-break names added on top.
Plan hostilePlan()
{
    Plan plan;
    LoadError error;
    PlanLoadOptions options;
    options.catalog = &Catalog::builtIn();
    if (!loadPlanFile(QStringLiteral(POCPLAN_TEST_DATA "/hostile.pocplan.json"), plan, &error, options))
        qFatal("%s", qPrintable(error.toString()));
    plan.name = kScript + QLatin1Char(' ') + kEmoji;
    plan.customer = kRtl;
    plan.racks.front().name = kEmoji + QStringLiteral(" <b>rack</b>");
    plan.devices[0].hostname = kLong;      // the switch
    plan.devices[1].hostname = kRtl;       // a C-node
    plan.devices[2].hostname = kNewline;   // a D-box
    plan.links[0].label = kRtl + QLatin1Char(' ') + kFormula;
    plan.links[1].label = kEmoji + QLatin1Char(' ') + kQuotes;
    return plan;
}

// RFC 4180 records; false when quoting is broken.
bool parseCsv(const QString &text, QList<QStringList> *records)
{
    QStringList record;
    QString field;
    bool quoted = false, inQuotes = false;
    for (int i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (inQuotes) {
            if (c == QLatin1Char('"') && i + 1 < text.size() && text.at(i + 1) == QLatin1Char('"')) {
                field += c;
                ++i;
            } else if (c == QLatin1Char('"')) {
                inQuotes = false;
            } else {
                field += c;
            }
        } else if (c == QLatin1Char('"')) {
            if (!field.isEmpty())
                return false;
            inQuotes = quoted = true;
        } else if (c == QLatin1Char(',')) {
            record << field;
            field.clear();
            quoted = false;
        } else if (c == QLatin1Char('\r') || c == QLatin1Char('\n')) {
            if (c == QLatin1Char('\r') && i + 1 < text.size() && text.at(i + 1) == QLatin1Char('\n'))
                ++i;
            record << field;
            *records << record;
            record.clear();
            field.clear();
            quoted = false;
        } else {
            if (quoted)
                return false; // text after a closing quote
            field += c;
        }
    }
    if (inQuotes)
        return false;
    if (!field.isEmpty() || !record.isEmpty())
        *records << (record << field);
    return true;
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

bool startsLikeFormula(const QString &cell)
{
    return !cell.isEmpty() && QStringLiteral("=+-@").contains(cell.front());
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
    QVERIFY2(loadPlanData(planToBytes(m_plan), QStringLiteral("hostile"), again, &loadError), qPrintable(loadError.toString()));
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
    QVERIFY(all.contains(kRtl) || all.contains(kEmoji));
}

void TestHostileNames::xmlFormatsParseWithoutMarkup()
{
    QString svgText;
    int svgs = 0;
    for (const QString &name : m_written) {
        if (name.endsWith(QLatin1String(".svg"))) {
            const QByteArray data = read(name);
            QVERIFY2(data.size() < 2 * 1024 * 1024, qPrintable(name)); // a 10,000-character name does not blow up a page
            svgText += xmlText(data, name);
            ++svgs;
        } else if (name.endsWith(QLatin1String(".drawio"))) {
            const QByteArray data = read(name);
            QVERIFY(xmlText(data, name).contains(kEmoji));
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
                QVERIFY2(!value.contains(QLatin1Char('<')), qPrintable(name + QLatin1String(": HTML label with markup: ") + value.left(80)));
            }
            QVERIFY(cells > 4);
        }
    }
    QCOMPARE(svgs, 2);
    QVERIFY(svgText.contains(QLatin1String("<b>rack</b>")));  // shown as text, not made bold
    QVERIFY(svgText.contains(kEmoji));
    QVERIFY(svgText.contains(kRtl) || svgText.contains(kRtl.left(12)));
    QVERIFY(svgText.contains(kLong.left(40)));                 // shown, possibly shortened
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
        // Markdown renders raw HTML: every '<' of user text is escaped (\\< or &lt;).
        const QString md = QString::fromUtf8(read(name));
        static const QRegularExpression rawTag(QStringLiteral("(?<!\\\\)<[A-Za-z/!]"));
        const QRegularExpressionMatch tag = rawTag.match(md);
        QVERIFY2(!tag.hasMatch(), qPrintable(name + QLatin1String(": ") + md.mid(tag.capturedStart() - 20, 60)));
        // A line break in a name cannot start a line of its own (a heading, a list, a table row).
        for (const QString &line : md.split(QLatin1Char('\n')))
            QVERIFY2(!line.startsWith(QLatin1String("nv set system reboot")), qPrintable(name));
    }
}

void TestHostileNames::csvParsesWithoutFormulas()
{
    bool sawRtlLabel = false, sawLongName = false;
    for (const QString &name : m_written) {
        if (!name.endsWith(QLatin1String(".csv")))
            continue;
        QList<QStringList> records;
        QVERIFY2(parseCsv(QString::fromUtf8(read(name)), &records), qPrintable(name));
        QVERIFY2(!records.isEmpty(), qPrintable(name));
        for (const QStringList &record : records) {
            QVERIFY2(record.size() == records.front().size(), qPrintable(name + QLatin1String(": ragged record ") + record.join(QLatin1Char('|')).left(200)));
            for (const QString &cell : record) {
                QVERIFY2(!startsLikeFormula(cell), qPrintable(name + QLatin1String(": ") + cell.left(80)));
                const QString text = cell.startsWith(QLatin1Char('\'')) ? cell.mid(1) : cell;
                sawRtlLabel = sawRtlLabel || text == kRtl + QLatin1Char(' ') + kFormula;
                sawLongName = sawLongName || text == kLong;
            }
        }
    }
    QVERIFY(sawRtlLabel);  // the cable label, exactly
    QVERIFY(sawLongName);  // the 10,000-character hostname, whole
}

void TestHostileNames::xlsxHasNoFormulas()
{
    if (QStandardPaths::findExecutable(QStringLiteral("unzip")).isEmpty())
        QFAIL("unzip is not installed (scripts/install-deps.sh installs it)");
    const QString path = m_dir.filePath(QStringLiteral("bom.xlsx"));
    const QByteArray sheet = unzipEntry(path, QStringLiteral("xl/worksheets/sheet1.xml"));
    QVERIFY(!sheet.isEmpty());
    xmlText(sheet, QStringLiteral("sheet1.xml"));
    QVERIFY(!sheet.contains("<f>") && !sheet.contains("<f "));
    const QString shared = xmlText(unzipEntry(path, QStringLiteral("xl/sharedStrings.xml")), QStringLiteral("sharedStrings.xml"));
    for (const QString &cell : shared.split(QLatin1Char('\n')))
        QVERIFY2(!startsLikeFormula(cell), qPrintable(cell.left(80)));
}

void TestHostileNames::imagesAndPdfsRender()
{
    for (const QString &name : m_written) {
        if (name.endsWith(QLatin1String(".png"))) {
            QImage image;
            QVERIFY2(image.loadFromData(read(name), "PNG") && !image.isNull(), qPrintable(name));
        } else if (name.endsWith(QLatin1String(".pdf"))) {
            QVERIFY2(read(name).startsWith("%PDF-"), qPrintable(name));
            if (QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty())
                continue;
            QProcess pdftotext;
            pdftotext.start(QStringLiteral("pdftotext"), {m_dir.filePath(name), QStringLiteral("-")});
            QVERIFY(pdftotext.waitForFinished(60000));
            QVERIFY2(pdftotext.exitCode() == 0, qPrintable(name + QLatin1Char(' ') + QString::fromUtf8(pdftotext.readAllStandardError())));
        }
    }
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
            QVERIFY2(line.startsWith(QLatin1String("nv ")) || line.startsWith(QLatin1Char('#')), qPrintable(line.left(120)));
            QVERIFY2(line.count(QLatin1Char('"')) % 2 == 0, qPrintable(line.left(120)));
            if (line.startsWith(QLatin1String("nv ")))
                QVERIFY2(!line.contains(QLatin1Char('$')) && !line.contains(QLatin1Char('`')), qPrintable(line.left(120)));
            QVERIFY2(line.size() < 400, qPrintable(line.left(120)));
            if (line.startsWith(QLatin1String("nv set system hostname"))) {
                QVERIFY2(hostnameLine.match(line).hasMatch(), qPrintable(line.left(120)));
                ++hostnameLines;
            }
        }
        QCOMPARE(hostnameLines, 1);
        // The file name a CLI run gives this configuration is a plain name inside its folder.
        QVERIFY2(QRegularExpression(QStringLiteral("^[A-Za-z0-9-]{1,63}$")).match(config.hostname).hasMatch(), qPrintable(config.hostname.left(80)));
    }
}

QTEST_MAIN(TestHostileNames)
#include "tst_hostilenames.moc"
