#pragma once

#include "exporters/common/exportcontext.h"

#include <QByteArray>
#include <optional>
#include <vector>

namespace pp {

// One end of a cable as the installer finds it: device, hostname, rack, U and port.
struct CableEnd {
    QString device;
    QString hostname;
    QString rack;
    int u = 0;
    QString port;
};

struct CableRun {
    int number = 0; // 1-based, plan order
    QString label;
    CableEnd a;
    CableEnd b;
    QString cableId;
    QString cableModel;
    std::optional<double> lengthM; // empty = not chosen yet
};

// Every link of the plan with both ends, the cable type, length and label.
struct CablePlanData {
    QString plan;
    QString draftMark;
    std::vector<CableRun> runs;
};

CablePlanData buildCablePlan(const ExportContext &context);

// Writes the cable plan as CSV (RFC 4180) and Markdown.
class CablePlanWriter {
public:
    static QStringList header();
    static QStringList cells(const CableRun &run);
    static QByteArray csv(const CablePlanData &data);
    static QByteArray markdown(const CablePlanData &data);
};

} // namespace pp
