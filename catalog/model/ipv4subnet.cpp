#include "catalog/model/ipv4subnet.h"

#include <QStringList>

namespace pp {

Ipv4Subnet::Ipv4Subnet(std::uint32_t address, int prefixLength)
    : m_address(address)
    , m_prefix(prefixLength)
{ }

std::optional<std::uint32_t> Ipv4Subnet::parseAddress(const QString &text)
{
    const QStringList parts = text.trimmed().split(QLatin1Char('.'));
    if (parts.size() != 4)
        return std::nullopt;
    std::uint32_t out = 0;
    for (const QString &p : parts) {
        bool ok = false;
        const uint v = p.toUInt(&ok);
        // No sign, no leading zeros beyond "0": "010" is octal to some tools and decimal to others.
        if (!ok || v > 255 || p.isEmpty() || p.size() > 3 || (p.size() > 1 && p.startsWith(QLatin1Char('0'))) ||
            !p.at(0).isDigit())
            return std::nullopt;
        out = (out << 8) | v;
    }
    return out;
}

std::optional<Ipv4Subnet> Ipv4Subnet::parse(const QString &text)
{
    const QString t = text.trimmed();
    const qsizetype slash = t.indexOf(QLatin1Char('/'));
    const auto address = parseAddress(slash < 0 ? t : t.left(slash));
    if (!address)
        return std::nullopt;
    int prefix = 32;
    if (slash >= 0) {
        bool ok = false;
        prefix = t.mid(slash + 1).toInt(&ok);
        if (!ok || prefix < 0 || prefix > 32 || !t.at(slash + 1).isDigit())
            return std::nullopt;
    }
    return Ipv4Subnet(*address, prefix);
}

QString Ipv4Subnet::addressText(std::uint32_t a)
{
    return QStringLiteral("%1.%2.%3.%4").arg(a >> 24).arg((a >> 16) & 255).arg((a >> 8) & 255).arg(a & 255);
}

bool Ipv4Subnet::overlaps(const Ipv4Subnet &other) const
{
    const int shorter = std::min(m_prefix, other.m_prefix);
    const std::uint32_t m = shorter == 0 ? 0u : ~std::uint32_t(0) << (32 - shorter);
    return (m_address & m) == (other.m_address & m);
}

QString Ipv4Subnet::toString() const
{
    return addressText(network()) + QLatin1Char('/') + QString::number(m_prefix);
}

} // namespace pp
