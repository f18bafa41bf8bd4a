#pragma once

#include "plancommand.h"

namespace pp::gui {

// Adds an empty rack at a position in the row.
class CmdRackAdd : public PlanCommand {
public:
    CmdRackAdd(PlanDocument &document, const Rack &rack, int index = -1);

private:
    ops::OpResult doRedo() override;
    void doUndo() override;

    Rack m_rack;
    int m_index;
    ops::LinkUndo m_linkUndo; // the other racks' runs, re-measured for the new rack order
};

} // namespace pp::gui
