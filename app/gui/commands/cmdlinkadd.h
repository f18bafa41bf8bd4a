#pragma once

#include "plancommand.h"

namespace pp::gui {

// Adds one link made by hand (the port view's Connect); undo takes it out again.
class CmdLinkAdd : public PlanCommand {
public:
    CmdLinkAdd(PlanDocument &document, Link link);

private:
    ops::OpResult doRedo() override;
    void doUndo() override;

    Link m_link;
};

} // namespace pp::gui
