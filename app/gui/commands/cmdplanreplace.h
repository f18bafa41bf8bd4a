#pragma once

#include "planner/model/plandocument.h"

#include <QUndoCommand>

namespace pp::gui {

// Undoable replacement of the whole plan by an edited copy: used for auto-cabling, which may add
// links, uplinks, switches and racks in one step, and for the port view's connect and disconnect.
class CmdPlanReplace : public QUndoCommand {
public:
    CmdPlanReplace(PlanDocument &document, Plan after, const QString &text);

    void redo() override;
    void undo() override;

private:
    PlanDocument &m_document;
    Plan m_before;
    Plan m_after;
};

} // namespace pp::gui
