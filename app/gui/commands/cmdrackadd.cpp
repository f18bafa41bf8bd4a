#include "cmdrackadd.h"

namespace pp::gui {

CmdRackAdd::CmdRackAdd(PlanDocument &document, const Rack &rack, int index)
    : PlanCommand(document, QObject::tr("Add rack %1").arg(rack.name))
    , m_rack(rack)
    , m_index(index)
{ }

ops::OpResult CmdRackAdd::doRedo()
{
    m_linkUndo = ops::LinkUndo();
    return m_document.apply(PlanChange::only(PlanChange::Racks | PlanChange::Links), [this](Plan &plan) {
        return ops::addRack(plan, m_document.catalog(), m_rack, m_index, &m_linkUndo);
    });
}

void CmdRackAdd::doUndo()
{
    m_document.apply(PlanChange::only(PlanChange::Racks | PlanChange::Links), [this](Plan &plan) {
        ops::RemovedRack removed;
        const ops::OpResult result = ops::removeRack(plan, m_document.catalog(), m_rack.id, &removed);
        ops::restoreLinks(plan, removed.links);
        ops::restoreLinks(plan, m_linkUndo);
        return result;
    });
}

} // namespace pp::gui
