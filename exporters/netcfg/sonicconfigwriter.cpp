#include "exporters/netcfg/sonicconfigwriter.h"

#include "exporters/common/textescape.h"
#include "exporters/netcfg/switchportnames.h"

#include <QHash>
#include <QRegularExpression>
#include <nlohmann/json.hpp>

namespace pp {

namespace {

using SortedJson = nlohmann::json; // std::map underneath: keys come out sorted, as SONiC writes them

std::string s(const QString &text)
{
    return text.toStdString();
}

std::string n(long long v)
{
    return std::to_string(v);
}

class SonicDb {
public:
    explicit SonicDb(const SwitchDay0 &c)
        : m_c(c)
    {
        for (const SwitchBreakout &b : c.ports.breakouts)
            m_lanes.insert(b.port, b.lanes);
    }

    QByteArray run()
    {
        metadata();
        ports();
        vlans();
        bonds();
        layer3();
        roce();
        return QByteArray::fromStdString(m_db.dump(4)) + '\n';
    }

private:
    QString name(const QString &planPort) const
    {
        static const QRegularExpression lane(QStringLiteral("s\\d+$"));
        QString physical = planPort;
        physical.remove(lane); // "swp3s1" → "swp3", whose breakout sets the lane spacing
        return SwitchPortNames::sonic(planPort, m_lanes.value(physical));
    }

    void metadata()
    {
        const SwitchConfigData &p = m_c.ports;
        SortedJson &meta = m_db["DEVICE_METADATA"]["localhost"];
        meta["hostname"] = s(textescape::hostLabel(p.hostname));
        meta["type"] = m_c.tier == SwitchTier::Leaf ? "LeafRouter"
            : m_c.tier == SwitchTier::Mgmt          ? "MgmtToRRouter"
                                                    : "SpineRouter";
        if (!m_c.asn.isEmpty())
            meta["bgp_asn"] = s(m_c.asn);
        meta["docker_routing_config_mode"] = "split";
        meta["description"] =
            s(textescape::cliText(QStringLiteral("%1 %2, plan %3 device %4").arg(p.vendor, p.model, p.plan, p.device)));
        if (!m_c.mgmtAddress.isEmpty())
            m_db["MGMT_INTERFACE"]["eth0|" + s(m_c.mgmtAddress)]["gwaddr"] = s(m_c.mgmtGateway);
        m_db["MGMT_VRF_CONFIG"]["vrf_global"]["mgmtVrfEnabled"] = "true";
        for (const QString &a : m_c.ntpServers)
            m_db["NTP_SERVER"][s(a)] = SortedJson::object();
        for (const QString &a : m_c.dnsServers)
            m_db["DNS_NAMESERVER"][s(a)] = SortedJson::object();
        for (const QString &a : m_c.syslogServers)
            m_db["SYSLOG_SERVER"][s(a)] = SortedJson::object();
        for (const SwitchConfigPort &o : m_c.ports.oobPorts)
            m_db["MGMT_PORT"]["eth0"] = {{"admin_status", "up"},
                                         {"description", s(textescape::cliText(o.description))}};
    }

    void port(const SwitchConfigPort &p, bool roce)
    {
        SortedJson &e = m_db["PORT"][s(name(p.port))];
        e["admin_status"] = "up";
        e["alias"] = s(textescape::cliText(p.port));
        e["description"] = s(textescape::cliText(p.description));
        e["mtu"] = n(m_c.roce.mtu);
        if (p.speedGbps > 0)
            e["speed"] = n(static_cast<long long>(p.speedGbps * 1000));
        if (roce && m_c.roceOn)
            m_roced << name(p.port);
    }

    void ports()
    {
        const SwitchConfigData &p = m_c.ports;
        for (const SwitchBreakout &b : p.breakouts)
            m_db["BREAKOUT_CFG"][s(name(b.port))]["brkout_mode"] =
                s(QStringLiteral("%1x%2G").arg(b.lanes).arg(textescape::number(b.laneSpeedGbps)));
        for (const SwitchConfigPort &x : p.nodePorts)
            port(x, true);
        for (const SwitchConfigPort &x : p.mgmtPorts)
            port(x, false);
        for (const SwitchConfigPort &x : p.fabricPorts)
            port(x, true);
        for (const SwitchConfigPort &x : p.uplinks)
            port(x, true);
        for (const SwitchConfigPort &x : p.islPorts)
            port(x, true);
    }

    void vlans()
    {
        const SwitchConfigData &p = m_c.ports;
        for (const DataVlan &v : m_c.dataVlans) {
            const std::string vlan = "Vlan" + n(v.id);
            m_db["VLAN"][vlan] = {{"vlanid", n(v.id)}, {"mtu", n(m_c.roce.mtu)}};
            for (const SwitchConfigPort &x : p.nodePorts)
                m_db["VLAN_MEMBER"][vlan + "|" + s(name(x.port))]["tagging_mode"] = "untagged";
            if (!p.uplinks.empty())
                m_db["VLAN_MEMBER"][vlan + "|PortChannel1"]["tagging_mode"] = "tagged";
            if (!p.islPorts.empty())
                m_db["VLAN_MEMBER"][vlan + "|PortChannel1000"]["tagging_mode"] = "tagged";
        }
        if (!p.mgmtPorts.empty()) {
            const std::string vlan = "Vlan" + n(m_c.mgmtVlan);
            m_db["VLAN"][vlan] = {{"vlanid", n(m_c.mgmtVlan)}};
            for (const SwitchConfigPort &x : p.mgmtPorts)
                m_db["VLAN_MEMBER"][vlan + "|" + s(name(x.port))]["tagging_mode"] = "untagged";
        }
    }

