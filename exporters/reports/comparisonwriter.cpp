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

bool ComparisonWriter::writePdf(const QString &fileName, QString *error) const
{
    const Comparison &c = m_comparison;
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
        const QRect page = p.viewport();
        const int w = page.width();
        QFont title(QStringLiteral("Sans"), 16, QFont::Bold);
        QFont body(QStringLiteral("Sans"), 8);
        QFont bold(QStringLiteral("Sans"), 8, QFont::Bold);
        p.setFont(title);
        const int lineH = p.fontMetrics().height();
        p.drawText(0, lineH, QStringLiteral("Storage design comparison"));
        p.setFont(body);
        const int rowH = static_cast<int>(p.fontMetrics().height() * 1.6);
        int y = lineH * 2;
        if (!c.designs.empty())
            p.drawText(
                0, y,
                QStringLiteral(
                    "Object-store and Lustre columns at the usable capacity of %1; \"unknown\" = no public figure.")
                    .arg(c.designs[static_cast<std::size_t>(c.referenceIndex)].inputs.name));
        y += rowH;
        const int labelW = w / 7;
        const int colW = c.columns.empty() ? 0 : (w - labelW) / static_cast<int>(c.columns.size());
        const auto drawRow = [&](const QString &label, const std::vector<QString> &cells, bool header, bool shaded) {
            if (shaded)
                p.fillRect(QRect(0, y, w, rowH), QColor(0xEE, 0xF2, 0xF7));
            p.setFont(header ? bold : body);
            p.drawText(QRect(4, y, labelW - 8, rowH), Qt::AlignVCenter | Qt::AlignLeft, label);
            for (std::size_t i = 0; i < cells.size(); ++i)
                p.drawText(QRect(labelW + static_cast<int>(i) * colW, y, colW - 8, rowH),
                           Qt::AlignVCenter | (header ? Qt::AlignHCenter | Qt::TextWordWrap : Qt::AlignRight),
                           cells[i]);
            y += rowH;
        };
        std::vector<QString> names;
        for (const ComparisonColumn &col : c.columns)
            names.push_back(col.name);
        const int headerH = rowH * 2;
        p.setFont(bold);
        for (std::size_t i = 0; i < names.size(); ++i)
            p.drawText(QRect(labelW + static_cast<int>(i) * colW, y, colW - 8, headerH),
                       Qt::AlignCenter | Qt::TextWordWrap, names[i]);
        y += headerH;
        p.drawLine(0, y, w, y);
        bool shaded = false;
        for (const ComparisonRow &row : Comparison::rows()) {
            std::vector<QString> cells;
            for (const ComparisonColumn &col : c.columns)
                cells.push_back(cell(col, row));
            drawRow(rowLabel(row), cells, false, shaded);
            shaded = !shaded;
        }
        p.drawLine(0, y, w, y);
        y += rowH / 2;
        p.setFont(body);
        for (const ComparisonColumn &col : c.columns) {
            const QRect r(0, y, w, rowH * 2);
            QRect used;
            p.drawText(r, Qt::TextWordWrap, QStringLiteral("%1: %2").arg(col.name, col.note), &used);
            y += std::max(used.height(), rowH / 2) + rowH / 4;
        }

        pdf.newPage();
        y = 0;
        p.setFont(title);
        p.drawText(0, lineH, QStringLiteral("Data movement and extrapolation"));
        y = lineH * 2;
        p.setFont(bold);
        const QStringList moveHead{QStringLiteral("Design"),        QStringLiteral("Dataset TB"),
                                   QStringLiteral("Pre-stage"),     QStringLiteral("Limited by"),
                                   QStringLiteral("Checkpoint TB"), QStringLiteral("Copy-back"),
                                   QStringLiteral("Interval"),      QStringLiteral("Keeps up")};
        const int mw = w / moveHead.size();
        for (int i = 0; i < moveHead.size(); ++i)
            p.drawText(QRect(i * mw, y, mw - 8, rowH), Qt::AlignVCenter, moveHead.at(i));
        y += rowH;
        p.setFont(body);
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
                p.drawText(QRect(i * mw, y, mw - 8, rowH), Qt::AlignVCenter | Qt::TextWordWrap, cells.at(i));
            y += rowH;
        }
        y += rowH;
        if (!c.extrapolations.empty()) {
            p.setFont(bold);
            p.drawText(0, y, QStringLiteral("Extrapolation of %1").arg(c.extrapolations.front().design));
            y += rowH / 2;
            const QStringList head{QStringLiteral("Target"),    QStringLiteral("Pods"),
                                   QStringLiteral("C-nodes"),   QStringLiteral("D-boxes"),
                                   QStringLiteral("Racks"),     QStringLiteral("Usable PB"),
                                   QStringLiteral("Read TB/s"), QStringLiteral("Write TB/s"),
                                   QStringLiteral("Max kW"),    QStringLiteral("Site power share")};
            const int ew = w / head.size();
            for (int i = 0; i < head.size(); ++i)
                p.drawText(QRect(i * ew, y, ew - 8, rowH), Qt::AlignVCenter, head.at(i));
            y += rowH;
            p.setFont(body);
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
                    p.drawText(QRect(i * ew, y, ew - 8, rowH), Qt::AlignVCenter, cells.at(i));
                y += rowH;
            }
        }
        p.end();
    }
    return writeFileAtomically(fileName, bytes, error);
}

} // namespace pp
