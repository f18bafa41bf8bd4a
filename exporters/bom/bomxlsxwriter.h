#pragma once

#include "exporters/bom/bomdata.h"

#include <QByteArray>

namespace pp {

// Writes the BOM as an XLSX workbook (libxlsxwriter): a "BOM" sheet with numbers stored as
// numbers, sized columns and a frozen header, and a "Summary" sheet with the plan's totals.
class BomXlsxWriter {
public:
    static bool write(const BomData &bom, QByteArray *out, QString *error);
};

} // namespace pp
