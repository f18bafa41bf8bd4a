#include "cmdrackrename.h"

namespace pp::gui {

CmdRackRename::CmdRackRename(PlanDocument &document, const QString &rackId, const QString &name)
    : PlanCommand(document, QObject::tr("Rename rack %1 to %2").arg(rackId, name))
    , m_id(rackId)
    , m_name(name)
{
    if (const Rack *r = document.plan().findRack(rackId))
        m_oldName = r->name;
}

ops::OpResult CmdRackRename::doRedo()
{
    return m_document.apply(PlanChange::only(PlanChange::Racks),
                            [this](Plan &plan) { return ops::renameRack(plan, m_id, m_name); });
}

void CmdRackRename::doUndo()
{
    m_document.apply(PlanChange::only(PlanChange::Racks),
                     [this](Plan &plan) { return ops::renameRack(plan, m_id, m_oldName); });
}

} // namespace pp::gui
