#pragma once

#include "planner/rules/rule.h"

namespace pp {

// power.site-budget: the plan's typical draw against the site budget (error), max draw (warning).
class PowerSiteBudgetRule final : public Rule {
public:
    QString id() const override { return QStringLiteral("power.site-budget"); }
    QString description() const override { return QStringLiteral("Site power budget"); }
    void check(const CheckContext &ctx, std::vector<Finding> &out) const override;
};

// power.rack-budget: each rack's typical draw against the per-rack limit (error), max draw (warning).
class PowerRackBudgetRule final : public Rule {
public:
    QString id() const override { return QStringLiteral("power.rack-budget"); }
    QString description() const override { return QStringLiteral("Rack power limit"); }
    void check(const CheckContext &ctx, std::vector<Finding> &out) const override;
};

// power.feed-capacity: the max draw each feed carries with both feeds up, against V × A (× √3) × derate.
class PowerFeedCapacityRule final : public Rule {
public:
    QString id() const override { return QStringLiteral("power.feed-capacity"); }
    QString description() const override { return QStringLiteral("Feed capacity after derating"); }
    void check(const CheckContext &ctx, std::vector<Finding> &out) const override;
};

// power.feed-redundancy: on an A+B site, either feed alone carries the rack's whole max draw, and
// every device with two or more PSUs has one on each feed.
class PowerFeedRedundancyRule final : public Rule {
public:
    QString id() const override { return QStringLiteral("power.feed-redundancy"); }
    QString description() const override { return QStringLiteral("A+B feed redundancy"); }
    void check(const CheckContext &ctx, std::vector<Finding> &out) const override;
};

// power.outlets: PSU inlets (C14, C20) against the rack's PDU outlets (C13, C19), PDUs per rack,
// and PSUs in the plan against the PSUs the device type has.
class PowerOutletsRule final : public Rule {
public:
    QString id() const override { return QStringLiteral("power.outlets"); }
    QString description() const override { return QStringLiteral("PSU inlets against PDU outlets"); }
    void check(const CheckContext &ctx, std::vector<Finding> &out) const override;
};

} // namespace pp
