#pragma once

#include "exporters/common/outputfolder.h"
#include "planner/model/resolvedplan.h"

#include <QPageSize>
#include <QStringList>
#include <functional>

namespace pp {

// Which deliverables to write. Each list holds format ids; an empty list writes none of that kind.
struct ExportOptions {
    QStringList bom;      // csv, xlsx, json, md
    QStringList diagrams; // svg, png, pdf, drawio
    QStringList cables;   // csv, md
    QStringList runbook;  // md, html, pdf
    QStringList report;   // json, txt
    bool netbox = false;
    QPageSize::PageSizeId pageSize = QPageSize::A4;

    static ExportOptions everything();
    static QStringList knownFormats(const QString &kind); // "bom" → csv, xlsx, json, md
    // Parses "csv,xlsx" for a kind; false with a message naming the unknown format.
    static bool parseFormats(const QString &kind, const QString &text, QStringList *out, QString *error);
    bool isEmpty() const;
};

// Writes the chosen deliverables of a plan into an OutputFolder. Each file is written to a temporary
// name and renamed; on the first failure the job stops and says which file and why. Files are made
// on one worker thread per core (the multi-page PDFs first) and written in file order.
class ExportJob {
public:
    // done, total and the file being written; return false to cancel.
    using Progress = std::function<bool(int done, int total, const QString &file)>;

    ExportJob(const ResolvedPlan &plan, ExportOptions options);

    bool run(OutputFolder &folder, QString *error, const Progress &progress = {});
    int unresolvedErrors() const { return m_unresolvedErrors; }

    // A file name part made from user text (rack ids): ASCII letters, digits, '-' and '_' only, so
    // no dot can make ".." or a second extension.
    static QString safeFileStem(const QString &text);

private:
    const ResolvedPlan &m_plan;
    ExportOptions m_options;
    int m_unresolvedErrors = 0;
};

} // namespace pp
