#pragma once

#include "plancommand.h"

namespace pp::gui {

// Changes one device's properties (hostname, type, rack, U, face, PSU feeds) from the inspector.
class CmdDeviceEdit : public PlanCommand {
public:
    CmdDeviceEdit(PlanDocument &document, const Device &updated, const QString &what);

private:
    ops::OpResult doRedo() override;
    void doUndo() override;

    Device m_after;
    Device m_before;
};

} // namespace pp::gui
