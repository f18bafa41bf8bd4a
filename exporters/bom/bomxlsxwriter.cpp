#include "exporters/bom/bomxlsxwriter.h"

#include "exporters/bom/bomwriter.h"
#include "exporters/common/textescape.h"

#include <QFile>
#include <QTemporaryDir>
#include <xlsxwriter.h>

#include <algorithm>
#include <vector>

namespace pp {

namespace {

// Writes cells and remembers the widest text per column so that columns can be sized at the end.
class SheetWriter {
public:
    explicit SheetWriter(lxw_worksheet *sheet)
        : m_sheet(sheet)
    { }

    void text(int row, int col, const QString &value, lxw_format *format = nullptr)
    {
        // Strings are never formulas in XLSX, but a user who copies the cell into another sheet or a
        // CSV would revive "=cmd|..."; the leading apostrophe keeps it text everywhere.
        // libxlsxwriter escapes markup and C0 controls but writes U+FFFE, U+FFFF and broken
        // surrogates as they are, which makes sharedStrings.xml ill-formed and Excel "repair" the file.
        const QString safe = textescape::xmlChars(textescape::neutralizeFormula(value));
        worksheet_write_string(m_sheet, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(col),
                               safe.toUtf8().constData(), format);
        widen(col, static_cast<int>(value.size()));
    }
    void number(int row, int col, double value, lxw_format *format = nullptr)
    {
        worksheet_write_number(m_sheet, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(col), value, format);
        widen(col, static_cast<int>(textescape::number(value, 2).size()));
    }
    void figure(int row, int col, const std::optional<double> &value)
    {
        if (value)
            number(row, col, *value);
        else
            text(row, col, QStringLiteral("unknown"));
    }
    void sizeColumns()
    {
        for (std::size_t c = 0; c < m_widths.size(); ++c)
            worksheet_set_column(m_sheet, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c),
                                 std::clamp(m_widths[c] + 2, 8, 60), nullptr);
    }

private:
    void widen(int col, int chars)
    {
        if (static_cast<std::size_t>(col) >= m_widths.size())
            m_widths.resize(static_cast<std::size_t>(col) + 1, 0);
        m_widths[static_cast<std::size_t>(col)] = std::max(m_widths[static_cast<std::size_t>(col)], chars);
    }

