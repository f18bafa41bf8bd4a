#pragma once

#include "plancommand.h"
#include "planner/ops/plandelta.h"

namespace pp::gui {

// Cabling a whole plan as one step: holds what the auto-cabler changed (links and uplinks
// replaced, switches and racks added) rather than the plan before and after, and tells the views
// only what changed, so that the canvas updates the added devices instead of rebuilding.
class CmdCablePlan : public PlanCommand {
public:
    CmdCablePlan(PlanDocument &document, ops::PlanDelta delta, const QString &text);

private:
    ops::OpResult doRedo() override;
    void doUndo() override;

    PlanChange change() const;

    ops::PlanDelta m_delta;
};

} // namespace pp::gui
