#pragma once

#include "plancommand.h"

namespace pp::gui {

// Changes a rack's height in U; refused while a device would end up above the top.
class CmdRackResize : public PlanCommand {
public:
    CmdRackResize(PlanDocument &document, const QString &rackId, int heightU);

private:
    ops::OpResult doRedo() override;
    void doUndo() override;

    QString m_id;
    int m_heightU;
    int m_oldHeightU = 42;
    ops::LinkUndo m_linkUndo; // runs from the rack's devices, re-measured for the new height
};

} // namespace pp::gui
