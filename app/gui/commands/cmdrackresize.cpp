#include "cmdrackresize.h"

namespace pp::gui {

CmdRackResize::CmdRackResize(PlanDocument &document, const QString &rackId, int heightU)
    : PlanCommand(document, QObject::tr("Set rack %1 to %2U").arg(rackId).arg(heightU))
    , m_id(rackId)
    , m_heightU(heightU)
{
    if (const Rack *r = document.plan().findRack(rackId))
        m_oldHeightU = r->heightU;
}

ops::OpResult CmdRackResize::doRedo()
{
    m_linkUndo = ops::LinkUndo();
    return m_document.apply(PlanChange::only(PlanChange::Racks | PlanChange::Links), [this](Plan &plan) {
        return ops::setRackHeight(plan, m_document.catalog(), m_id, m_heightU, &m_linkUndo);
    });
}

void CmdRackResize::doUndo()
{
    m_document.apply(PlanChange::only(PlanChange::Racks | PlanChange::Links), [this](Plan &plan) {
        ops::LinkUndo back;
        const ops::OpResult result = ops::setRackHeight(plan, m_document.catalog(), m_id, m_oldHeightU, &back);
        ops::restoreLinks(plan, back);
        ops::restoreLinks(plan, m_linkUndo);
        return result;
    });
}

} // namespace pp::gui
