#pragma once

#include "planner/rules/rule.h"

namespace pp {

// resilience.min-cnodes: enough C-nodes for a resilient cluster.
class ResilienceMinCNodesRule final : public Rule {
public:
    QString id() const override { return QStringLiteral("resilience.min-cnodes"); }
    QString description() const override { return QStringLiteral("Minimum C-nodes"); }
    void check(const CheckContext &ctx, std::vector<Finding> &out) const override;
};

// resilience.min-dbox: enough D-boxes with two DPUs each.
class ResilienceMinDBoxRule final : public Rule {
public:
    QString id() const override { return QStringLiteral("resilience.min-dbox"); }
    QString description() const override { return QStringLiteral("Minimum D-boxes with dual DPUs"); }
    void check(const CheckContext &ctx, std::vector<Finding> &out) const override;
};

// resilience.switch-pair: at least a pair of data switches.
class ResilienceSwitchPairRule final : public Rule {
public:
    QString id() const override { return QStringLiteral("resilience.switch-pair"); }
    QString description() const override { return QStringLiteral("Data switch pair"); }
    void check(const CheckContext &ctx, std::vector<Finding> &out) const override;
};

// resilience.dual-psu: every powered device has at least two PSUs connected.
class ResilienceDualPsuRule final : public Rule {
public:
    QString id() const override { return QStringLiteral("resilience.dual-psu"); }
    QString description() const override { return QStringLiteral("Dual PSUs"); }
    void check(const CheckContext &ctx, std::vector<Finding> &out) const override;
};

// resilience.single-point-of-failure: a failure domain (one component: a device, a DPU, a PDU, a
// feed, an uplink) whose loss alone makes data unavailable or cuts a powered node off the clients.
// A warning, not an error: a small kit (one D-box) has this limit by design and says so.
class ResilienceSinglePointRule final : public Rule {
public:
    QString id() const override { return QStringLiteral("resilience.single-point-of-failure"); }
    QString description() const override { return QStringLiteral("Single points of failure"); }
    void check(const CheckContext &ctx, std::vector<Finding> &out) const override;
};

} // namespace pp
