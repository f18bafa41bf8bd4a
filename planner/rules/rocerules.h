#pragma once

#include "planner/network/portbuffertable.h"
#include "planner/rules/rule.h"

namespace pp {

// network.roce-hops: where the site requires RoCE, the two ends of every data-path hop between
// switches, and the uplinks against the site's declared fabric, agree on MTU, PFC priority, ECN and
// trust mode; every switch runs the site's MTU and PFC priority.
class NetworkRoceHopsRule final : public Rule {
public:
    QString id() const override { return QStringLiteral("network.roce-hops"); }
    QString description() const override { return QStringLiteral("RoCE settings agree on every hop"); }
    void check(const CheckContext &ctx, std::vector<Finding> &out) const override;
};

// network.pfc-headroom: the PFC headroom a switch port needs for its cable length and speed (a
// floor: 2 × MTU plus the bits in flight) fits the per-port buffer the catalog gives; switch types
// without that figure are named in one info finding.
class NetworkPfcHeadroomRule final : public Rule {
public:
    // buffers: the per-port buffer figures to check against; null for the built-in table.
    explicit NetworkPfcHeadroomRule(const PortBufferTable *buffers = nullptr)
        : m_buffers(buffers)
    { }
    QString id() const override { return QStringLiteral("network.pfc-headroom"); }
    QString description() const override { return QStringLiteral("PFC headroom within the port buffer"); }
    void check(const CheckContext &ctx, std::vector<Finding> &out) const override;

private:
    const PortBufferTable *m_buffers;
};

} // namespace pp
