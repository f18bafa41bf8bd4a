#pragma once

#include "plancommand.h"

namespace pp::gui {

// Moves devices to new racks, U positions or faces as one step (a drag, the arrow keys). Nudges
// (↑/↓ moving by whole U) of the same devices, one after the other, merge into one undo step.
class CmdDeviceMove : public PlanCommand {
public:
    using Moves = std::vector<std::pair<QString, ops::Placement>>;
    CmdDeviceMove(PlanDocument &document, Moves moves, bool nudge = false);

    int id() const override { return m_nudge ? int(MergeId::NudgeDevices) : -1; }
    bool mergeWith(const QUndoCommand *other) override;

private:
    void updateText();
    ops::OpResult doRedo() override;
    void doUndo() override;

    Moves m_moves;
    Moves m_back;
    // What following the links changed, one record per merged step, restored newest first on undo.
    std::vector<ops::LinkUndo> m_linkUndos;
    QStringList m_ids;
    bool m_nudge = false;
};

} // namespace pp::gui
