#pragma once

#include "planner/rules/rule.h"

namespace pp {

// network.address-overlap: the site's pools overlap, or one address is given twice.
class NetworkAddressOverlapRule final : public Rule {
public:
    QString id() const override { return QStringLiteral("network.address-overlap"); }
    QString description() const override { return QStringLiteral("Address pools and addresses do not overlap"); }
    void check(const CheckContext &ctx, std::vector<Finding> &out) const override;
};

// network.address-pool: every management, BMC, loopback, SVI and point-to-point address and every
// ASN the plan needs fits its pool.
class NetworkAddressPoolRule final : public Rule {
public:
    QString id() const override { return QStringLiteral("network.address-pool"); }
    QString description() const override { return QStringLiteral("Address pools large enough"); }
    void check(const CheckContext &ctx, std::vector<Finding> &out) const override;
};

// network.address-subnet: an address the site fixes (management gateway, a switch's management
// address) lies inside its subnet.
class NetworkAddressSubnetRule final : public Rule {
public:
    QString id() const override { return QStringLiteral("network.address-subnet"); }
    QString description() const override { return QStringLiteral("Fixed addresses inside their subnet"); }
    void check(const CheckContext &ctx, std::vector<Finding> &out) const override;
};

} // namespace pp
