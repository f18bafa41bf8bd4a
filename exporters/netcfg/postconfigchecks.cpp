#include "exporters/netcfg/postconfigchecks.h"

#include "exporters/common/textescape.h"
#include "exporters/netcfg/switchportnames.h"

namespace pp {

namespace {

// "swp1s0, swp1s1 (200G); swp27 (400G)": the ports the switch must show up, grouped by speed.
QString portsAtSpeed(const SwitchDay0 &c, const QString &dialect)
{
    std::map<double, QStringList> bySpeed;
    for (const auto *group :
         {&c.ports.nodePorts, &c.ports.mgmtPorts, &c.ports.fabricPorts, &c.ports.uplinks, &c.ports.islPorts})
        for (const SwitchConfigPort &p : *group) {
            int lanes = 0;
            for (const SwitchBreakout &b : c.ports.breakouts)
                if (p.port.startsWith(b.port + QLatin1Char('s')))
                    lanes = b.lanes;
            const QString name = dialect == QLatin1String("eos") ? SwitchPortNames::eos(p.port)
                : dialect == QLatin1String("sonic")              ? SwitchPortNames::sonic(p.port, lanes)
                                                                 : textescape::cliText(p.port);
            bySpeed[p.speedGbps] << name;
        }
    QStringList parts;
    for (const auto &[speed, names] : bySpeed)
        parts << QStringLiteral("%1 at %2G")
                     .arg(names.join(QStringLiteral(", ")),
                          speed > 0 ? textescape::number(speed) : QStringLiteral("unknown "));
    return parts.join(QStringLiteral("; "));
}

QString firstDataPort(const SwitchDay0 &c)
{
    for (const auto *group : {&c.ports.nodePorts, &c.ports.fabricPorts, &c.ports.uplinks, &c.ports.islPorts})
        if (!group->empty())
            return group->front().port;
    return QStringLiteral("swp1");
}

} // namespace

std::vector<PostConfigCheck> postConfigChecks(const SwitchDay0 &c)
{
    const QString host = textescape::hostLabel(c.ports.hostname);
    const QString d = c.dialect.isEmpty() ? QStringLiteral("nvue") : c.dialect;
    const bool nvue = d == QLatin1String("nvue"), eos = d == QLatin1String("eos");
    std::vector<PostConfigCheck> out;
    const auto add = [&](const QString &what, const QString &nv, const QString &ar, const QString &so,
                         const QString &expected) {
        out.push_back({host, what, nvue ? nv : eos ? ar : so, expected});
    };
    add(QStringLiteral("interfaces"), QStringLiteral("nv show interface"), QStringLiteral("show interfaces status"),
        QStringLiteral("show interfaces status"),
        c.tier == SwitchTier::Mgmt ? QStringLiteral("up: %1").arg(portsAtSpeed(c, d))
                                   : QStringLiteral("up: %1; MTU %2").arg(portsAtSpeed(c, d)).arg(c.roce.mtu));
    if (!c.mgmtAddress.isEmpty())
        add(QStringLiteral("management"), QStringLiteral("nv show interface eth0"),
            QStringLiteral("show interfaces Management1"), QStringLiteral("show management_interface address"),
            QStringLiteral("%1 in VRF mgmt; gateway %2 answers ping; NTP synchronised (%3)")
                .arg(c.mgmtAddress, c.mgmtGateway,
                     nvue      ? QStringLiteral("nv show service ntp mgmt server")
                         : eos ? QStringLiteral("show ntp status")
                               : QStringLiteral("show ntp")));
    if (!c.ports.islPorts.empty())
        add(QStringLiteral("mlag"), QStringLiteral("nv show mlag"), QStringLiteral("show mlag"),
            QStringLiteral("show mclag brief"),
            QStringLiteral("peer %1 alive, backup %2 active, system MAC %3")
                .arg(textescape::hostLabel(c.ports.peer),
                     c.peerMgmtAddress.isEmpty() ? QStringLiteral("unknown") : c.peerMgmtAddress,
                     c.mlagMac.isEmpty() ? QStringLiteral("auto") : c.mlagMac));
    if (!c.bgp.empty()) {
        QStringList peers;
        for (const BgpSession &b : c.bgp)
            peers << textescape::hostLabel(b.peerHost);
        peers.removeDuplicates();
        add(QStringLiteral("bgp"), QStringLiteral("nv show vrf default router bgp neighbor"),
            QStringLiteral("show ip bgp summary"), QStringLiteral("show ip bgp summary"),
            QStringLiteral("%1 sessions Established (local AS %2) to %3")
                .arg(c.bgp.size())
                .arg(c.asn, peers.join(QStringLiteral(", "))));
    }
    if (c.roceOn) {
        add(QStringLiteral("roce"), QStringLiteral("nv show qos roce"), QStringLiteral("show priority-flow-control"),
            QStringLiteral("show pfc priority"),
            QStringLiteral("lossless; PFC on priority %1; ECN %2 (%3\u2013%4 KB); trust %5")
                .arg(c.roce.pfcPriority)
                .arg(c.roce.ecn ? QStringLiteral("on") : QStringLiteral("off"))
                .arg(c.roce.ecnMinKB)
                .arg(c.roce.ecnMaxKB)
                .arg(c.roce.trust));
        // NVUE shows the counters per interface: the first data port stands for the others.
        const QString port = textescape::cliText(firstDataPort(c));
        add(QStringLiteral("pfc"), QStringLiteral("nv show interface %1 counters qos pfc-stats").arg(port),
            QStringLiteral("show priority-flow-control counters"), QStringLiteral("show pfc counters"),
            QStringLiteral("pause frames counted on priority %1 only, under load, on every data port; no PFC "
                           "watchdog storms")
                .arg(c.roce.pfcPriority));
        add(QStringLiteral("ecn"), QStringLiteral("nv show interface %1 counters qos congestion-control").arg(port),
            QStringLiteral("show qos interfaces random-detect ecn"), QStringLiteral("show ecn"),
            QStringLiteral("ECN marks on traffic class %1 under load, no drops").arg(c.roce.pfcPriority));
    }
    add(QStringLiteral("lldp"), QStringLiteral("nv show interface --view=lldp"), QStringLiteral("show lldp neighbors"),
        QStringLiteral("show lldp table"),
        QStringLiteral("neighbours as in expected-lldp.csv: save the output and run pocplan verify-cabling"));
    return out;
}

QByteArray postConfigChecklist(const QString &plan, const std::vector<SwitchDay0> &configs)
{
    QString out = QStringLiteral("# Post-configuration checklist: %1\n\n").arg(textescape::markdownCell(plan));
    out += QStringLiteral("Run each command on the switch after applying its day-0 configuration; tick when the output "
                          "shows what is expected.\n");
    for (const SwitchDay0 &c : configs) {
        out +=
            QStringLiteral("\n## %1 (%2)\n\n")
                .arg(textescape::hostLabel(c.ports.hostname), c.dialect.isEmpty() ? QStringLiteral("nvue") : c.dialect);
        for (const PostConfigCheck &k : postConfigChecks(c))
            out += QStringLiteral("- [ ] `%1` \u2014 %2\n").arg(k.command, textescape::markdownCell(k.expected));
    }
    return out.toUtf8();
}

} // namespace pp
