#pragma once

#include "planner/topology/autocabler.h"

#include <QByteArray>

namespace pp {

// Writes what the auto-cabler did as the JSON of `pocplan cable --json` or as its text summary.
// The report is the data; the writer adds the file names the caller read and wrote.
class CablingReportWriter {
public:
    static QByteArray json(const CablingReport &report, const QString &output);
    // At most kMaxNotes notes; the rest are counted and left to the JSON.
    static QByteArray text(const CablingReport &report, const QString &input, const QString &output);
    static constexpr int kMaxNotes = 20;
};

} // namespace pp
