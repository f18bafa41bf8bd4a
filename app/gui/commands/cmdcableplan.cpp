#include "cmdcableplan.h"

namespace pp::gui {

CmdCablePlan::CmdCablePlan(PlanDocument &document, ops::PlanDelta delta, const QString &text)
    : PlanCommand(document, text)
    , m_delta(std::move(delta))
{ }

PlanChange CmdCablePlan::change() const
{
    PlanChange what = PlanChange::only(PlanChange::Links);
    if (!m_delta.devices.empty()) {
        what.scope |= PlanChange::Devices;
        what.deviceIds = m_delta.deviceIds();
    }
    if (!m_delta.racks.empty())
        what.scope |= PlanChange::Racks;
    return what;
}

ops::OpResult CmdCablePlan::doRedo()
{
    return m_document.apply(change(), [this](Plan &plan) { return ops::applyDelta(plan, m_delta); });
}

void CmdCablePlan::doUndo()
{
    m_document.apply(change(), [this](Plan &plan) { return ops::revertDelta(plan, m_delta); });
}

} // namespace pp::gui
