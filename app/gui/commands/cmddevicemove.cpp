#include "cmddevicemove.h"

namespace pp::gui {

CmdDeviceMove::CmdDeviceMove(PlanDocument &document, Moves moves, bool nudge)
    : PlanCommand(document, QString())
    , m_moves(std::move(moves))
    , m_nudge(nudge)
{
    for (const auto &[id, to] : m_moves) {
        m_ids << id;
        if (const Device *d = document.plan().findDevice(id))
            m_back.emplace_back(id, ops::Placement{d->rack, d->u, d->face});
    }
    updateText();
}

void CmdDeviceMove::updateText()
{
    if (m_moves.size() == 1)
        setText(QObject::tr("Move %1 to %2 U%3")
                    .arg(m_moves.front().first, m_moves.front().second.rack)
                    .arg(m_moves.front().second.u));
    else
        setText(QObject::tr("Move %n devices", nullptr, static_cast<int>(m_moves.size())));
}

bool CmdDeviceMove::mergeWith(const QUndoCommand *other)
{
    // A refused nudge changed nothing and must not stretch this step; a nudge of other devices is
    // a step of its own.
    const auto *next = dynamic_cast<const CmdDeviceMove *>(other);
    if (!next || !m_nudge || !next->m_nudge || next->isObsolete() || next->m_ids != m_ids)
        return false;
    m_moves = next->m_moves; // m_back keeps where the run started
    m_linkUndos.insert(m_linkUndos.end(), next->m_linkUndos.begin(), next->m_linkUndos.end());
    updateText();
    return true;
}

ops::OpResult CmdDeviceMove::doRedo()
{
    m_linkUndos.assign(1, ops::LinkUndo());
    return m_document.apply(PlanChange{PlanChange::Devices | PlanChange::Links, m_ids}, [this](Plan &plan) {
        return ops::moveDevices(plan, m_document.catalog(), m_moves, &m_linkUndos.front());
    });
}

void CmdDeviceMove::doUndo()
{
    // Moving back re-derives the links for the old places; putting back what each step recorded
    // then gives the links exactly as they were, hand-set lengths and labels of old files included.
    m_document.apply(PlanChange{PlanChange::Devices | PlanChange::Links, m_ids}, [this](Plan &plan) {
        ops::LinkUndo back;
        const ops::OpResult result = ops::moveDevices(plan, m_document.catalog(), m_back, &back);
        ops::restoreLinks(plan, back);
        for (auto it = m_linkUndos.rbegin(); it != m_linkUndos.rend(); ++it)
            ops::restoreLinks(plan, *it);
        return result;
    });
}

} // namespace pp::gui
