#include "planner/rules/rocerules.h"

#include "planner/network/pfcheadroom.h"
#include "planner/network/switchnetsettings.h"
#include "planner/rules/rulesupport.h"

#include <map>

namespace pp {

namespace {

// A data-path switch (one with data ports): the management switch carries no RDMA.
bool isDataSwitch(const DeviceType *t)
{
    return isSwitch(t) && t->portCount(PortPurpose::Data) > 0;
}

QString hostOf(const Device &d)
{
    return d.hostname.isEmpty() ? d.id : d.hostname;
}

RoceSettings settingsOf(const CheckContext &ctx, const SiteNetworkPlan &site, int device)
{
    return SwitchNetSettings::of(site, hostOf(ctx.device(device)), ctx.type(device)).roce;
}

// The settings that differ between two ends, as (setting, unit, value here, value there).
struct Difference {
    QString setting;
    QString unit;
    double here;
    double there;
    QString text;
};

std::vector<Difference> differences(const RoceSettings &a, const RoceSettings &b)
{
    std::vector<Difference> out;
    if (a.mtu != b.mtu)
        out.push_back({QStringLiteral("MTU"), QStringLiteral("bytes"), double(a.mtu), double(b.mtu),
                       QStringLiteral("%1 vs %2").arg(a.mtu).arg(b.mtu)});
    if (a.pfcPriority != b.pfcPriority)
        out.push_back({QStringLiteral("PFC priority"), QStringLiteral("priority"), double(a.pfcPriority),
                       double(b.pfcPriority), QStringLiteral("%1 vs %2").arg(a.pfcPriority).arg(b.pfcPriority)});
    if (a.ecn != b.ecn)
        out.push_back({QStringLiteral("ECN"), QString(), a.ecn ? 1.0 : 0.0, b.ecn ? 1.0 : 0.0,
                       QStringLiteral("%1 vs %2")
                           .arg(a.ecn ? QStringLiteral("on") : QStringLiteral("off"),
                                b.ecn ? QStringLiteral("on") : QStringLiteral("off"))});
    if (a.trust != b.trust)
        out.push_back(
            {QStringLiteral("trust mode"), QString(), 0, 0, QStringLiteral("%1 vs %2").arg(a.trust, b.trust)});
    return out;
}

} // namespace

void NetworkRoceHopsRule::check(const CheckContext &ctx, std::vector<Finding> &out) const
{
    const SiteProfile::Network &net = ctx.site().network;
    if (!net.roceRequired)
        return;
    const SiteNetworkPlan site = SiteNetworkPlan::ofSite(ctx.site());
    const Plan &plan = ctx.plan();
    // hop (this end, other end, setting) → ports of this end, so that one finding names every port.
    struct Hop {
        Difference d;
        QStringList ports;
    };
    std::map<std::tuple<QString, QString, QString>, Hop> hops;
    const auto compare = [&](const QString &here, const QString &there, const RoceSettings &a, const RoceSettings &b,
                             const QString &port) {
        for (const Difference &d : differences(a, b)) {
            Hop &h = hops[{here, there, d.setting}];
            h.d = d;
            h.ports << port;
        }
    };
    for (std::size_t i = 0; i < plan.links.size(); ++i) {
        const auto &info = ctx.links()[i];
        if (info.a.device < 0 || info.b.device < 0 || !info.a.port.valid() || !info.b.port.valid())
            continue;
        if (!isDataPathPurpose(info.a.port.group->purpose) || !isDataPathPurpose(info.b.port.group->purpose))
            continue;
        const bool aSw = isDataSwitch(ctx.type(info.a.device)), bSw = isDataSwitch(ctx.type(info.b.device));
        if (!aSw && !bSw)
            continue;
        // A node's end is configured with the site's RoCE settings (the host NIC/DPU profile).
        const RoceSettings a = aSw ? settingsOf(ctx, site, info.a.device) : site.roce;
        const RoceSettings b = bSw ? settingsOf(ctx, site, info.b.device) : site.roce;
        const QString ha = aSw ? hostOf(ctx.device(info.a.device)) : QStringLiteral("the hosts (site RoCE profile)");
        const QString hb = bSw ? hostOf(ctx.device(info.b.device)) : QStringLiteral("the hosts (site RoCE profile)");
        if (aSw)
            compare(ha, hb, a, b, plan.links[i].a.toString());
        else
            compare(hb, ha, b, a, plan.links[i].b.toString());
    }
    bool uplinks = false;
    for (std::size_t i = 0; i < plan.uplinks.size(); ++i) {
        const int dev = ctx.uplinks()[i].device;
        if (dev < 0 || !isDataSwitch(ctx.type(dev)))
            continue;
        uplinks = true;
        if (site.fabric)
            compare(hostOf(ctx.device(dev)), QStringLiteral("the site's fabric"), settingsOf(ctx, site, dev),
                    *site.fabric, Endpoint{plan.uplinks[i].device, plan.uplinks[i].port}.toString());
    }
    for (const auto &[key, hop] : hops) {
        const auto &[here, there, setting] = key;
        QStringList subjects = hop.ports;
        out.push_back(makeFinding(
            id(), Severity::Error,
            QStringLiteral("%1 differs on the hop %2 \u2013 %3: %4 (%5)")
                .arg(setting, here, there, hop.d.text, hop.ports.join(QStringLiteral(", "))),
            subjects,
            hop.d.unit.isEmpty() && setting == QLatin1String("trust mode") ? std::nullopt
                                                                           : std::optional<double>(hop.d.here),
            setting == QLatin1String("trust mode") ? std::nullopt : std::optional<double>(hop.d.there), hop.d.unit));
    }
    if (uplinks && !site.fabric)
        out.push_back(makeFinding(id(), Severity::Info,
                                  QStringLiteral("site %1 declares no RoCE settings for the fabric behind its uplinks "
                                                 "(network.fabric): the uplink hops are not checked")
                                      .arg(siteSubject(ctx)),
                                  {siteSubject(ctx)}, std::nullopt, std::nullopt, QString()));
}

void NetworkPfcHeadroomRule::check(const CheckContext &ctx, std::vector<Finding> &out) const
{
    const SiteProfile::Network &net = ctx.site().network;
    if (!net.roceRequired || !net.pfc)
        return;
    const SiteNetworkPlan site = SiteNetworkPlan::ofSite(ctx.site());
    const PortBufferTable &buffers = m_buffers ? *m_buffers : PortBufferTable::builtIn();
    const Plan &plan = ctx.plan();
    std::map<QString, int> unknownBuffer; // switch type → ports not checked
    int unknownLength = 0;
    for (std::size_t i = 0; i < plan.links.size(); ++i) {
        const auto &info = ctx.links()[i];
        if (!info.a.port.valid() || !info.b.port.valid())
            continue;
        if (!isDataPathPurpose(info.a.port.group->purpose) || !isDataPathPurpose(info.b.port.group->purpose))
            continue;
        for (int side = 0; side < 2; ++side) {
            const CheckContext::LinkEnd &end = side ? info.b : info.a;
            const DeviceType *t = end.device >= 0 ? ctx.type(end.device) : nullptr;
            if (!isDataSwitch(t))
                continue;
            const Figure buffer = buffers.bufferKB(t->id);
            if (!buffer.known()) {
                ++unknownBuffer[t->id];
                continue;
            }
            const double lengthM = plan.links[i].lengthM;
            if (lengthM <= 0) {
                ++unknownLength;
                continue;
            }
            const RoceSettings s = settingsOf(ctx, site, end.device);
            const double neededKB = pfcHeadroomFloorBytes(end.speedGbps, lengthM, s.mtu) / 1024.0;
            const double bufferKB = *buffer.value;
            if (neededKB > bufferKB) {
                const Endpoint &e = side ? plan.links[i].b : plan.links[i].a;
                out.push_back(makeFinding(
                    id(), Severity::Error,
                    QStringLiteral("%1: a %2 m link at %3 Gb/s needs at least %4 KB of PFC headroom; the port "
                                   "buffer of %5 is %6 KB")
                        .arg(e.toString(), fmt(lengthM), fmt(end.speedGbps), fmt(neededKB), t->id, fmt(bufferKB)),
                    {e.toString()}, neededKB, bufferKB, QStringLiteral("KB")));
            }
        }
    }
    if (!unknownBuffer.empty()) {
        QStringList parts, types;
        int ports = 0;
        for (const auto &[type, n] : unknownBuffer) {
            parts << QStringLiteral("%1 (%2 ports)").arg(type).arg(n);
            types << type;
            ports += n;
        }
        out.push_back(makeFinding(id(), Severity::Info,
                                  QStringLiteral("per-port buffer unknown for %1: PFC headroom not checked "
                                                 "against the buffer")
                                      .arg(parts.join(QStringLiteral(", "))),
                                  types, ports, 0, QStringLiteral("ports")));
    }
    if (unknownLength)
        out.push_back(makeFinding(
            id(), Severity::Info,
            QStringLiteral("%1 switch ports have links without a length: PFC headroom not checked").arg(unknownLength),
            {siteSubject(ctx)}, unknownLength, 0, QStringLiteral("ports")));
}

} // namespace pp
