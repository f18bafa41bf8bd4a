#include "exporters/netcfg/switchportnames.h"

#include "exporters/common/textescape.h"

#include <QRegularExpression>

namespace pp {

namespace {

// "swp3s1" → (3, 1); "swp3" → (3, -1); anything else → (-1, -1).
std::pair<int, int> split(const QString &port)
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z]+(\\d+)(?:s(\\d+))?$"));
    const auto m = re.match(port);
    if (!m.hasMatch())
        return {-1, -1};
    return {m.captured(1).toInt(), m.captured(2).isEmpty() ? -1 : m.captured(2).toInt()};
}

} // namespace

QString SwitchPortNames::eos(const QString &planPort)
{
    if (planPort == QLatin1String("eth0"))
        return QStringLiteral("Management1");
    const auto [port, lane] = split(planPort);
    if (port < 0)
        return textescape::cliText(planPort);
    return QStringLiteral("Ethernet%1/%2").arg(port).arg(lane < 0 ? 1 : lane + 1);
}

QString SwitchPortNames::sonic(const QString &planPort, int lanes)
{
    if (planPort == QLatin1String("eth0"))
        return QStringLiteral("eth0");
    const auto [port, lane] = split(planPort);
    if (port < 0)
        return textescape::cliText(planPort);
    constexpr int kSerdesPerPort = 8; // OSFP and QSFP-DD ports: 8 lanes each
    const int step = lanes > 1 ? kSerdesPerPort / lanes : 0;
    return QStringLiteral("Ethernet%1").arg(kSerdesPerPort * (port - 1) + std::max(lane, 0) * step);
}

} // namespace pp
