#pragma once

#include "planner/rules/rule.h"

namespace pp {

// space.overlap: two devices claim the same rack units on the same side (full-depth devices take both).
class SpaceOverlapRule final : public Rule {
public:
    QString id() const override { return QStringLiteral("space.overlap"); }
    QString description() const override { return QStringLiteral("Devices overlap in a rack"); }
    void check(const CheckContext &ctx, std::vector<Finding> &out) const override;
};

// space.outside-rack: a device below U1, above the top or taller than its rack; a rack taller than the site's.
class SpaceOutsideRackRule final : public Rule {
public:
    QString id() const override { return QStringLiteral("space.outside-rack"); }
    QString description() const override { return QStringLiteral("Device outside or taller than its rack"); }
    void check(const CheckContext &ctx, std::vector<Finding> &out) const override;
};

// space.depth: a device deeper than the site's racks, or front and rear devices that meet in the middle.
class SpaceDepthRule final : public Rule {
public:
    QString id() const override { return QStringLiteral("space.depth"); }
    QString description() const override { return QStringLiteral("Device deeper than the rack"); }
    void check(const CheckContext &ctx, std::vector<Finding> &out) const override;
};

} // namespace pp
