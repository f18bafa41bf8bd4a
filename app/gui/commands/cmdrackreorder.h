#pragma once

#include "plancommand.h"

namespace pp::gui {

// Moves a rack to another position in the row (left/right on the canvas).
class CmdRackReorder : public PlanCommand {
public:
    CmdRackReorder(PlanDocument &document, const QString &rackId, int newIndex);

private:
    ops::OpResult doRedo() override;
    void doUndo() override;

    QString m_id;
    int m_newIndex;
    int m_oldIndex;
    ops::LinkUndo m_linkUndo; // runs between racks, re-measured for the new order
};

} // namespace pp::gui
