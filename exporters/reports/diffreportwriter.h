#pragma once

#include "exporters/reports/diffreport.h"

#include <QByteArray>

namespace pp {

// Writes a diff report as text, JSON, Markdown or HTML; user text is escaped for each format.
class DiffReportWriter {
public:
    static QByteArray text(const DiffReport &report);
    static QByteArray json(const DiffReport &report);
    static QByteArray markdown(const DiffReport &report);
    static QByteArray html(const DiffReport &report);
    // The report in a CLI format name: json, md, html, anything else text.
    static QByteArray write(const DiffReport &report, const QString &format);
};

} // namespace pp
