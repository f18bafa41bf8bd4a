#pragma once

#include "planner/rules/rule.h"

namespace pp {

// network.port-capacity: every linked port exists on its device, and no port or breakout lane is
// used twice (breakout sub-ports such as "swp1s0" count their physical port as used).
class NetworkPortCapacityRule final : public Rule {
public:
    QString id() const override { return QStringLiteral("network.port-capacity"); }
    QString description() const override { return QStringLiteral("Ports used against ports present"); }
    void check(const CheckContext &ctx, std::vector<Finding> &out) const override;
};

// network.speed-mismatch: the two ends of a link, and its cable, run at different speeds.
class NetworkSpeedMismatchRule final : public Rule {
public:
    QString id() const override { return QStringLiteral("network.speed-mismatch"); }
    QString description() const override { return QStringLiteral("Link speed mismatch"); }
    void check(const CheckContext &ctx, std::vector<Finding> &out) const override;
};

// network.cable-fit: every link has a catalog cable of its ports' speed and leg count that is long
// enough for its route, so that no link stays without a cable ("?") and out of the BOM unnoticed.
class NetworkCableFitRule final : public Rule {
public:
    QString id() const override { return QStringLiteral("network.cable-fit"); }
    QString description() const override { return QStringLiteral("Cable fits the link"); }
    void check(const CheckContext &ctx, std::vector<Finding> &out) const override;
};

// network.uplink-count: at least as many site uplinks as the site requires.
class NetworkUplinkCountRule final : public Rule {
public:
    QString id() const override { return QStringLiteral("network.uplink-count"); }
    QString description() const override { return QStringLiteral("Uplink count"); }
    void check(const CheckContext &ctx, std::vector<Finding> &out) const override;
};

// network.uplink-speed: each uplink at the site's uplink speed, and no faster than its port.
class NetworkUplinkSpeedRule final : public Rule {
public:
    QString id() const override { return QStringLiteral("network.uplink-speed"); }
    QString description() const override { return QStringLiteral("Uplink speed"); }
    void check(const CheckContext &ctx, std::vector<Finding> &out) const override;
};

// network.oversubscription: the read throughput the C-nodes can serve against the uplink bandwidth.
class NetworkOversubscriptionRule final : public Rule {
public:
    QString id() const override { return QStringLiteral("network.oversubscription"); }
    QString description() const override { return QStringLiteral("Uplink oversubscription"); }
    void check(const CheckContext &ctx, std::vector<Finding> &out) const override;
};

// network.roce: where the site requires RoCE, the site is lossless (PFC + ECN) and every port on
// the data path (node NICs/DPUs, switch ports, site uplinks) is RoCE-capable.
class NetworkRoceRule final : public Rule {
public:
    QString id() const override { return QStringLiteral("network.roce"); }
    QString description() const override { return QStringLiteral("RoCE end to end"); }
    void check(const CheckContext &ctx, std::vector<Finding> &out) const override;
};

// network.unconnected: data and DPU ports of C-nodes and D-boxes with no link.
class NetworkUnconnectedRule final : public Rule {
public:
    QString id() const override { return QStringLiteral("network.unconnected"); }
    QString description() const override { return QStringLiteral("Unconnected data ports"); }
    void check(const CheckContext &ctx, std::vector<Finding> &out) const override;
};

// network.dual-homing: every C-node and D-box (and each DPU of a D-box) reaches two different switches.
class NetworkDualHomingRule final : public Rule {
public:
    QString id() const override { return QStringLiteral("network.dual-homing"); }
    QString description() const override { return QStringLiteral("Nodes dual-homed to two switches"); }
    void check(const CheckContext &ctx, std::vector<Finding> &out) const override;
};

} // namespace pp
