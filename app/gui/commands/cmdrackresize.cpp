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
    return m_document.apply(PlanChange::only(PlanChange::Racks), [this](Plan &plan) {
        return ops::setRackHeight(plan, m_document.catalog(), m_id, m_heightU);
    });
}

void CmdRackResize::doUndo()
{
    m_document.apply(PlanChange::only(PlanChange::Racks),
                     [this](Plan &plan) { return ops::setRackHeight(plan, m_document.catalog(), m_id, m_oldHeightU); });
}

} // namespace pp::gui
