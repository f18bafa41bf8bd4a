#pragma once

#include "plancommand.h"

namespace pp::gui {

// Changes the cable, length or label of one link (found by its two ends); an edited link is
// marked manual so that auto-cabling keeps it.
class CmdLinkEdit : public PlanCommand {
public:
    CmdLinkEdit(PlanDocument &document, const Link &updated, const QString &what);

private:
    ops::OpResult doRedo() override;
    void doUndo() override;

    Link m_after;
    Link m_before;
};

} // namespace pp::gui
