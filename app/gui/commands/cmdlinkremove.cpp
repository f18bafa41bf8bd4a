#include "cmdlinkremove.h"

namespace pp::gui {

CmdLinkRemove::CmdLinkRemove(PlanDocument &document, Endpoint end)
    : PlanCommand(document, QObject::tr("Disconnect %1").arg(end.toString()))
    , m_end(std::move(end))
{ }

ops::OpResult CmdLinkRemove::doRedo()
{
    return m_document.apply(PlanChange::only(PlanChange::Links),
                            [this](Plan &plan) { return linkedit::removeLinksAt(plan, m_end, &m_removed); });
}

void CmdLinkRemove::doUndo()
{
    m_document.apply(PlanChange::only(PlanChange::Links),
                     [this](Plan &plan) { return linkedit::restoreLinks(plan, m_removed); });
}

} // namespace pp::gui
