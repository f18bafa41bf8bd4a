#include "planner/model/plan.h"

#include <unordered_set>

namespace pp {

bool Endpoint::parse(const QString &text, Endpoint &out)
{
    const int colon = text.indexOf(QLatin1Char(':'));
    if (colon <= 0 || colon == text.size() - 1)
        return false;
    out.device = text.left(colon);
    out.port = text.mid(colon + 1);
    return true;
}

const Rack *Plan::findRack(const QString &id) const
{
    for (const Rack &r : racks)
        if (r.id == id)
            return &r;
    return nullptr;
}

Rack *Plan::findRack(const QString &id)
{
    return const_cast<Rack *>(static_cast<const Plan *>(this)->findRack(id));
}

int Plan::deviceIndex(const QString &id) const
{
    for (std::size_t i = 0; i < devices.size(); ++i)
        if (devices[i].id == id)
            return static_cast<int>(i);
    return -1;
}

int Plan::rackIndex(const QString &id) const
{
    for (std::size_t i = 0; i < racks.size(); ++i)
        if (racks[i].id == id)
            return static_cast<int>(i);
    return -1;
}

const Device *Plan::findDevice(const QString &id) const
{
    const int i = deviceIndex(id);
    return i < 0 ? nullptr : &devices[static_cast<std::size_t>(i)];
}

Device *Plan::findDevice(const QString &id)
{
    const int i = deviceIndex(id);
    return i < 0 ? nullptr : &devices[static_cast<std::size_t>(i)];
}

QString Plan::unusedDeviceId(const QString &prefix) const
{
    std::unordered_set<QString> used;
    for (const Device &d : devices)
        used.insert(d.id);
    for (int n = 1;; ++n) {
        const QString id = prefix + QString::number(n);
        if (!used.count(id))
            return id;
    }
}

QString Plan::unusedRackId() const
{
    for (int n = 1;; ++n) {
        const QString id = QStringLiteral("R%1").arg(n);
        if (!findRack(id))
            return id;
    }
}

QStringList knownTracks()
{
    return {QStringLiteral("lab"), QStringLiteral("azure-dedicated"), QStringLiteral("customer-hardware")};
}

} // namespace pp
