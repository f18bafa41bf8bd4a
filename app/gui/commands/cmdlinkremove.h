#pragma once

#include "plancommand.h"
#include "planner/topology/linkedit.h"

namespace pp::gui {

// Disconnects one port: removes its link (and a site uplink on it); undo puts them back in place.
class CmdLinkRemove : public PlanCommand {
public:
    CmdLinkRemove(PlanDocument &document, Endpoint end);

private:
    ops::OpResult doRedo() override;
    void doUndo() override;

    Endpoint m_end;
    linkedit::RemovedLinks m_removed;
};

} // namespace pp::gui
