#pragma once

#include "plancommand.h"

namespace pp::gui {

// Moves devices to new racks, U positions or faces as one step (a drag, the arrow keys).
class CmdDeviceMove : public PlanCommand {
public:
    using Moves = std::vector<std::pair<QString, ops::Placement>>;
    CmdDeviceMove(PlanDocument &document, Moves moves);

private:
    ops::OpResult doRedo() override;
    void doUndo() override;

    Moves m_moves;
    Moves m_back;
    QStringList m_ids;
};

} // namespace pp::gui
