#include "cmddeviceadd.h"

namespace pp::gui {

static QString addText(const std::vector<Device> &devices)
{
    if (devices.size() == 1)
        return QObject::tr("Add %1").arg(devices.front().hostname.isEmpty() ? devices.front().id
                                                                            : devices.front().hostname);
    return QObject::tr("Add %n devices", nullptr, static_cast<int>(devices.size()));
}

CmdDeviceAdd::CmdDeviceAdd(PlanDocument &document, std::vector<Device> devices, const QString &text)
    : PlanCommand(document, text.isEmpty() ? addText(devices) : text)
    , m_devices(std::move(devices))
{
    for (const Device &d : m_devices)
        m_ids << d.id;
}

ops::OpResult CmdDeviceAdd::doRedo()
{
    return m_document.apply(PlanChange::devices(m_ids), [this](Plan &plan) {
        for (std::size_t i = 0; i < m_devices.size(); ++i) {
            if (const ops::OpResult r = ops::addDevice(plan, m_document.catalog(), m_devices[i]); !r) {
                for (std::size_t k = 0; k < i; ++k)
                    ops::removeDevice(plan, m_devices[k].id, nullptr);
                return r;
            }
        }
        return ops::OpResult::done();
    });
}

void CmdDeviceAdd::doUndo()
{
    m_document.apply(PlanChange::devices(m_ids), [this](Plan &plan) {
        for (auto it = m_devices.rbegin(); it != m_devices.rend(); ++it)
            ops::removeDevice(plan, it->id, nullptr);
        return ops::OpResult::done();
    });
}

} // namespace pp::gui