    lxw_worksheet *m_sheet;
    std::vector<int> m_widths;
};

// The BOM sheet: one row per line under a frozen, filterable header.
void writeLinesSheet(lxw_workbook *book, lxw_format *bold, const BomData &bom)
{
    lxw_worksheet *sheet = workbook_add_worksheet(book, "BOM");
    SheetWriter w(sheet);
    const QStringList header = BomWriter::csvHeader();
    for (int c = 0; c < header.size(); ++c)
        w.text(0, c, header[c], bold);
    worksheet_freeze_panes(sheet, 1, 0);
    int row = 1;
    for (const BomLine &l : bom.lines) {
        w.text(row, 0, bomSectionTitle(l.section));
        w.text(row, 1, l.vendor);
        w.text(row, 2, l.model);
        w.text(row, 3, l.partNumber);
        w.text(row, 4, l.description);
        if (l.section == BomSection::Cables || l.section == BomSection::CablesToChoose)
            w.figure(row, 5, l.lengthM);
        w.number(row, 6, l.quantity);
        w.figure(row, 7, l.unitTypicalW);
        w.figure(row, 8, l.unitMaxW);
        w.figure(row, 9, l.totalTypicalW());
        w.figure(row, 10, l.totalMaxW());
        if (l.uHeight) {
            w.number(row, 11, *l.uHeight);
            w.number(row, 12, *l.totalU());
        }
        w.figure(row, 13, l.unitWeightKg);
        w.figure(row, 14, l.totalWeightKg());
        w.text(row, 15, l.typeId);
        w.text(row, 16, l.note);
        ++row;
    }
    worksheet_autofilter(sheet, 0, 0, static_cast<lxw_row_t>(std::max(0, row - 1)),
                         static_cast<lxw_col_t>(header.size() - 1));
    w.sizeColumns();
}

// The Summary sheet: what the plan is, and its totals with their units.
void writeSummarySheet(lxw_workbook *book, lxw_format *bold, const BomData &bom)
{
    lxw_worksheet *summary = workbook_add_worksheet(book, "Summary");
    SheetWriter s(summary);
    s.text(0, 0, QStringLiteral("Figure"), bold);
    s.text(0, 1, QStringLiteral("Value"), bold);
    s.text(0, 2, QStringLiteral("Unit"), bold);
    worksheet_freeze_panes(summary, 1, 0);
    const BomTotals &t = bom.totals;
    int r = 1;
    const auto textRow = [&](const QString &name, const QString &value) {
        s.text(r, 0, name);
        s.text(r, 1, value);
        ++r;
    };
    const auto numberRow = [&](const QString &name, double value, const QString &unit) {
        s.text(r, 0, name);
        s.number(r, 1, value);
        s.text(r, 2, unit);
        ++r;
    };
    textRow(QStringLiteral("Plan"), bom.plan);
    textRow(QStringLiteral("Customer"), bom.customer);
    textRow(QStringLiteral("Site"), bom.site);
    textRow(QStringLiteral("Track"), bom.track);
    numberRow(QStringLiteral("Racks"), t.racks, QString());
    numberRow(QStringLiteral("Power, typical"), t.typicalW / 1000.0, QStringLiteral("kW"));
    numberRow(QStringLiteral("Power, max"), t.maxW / 1000.0, QStringLiteral("kW"));
    numberRow(QStringLiteral("Heat"), t.heatKW, QStringLiteral("kW"));
    numberRow(QStringLiteral("Heat"), t.heatBtuPerHour, QStringLiteral("BTU/h"));
    numberRow(QStringLiteral("Rack units"), t.rackUnits, QStringLiteral("U"));
    numberRow(QStringLiteral("Weight"), t.weightKg, QStringLiteral("kg"));
    numberRow(QStringLiteral("Capacity, raw"), t.rawTB, QStringLiteral("TB"));
    numberRow(QStringLiteral("Capacity, usable"), t.usableTB, QStringLiteral("TB"));
    numberRow(QStringLiteral("Optics, max"), t.opticsMaxW, QStringLiteral("W"));
    numberRow(QStringLiteral("Devices with unknown power (not in the power totals)"), t.devicesWithUnknownPower,
              QString());
    numberRow(QStringLiteral("Devices with unknown weight (not in the weight total)"), t.devicesWithUnknownWeight,
              QString());
    s.sizeColumns();
}

} // namespace

bool BomXlsxWriter::write(const BomData &bom, QByteArray *out, QString *error)
{
    QTemporaryDir dir;
    if (!dir.isValid()) {
        if (error)
            *error = QStringLiteral("cannot create a temporary folder for the XLSX file");
        return false;
    }
    const QByteArray path = QFile::encodeName(dir.filePath(QStringLiteral("bom.xlsx")));
    lxw_workbook *book = workbook_new(path.constData());
    if (!book) {
        if (error)
            *error = QStringLiteral("cannot start the XLSX workbook");
        return false;
    }
    lxw_format *bold = workbook_add_format(book);
    format_set_bold(bold);
    format_set_bg_color(bold, 0xDDE4EE);

    writeLinesSheet(book, bold, bom);
    writeSummarySheet(book, bold, bom);
    const lxw_error rc = workbook_close(book);
    if (rc != LXW_NO_ERROR) {
        if (error)
            *error = QStringLiteral("XLSX: %1").arg(QString::fromUtf8(lxw_strerror(rc)));
        return false;
    }
    QFile file(QString::fromLocal8Bit(path));
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QStringLiteral("cannot read back the XLSX file");
        return false;
    }
    *out = file.readAll();
    return true;
}

} // namespace pp
