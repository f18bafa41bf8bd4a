#include "exporters/netcfg/switchday0.h"

#include "planner/network/switchnetsettings.h"

#include <QHash>

namespace pp {

std::vector<SwitchDay0> buildSwitchDay0(const ResolvedPlan &plan, const AddressPlan &addresses)
{
    const SiteNetworkPlan site = SiteNetworkPlan::ofSite(plan.site());
    QHash<QString, const FabricSwitch *> byId;
    for (const FabricSwitch &s : addresses.switches())
        byId.insert(s.id, &s);
    std::vector<SwitchDay0> out;
    for (SwitchConfigData &ports : buildSwitchConfigs(plan)) {
        SwitchDay0 d;
        const FabricSwitch *fs = byId.value(ports.device);
        const DeviceType *type = plan.typeOf(ports.device);
        const QString host = fs ? fs->hostname : ports.hostname;
        d.tier = fs ? fs->tier : SwitchTier::Leaf;
        const SwitchNetSettings settings = SwitchNetSettings::of(site, host, type);
        d.dialect = settings.dialect;
        d.roce = settings.roce;
        d.roceOn = ports.roce && d.tier != SwitchTier::Mgmt;
        for (const AddressAssignment &a : addresses.assignments())
            if (a.device == ports.device && a.kind == QLatin1String("mgmt")) {
                d.mgmtInterface = a.interface;
                d.mgmtAddress = a.value;
            }
        d.mgmtGateway = addresses.mgmtGateway();
        d.ntpServers = site.ntpServers;
        d.dnsServers = site.dnsServers;
        d.syslogServers = site.syslogServers;
        d.mgmtVlan = site.mgmtVlan;
        if (d.tier == SwitchTier::Leaf) {
            d.dataVlans = site.dataVlans;
            for (const DataVlan &v : site.dataVlans) {
                const QString address =
                    addresses.value(ports.device, QStringLiteral("svi"), QStringLiteral("vlan%1").arg(v.id));
                if (!address.isEmpty())
                    d.svis.push_back({v.id, address, addresses.vrrAddress(v.id)});
            }
        }
        d.loopback = addresses.value(ports.device, QStringLiteral("loopback"));
        d.asn = addresses.value(ports.device, QStringLiteral("asn"));
        if (fs && !fs->peer.isEmpty()) {
            d.peerMgmtAddress = addressWithoutPrefix(addresses.value(fs->peer, QStringLiteral("mgmt")));
            d.mlagMac = addresses.value(ports.device, QStringLiteral("mlag-mac"));
            const FabricSwitch *peer = byId.value(fs->peer);
            d.mlagLower = !peer || fs->hostname < peer->hostname;
            d.mlagDomain = d.mlagMac.isEmpty() ? 1 : d.mlagMac.right(5).remove(QLatin1Char(':')).toInt(nullptr, 16);
        }
        // BGP on every port to a switch of another routed tier: its /31 and the peer's.
        for (const SwitchConfigPort &p : ports.fabricPorts) {
            const QString local = addresses.value(ports.device, QStringLiteral("p2p"), p.port);
            if (local.isEmpty())
                continue;
            BgpSession b;
            b.port = p.port;
            b.localAddress = local;
            b.peerHost = p.description.section(QLatin1Char(':'), 0, 0);
            for (const Link &l : plan.plan().links) {
                const bool a = l.a.device == ports.device && l.a.port == p.port;
                const bool bSide = l.b.device == ports.device && l.b.port == p.port;
                if (!a && !bSide)
                    continue;
                const Endpoint &far = a ? l.b : l.a;
                b.peerAddress = addressWithoutPrefix(addresses.value(far.device, QStringLiteral("p2p"), far.port));
                b.peerAsn = addresses.value(far.device, QStringLiteral("asn"));
                break;
            }
            d.bgp.push_back(b);
        }
        d.ports = std::move(ports);
        out.push_back(std::move(d));
    }
    return out;
}

} // namespace pp
