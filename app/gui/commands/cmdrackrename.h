#pragma once

#include "plancommand.h"

namespace pp::gui {

// Renames a rack (its display name; the id that devices refer to stays).
class CmdRackRename : public PlanCommand {
public:
    CmdRackRename(PlanDocument &document, const QString &rackId, const QString &name);

private:
    ops::OpResult doRedo() override;
    void doUndo() override;

    QString m_id;
    QString m_name;
    QString m_oldName;
};

} // namespace pp::gui
