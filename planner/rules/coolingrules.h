#pragma once

#include "planner/rules/rule.h"

namespace pp {

// cooling.rack-heat: each rack's heat (typical draw: error, max draw: warning) against the rack cooling.
class CoolingRackHeatRule final : public Rule {
public:
    QString id() const override { return QStringLiteral("cooling.rack-heat"); }
    QString description() const override { return QStringLiteral("Heat per rack against rack cooling"); }
    void check(const CheckContext &ctx, std::vector<Finding> &out) const override;
};

// cooling.site-heat: the plan's total heat against the site's cooling.
class CoolingSiteHeatRule final : public Rule {
public:
    QString id() const override { return QStringLiteral("cooling.site-heat"); }
    QString description() const override { return QStringLiteral("Total heat against site cooling"); }
    void check(const CheckContext &ctx, std::vector<Finding> &out) const override;
};

// cooling.air-density: on an air-cooled site, a rack denser than plain air cooling can remove.
class CoolingAirDensityRule final : public Rule {
public:
    QString id() const override { return QStringLiteral("cooling.air-density"); }
    QString description() const override { return QStringLiteral("Air-cooled rack density"); }
    void check(const CheckContext &ctx, std::vector<Finding> &out) const override;
};

// cooling.airflow-mix: devices in one rack blowing in opposite directions (a device mounted to the
// rear reverses its airflow relative to the rack).
class CoolingAirflowMixRule final : public Rule {
public:
    QString id() const override { return QStringLiteral("cooling.airflow-mix"); }
    QString description() const override { return QStringLiteral("Mixed airflow directions in a rack"); }
    void check(const CheckContext &ctx, std::vector<Finding> &out) const override;
};

} // namespace pp
