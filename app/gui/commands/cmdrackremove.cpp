#include "cmdrackremove.h"

namespace pp::gui {

CmdRackRemove::CmdRackRemove(PlanDocument &document, const QString &rackId)
    : PlanCommand(document, QObject::tr("Remove rack %1").arg(rackId))
    , m_id(rackId)
{ }

ops::OpResult CmdRackRemove::doRedo()
{
    return m_document.apply(PlanChange(), [this](Plan &plan) {
        m_removed = ops::RemovedRack();
        return ops::removeRack(plan, m_document.catalog(), m_id, &m_removed);
    });
}

void CmdRackRemove::doUndo()
{
    m_document.apply(PlanChange(), [this](Plan &plan) { return ops::restoreRack(plan, m_removed); });
}

} // namespace pp::gui
