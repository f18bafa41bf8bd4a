#pragma once

#include "catalog/model/figure.h"

#include <QByteArray>
#include <QHash>
#include <QString>

namespace pp {

// Per-port buffer for PFC headroom by switch type id (resources/rules/switch-buffers.json): catalog
// data kept beside the rules until device types carry it. A type not listed is unknown.
class PortBufferTable {
public:
    static const PortBufferTable &builtIn();
    // false with a message when the data is not a switch-buffers document.
    static bool load(const QByteArray &data, PortBufferTable &out, QString *error);

    Figure bufferKB(const QString &typeId) const { return m_buffers.value(typeId); }
    void set(const QString &typeId, const Figure &bufferKB) { m_buffers.insert(typeId, bufferKB); }

private:
    QHash<QString, Figure> m_buffers;
};

} // namespace pp
