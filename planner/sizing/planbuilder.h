#pragma once

#include "planner/model/plan.h"
#include "planner/sizing/sizingresult.h"

namespace pp {

class Catalog;

// What the built plan is called and where it stands.
struct PlanBuildOptions {
    QString name;
    QString customer;
    QString track = QStringLiteral("lab");
    QString siteProfile;         // empty: the sizing inputs' site
    bool raiseSiteBudget = true; // merge-patch the site budget and cooling up to the design's max draw
};

// Turns a sizing result into a plan: racks filled as the sizing packed them (U and power per
// rack), D-boxes from the bottom, nodes above, data switches under the management switch at the
// top, an A and a B PDU per rack, uplinks on the port plan's uplink ports. Links are left empty
// until the topology auto-cabler exists.
class PlanBuilder {
public:
    explicit PlanBuilder(const Catalog &catalog);
    // Fails (empty plan, message in error) when the result is not ok or a type is unknown.
    bool build(const SizingResult &result, const PlanBuildOptions &options, Plan &plan, QString *error) const;

private:
    const Catalog &m_catalog;
};

} // namespace pp
