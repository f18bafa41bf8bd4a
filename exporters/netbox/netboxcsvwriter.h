#pragma once

#include "exporters/common/exportcontext.h"

#include <QByteArray>
#include <QString>
#include <vector>

namespace pp {

// NetBox bulk-import CSVs (racks, devices, cables, power feeds) with the form field names of
// NetBox's import forms, everything status=planned so the plan imports beside existing inventory.
class NetboxCsvWriter {
public:
    struct File {
        QString name; // "racks.csv", ...
        QByteArray data;
    };
    static std::vector<File> write(const ExportContext &context);

    static QByteArray racks(const ExportContext &context);
    static QByteArray devices(const ExportContext &context);
    static QByteArray cables(const ExportContext &context);
    static QByteArray powerFeeds(const ExportContext &context);
    // NetBox cable type for a catalog cable kind: dac → dac-passive, aoc → aoc, fibre → mmf-om4, copper → cat6.
    static QString netboxCableType(const QString &kind);
};

} // namespace pp
