#include "exporters/cabling/lldpneighbourcsvwriter.h"

#include "exporters/common/textescape.h"

namespace pp {

QByteArray LldpNeighbourCsvWriter::csv(const std::vector<NeighbourRow> &rows)
{
    // Records end in LF, as this file always has (scripts that read it split on lines); a line break
    // inside a hostname or label is quoted by csvField, so it cannot start a record.
    QString out = QStringLiteral("local_host,local_port,remote_host,remote_port,label\n");
    for (const NeighbourRow &r : rows) {
        QStringList fields;
        for (const QString *f : {&r.localHost, &r.localPort, &r.remoteHost, &r.remotePort, &r.label})
            fields << textescape::csvField(*f);
        out += fields.join(QLatin1Char(',')) + QLatin1Char('\n');
    }
    return out.toUtf8();
}

} // namespace pp
