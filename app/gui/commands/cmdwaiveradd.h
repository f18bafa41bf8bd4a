#pragma once

#include "plancommand.h"

namespace pp::gui {

// Waives a rule for one subject with a reason (from the findings panel).
class CmdWaiverAdd : public PlanCommand {
public:
    CmdWaiverAdd(PlanDocument &document, const Waiver &waiver);

private:
    ops::OpResult doRedo() override;
    void doUndo() override;

    Waiver m_waiver;
};

} // namespace pp::gui
