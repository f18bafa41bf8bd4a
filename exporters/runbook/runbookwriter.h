#pragma once

#include "exporters/runbook/runbookdata.h"

#include <QByteArray>
#include <QPageSize>

namespace pp {

// Writes a runbook as Markdown, HTML (one self-contained file) and PDF (QTextDocument on
// QPdfWriter, with the title, page numbers and any DRAFT mark on every page).
class RunbookWriter {
public:
    static QByteArray markdown(const RunbookDocument &doc);
    static QByteArray html(const RunbookDocument &doc);
    static bool pdf(const RunbookDocument &doc, QPageSize::PageSizeId pageSize, QByteArray *out, QString *error,
                    int *pageCount = nullptr);
};

} // namespace pp
