#include "cmdplanreplace.h"

namespace pp::gui {

CmdPlanReplace::CmdPlanReplace(PlanDocument &document, Plan after, const QString &text)
    : QUndoCommand(text)
    , m_document(document)
    , m_before(document.plan())
    , m_after(std::move(after))
{ }

void CmdPlanReplace::redo()
{
    m_document.edit([this](Plan &plan) { plan = m_after; });
}

void CmdPlanReplace::undo()
{
    m_document.edit([this](Plan &plan) { plan = m_before; });
}

} // namespace pp::gui
