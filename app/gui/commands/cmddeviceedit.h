#pragma once

#include "plancommand.h"

namespace pp::gui {

// Changes one device's properties (hostname, type, rack, U, face, PSU feeds) from the inspector.
// Steps of the U spin box on the same device, one after the other, merge into one undo step.
class CmdDeviceEdit : public PlanCommand {
public:
    CmdDeviceEdit(PlanDocument &document, const Device &updated, const QString &what);

    int id() const override { return onlyU() ? int(MergeId::DeviceU) : -1; }
    bool mergeWith(const QUndoCommand *other) override;

private:
    bool onlyU() const; // the edit changes the U and nothing else
    ops::OpResult doRedo() override;
    void doUndo() override;

    Device m_after;
    Device m_before;
    std::vector<ops::LinkUndo> m_linkUndos; // one per merged step; see CmdDeviceMove
};

} // namespace pp::gui
