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
    m_linkUndo = ops::LinkUndo();
    return m_document.apply(PlanChange::only(PlanChange::Racks | PlanChange::Links), [this](Plan &plan) {
        return ops::moveRack(plan, m_document.catalog(), m_id, m_newIndex, &m_linkUndo);
    });
}

void CmdRackReorder::doUndo()
{
    m_document.apply(PlanChange::only(PlanChange::Racks | PlanChange::Links), [this](Plan &plan) {
        ops::LinkUndo back;
        const ops::OpResult result = ops::moveRack(plan, m_document.catalog(), m_id, m_oldIndex, &back);
        ops::restoreLinks(plan, back);
        ops::restoreLinks(plan, m_linkUndo);
        return result;
    });
}

} // namespace pp::gui
