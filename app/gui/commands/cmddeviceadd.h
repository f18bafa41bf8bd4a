#pragma once

#include "plancommand.h"

namespace pp::gui {

// Adds one or more devices (a drop from the palette, Duplicate, Add device…).
class CmdDeviceAdd : public PlanCommand {
public:
    CmdDeviceAdd(PlanDocument &document, std::vector<Device> devices, const QString &text = QString());

private:
    ops::OpResult doRedo() override;
    void doUndo() override;

    std::vector<Device> m_devices;
    QStringList m_ids;
};

} // namespace pp::gui
