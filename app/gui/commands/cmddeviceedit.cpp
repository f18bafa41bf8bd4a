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
    m_linkUndos.insert(m_linkUndos.end(), next->m_linkUndos.begin(), next->m_linkUndos.end());
    return true;
}

ops::OpResult CmdDeviceEdit::doRedo()
{
    m_linkUndos.assign(1, ops::LinkUndo());
    return m_document.apply(PlanChange{PlanChange::Devices | PlanChange::Links, {m_after.id}}, [this](Plan &plan) {
        return ops::setDevice(plan, m_document.catalog(), m_after, &m_linkUndos.front());
    });
}

void CmdDeviceEdit::doUndo()
{
    // Setting the old properties re-derives the links; restoring the records puts back the links a
    // retype dropped and the labels, lengths and cables exactly as they were.
    m_document.apply(PlanChange{PlanChange::Devices | PlanChange::Links, {m_before.id}}, [this](Plan &plan) {
        ops::LinkUndo back;
        const ops::OpResult result = ops::setDevice(plan, m_document.catalog(), m_before, &back);
        ops::restoreLinks(plan, back);
        for (auto it = m_linkUndos.rbegin(); it != m_linkUndos.rend(); ++it)
            ops::restoreLinks(plan, *it);
        return result;
    });
}

} // namespace pp::gui
