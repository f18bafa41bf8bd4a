#include "exporters/cabling/cablingreportwriter.h"

namespace pp {

QByteArray CablingReportWriter::json(const CablingReport &r, const QString &output)
{
    const auto list = [](const QStringList &l) {
        Json a = Json::array();
        for (const QString &s : l)
            a.push_back(s.toStdString());
        return a;
    };
    const Json doc{{"output", output.toStdString()},
                   {"policy", r.policyId.toStdString()},
                   {"oversubscription", r.oversubscription},
                   {"leafSpine", r.leafSpine},
                   {"leafPairs", r.leafPairs},
                   {"spines", r.spines},
                   {"switchesAdded", r.switchesAdded},
                   {"racksAdded", r.racksAdded},
                   {"linksMade", r.linksMade},
                   {"manualKept", r.manualKept},
                   {"uplinks", r.uplinks},
                   {"errors", list(r.errors)},
                   {"warnings", list(r.warnings)},
                   {"notes", list(r.notes)}};
    return QByteArray::fromStdString(doc.dump(2)) + '\n';
}

QByteArray CablingReportWriter::text(const CablingReport &report, const QString &input, const QString &output)
{
    QString out = QStringLiteral("Cabled %1 → %2 with policy \"%3\": %4 links made, %5 kept by hand, %6 site uplinks\n")
                      .arg(input, output, report.policyId)
                      .arg(report.linksMade)
                      .arg(report.manualKept)
                      .arg(report.uplinks);
    out += QStringLiteral("Topology: %1, %2 leaf pair(s), %3 spine(s), oversubscription %4:1; %5 switch(es) "
                          "and %6 rack(s) added\n")
               .arg(report.leafSpine ? QStringLiteral("leaf-spine") : QStringLiteral("one switch pair"))
               .arg(report.leafPairs)
               .arg(report.spines)
               .arg(report.oversubscription)
               .arg(report.switchesAdded)
               .arg(report.racksAdded);
    for (int i = 0; i < report.notes.size() && i < kMaxNotes; ++i)
        out += QStringLiteral("note: ") + report.notes.at(i) + QLatin1Char('\n');
    if (report.notes.size() > kMaxNotes)
        out += QStringLiteral("note: … and %1 more (see --json)\n").arg(report.notes.size() - kMaxNotes);
    return out.toUtf8();
}

} // namespace pp
