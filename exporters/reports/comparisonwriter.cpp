#include "exporters/reports/comparisonwriter.h"

#include "exporters/common/textescape.h"
#include "planner/io/planio.h"

#include <QBuffer>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QTextStream>

namespace pp {

QString ComparisonWriter::cell(const std::optional<double> &value, int precision)
{
    if (!value)
        return QStringLiteral("unknown");
    return QString::number(*value, 'f', precision);
}

QString ComparisonWriter::cell(const ComparisonColumn &column, const ComparisonRow &row)
{
    if (!column.applies(row.key))
        return QStringLiteral("n/a");
    return cell(column.value(row.key), row.precision);
}

static QString rowLabel(const ComparisonRow &row)
{
    return row.unit.isEmpty() ? row.label : QStringLiteral("%1 (%2)").arg(row.label, row.unit);
}

static QString duration(const std::optional<double> &seconds)
{
    if (!seconds)
        return QStringLiteral("unknown");
    if (*seconds < 120)
        return QStringLiteral("%1 s").arg(*seconds, 0, 'f', 0);
    if (*seconds < 7200)
        return QStringLiteral("%1 min").arg(*seconds / 60.0, 0, 'f', 1);
    return QStringLiteral("%1 h").arg(*seconds / 3600.0, 0, 'f', 1);
}

// Design names, column names and notes come from the user's --inputs files: every text that is not
// a fixed heading goes through the shared Markdown escaping.
static QString md(const QString &s)
{
    return textescape::markdownCell(s);
}

QByteArray ComparisonWriter::markdown() const
{
    const Comparison &c = m_comparison;
    QString text;
    QTextStream out(&text);
    out << "# Storage design comparison\n\n";
    if (!c.designs.empty())
        out << "Object-store and Lustre columns are sized to the usable capacity of **"
            << md(c.designs[static_cast<std::size_t>(c.referenceIndex)].inputs.name) << "**.\n\n";
    out << "| |";
    for (const ComparisonColumn &col : c.columns)
        out << ' ' << md(col.name) << " |";
    out << "\n|---|";
    for (std::size_t i = 0; i < c.columns.size(); ++i)
        out << "---:|";
    out << "\n";
    for (const ComparisonRow &row : Comparison::rows()) {
        out << "| " << md(rowLabel(row)) << " |";
        for (const ComparisonColumn &col : c.columns)
            out << ' ' << cell(col, row) << " |";
        out << "\n";
    }
    out << "\nNotes:\n\n";
    for (const ComparisonColumn &col : c.columns)
        out << "- **" << md(col.name) << "**: " << md(col.note) << "\n";

    out << "\n## Data movement (object store as system of record)\n\n"
           "| Design | Dataset (TB) | Pre-stage rate (Gbit/s) | Pre-stage time | Limited by | Checkpoint (TB) | "
           "Copy-back time | Interval | Keeps up |\n"
           "|---|---:|---:|---:|---|---:|---:|---:|---|\n";
    for (const DataMovement &m : c.movement)
        out << "| " << md(m.design) << " | " << QString::number(m.datasetTB, 'f', 1) << " | "
            << QString::number(m.prestageGbps, 'f', 1) << " | " << duration(m.prestageS) << " | "
            << md(m.prestageLimitedBy) << " | " << QString::number(m.checkpointTB, 'f', 1) << " | "
            << duration(m.copyBackS) << " | " << duration(m.intervalS) << " | "
            << (m.copyBackS ? (m.copyBackKeepsUp ? QStringLiteral("yes") : QStringLiteral("no"))
                            : QStringLiteral("n/a"))
            << " |\n";

    if (!c.extrapolations.empty()) {
        out << "\n## Extrapolation of " << md(c.extrapolations.front().design)
            << "\n\n"
               "| Target | Pods | C-nodes | D-boxes | Racks | Usable (PB) | Read (TB/s) | Write (TB/s) | Max (kW) | "
               "Share of site power |\n"
               "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n";
        for (const Extrapolation &e : c.extrapolations)
            out << "| " << md(e.target) << " | " << e.pods << " | " << e.cnodes << " | " << e.dboxes << " | " << e.racks
                << " | " << QString::number(e.usablePB, 'f', 1) << " | " << QString::number(e.readTBps, 'f', 2) << " | "
                << QString::number(e.writeTBps, 'f', 2) << " | " << QString::number(e.maxKW, 'f', 1) << " | "
                << QStringLiteral("%1–%2% of %3–%4 MW")
                       .arg(e.powerShareMinPct, 0, 'f', 2)
                       .arg(e.powerShareMaxPct, 0, 'f', 2)
                       .arg(e.siteMinMW)
                       .arg(e.siteMaxMW)
                << " |\n";
    }

    out << "\n## Method, step by step\n";
    for (const SizingResult &r : c.designs) {
        out << "\n### " << md(r.inputs.name) << "\n\n| Step | Value | Unit | Why |\n|---|---:|---|---|\n";
        for (const SizingStep &s : r.steps)
            out << "| " << md(s.name) << " | " << cell(s.value, 3) << " | " << md(s.unit) << " | " << md(s.why)
                << " |\n";
        for (const QString &w : r.warnings)
            out << "\nWarning: " << md(w) << "\n";
    }
    out.flush();
    return text.toUtf8();
}

QByteArray ComparisonWriter::csv() const
{
    // Column names and notes are user text: the shared CSV escaping quotes line breaks and neutralises
    // formulas (=cmd|...) like every other CSV export. Records end in LF, as this file always has.
    using textescape::csvField;
    QString text;
    QTextStream out(&text);
    out << "figure,unit";
    for (const ComparisonColumn &col : m_comparison.columns)
        out << ',' << csvField(col.name);
    out << "\n";
    for (const ComparisonRow &row : Comparison::rows()) {
        out << csvField(row.label) << ',' << csvField(row.unit);
        for (const ComparisonColumn &col : m_comparison.columns)
            out << ',' << (col.applies(row.key) ? csvField(cell(col, row)) : QString());
        out << "\n";
    }
    out << "note,";
    for (const ComparisonColumn &col : m_comparison.columns)
        out << ',' << csvField(col.note);
    out << "\n";
    out.flush();
    return text.toUtf8();
}

namespace {

// The painter of the comparison PDF, its fonts and the line it has reached.
struct PdfPage {
    explicit PdfPage(QPainter &painter)
        : p(painter)
    { }
    QPainter &p;
    int w = 0;     // page width in device pixels
    int lineH = 0; // title line height
    int rowH = 0;  // table row height
    int y = 0;
    QFont title{QStringLiteral("Sans"), 16, QFont::Bold};
    QFont body{QStringLiteral("Sans"), 8};
    QFont bold{QStringLiteral("Sans"), 8, QFont::Bold};
};

// Page 1: the figures of every column, row by row, and the columns' notes.
void drawComparisonTable(PdfPage &pg, const Comparison &c)
{
    if (!c.designs.empty())
        pg.p.drawText(
            0, pg.y,
            QStringLiteral(
                "Object-store and Lustre columns at the usable capacity of %1; \"unknown\" = no public figure.")
                .arg(c.designs[static_cast<std::size_t>(c.referenceIndex)].inputs.name));
    pg.y += pg.rowH;
    const int labelW = pg.w / 7;
    const int colW = c.columns.empty() ? 0 : (pg.w - labelW) / static_cast<int>(c.columns.size());
    const auto drawRow = [&](const QString &label, const std::vector<QString> &cells, bool header, bool shaded) {
        if (shaded)
            pg.p.fillRect(QRect(0, pg.y, pg.w, pg.rowH), QColor(0xEE, 0xF2, 0xF7));
        pg.p.setFont(header ? pg.bold : pg.body);
        pg.p.drawText(QRect(4, pg.y, labelW - 8, pg.rowH), Qt::AlignVCenter | Qt::AlignLeft, label);
        for (std::size_t i = 0; i < cells.size(); ++i)
            pg.p.drawText(QRect(labelW + static_cast<int>(i) * colW, pg.y, colW - 8, pg.rowH),
                          Qt::AlignVCenter | (header ? Qt::AlignHCenter | Qt::TextWordWrap : Qt::AlignRight), cells[i]);
        pg.y += pg.rowH;
    };
    std::vector<QString> names;
    for (const ComparisonColumn &col : c.columns)
        names.push_back(col.name);
    const int headerH = pg.rowH * 2;
    pg.p.setFont(pg.bold);
    for (std::size_t i = 0; i < names.size(); ++i)
        pg.p.drawText(QRect(labelW + static_cast<int>(i) * colW, pg.y, colW - 8, headerH),
                      Qt::AlignCenter | Qt::TextWordWrap, names[i]);
    pg.y += headerH;
    pg.p.drawLine(0, pg.y, pg.w, pg.y);
    bool shaded = false;
    for (const ComparisonRow &row : Comparison::rows()) {
        std::vector<QString> cells;
        for (const ComparisonColumn &col : c.columns)
            cells.push_back(ComparisonWriter::cell(col, row));
        drawRow(rowLabel(row), cells, false, shaded);
        shaded = !shaded;
    }
    pg.p.drawLine(0, pg.y, pg.w, pg.y);
    pg.y += pg.rowH / 2;
    pg.p.setFont(pg.body);
    for (const ComparisonColumn &col : c.columns) {
        const QRect r(0, pg.y, pg.w, pg.rowH * 2);
        QRect used;
        pg.p.drawText(r, Qt::TextWordWrap, QStringLiteral("%1: %2").arg(col.name, col.note), &used);
        pg.y += std::max(used.height(), pg.rowH / 2) + pg.rowH / 4;
    }
}

// Page 2, top: how long pre-staging the dataset and copying a checkpoint back take.
void drawDataMovement(PdfPage &pg, const Comparison &c)
{
    pg.p.setFont(pg.title);
    pg.p.drawText(0, pg.lineH, QStringLiteral("Data movement and extrapolation"));
    pg.y = pg.lineH * 2;
    pg.p.setFont(pg.bold);
    const QStringList moveHead{QStringLiteral("Design"),        QStringLiteral("Dataset TB"),
                               QStringLiteral("Pre-stage"),     QStringLiteral("Limited by"),
                               QStringLiteral("Checkpoint TB"), QStringLiteral("Copy-back"),
                               QStringLiteral("Interval"),      QStringLiteral("Keeps up")};
    const int mw = pg.w / moveHead.size();
    for (int i = 0; i < moveHead.size(); ++i)
        pg.p.drawText(QRect(i * mw, pg.y, mw - 8, pg.rowH), Qt::AlignVCenter, moveHead.at(i));
    pg.y += pg.rowH;
    pg.p.setFont(pg.body);
    for (const DataMovement &m : c.movement) {
        const QStringList cells{m.design,
                                QString::number(m.datasetTB, 'f', 1),
                                duration(m.prestageS),
                                m.prestageLimitedBy,
                                QString::number(m.checkpointTB, 'f', 1),
                                duration(m.copyBackS),
                                duration(m.intervalS),
                                m.copyBackS ? (m.copyBackKeepsUp ? QStringLiteral("yes") : QStringLiteral("no"))
                                            : QStringLiteral("n/a")};
        for (int i = 0; i < cells.size(); ++i)
            pg.p.drawText(QRect(i * mw, pg.y, mw - 8, pg.rowH), Qt::AlignVCenter | Qt::TextWordWrap, cells.at(i));
        pg.y += pg.rowH;
    }
    pg.y += pg.rowH;
}

// Page 2, below: the reference design scaled to the targets.
void drawExtrapolation(PdfPage &pg, const Comparison &c)
{
    if (!c.extrapolations.empty()) {
        pg.p.setFont(pg.bold);
        pg.p.drawText(0, pg.y, QStringLiteral("Extrapolation of %1").arg(c.extrapolations.front().design));
        pg.y += pg.rowH / 2;
        const QStringList head{QStringLiteral("Target"),    QStringLiteral("Pods"),
                               QStringLiteral("C-nodes"),   QStringLiteral("D-boxes"),
                               QStringLiteral("Racks"),     QStringLiteral("Usable PB"),
                               QStringLiteral("Read TB/s"), QStringLiteral("Write TB/s"),
                               QStringLiteral("Max kW"),    QStringLiteral("Site power share")};
        const int ew = pg.w / head.size();
        for (int i = 0; i < head.size(); ++i)
            pg.p.drawText(QRect(i * ew, pg.y, ew - 8, pg.rowH), Qt::AlignVCenter, head.at(i));
        pg.y += pg.rowH;
        pg.p.setFont(pg.body);
        for (const Extrapolation &e : c.extrapolations) {
            const QStringList cells{
                e.target,
                QString::number(e.pods),
                QString::number(e.cnodes),
                QString::number(e.dboxes),
                QString::number(e.racks),
                QString::number(e.usablePB, 'f', 1),
                QString::number(e.readTBps, 'f', 2),
                QString::number(e.writeTBps, 'f', 2),
                QString::number(e.maxKW, 'f', 1),
                QStringLiteral("%1–%2%").arg(e.powerShareMinPct, 0, 'f', 2).arg(e.powerShareMaxPct, 0, 'f', 2)};
            for (int i = 0; i < cells.size(); ++i)
                pg.p.drawText(QRect(i * ew, pg.y, ew - 8, pg.rowH), Qt::AlignVCenter, cells.at(i));
            pg.y += pg.rowH;
        }
    }
}

} // namespace

bool ComparisonWriter::writePdf(const QString &fileName, QString *error) const
{
    QByteArray bytes;
    {
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::WriteOnly);
        QPdfWriter pdf(&buffer);
        pdf.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Landscape, QMarginsF(12, 12, 12, 12),
                                      QPageLayout::Millimeter));
        pdf.setResolution(300);
        pdf.setTitle(QStringLiteral("Storage design comparison"));
        pdf.setCreator(QStringLiteral("POC Planner"));
        QPainter p;
        if (!p.begin(&pdf)) {
            if (error)
                *error = QStringLiteral("%1: cannot start the PDF painter").arg(fileName);
            return false;
        }
        PdfPage pg(p);
        pg.w = p.viewport().width();
        p.setFont(pg.title);
        pg.lineH = p.fontMetrics().height();
        p.drawText(0, pg.lineH, QStringLiteral("Storage design comparison"));
        p.setFont(pg.body);
        pg.rowH = static_cast<int>(p.fontMetrics().height() * 1.6);
        pg.y = pg.lineH * 2;
        drawComparisonTable(pg, m_comparison);
        pdf.newPage();
        drawDataMovement(pg, m_comparison);
        drawExtrapolation(pg, m_comparison);
        p.end();
    }
    return writeFileAtomically(fileName, bytes, error);
}

} // namespace pp
