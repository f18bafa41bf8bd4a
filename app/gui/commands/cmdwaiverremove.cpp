#include "cmdwaiverremove.h"

namespace pp::gui {

CmdWaiverRemove::CmdWaiverRemove(PlanDocument &document, const QString &rule, const QString &subject)
    : PlanCommand(document, QObject::tr("Withdraw waiver of %1 for %2").arg(rule, subject))
    , m_rule(rule)
    , m_subject(subject)
{ }

ops::OpResult CmdWaiverRemove::doRedo()
{
    return m_document.apply(PlanChange::only(PlanChange::Waivers), [this](Plan &plan) {
        return ops::removeWaiver(plan, m_rule, m_subject, &m_removed, &m_index);
    });
}

void CmdWaiverRemove::doUndo()
{
    m_document.apply(PlanChange::only(PlanChange::Waivers),
                     [this](Plan &plan) { return ops::addWaiver(plan, m_removed, m_index); });
}

} // namespace pp::gui
