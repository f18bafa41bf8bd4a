#include "planner/network/switchnetsettings.h"

namespace pp {

QString SwitchNetSettings::dialectForVendor(const QString &vendor)
{
    if (vendor.compare(QLatin1String("NVIDIA"), Qt::CaseInsensitive) == 0 ||
        vendor.compare(QLatin1String("Mellanox"), Qt::CaseInsensitive) == 0)
        return QStringLiteral("nvue");
    if (vendor.compare(QLatin1String("Arista"), Qt::CaseInsensitive) == 0)
        return QStringLiteral("eos");
    if (vendor.contains(QLatin1String("SONiC"), Qt::CaseInsensitive))
        return QStringLiteral("sonic");
    return QString();
}

SwitchNetSettings SwitchNetSettings::of(const SiteNetworkPlan &site, const QString &hostname, const DeviceType *type)
{
    SwitchNetSettings s;
    s.roce = site.roce;
    s.dialect = !site.dialect.isEmpty() ? site.dialect : type ? dialectForVendor(type->vendor) : QString();
    const auto it = site.switches.find(hostname);
    if (it == site.switches.end())
        return s;
    const SwitchChoice &c = it->second;
    if (!c.dialect.isEmpty())
        s.dialect = c.dialect;
    s.roce.mtu = c.mtu.value_or(s.roce.mtu);
    s.roce.pfcPriority = c.pfcPriority.value_or(s.roce.pfcPriority);
    s.roce.ecn = c.ecn.value_or(s.roce.ecn);
    if (!c.trust.isEmpty())
        s.roce.trust = c.trust;
    return s;
}

} // namespace pp
