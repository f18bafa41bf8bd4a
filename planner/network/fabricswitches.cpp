#include "planner/network/fabricswitches.h"

#include <QRegularExpression>

namespace pp {

QString switchTierId(SwitchTier tier)
{
    switch (tier) {
    case SwitchTier::Mgmt:
        return QStringLiteral("mgmt");
    case SwitchTier::Leaf:
        return QStringLiteral("leaf");
    case SwitchTier::Spine:
        return QStringLiteral("spine");
    case SwitchTier::SuperSpine:
        return QStringLiteral("super-spine");
    }
    return QString();
}

QString deviceHostname(const Device &device)
{
    return device.hostname.isEmpty() ? device.id : device.hostname;
}

int hostnameOrdinal(const QString &hostname)
{
    static const QRegularExpression numberLetter(QStringLiteral("(\\d+)[-_.]?([abAB])$"));
    static const QRegularExpression number(QStringLiteral("(\\d+)\\D*$"));
    static const QRegularExpression letter(QStringLiteral("[-_.]([a-zA-Z])$"));
    constexpr int kMaxOrdinal = 1000000;
    if (const auto m = numberLetter.match(hostname); m.hasMatch()) {
        const int n = m.captured(1).right(6).toInt();
        return 2 * std::max(n - 1, 0) + (m.captured(2).toLower() == QLatin1String("a") ? 1 : 2);
    }
    if (const auto m = number.match(hostname); m.hasMatch())
        return std::min(m.captured(1).right(6).toInt(), kMaxOrdinal);
    if (const auto m = letter.match(hostname); m.hasMatch())
        return m.captured(1).toLower().at(0).unicode() - 'a' + 1;
    return -1;
}

std::vector<FabricSwitch> fabricSwitches(const ResolvedPlan &resolved)
{
    const Plan &plan = resolved.plan();
    std::vector<FabricSwitch> out;
    QHash<QString, std::size_t> index;
    for (std::size_t i = 0; i < plan.devices.size(); ++i) {
        const DeviceType *t = resolved.typeOf(i);
        if (!t || t->role != Role::Switch)
            continue;
        const Device &d = plan.devices[i];
        FabricSwitch s;
        s.device = static_cast<int>(i);
        s.id = d.id;
        s.hostname = deviceHostname(d);
        const QString names = d.id + QLatin1Char(' ') + d.hostname;
        if (t->portCount(PortPurpose::Data) == 0)
            s.tier = SwitchTier::Mgmt;
        else if (names.contains(QLatin1String("super"), Qt::CaseInsensitive))
            s.tier = SwitchTier::SuperSpine;
        else if (names.contains(QLatin1String("spine"), Qt::CaseInsensitive))
            s.tier = SwitchTier::Spine;
        s.ordinal = hostnameOrdinal(s.hostname);
        index.insert(d.id, out.size());
        out.push_back(s);
    }
    for (const Link &l : plan.links) {
        const auto a = index.find(l.a.device), b = index.find(l.b.device);
        if (a == index.end() || b == index.end() || *a == *b)
            continue;
        FabricSwitch &sa = out[*a], &sb = out[*b];
        if (sa.tier != sb.tier || sa.tier == SwitchTier::Mgmt)
            continue;
        // Management ports between two data switches (eth0 to eth0) make no peer link.
        const DeviceType *ta = resolved.typeOf(sa.id);
        const PortRef ra = ta ? ta->resolvePort(l.a.port) : PortRef{};
        if (ra.valid() && (ra.group->purpose == PortPurpose::Mgmt || ra.group->purpose == PortPurpose::Bmc))
            continue;
        sa.peer = sb.id;
        sb.peer = sa.id;
    }
    return out;
}

} // namespace pp
