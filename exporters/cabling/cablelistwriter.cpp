#include "exporters/cabling/cablelistwriter.h"

#include <algorithm>

namespace pp {

CableListData buildCableList(const Plan &plan)
{
    return CableListData{plan.links, plan.uplinks};
}

QByteArray CableListWriter::json(const CableListData &list)
{
    Json links = Json::array();
    for (const Link &l : list.links)
        links.push_back({{"a", l.a.toString().toStdString()},
                         {"b", l.b.toString().toStdString()},
                         {"cable", l.cable.toStdString()},
                         {"lengthM", l.lengthM},
                         {"label", l.label.toStdString()},
                         {"manual", l.manual}});
    Json uplinks = Json::array();
    for (const Uplink &u : list.uplinks)
        uplinks.push_back(
            {{"device", u.device.toStdString()}, {"port", u.port.toStdString()}, {"speedGbps", u.speedGbps}});
    return QByteArray::fromStdString(Json{{"links", links}, {"uplinks", uplinks}}.dump(2)) + '\n';
}

QByteArray CableListWriter::text(const CableListData &list)
{
    int wa = 4, wb = 4, wc = 5;
    for (const Link &l : list.links) {
        wa = std::max(wa, static_cast<int>(l.a.toString().size()));
        wb = std::max(wb, static_cast<int>(l.b.toString().size()));
        wc = std::max(wc, static_cast<int>(l.cable.size()));
    }
    QString out = QStringLiteral("%1  %2  %3  %4  %5\n")
                      .arg(QStringLiteral("A"), -wa)
                      .arg(QStringLiteral("B"), -wb)
                      .arg(QStringLiteral("CABLE"), -wc)
                      .arg(QStringLiteral("LENGTH"), 7)
                      .arg(QStringLiteral("LABEL"));
    for (const Link &l : list.links)
        out += QStringLiteral("%1  %2  %3  %4  %5%6\n")
                   .arg(l.a.toString(), -wa)
                   .arg(l.b.toString(), -wb)
                   .arg(l.cable.isEmpty() ? QStringLiteral("?") : l.cable, -wc)
                   .arg(l.lengthM > 0 ? QStringLiteral("%1 m").arg(l.lengthM, 0, 'f', 1) : QStringLiteral("?"), 7)
                   .arg(l.label, l.manual ? QStringLiteral("  (by hand)") : QString());
    for (const Uplink &u : list.uplinks)
        out += QStringLiteral("uplink %1:%2 %3 Gbit/s to the site network\n").arg(u.device, u.port).arg(u.speedGbps);
    out += QStringLiteral("%1 links, %2 site uplinks\n").arg(list.links.size()).arg(list.uplinks.size());
    return out.toUtf8();
}

} // namespace pp