    void bonds()
    {
        const SwitchConfigData &p = m_c.ports;
        const auto channel = [&](const std::string &pc, const std::vector<SwitchConfigPort> &members) {
            m_db["PORTCHANNEL"][pc] = {
                {"admin_status", "up"}, {"mtu", n(m_c.roce.mtu)}, {"min_links", "1"}, {"lacp_key", "auto"}};
            for (const SwitchConfigPort &x : members)
                m_db["PORTCHANNEL_MEMBER"][pc + "|" + s(name(x.port))] = SortedJson::object();
        };
        if (!p.uplinks.empty())
            channel("PortChannel1", p.uplinks);
        if (!p.islPorts.empty()) {
            channel("PortChannel1000", p.islPorts);
            const std::string domain = n(std::max(m_c.mlagDomain, 1));
            SortedJson &d = m_db["MCLAG_DOMAIN"][domain];
            d["source_ip"] = s(addressWithoutPrefix(AddressPlan::mlagPeerAddress(m_c.mlagLower)));
            d["peer_ip"] = s(addressWithoutPrefix(AddressPlan::mlagPeerAddress(!m_c.mlagLower)));
            d["peer_link"] = "PortChannel1000";
            if (!m_c.mlagMac.isEmpty())
                d["mclag_system_mac"] = s(m_c.mlagMac);
            m_db["PORTCHANNEL_INTERFACE"]["PortChannel1000"] = SortedJson::object();
            m_db["PORTCHANNEL_INTERFACE"]["PortChannel1000|" + s(AddressPlan::mlagPeerAddress(m_c.mlagLower))] =
                SortedJson::object();
            if (!p.uplinks.empty())
                m_db["MCLAG_INTERFACE"][domain + "|PortChannel1"]["if_type"] = "PortChannel";
        }
    }

    void layer3()
    {
        if (!m_c.loopback.isEmpty()) {
            m_db["LOOPBACK_INTERFACE"]["Loopback0"] = SortedJson::object();
            m_db["LOOPBACK_INTERFACE"]["Loopback0|" + s(m_c.loopback)] = SortedJson::object();
        }
        for (const SwitchDay0::Svi &v : m_c.svis) {
            const std::string vlan = "Vlan" + n(v.vlan);
            m_db["VLAN_INTERFACE"][vlan] = SortedJson::object();
            m_db["VLAN_INTERFACE"][vlan + "|" + s(v.address)] = SortedJson::object();
            m_db["MCLAG_UNIQUE_IP"][vlan]["unique_ip"] = "enable";
            m_db["STATIC_ANYCAST_GATEWAY"][vlan]["gateway"] = s(v.vrr);
        }
        for (const BgpSession &b : m_c.bgp) {
            const std::string port = s(name(b.port));
            m_db["INTERFACE"][port] = SortedJson::object();
            m_db["INTERFACE"][port + "|" + s(b.localAddress)] = SortedJson::object();
            if (b.peerAddress.isEmpty())
                continue;
            SortedJson &nb = m_db["BGP_NEIGHBOR"][s(b.peerAddress)];
            nb["admin_status"] = "up";
            nb["asn"] = s(b.peerAsn);
            nb["local_addr"] = s(addressWithoutPrefix(b.localAddress));
            nb["name"] = s(textescape::hostLabel(b.peerHost));
        }
    }

    void roce()
    {
        if (!m_c.roceOn || m_roced.isEmpty())
            return;
        const RoceSettings &r = m_c.roce;
        const std::string prio = n(r.pfcPriority);
        if (r.trust == QLatin1String("dscp"))
            m_db["DSCP_TO_TC_MAP"]["ROCE"] = {{"26", prio}, {"48", "6"}};
        else
            m_db["DOT1P_TO_TC_MAP"]["ROCE"] = {{prio, prio}, {"6", "6"}};
        m_db["TC_TO_QUEUE_MAP"]["ROCE"] = {{prio, prio}, {"6", "6"}};
        if (r.ecn)
            m_db["WRED_PROFILE"]["ROCE_LOSSLESS"] = {{"ecn", "ecn_all"},
                                                     {"wred_green_enable", "true"},
                                                     {"green_min_threshold", n(r.ecnMinKB * 1024LL)},
                                                     {"green_max_threshold", n(r.ecnMaxKB * 1024LL)},
                                                     {"green_drop_probability", n(r.ecnProbabilityPct)}};
        if (r.pfcWatchdog)
            m_db["PFC_WD"]["GLOBAL"]["POLL_INTERVAL"] = "200";
        for (const QString &port : m_roced) {
            const std::string p = s(port);
            SortedJson &q = m_db["PORT_QOS_MAP"][p];
            q["pfc_enable"] = prio;
            q["tc_to_queue_map"] = "ROCE";
            q[r.trust == QLatin1String("dscp") ? "dscp_to_tc_map" : "dot1p_to_tc_map"] = "ROCE";
            if (r.pfcWatchdog) {
                q["pfcwd_sw_enable"] = prio;
                m_db["PFC_WD"][p] = {{"action", "drop"}, {"detection_time", "200"}, {"restoration_time", "200"}};
            }
            if (r.ecn)
                m_db["QUEUE"][p + "|" + prio]["wred_profile"] = "ROCE_LOSSLESS";
        }
    }

    const SwitchDay0 &m_c;
    SortedJson m_db = SortedJson::object();
    QHash<QString, int> m_lanes;
    QStringList m_roced;
};

} // namespace

QByteArray SonicConfigWriter::write(const SwitchDay0 &config)
{
    return SonicDb(config).run();
}

} // namespace pp
