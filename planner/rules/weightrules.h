#pragma once

#include "planner/rules/rule.h"

namespace pp {

// weight.rack-static: the mass of a rack's devices against the rack's static load rating.
class WeightRackStaticRule final : public Rule {
public:
    QString id() const override { return QStringLiteral("weight.rack-static"); }
    QString description() const override { return QStringLiteral("Rack static load"); }
    void check(const CheckContext &ctx, std::vector<Finding> &out) const override;
};

} // namespace pp
