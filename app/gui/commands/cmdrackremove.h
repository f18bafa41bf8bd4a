#pragma once

#include "plancommand.h"

namespace pp::gui {

// Removes a rack with the devices in it (and their links); undo restores all of them.
class CmdRackRemove : public PlanCommand {
public:
    CmdRackRemove(PlanDocument &document, const QString &rackId);

private:
    ops::OpResult doRedo() override;
    void doUndo() override;

    QString m_id;
    ops::RemovedRack m_removed;
};

} // namespace pp::gui
