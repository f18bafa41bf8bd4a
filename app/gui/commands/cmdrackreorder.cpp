#include "cmdrackreorder.h"

namespace pp::gui {

CmdRackReorder::CmdRackReorder(PlanDocument &document, const QString &rackId, int newIndex)
    : PlanCommand(document, QObject::tr("Move rack %1 to position %2").arg(rackId).arg(newIndex + 1))
    , m_id(rackId)
    , m_newIndex(newIndex)
    , m_oldIndex(document.plan().rackIndex(rackId))
{ }

ops::OpResult CmdRackReorder::doRedo()
{
    return m_document.apply(PlanChange::only(PlanChange::Racks),
                            [this](Plan &plan) { return ops::moveRack(plan, m_id, m_newIndex); });
}

void CmdRackReorder::doUndo()
{
    m_document.apply(PlanChange::only(PlanChange::Racks),
                     [this](Plan &plan) { return ops::moveRack(plan, m_id, m_oldIndex); });
}

} // namespace pp::gui
