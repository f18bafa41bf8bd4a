#pragma once

#include <QString>
#include <cstdint>
#include <optional>

namespace pp {

// An IPv4 network written "10.0.0.0/24", or one address with its prefix length ("10.0.0.5/24"):
// the site profile's address pools and the address plan's results.
class Ipv4Subnet {
public:
    // "a.b.c.d/n" (n 0..32) or "a.b.c.d" (taken as /32); nullopt when the text is not that.
    static std::optional<Ipv4Subnet> parse(const QString &text);
    static std::optional<std::uint32_t> parseAddress(const QString &text);
    static QString addressText(std::uint32_t address);

    Ipv4Subnet() = default;
    Ipv4Subnet(std::uint32_t address, int prefixLength);

    std::uint32_t address() const { return m_address; } // as written, host bits kept
    std::uint32_t network() const { return m_address & mask(); }
    std::uint32_t broadcast() const { return network() | ~mask(); }
    std::uint32_t mask() const { return m_prefix == 0 ? 0u : ~std::uint32_t(0) << (32 - m_prefix); }
    int prefixLength() const { return m_prefix; }
    // Addresses in the network, network and broadcast included (2^(32-n)).
    std::uint64_t size() const { return std::uint64_t(1) << (32 - m_prefix); }
    bool contains(std::uint32_t address) const { return (address & mask()) == network(); }
    bool overlaps(const Ipv4Subnet &other) const;
    // "10.0.0.0/24" (the network, host bits cleared).
    QString toString() const;

private:
    std::uint32_t m_address = 0;
    int m_prefix = 32;
};

} // namespace pp
