#include "cmddeviceedit.h"

namespace pp::gui {

CmdDeviceEdit::CmdDeviceEdit(PlanDocument &document, const Device &updated, const QString &what)
    : PlanCommand(document, QObject::tr("Set %1 of %2").arg(what, updated.id))
    , m_after(updated)
{
    if (const Device *d = document.plan().findDevice(updated.id))
        m_before = *d;
}

bool CmdDeviceEdit::onlyU() const
{
    return m_before.id == m_after.id && m_before.u != m_after.u && m_before.type == m_after.type &&
        m_before.rack == m_after.rack && m_before.face == m_after.face && m_before.hostname == m_after.hostname &&
        m_before.psuFeeds == m_after.psuFeeds;
}

bool CmdDeviceEdit::mergeWith(const QUndoCommand *other)
{
    const auto *next = dynamic_cast<const CmdDeviceEdit *>(other);
    if (!next || next->isObsolete() || !onlyU() || !next->onlyU() || next->m_after.id != m_after.id)
        return false;
    m_after = next->m_after; // m_before keeps where the run started
    return true;
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
