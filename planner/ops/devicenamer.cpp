#include "planner/ops/devicenamer.h"

namespace pp::ops {

DeviceNamePrefixes namePrefixes(Role role)
{
    switch (role) {
    case Role::CNode:
        return {QStringLiteral("cn"), QStringLiteral("cnode-")};
    case Role::DBox:
        return {QStringLiteral("db"), QStringLiteral("dbox-")};
    case Role::Switch:
        return {QStringLiteral("sw"), QStringLiteral("switch-")};
    case Role::Pdu:
        return {QStringLiteral("pdu"), QStringLiteral("pdu-")};
    case Role::Cable:
        return {QStringLiteral("cab"), QStringLiteral("cable-")};
    case Role::Other:
        break;
    }
    return unknownTypeNamePrefixes();
}

DeviceNamePrefixes unknownTypeNamePrefixes()
{
    return {QStringLiteral("dev"), QStringLiteral("device-")};
}

QString numberedPrefix(const QString &name)
{
    int end = static_cast<int>(name.size());
    while (end > 0 && name.at(end - 1).isDigit())
        --end;
    return end == 0 ? QStringLiteral("dev") : name.left(end);
}

DeviceNamer::DeviceNamer(const Plan &plan)
{
    m_ids.reserve(plan.devices.size());
    m_hostnames.reserve(plan.devices.size());
    for (const Device &d : plan.devices) {
        m_ids.insert(d.id);
        if (!d.hostname.isEmpty())
            m_hostnames.insert(d.hostname);
    }
}

QString DeviceNamer::next(const QString &prefix, std::unordered_set<QString> &used,
                          std::unordered_map<QString, int> &cursor)
{
    // Names handed out are added to `used`, so the cursor never has to look back.
    int &n = cursor[prefix];
    for (;;) {
        const QString candidate = prefix + QString::number(++n);
        if (used.insert(candidate).second)
            return candidate;
    }
}

QString DeviceNamer::nextId(const QString &prefix)
{
    return next(prefix, m_ids, m_idCursor);
}

QString DeviceNamer::nextHostname(const QString &prefix)
{
    return next(prefix, m_hostnames, m_hostnameCursor);
}

QString DeviceNamer::uniqueHostname(const QString &wanted)
{
    if (m_hostnames.insert(wanted).second)
        return wanted;
    return hostnameAfter(wanted);
}

QString DeviceNamer::hostnameAfter(const QString &hostname)
{
    int end = static_cast<int>(hostname.size());
    while (end > 0 && hostname.at(end - 1).isDigit())
        --end;
    const bool numbered = end > 0 && end < hostname.size();
    const QString base = numbered ? hostname.left(end) : hostname + QLatin1Char('-');
    for (int n = numbered ? hostname.mid(end).toInt() + 1 : 2;; ++n) {
        const QString candidate = base + QString::number(n);
        if (m_hostnames.insert(candidate).second)
            return candidate;
    }
}

} // namespace pp::ops
