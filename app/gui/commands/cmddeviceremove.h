#pragma once

#include "plancommand.h"

namespace pp::gui {

// Removes devices together with their links and uplinks; undo puts everything back in place.
class CmdDeviceRemove : public PlanCommand {
public:
    CmdDeviceRemove(PlanDocument &document, const QStringList &ids);

private:
    ops::OpResult doRedo() override;
    void doUndo() override;

    QStringList m_ids;
    std::vector<ops::RemovedDevice> m_removed;
};

} // namespace pp::gui
