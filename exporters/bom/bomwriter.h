#pragma once

#include "exporters/bom/bomdata.h"

#include <QByteArray>

namespace pp {

// Turns BomData into the text formats: CSV (RFC 4180, UTF-8), JSON and Markdown.
class BomWriter {
public:
    static QStringList csvHeader();
    static QByteArray csv(const BomData &bom);
    static QByteArray json(const BomData &bom);
    static QByteArray markdown(const BomData &bom);

    // Cell texts of one line in csvHeader() order; unknown figures read "unknown", not-applicable ones "".
    static QStringList cells(const BomLine &line);
};

} // namespace pp
