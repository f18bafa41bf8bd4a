#include "cmdcatalogtypeset.h"

namespace pp::gui {

CmdCatalogTypeSet::CmdCatalogTypeSet(Edits &edits, const QString &id, std::optional<DeviceType> after,
                                     const QString &text, std::function<void(const QString &)> changed)
    : QUndoCommand(text)
    , m_edits(edits)
    , m_id(id)
    , m_after(std::move(after))
    , m_changed(std::move(changed))
{
    const auto it = m_edits.find(id);
    if (it != m_edits.end())
        m_before = it->second;
}

void CmdCatalogTypeSet::apply(const std::optional<DeviceType> &value)
{
    if (value)
        m_edits[m_id] = *value;
    else
        m_edits.erase(m_id);
    if (m_changed)
        m_changed(m_id);
}

void CmdCatalogTypeSet::undo()
{
    apply(m_before);
}

void CmdCatalogTypeSet::redo()
{
    apply(m_after);
}

} // namespace pp::gui
