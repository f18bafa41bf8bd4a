#pragma once

#include "catalog/model/devicetype.h"

#include <QUndoCommand>
#include <functional>
#include <map>
#include <optional>

namespace pp::gui {

// Sets (or, with no value, removes) one device type in the catalog editor's pending edits;
// undo puts back what was there before.
class CmdCatalogTypeSet : public QUndoCommand {
public:
    using Edits = std::map<QString, DeviceType>;

    CmdCatalogTypeSet(Edits &edits, const QString &id, std::optional<DeviceType> after, const QString &text,
                      std::function<void(const QString &)> changed);
    void undo() override;
    void redo() override;

private:
    void apply(const std::optional<DeviceType> &value);

    Edits &m_edits;
    QString m_id;
    std::optional<DeviceType> m_before;
    std::optional<DeviceType> m_after;
    std::function<void(const QString &)> m_changed;
};

} // namespace pp::gui
