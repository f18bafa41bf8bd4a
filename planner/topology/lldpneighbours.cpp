#include "planner/topology/lldpneighbours.h"

#include <QHash>
#include <QRegularExpression>
#include <algorithm>
#include <map>
#include <tuple>

namespace pp {

static QString hostOf(const Device &d)
{
    return d.hostname.isEmpty() ? d.id : d.hostname;
}

std::vector<NeighbourRow> expectedNeighbours(const Plan &plan, const Catalog &catalog)
{
    QHash<QString, const Device *> devices;
    for (const Device &d : plan.devices)
        devices.insert(d.id, &d);
    const auto isSwitch = [&](const Device *d) {
        const DeviceType *t = d ? catalog.deviceType(d->type) : nullptr;
        return t && t->role == Role::Switch;
    };
    std::vector<NeighbourRow> rows;
    for (const Link &l : plan.links) {
        const Device *a = devices.value(l.a.device);
        const Device *b = devices.value(l.b.device);
        if (!a || !b)
            continue;
        if (isSwitch(a))
            rows.push_back({hostOf(*a), l.a.port, hostOf(*b), l.b.port, l.label});
        if (isSwitch(b))
            rows.push_back({hostOf(*b), l.b.port, hostOf(*a), l.a.port, l.label});
    }
    const auto portKey = [](const QString &p) {
        // swp2 before swp10: compare the digits as numbers.
        static const QRegularExpression digits(QStringLiteral("(\\d+)"));
        QString key;
        auto it = digits.globalMatch(p);
        int last = 0;
        while (it.hasNext()) {
            const auto m = it.next();
            key += p.mid(last, m.capturedStart() - last) + m.captured(1).rightJustified(6, QLatin1Char('0'));
            last = m.capturedEnd();
        }
        return key + p.mid(last);
    };
    std::stable_sort(rows.begin(), rows.end(), [&](const NeighbourRow &x, const NeighbourRow &y) {
        if (x.localHost != y.localHost)
            return x.localHost < y.localHost;
        return portKey(x.localPort) < portKey(y.localPort);
    });
    return rows;
}

// "cnode-1.lab.example" and "cnode-1" are the same host; Arista abbreviates Ethernet to Et.
static QString normalHost(const QString &h)
{
    const int dot = h.indexOf(QLatin1Char('.'));
    return (dot > 0 ? h.left(dot) : h).toLower();
}

static QString normalPort(const QString &p)
{
    static const QRegularExpression et(QStringLiteral("^Et(\\d)"));
    QString out = p.trimmed();
    out.replace(et, QStringLiteral("Ethernet\\1"));
    return out;
}

// The columns of a neighbour table's header line, by dialect; an empty format when the line is none.
struct LldpHeader {
    QString format;
    int remoteHostCol = -1, remotePortCol = -1, endCol = -1;
};

static LldpHeader lldpHeader(const QString &line)
{
    const auto col = [&](const char *name) { return static_cast<int>(line.indexOf(QLatin1String(name))); };
    if (line.contains(QLatin1String("Remote Host")) && line.contains(QLatin1String("Remote Port")))
        return {QStringLiteral("nvue"), col("Remote Host"), col("Remote Port"), -1};
    if (line.contains(QLatin1String("Neighbor Device ID")) && line.contains(QLatin1String("Neighbor Port ID")))
        return {QStringLiteral("eos"), col("Neighbor Device ID"), col("Neighbor Port ID"), col("TTL")};
    // SONiC `show lldp table`; run with SONIC_CLI_IFACE_MODE=alias so local ports carry the plan's names.
    if (line.contains(QLatin1String("LocalPort")) && line.contains(QLatin1String("RemoteDevice")) &&
        line.contains(QLatin1String("RemotePortID")))
        return {QStringLiteral("sonic"), col("RemoteDevice"), col("RemotePortID"), col("Capability")};
    return {};
}

bool parseLldpCapture(const QString &text, const QString &fallbackHost, LldpCapture &out, QString *why)
{
    out = LldpCapture{};
    static const QRegularExpression linuxPrompt(QStringLiteral("^\\S+@([A-Za-z0-9._-]+):[^$#]*[$#]"));
    static const QRegularExpression eosPrompt(QStringLiteral("^([A-Za-z0-9._-]+)(?:\\([^)]*\\))?[#>]\\s*show\\b"));
    static const QRegularExpression dashes(QStringLiteral("^[-\\s]+$"));
    static const QRegularExpression ws(QStringLiteral("\\s+"));
    const QStringList lines = text.split(QLatin1Char('\n'));
    int headerLine = -1;
    int remoteHostCol = -1, remotePortCol = -1, endCol = -1;
    for (int i = 0; i < lines.size(); ++i) {
        const QString line = lines.at(i);
        QRegularExpressionMatch m;
        if (out.host.isEmpty() && ((m = linuxPrompt.match(line)).hasMatch() || (m = eosPrompt.match(line)).hasMatch()))
            out.host = m.captured(1);
        if (headerLine >= 0)
            continue;
        if (const LldpHeader h = lldpHeader(line); !h.format.isEmpty()) {
            out.format = h.format;
            headerLine = i;
            remoteHostCol = h.remoteHostCol;
            remotePortCol = h.remotePortCol;
            endCol = h.endCol;
        }
    }
    if (headerLine < 0) {
        if (why)
            *why =
                QStringLiteral("no LLDP neighbour table found (expected the header of `nv show interface --view=lldp` "
                               "with \"Remote Host\" and \"Remote Port\", of Arista `show lldp neighbors` or of SONiC "
                               "`show lldp table`)");
        return false;
    }
    if (out.host.isEmpty())
        out.host = fallbackHost;
    for (int i = headerLine + 1; i < lines.size(); ++i) {
        const QString line = lines.at(i);
        if (line.trimmed().isEmpty() || dashes.match(line).hasMatch())
            continue;
        if (linuxPrompt.match(line).hasMatch() || eosPrompt.match(line).hasMatch() ||
            line.startsWith(QLatin1String("Total entries")))
            break;
        NeighbourRow row;
        row.localHost = out.host;
        row.localPort = line.section(ws, 0, 0, QString::SectionSkipEmpty);
        if (line.size() > remotePortCol && remoteHostCol < remotePortCol) {
            // Fixed-width columns: cut at the header positions.
            row.remoteHost = line.mid(remoteHostCol, remotePortCol - remoteHostCol).trimmed();
            row.remotePort =
                (endCol > remotePortCol ? line.mid(remotePortCol, endCol - remotePortCol) : line.mid(remotePortCol))
                    .trimmed();
            if (out.format == QLatin1String("nvue"))
                row.remotePort = row.remotePort.section(ws, 0, 0, QString::SectionSkipEmpty);
        } else {
            const QStringList t = line.split(ws, Qt::SkipEmptyParts);
            if ((out.format == QLatin1String("eos") || out.format == QLatin1String("sonic")) && t.size() >= 3) {
                row.remoteHost = t.at(1);
                row.remotePort = t.at(2);
            } else if (t.size() >= 5) {
                row.remoteHost = t.at(t.size() - 2);
                row.remotePort = t.at(t.size() - 1);
            }
        }
        if (row.remoteHost.isEmpty() || row.remotePort.isEmpty())
            continue; // a port with no neighbour
        out.rows.push_back(row);
    }
    return true;
}

CablingVerification verifyCabling(const std::vector<NeighbourRow> &expected, const std::vector<LldpCapture> &captures)
{
    CablingVerification result;
    // local host → local port → (remote, label)
    std::map<QString, std::map<QString, std::pair<QString, QString>>> want;
    std::map<QString, QString> displayHost;
    for (const NeighbourRow &r : expected) {
        want[normalHost(r.localHost)][normalPort(r.localPort)] = {
            normalHost(r.remoteHost) + QLatin1Char(':') + normalPort(r.remotePort), r.label};
        displayHost[normalHost(r.localHost)] = r.localHost;
    }
    for (const LldpCapture &c : captures) {
        const QString host = normalHost(c.host);
        const auto it = want.find(host);
        if (it == want.end()) {
            result.unknownHosts << c.host;
            continue;
        }
        result.hostsChecked << displayHost[host];
        std::map<QString, QString> seen;
        for (const NeighbourRow &r : c.rows)
            seen[normalPort(r.localPort)] = normalHost(r.remoteHost) + QLatin1Char(':') + normalPort(r.remotePort);
        std::vector<CablingMismatch> wrong;
        for (const auto &[port, remote] : it->second) {
            const auto s = seen.find(port);
            if (s == seen.end())
                result.mismatches.push_back(
                    {CablingMismatch::Kind::Missing, displayHost[host], port, remote.first, QString(), remote.second});
            else if (s->second != remote.first)
                wrong.push_back(
                    {CablingMismatch::Kind::Miswired, displayHost[host], port, remote.first, s->second, remote.second});
            else
                ++result.matched;
        }
        for (const auto &[port, remote] : seen)
            if (!it->second.count(port))
                result.mismatches.push_back(
                    {CablingMismatch::Kind::Unexpected, displayHost[host], port, QString(), remote, QString()});
        // Two ports that each see what the other should: a swapped pair of cables.
        std::vector<bool> paired(wrong.size(), false);
        for (std::size_t i = 0; i < wrong.size(); ++i)
            for (std::size_t j = i + 1; j < wrong.size() && !paired[i]; ++j)
                if (!paired[j] && wrong[i].found == wrong[j].expected && wrong[j].found == wrong[i].expected) {
                    paired[i] = paired[j] = true;
                    result.swaps << QStringLiteral("%1: cables on %2 and %3 are swapped (%4 is on %3, %5 is on %2)")
                                        .arg(wrong[i].localHost, wrong[i].localPort, wrong[j].localPort,
                                             wrong[i].expected, wrong[j].expected);
                }
        result.mismatches.insert(result.mismatches.end(), wrong.begin(), wrong.end());
    }
    std::stable_sort(result.mismatches.begin(), result.mismatches.end(),
                     [](const CablingMismatch &a, const CablingMismatch &b) {
                         return std::tie(a.kind, a.localHost) < std::tie(b.kind, b.localHost);
                     });
    return result;
}

QString cablingVerificationText(const CablingVerification &r)
{
    QString out;
    for (const QString &h : r.unknownHosts)
        out += QStringLiteral("unknown switch: %1 (not in the plan)\n").arg(h);
    for (const CablingMismatch &m : r.mismatches) {
        switch (m.kind) {
        case CablingMismatch::Kind::Miswired:
            out += QStringLiteral("MISWIRED   %1:%2 sees %3, plan expects %4 [%5]\n")
                       .arg(m.localHost, m.localPort, m.found, m.expected, m.label);
            break;
        case CablingMismatch::Kind::Missing:
            out += QStringLiteral("MISSING    %1:%2 sees nothing, plan expects %3 [%4]\n")
                       .arg(m.localHost, m.localPort, m.expected, m.label);
            break;
        case CablingMismatch::Kind::Unexpected:
            out += QStringLiteral("UNEXPECTED %1:%2 sees %3, plan has no link there\n")
                       .arg(m.localHost, m.localPort, m.found);
            break;
        }
    }
    for (const QString &s : r.swaps)
        out += QStringLiteral("SWAPPED    %1\n").arg(s);
    out += QStringLiteral("%1 links as planned, %2 miswired, %3 missing, %4 unexpected on %5 switches (%6)\n")
               .arg(r.matched)
               .arg(std::count_if(r.mismatches.begin(), r.mismatches.end(),
                                  [](const CablingMismatch &m) { return m.kind == CablingMismatch::Kind::Miswired; }))
               .arg(std::count_if(r.mismatches.begin(), r.mismatches.end(),
                                  [](const CablingMismatch &m) { return m.kind == CablingMismatch::Kind::Missing; }))
               .arg(std::count_if(r.mismatches.begin(), r.mismatches.end(),
                                  [](const CablingMismatch &m) { return m.kind == CablingMismatch::Kind::Unexpected; }))
               .arg(r.hostsChecked.size())
               .arg(r.hostsChecked.join(QStringLiteral(", ")));
    return out;
}

} // namespace pp
