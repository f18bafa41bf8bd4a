#include "planner/model/plansummary.h"

#include "planner/model/erasurecoding.h"
#include "planner/power/powerloads.h"

namespace pp {

PlanSummary summarize(const ResolvedPlan &resolved)
{
    const Plan &plan = resolved.plan();
    PlanSummary s;
    for (const QString &role :
         {QStringLiteral("cnode"), QStringLiteral("dbox"), QStringLiteral("switch"), QStringLiteral("pdu")})
        s.countsByRole[role] = 0;
    s.racks.resize(plan.racks.size());
    for (std::size_t r = 0; r < plan.racks.size(); ++r) {
        s.racks[r].id = plan.racks[r].id;
        s.racks[r].name = plan.racks[r].name;
        s.racks[r].heightU = plan.racks[r].heightU;
    }
    for (std::size_t i = 0; i < plan.devices.size(); ++i) {
        const DeviceType *type = resolved.typeOf(i);
        if (!type)
            continue;
        s.countsByRole[roleId(type->role)] += 1;
        s.weightKg += type->weightKg.valueOr(0);
        if (type->role == Role::DBox) {
            s.rawTB += type->storage.rawTB.valueOr(0);
            s.clusterSsds += static_cast<int>(type->storage.driveCount.valueOr(0));
        }
        const int r = resolved.rackIndex(plan.devices[i].rack);
        if (r >= 0) {
            RackSummary &rack = s.racks[static_cast<std::size_t>(r)];
            rack.usedU += type->uHeight;
            rack.weightKg += type->weightKg.valueOr(0);
        }
    }
    // Power comes from the one model the rules and the dashboard read: racked devices only.
    const PowerLoads power(resolved);
    s.typicalW = power.totalTypicalW();
    s.maxW = power.totalMaxW();
    s.devicesWithUnknownPower = power.unknownPower();
    for (std::size_t r = 0; r < s.racks.size(); ++r) {
        s.racks[r].typicalW = power.racks()[r].typicalW;
        s.racks[r].maxW = power.racks()[r].maxW;
        s.racks[r].devicesWithUnknownPower = power.racks()[r].unknownPower;
    }
    if (s.rawTB > 0)
        s.usableTB = ErasureCoding::fromSizingData().usableTB(s.rawTB, s.clusterSsds);
    return s;
}

} // namespace pp
