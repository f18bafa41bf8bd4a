#include "cmdrackadd.h"

namespace pp::gui {

CmdRackAdd::CmdRackAdd(PlanDocument &document, const Rack &rack, int index)
    : PlanCommand(document, QObject::tr("Add rack %1").arg(rack.name))
    , m_rack(rack)
    , m_index(index)
{ }

ops::OpResult CmdRackAdd::doRedo()
{
    return m_document.apply(PlanChange::only(PlanChange::Racks),
                            [this](Plan &plan) { return ops::addRack(plan, m_rack, m_index); });
}

void CmdRackAdd::doUndo()
{
    m_document.apply(PlanChange::only(PlanChange::Racks),
                     [this](Plan &plan) { return ops::removeRack(plan, m_rack.id, nullptr); });
}

} // namespace pp::gui
