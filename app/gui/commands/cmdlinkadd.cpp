#include "cmdlinkadd.h"

#include "planner/topology/linkedit.h"

namespace pp::gui {

CmdLinkAdd::CmdLinkAdd(PlanDocument &document, Link link)
    : PlanCommand(document, QObject::tr("Connect %1 to %2").arg(link.a.toString(), link.b.toString()))
    , m_link(std::move(link))
{ }

ops::OpResult CmdLinkAdd::doRedo()
{
    return m_document.apply(PlanChange::only(PlanChange::Links),
                            [this](Plan &plan) { return linkedit::addLink(plan, m_document.catalog(), m_link); });
}

void CmdLinkAdd::doUndo()
{
    // The link was added last and its ports were free, so removing what is on its first end
    // removes exactly this link.
    m_document.apply(PlanChange::only(PlanChange::Links),
                     [this](Plan &plan) { return linkedit::removeLinksAt(plan, m_link.a, nullptr); });
}

} // namespace pp::gui
