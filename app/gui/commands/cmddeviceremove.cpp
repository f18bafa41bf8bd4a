#include "cmddeviceremove.h"

namespace pp::gui {

CmdDeviceRemove::CmdDeviceRemove(PlanDocument &document, const QStringList &ids)
    : PlanCommand(document,
                  ids.size() == 1 ? QObject::tr("Delete %1").arg(ids.front())
                                  : QObject::tr("Delete %n devices", nullptr, static_cast<int>(ids.size())))
    , m_ids(ids)
{ }

ops::OpResult CmdDeviceRemove::doRedo()
{
    return m_document.apply(PlanChange{PlanChange::Devices | PlanChange::Links, m_ids}, [this](Plan &plan) {
        m_removed.clear();
        for (const QString &id : m_ids) {
            ops::RemovedDevice removed;
            if (const ops::OpResult r = ops::removeDevice(plan, id, &removed); !r) {
                for (auto it = m_removed.rbegin(); it != m_removed.rend(); ++it)
                    ops::restoreDevice(plan, *it);
                m_removed.clear();
                return r;
            }
            m_removed.push_back(std::move(removed));
        }
        return ops::OpResult::done();
    });
}

void CmdDeviceRemove::doUndo()
{
    m_document.apply(PlanChange{PlanChange::Devices | PlanChange::Links, m_ids}, [this](Plan &plan) {
        for (auto it = m_removed.rbegin(); it != m_removed.rend(); ++it)
            ops::restoreDevice(plan, *it);
        return ops::OpResult::done();
    });
}

} // namespace pp::gui
