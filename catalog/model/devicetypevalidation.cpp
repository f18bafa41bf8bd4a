#include "catalog/model/devicetypevalidation.h"

#include <QHash>
#include <QRegularExpression>

namespace pp {

namespace {

DeviceTypeProblem fieldProblem(const QString &path, const QString &reason, const QString &text)
{
    return DeviceTypeProblem{path, -1, reason, text};
}

void checkFigure(const Figure &figure, const QString &field, double max, std::vector<DeviceTypeProblem> &out)
{
    if (!figure.known())
        return;
    const double v = *figure.value;
    if (v < 0 || v > max)
        out.push_back(fieldProblem(field, QStringLiteral("expected a number from 0 to %1, found %2").arg(max).arg(v),
                                   v < 0
                                       ? QStringLiteral("%1: a number ≥ 0, or empty for unknown.").arg(field)
                                       : QStringLiteral("%1: at most %2, or empty for unknown.").arg(field).arg(max)));
}

void checkFields(const DeviceType &t, std::vector<DeviceTypeProblem> &out)
{
    // Ids end up in file names, plan files and NetBox slugs, so they keep to a portable alphabet.
    static const QRegularExpression idPattern(QStringLiteral("^[a-z0-9][a-z0-9._-]*$"));
    if (!idPattern.match(t.id).hasMatch())
        out.push_back(fieldProblem(
            QStringLiteral("id"),
            QStringLiteral("\"%1\" is not an id: use lower-case letters, digits, '.', '_' and '-'").arg(t.id),
            QStringLiteral("Id: use lower-case letters, digits, '.', '_' and '-' (e.g. sw-lab-leaf).")));
    if (t.model.trimmed().isEmpty())
        out.push_back(fieldProblem(QStringLiteral("model"), QStringLiteral("the model is empty"),
                                   QStringLiteral("Model: give the model name.")));
    checkFigure(t.typicalW, QStringLiteral("typicalW"), DeviceTypeLimits::kMaxPowerW, out);
    checkFigure(t.maxW, QStringLiteral("maxW"), DeviceTypeLimits::kMaxPowerW, out);
    checkFigure(t.weightKg, QStringLiteral("weightKg"), DeviceTypeLimits::kMaxWeightKg, out);
    if (t.typicalW.known() && t.maxW.known() && *t.typicalW.value > *t.maxW.value)
        out.push_back(fieldProblem(
            QStringLiteral("typicalW"),
            QStringLiteral("typical draw %1 W exceeds max draw %2 W").arg(*t.typicalW.value).arg(*t.maxW.value),
            QStringLiteral("Typical draw %1 W exceeds max draw %2 W.").arg(*t.typicalW.value).arg(*t.maxW.value)));
}

// The first problem of one port group, or none: later rules assume the earlier ones hold.
bool checkPortGroup(const PortGroup &g, int row, std::vector<DeviceTypeProblem> &out)
{
    const QString path = QStringLiteral("ports[%1]").arg(row);
    const QString where = QStringLiteral("Ports row %1").arg(row + 1);
    const auto problem = [&](const char *field, const QString &reason, const QString &text) {
        out.push_back(DeviceTypeProblem{path + QLatin1Char('.') + QLatin1String(field), row, reason,
                                        QStringLiteral("%1, %2: %3").arg(where, QLatin1String(field), text)});
        return false;
    };
    if (g.count < 1 || g.count > DeviceTypeLimits::kMaxPortCount)
        return problem("count",
                       QStringLiteral("expected a whole number from 1 to %1").arg(DeviceTypeLimits::kMaxPortCount),
                       QStringLiteral("a whole number from 1 to %1.").arg(DeviceTypeLimits::kMaxPortCount));
    if (g.names.isEmpty() && g.pattern.trimmed().isEmpty())
        return problem("name", QStringLiteral("give names or a pattern"),
                       QStringLiteral("give a port name, a prefix (swp) or a pattern (swp{n})."));
    if (!g.names.isEmpty() && g.names.size() != g.count)
        return problem("count",
                       QStringLiteral("%1 names are listed, the count says %2").arg(g.names.size()).arg(g.count),
                       QStringLiteral("%1 names are listed, the count says %2.").arg(g.names.size()).arg(g.count));
    // 0 stays allowed: an import may not know a port's speed, and the type is still usable.
    if (g.speedGbps < 0 || g.speedGbps > DeviceTypeLimits::kMaxSpeedGbps)
        return problem("speedGbps",
                       QStringLiteral("expected a speed from 0 to %1 Gbit/s").arg(DeviceTypeLimits::kMaxSpeedGbps),
                       QStringLiteral("a speed in Gbit/s above 0, e.g. 400."));
    return true;
}

void checkPorts(const DeviceType &t, std::vector<DeviceTypeProblem> &out)
{
    // Links name ports by name, so a name used twice would make a link ambiguous.
    QHash<QString, int> rowOfName;
    for (int r = 0; r < static_cast<int>(t.ports.size()); ++r) {
        const PortGroup &g = t.ports[static_cast<std::size_t>(r)];
        if (!checkPortGroup(g, r, out))
            continue;
        for (int i = 0; i < g.count; ++i) {
            const QString name = g.nameAt(i);
            const auto it = rowOfName.constFind(name);
            if (it == rowOfName.constEnd()) {
                rowOfName.insert(name, r);
                continue;
            }
            const QString path = QStringLiteral("ports[%1].name").arg(r);
            const QString where = QStringLiteral("Ports row %1, name: ").arg(r + 1);
            if (it.value() == r)
                out.push_back(DeviceTypeProblem{path, r, QStringLiteral("port \"%1\" appears twice").arg(name),
                                                where + QStringLiteral("port \"%1\" appears twice.").arg(name)});
            else
                out.push_back(DeviceTypeProblem{
                    path, r, QStringLiteral("port \"%1\" is also in ports[%2]").arg(name).arg(it.value()),
                    where + QStringLiteral("port \"%1\" is also in row %2.").arg(name).arg(it.value() + 1)});
            break;
        }
    }
}

} // namespace

std::vector<DeviceTypeProblem> validateDeviceType(const DeviceType &type)
{
    std::vector<DeviceTypeProblem> out;
    checkFields(type, out);
    checkPorts(type, out);
    return out;
}

} // namespace pp
