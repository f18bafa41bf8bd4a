#include "planner/rules/rulesupport.h"

#include <cmath>
#include <map>

namespace pp {

Finding makeFinding(const QString &rule, Severity severity, const QString &message, QStringList subjects,
                    std::optional<double> measured, std::optional<double> limit, const QString &unit)
{
    Finding f;
    f.rule = rule;
    f.severity = severity;
    f.originalSeverity = severity;
    f.message = message;
    f.subjects = std::move(subjects);
    f.measured = measured;
    f.limit = limit;
    f.unit = unit;
    return f;
}

QString fmt(double value)
{
    QString s = QString::number(std::round(value * 100.0) / 100.0, 'f', 2);
    while (s.endsWith(QLatin1Char('0')))
        s.chop(1);
    if (s.endsWith(QLatin1Char('.')))
        s.chop(1);
    return s == QLatin1String("-0") ? QStringLiteral("0") : s;
}

double kW(double watts)
{
    return std::round(watts) / 1000.0;
}

void UnknownFigureTally::add(const DeviceType *type)
{
    for (auto &entry : m_counts) {
        if (entry.first == type) {
            ++entry.second;
            return;
        }
    }
    m_counts.emplace_back(type, 1);
}

void UnknownFigureTally::report(const QString &rule, const QString &what, const QString &consequence,
                                std::vector<Finding> &out) const
{
    if (m_counts.empty())
        return;
    std::map<QString, int> byId; // report types in id order, whatever order the devices came in
    for (const auto &[type, count] : m_counts)
        byId[type->id] += count;
    QStringList types;
    QStringList parts;
    int devices = 0;
    for (const auto &[id, count] : byId) {
        types << id;
        parts << QStringLiteral("%1 (%2)").arg(id).arg(count);
        devices += count;
    }
    out.push_back(
        makeFinding(rule, Severity::Info,
                    QStringLiteral("%1 unknown for %2: %3").arg(what, parts.join(QStringLiteral(", ")), consequence),
                    types, devices, 0, QStringLiteral("devices")));
}

bool isSwitch(const DeviceType *type)
{
    return type && type->role == Role::Switch;
}

bool isNode(const DeviceType *type)
{
    return type && (type->role == Role::CNode || type->role == Role::DBox);
}

bool isDataPathPurpose(PortPurpose purpose)
{
    return purpose == PortPurpose::Data || purpose == PortPurpose::Dpu || purpose == PortPurpose::Isl;
}

bool isNodeDataPort(PortPurpose purpose)
{
    return purpose == PortPurpose::Data || purpose == PortPurpose::Dpu;
}

QString siteSubject(const CheckContext &ctx)
{
    return ctx.site().id.isEmpty() ? QStringLiteral("site") : ctx.site().id;
}

} // namespace pp
