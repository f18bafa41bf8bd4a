#include "catalog/model/devicetype.h"

#include <algorithm>
#include <array>

namespace pp {

namespace {
struct RoleName {
    Role role;
    const char *id;
    const char *display;
};
constexpr std::array<RoleName, 6> kRoles{{{Role::CNode, "cnode", "C-node"},
                                          {Role::DBox, "dbox", "D-box"},
                                          {Role::Switch, "switch", "Switch"},
                                          {Role::Pdu, "pdu", "PDU"},
                                          {Role::Cable, "cable", "Cable"},
                                          {Role::Other, "other", "Other"}}};

struct PurposeName {
    PortPurpose purpose;
    const char *id;
};
constexpr std::array<PurposeName, 6> kPurposes{{{PortPurpose::Data, "data"},
                                                {PortPurpose::Uplink, "uplink"},
                                                {PortPurpose::Isl, "isl"},
                                                {PortPurpose::Mgmt, "mgmt"},
                                                {PortPurpose::Bmc, "bmc"},
                                                {PortPurpose::Dpu, "dpu"}}};

struct AirflowName {
    Airflow airflow;
    const char *id;
};
constexpr std::array<AirflowName, 4> kAirflows{{{Airflow::Unknown, "unknown"},
                                                {Airflow::FrontToRear, "front-to-rear"},
                                                {Airflow::RearToFront, "rear-to-front"},
                                                {Airflow::Passive, "passive"}}};
} // namespace

QString roleId(Role role)
{
    for (const auto &r : kRoles)
        if (r.role == role)
            return QString::fromLatin1(r.id);
    return QStringLiteral("other");
}

std::optional<Role> roleFromId(const QString &id)
{
    for (const auto &r : kRoles)
        if (id == QLatin1String(r.id))
            return r.role;
    return std::nullopt;
}

QString roleDisplayName(Role role)
{
    for (const auto &r : kRoles)
        if (r.role == role)
            return QString::fromLatin1(r.display);
    return QStringLiteral("Other");
}

QString purposeId(PortPurpose purpose)
{
    for (const auto &p : kPurposes)
        if (p.purpose == purpose)
            return QString::fromLatin1(p.id);
    return QStringLiteral("data");
}

std::optional<PortPurpose> purposeFromId(const QString &id)
{
    for (const auto &p : kPurposes)
        if (id == QLatin1String(p.id))
            return p.purpose;
    return std::nullopt;
}

QString airflowId(Airflow airflow)
{
    for (const auto &a : kAirflows)
        if (a.airflow == airflow)
            return QString::fromLatin1(a.id);
    return QStringLiteral("unknown");
}

std::optional<Airflow> airflowFromId(const QString &id)
{
    for (const auto &a : kAirflows)
        if (id == QLatin1String(a.id))
            return a.airflow;
    return std::nullopt;
}

QString PortGroup::nameAt(int index) const
{
    if (!names.isEmpty())
        return index >= 0 && index < names.size() ? names.at(index) : QString();
    QString name = pattern;
    return name.replace(QStringLiteral("{n}"), QString::number(first + index));
}

std::optional<Breakout> Breakout::parse(const QString &text)
{
    // "2x400" or "4x12.5"; parsed by hand because port allocation calls this per link.
    const qsizetype x = text.indexOf(QLatin1Char('x'));
    if (x <= 0 || x == text.size() - 1)
        return std::nullopt;
    for (qsizetype i = 0; i < x; ++i)
        if (!text.at(i).isDigit())
            return std::nullopt;
    int dots = 0;
    for (qsizetype i = x + 1; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == QLatin1Char('.') && i > x + 1 && i < text.size() - 1 && ++dots == 1)
            continue;
        if (!c.isDigit())
            return std::nullopt;
    }
    Breakout b;
    b.lanes = QStringView(text).left(x).toInt();
    b.laneSpeedGbps = QStringView(text).mid(x + 1).toDouble();
    if (b.lanes < 1 || b.laneSpeedGbps <= 0)
        return std::nullopt;
    return b;
}

