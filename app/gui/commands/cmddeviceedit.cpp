#include "cmddeviceedit.h"

namespace pp::gui {

CmdDeviceEdit::CmdDeviceEdit(PlanDocument &document, const Device &updated, const QString &what)
    : PlanCommand(document, QObject::tr("Set %1 of %2").arg(what, updated.id))
    , m_after(updated)
{
    if (const Device *d = document.plan().findDevice(updated.id))
        m_before = *d;
}

ops::OpResult CmdDeviceEdit::doRedo()
{
    return m_document.apply(PlanChange::devices({m_after.id}),
                            [this](Plan &plan) { return ops::setDevice(plan, m_document.catalog(), m_after); });
}

void CmdDeviceEdit::doUndo()
{
    m_document.apply(PlanChange::devices({m_before.id}),
                     [this](Plan &plan) { return ops::setDevice(plan, m_document.catalog(), m_before); });
}

} // namespace pp::gui
