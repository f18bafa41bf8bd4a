#include "cmdwaiveradd.h"

namespace pp::gui {

CmdWaiverAdd::CmdWaiverAdd(PlanDocument &document, const Waiver &waiver)
    : PlanCommand(document, QObject::tr("Waive %1 for %2").arg(waiver.rule, waiver.subject))
    , m_waiver(waiver)
{ }

ops::OpResult CmdWaiverAdd::doRedo()
{
    return m_document.apply(PlanChange::only(PlanChange::Waivers),
                            [this](Plan &plan) { return ops::addWaiver(plan, m_waiver); });
}

void CmdWaiverAdd::doUndo()
{
    m_document.apply(PlanChange::only(PlanChange::Waivers),
                     [this](Plan &plan) { return ops::removeWaiver(plan, m_waiver.rule, m_waiver.subject); });
}

} // namespace pp::gui
