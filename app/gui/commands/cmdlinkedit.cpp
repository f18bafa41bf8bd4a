#include "cmdlinkedit.h"

#include "planner/topology/linkedit.h"

namespace pp::gui {

CmdLinkEdit::CmdLinkEdit(PlanDocument &document, const Link &updated, const QString &what)
    : PlanCommand(document, QObject::tr("Set %1 of %2").arg(what, updated.a.toString()))
    , m_after(updated)
{
    m_after.manual = true;
    for (const Link &l : document.plan().links)
        if (l.a == updated.a && l.b == updated.b)
            m_before = l;
}

ops::OpResult CmdLinkEdit::doRedo()
{
    return m_document.apply(PlanChange::only(PlanChange::Links),
                            [this](Plan &plan) { return linkedit::setLink(plan, m_document.catalog(), m_after); });
}

void CmdLinkEdit::doUndo()
{
    m_document.apply(PlanChange::only(PlanChange::Links),
                     [this](Plan &plan) { return linkedit::setLink(plan, m_document.catalog(), m_before); });
}

} // namespace pp::gui