// Matches a whole-port name without allocating: port lookups run once per link end.
static const PortGroup *matchWholePort(const DeviceType &type, QStringView name, int &index)
{
    for (const PortGroup &group : type.ports) {
        if (!group.names.isEmpty()) {
            for (qsizetype i = 0; i < group.names.size(); ++i)
                if (QStringView(group.names.at(i)) == name) {
                    index = static_cast<int>(i);
                    return &group;
                }
            continue;
        }
        const QStringView pattern(group.pattern);
        const qsizetype at = pattern.indexOf(u"{n}");
        if (at < 0) {
            if (pattern == name && group.count == 1) {
                index = 0;
                return &group;
            }
            continue;
        }
        const QStringView prefix = pattern.left(at);
        const QStringView suffix = pattern.mid(at + 3);
        if (!name.startsWith(prefix) || !name.endsWith(suffix) || name.size() <= prefix.size() + suffix.size())
            continue;
        bool ok = false;
        const int n = name.mid(prefix.size(), name.size() - prefix.size() - suffix.size()).toInt(&ok);
        if (ok && n >= group.first && n < group.first + group.count) {
            index = n - group.first;
            return &group;
        }
    }
    return nullptr;
}

static PortRef findWholePort(const DeviceType &type, const QString &name)
{
    int index = -1;
    const PortGroup *group = matchWholePort(type, name, index);
    return group ? PortRef{group, index, -1, name} : PortRef{};
}

PortRef DeviceType::resolvePort(const QString &name) const
{
    PortRef ref = findWholePort(*this, name);
    if (ref.valid())
        return ref;
    // Breakout lanes follow the Cumulus convention: swp1s0, swp1s1, … (parsed by hand: hot path)
    qsizetype digits = name.size();
    while (digits > 0 && name.at(digits - 1).isDigit())
        --digits;
    if (digits == name.size() || digits < 2 || name.at(digits - 1) != QLatin1Char('s'))
        return {};
    ref = findWholePort(*this, name.left(digits - 1));
    if (!ref.valid() || ref.group->breakouts.isEmpty())
        return {};
    int maxLanes = 1;
    for (const QString &b : ref.group->breakouts)
        if (const auto parsed = Breakout::parse(b))
            maxLanes = std::max(maxLanes, parsed->lanes);
    const int laneIndex = QStringView(name).mid(digits).toInt();
    if (laneIndex >= maxLanes)
        return {};
    ref.lane = laneIndex;
    return ref;
}

int DeviceType::portCount(PortPurpose purpose) const
{
    int n = 0;
    for (const PortGroup &group : ports)
        if (group.purpose == purpose)
            n += group.count;
    return n;
}

QStringList DeviceType::allPortNames() const
{
    QStringList out;
    for (const PortGroup &group : ports)
        for (int i = 0; i < group.count; ++i)
            out << group.nameAt(i);
    return out;
}

std::optional<double> DeviceType::throughputGBpsAt(double readPct) const
{
    std::vector<std::pair<double, double>> points;
    for (const MixThroughput &m : throughput)
        if (m.totalGBps.known())
            points.emplace_back(m.readPct, *m.totalGBps.value);
    if (points.empty())
        return std::nullopt;
    std::sort(points.begin(), points.end());
    if (readPct <= points.front().first)
        return points.front().second;
    if (readPct >= points.back().first)
        return points.back().second;
    for (std::size_t i = 1; i < points.size(); ++i) {
        if (readPct <= points[i].first) {
            const auto [x0, y0] = points[i - 1];
            const auto [x1, y1] = points[i];
            return y0 + (y1 - y0) * (readPct - x0) / (x1 - x0);
        }
    }
    return points.back().second;
}

} // namespace pp
