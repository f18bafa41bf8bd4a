#pragma once

#include "planner/model/resolvedplan.h"
#include "planner/rules/checkcontext.h"
#include "planner/rules/finding.h"

#include <memory>

namespace pp {

// One design rule with a stable id. It reads a snapshot of the plan (with the figures every rule
// shares precomputed in the CheckContext) and appends findings.
class Rule {
public:
    virtual ~Rule() = default;
    virtual QString id() const = 0;
    virtual QString description() const = 0;
    virtual void check(const CheckContext &ctx, std::vector<Finding> &out) const = 0;
};

// Every built-in rule, in report order. Each rule family adds its rules here.
const std::vector<std::unique_ptr<Rule>> &allRules();
const Rule *findRule(const QString &id);

} // namespace pp
