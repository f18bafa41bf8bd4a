#include "exporters/cabling/switchconfig.h"

#include "exporters/common/textescape.h"

#include "catalog/io/jsondocument.h"

#include <QDir>
#include <QFile>
#include <QHash>
#include <QRegularExpression>
#include <algorithm>

namespace pp {

namespace {

// The name a switch knows a device by: its hostname, or its plan id, as a valid host name.
QString hostOf(const Device &d)
{
    return textescape::hostLabel(d.hostname.isEmpty() ? d.id : d.hostname);
}

bool isSpine(const Device &d)
{
    return d.id.contains(QLatin1String("spine"), Qt::CaseInsensitive) ||
        d.hostname.contains(QLatin1String("spine"), Qt::CaseInsensitive);
}

// swp2 before swp10.
QString naturalKey(const QString &p)
{
    static const QRegularExpression digits(QStringLiteral("(\\d+)"));
    QString key;
    int last = 0;
    auto it = digits.globalMatch(p);
    while (it.hasNext()) {
        const auto m = it.next();
        key += p.mid(last, m.capturedStart() - last) + m.captured(1).rightJustified(6, QLatin1Char('0'));
        last = static_cast<int>(m.capturedEnd());
    }
    return key + p.mid(last);
}

void sortPorts(std::vector<SwitchConfigPort> &ports)
{
    std::stable_sort(ports.begin(), ports.end(), [](const SwitchConfigPort &a, const SwitchConfigPort &b) {
        return naturalKey(a.port) < naturalKey(b.port);
    });
}

bool isMgmtPort(const DeviceType *t, const QString &port)
{
    if (!t)
        return false;
    const PortRef ref = t->resolvePort(port);
    return ref.valid() && (ref.group->purpose == PortPurpose::Mgmt || ref.group->purpose == PortPurpose::Bmc);
}

// The plan's switches, in plan order, with what the plan and site say of them; bySwitch: device id → index.
std::vector<SwitchConfigData> switchesOf(const ResolvedPlan &resolved, QHash<QString, std::size_t> &bySwitch)
{
    const Plan &plan = resolved.plan();
    std::vector<SwitchConfigData> out;
    for (std::size_t i = 0; i < plan.devices.size(); ++i) {
        const DeviceType *t = resolved.typeOf(i);
        if (!t || t->role != Role::Switch)
            continue;
        SwitchConfigData d;
        d.device = plan.devices[i].id;
        d.hostname = hostOf(plan.devices[i]);
        d.vendor = t->vendor;
        d.model = t->model;
        d.plan = plan.name;
        bool roceCapable = false;
        for (const PortGroup &g : t->ports)
            roceCapable = roceCapable || (g.purpose == PortPurpose::Data && g.roceCapable);
        d.roce = roceCapable && resolved.site().network.roceRequired;
        bySwitch.insert(d.device, out.size());
        out.push_back(std::move(d));
    }
    return out;
}

// The breakout of a switch port used as a lane: as many lanes as its cable has legs, else the fewest of the
// port's breakouts that include the lane.
SwitchBreakout breakoutOf(const PortRef &ref, const DeviceType *cable)
{
    SwitchBreakout br{ref.baseName, cable && cable->cable.legs > 1 ? cable->cable.legs : 0, 0};
    if (br.lanes == 0)
        for (const QString &text : ref.group->breakouts)
            if (const auto parsed = Breakout::parse(text);
                parsed && parsed->lanes > ref.lane && (br.lanes == 0 || parsed->lanes < br.lanes))
                br.lanes = parsed->lanes;
    for (const QString &text : ref.group->breakouts)
        if (const auto parsed = Breakout::parse(text); parsed && parsed->lanes == br.lanes)
            br.laneSpeedGbps = parsed->laneSpeedGbps;
    return br;
}

// Files a port of a switch under what is on its other end.
void classifyPort(SwitchConfigData &cfg, const SwitchConfigPort &p, const PortRef &ref, const Device &self,
                  const Device &peer, const DeviceType *selfType, const DeviceType *peerType, const QString &port,
                  const QString &peerPort)
{
    const bool peerIsSwitch = peerType && peerType->role == Role::Switch;
    if (ref.valid() && ref.group->purpose == PortPurpose::Mgmt && ref.group->count == 1) {
        cfg.oobPorts.push_back(p); // its own eth0: out of band, never in a bridge
    } else if (isMgmtPort(selfType, port) || isMgmtPort(peerType, peerPort)) {
        cfg.mgmtPorts.push_back(p);
    } else if (peerIsSwitch && isSpine(self) == isSpine(peer)) {
        cfg.islPorts.push_back(p);
        cfg.peer = hostOf(peer);
    } else if (peerIsSwitch) {
        cfg.fabricPorts.push_back(p);
    } else {
        cfg.nodePorts.push_back(p);
    }
}

// Breakouts and ports in natural order, MLAG priority by hostname; switches without a used port are left out.
std::vector<SwitchConfigData> usedSwitches(std::vector<SwitchConfigData> &out,
                                           const QHash<QString, QHash<QString, SwitchBreakout>> &breakouts)
{
    std::vector<SwitchConfigData> used;
    for (SwitchConfigData &cfg : out) {
        for (const SwitchBreakout &b : breakouts.value(cfg.device))
            cfg.breakouts.push_back(b);
        std::stable_sort(
            cfg.breakouts.begin(), cfg.breakouts.end(),
            [](const SwitchBreakout &a, const SwitchBreakout &b) { return naturalKey(a.port) < naturalKey(b.port); });
        for (auto *ports :
             {&cfg.nodePorts, &cfg.mgmtPorts, &cfg.oobPorts, &cfg.fabricPorts, &cfg.uplinks, &cfg.islPorts})
            sortPorts(*ports);
        cfg.mlagPriority = cfg.peer.isEmpty() || cfg.hostname < cfg.peer ? 1000 : 2000;
        if (!cfg.nodePorts.empty() || !cfg.mgmtPorts.empty() || !cfg.oobPorts.empty() || !cfg.fabricPorts.empty() ||
            !cfg.uplinks.empty() || !cfg.islPorts.empty())
            used.push_back(std::move(cfg));
    }
    return used;
}

} // namespace

std::vector<SwitchConfigData> buildSwitchConfigs(const ResolvedPlan &resolved)
{
    const Plan &plan = resolved.plan();
    QHash<QString, std::size_t> bySwitch;
    std::vector<SwitchConfigData> out = switchesOf(resolved, bySwitch);
    QHash<QString, QHash<QString, SwitchBreakout>> breakouts; // switch → physical port → breakout
    for (const Link &l : plan.links) {
        const Device *a = resolved.device(l.a.device);
        const Device *b = resolved.device(l.b.device);
        if (!a || !b)
            continue;
        const DeviceType *ta = resolved.typeOf(a->id), *tb = resolved.typeOf(b->id);
        const DeviceType *cable = resolved.catalog().deviceType(l.cable);
        for (int side = 0; side < 2; ++side) {
            const Device &self = side ? *b : *a;
            const Device &peer = side ? *a : *b;
            const DeviceType *selfType = side ? tb : ta;
            const DeviceType *peerType = side ? ta : tb;
            const QString port = side ? l.b.port : l.a.port;
            const QString peerPort = side ? l.a.port : l.b.port;
            const auto it = bySwitch.find(self.id);
            if (it == bySwitch.end())
                continue;
            SwitchConfigData &cfg = out[*it];
            SwitchConfigPort p{port, QStringLiteral("%1:%2").arg(hostOf(peer), peerPort), 0};
            const PortRef ref = selfType->resolvePort(port);
            if (ref.valid())
                p.speedGbps = ref.group->speedGbps;
            if (ref.valid() && ref.lane >= 0) {
                const SwitchBreakout br = breakoutOf(ref, cable);
                p.speedGbps = br.laneSpeedGbps;
                breakouts[self.id].insert(ref.baseName, br);
            }
            classifyPort(cfg, p, ref, self, peer, selfType, peerType, port, peerPort);
        }
    }
    for (const Uplink &u : plan.uplinks) {
        const auto it = bySwitch.find(u.device);
        if (it != bySwitch.end())
            out[*it].uplinks.push_back({u.port, QStringLiteral("site uplink %1G").arg(u.speedGbps), u.speedGbps});
    }
    return usedSwitches(out, breakouts);
}

QStringList SwitchConfigTemplate::builtInIds()
{
    QStringList ids;
    for (const QString &name :
         QDir(QStringLiteral(":/switch-config")).entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name))
        ids << name.left(name.size() - 5);
    return ids;
}

QString SwitchConfigTemplate::idForVendor(const QString &vendor)
{
    if (vendor.compare(QLatin1String("Arista"), Qt::CaseInsensitive) == 0)
        return builtInIds().contains(QStringLiteral("eos")) ? QStringLiteral("eos") : QString();
    if (vendor.compare(QLatin1String("NVIDIA"), Qt::CaseInsensitive) == 0 ||
        vendor.compare(QLatin1String("Mellanox"), Qt::CaseInsensitive) == 0)
        return QStringLiteral("nvue");
    return QString();
}

bool SwitchConfigTemplate::loadData(const QByteArray &data, const QString &fileName, SwitchConfigTemplate &out,
                                    LoadError *error)
{
    Json doc;
    if (!parseJson(data, fileName, doc, error))
        return false;
    try {
        using namespace pp::json;
        requireObject(doc, QString());
        if (string(doc, "format", QString()) != QLatin1String("pocplanner-switch-config-template"))
            throw FieldError(QStringLiteral("format"),
                             QStringLiteral("expected \"pocplanner-switch-config-template\""));
        out = SwitchConfigTemplate{};
        out.id = string(doc, "id", QString());
        out.vendor = string(doc, "vendor", QString(), false);
        out.os = string(doc, "os", QString(), false);
        out.fileSuffix = string(doc, "fileSuffix", QString(), false, QStringLiteral(".txt"));
        if (const Json *s = optionalObject(doc, "settings", QString()))
            for (auto it = s->begin(); it != s->end(); ++it)
                out.settings[fromStd(it.key())] =
                    it->is_string() ? fromStd(it->get<std::string>()) : fromStd(it->dump());
        const Json &sections = object(doc, "sections", QString());
        for (auto it = sections.begin(); it != sections.end(); ++it)
            out.sections[fromStd(it.key())] = stringList(sections, it.key().c_str(), QStringLiteral("sections"));
    } catch (const FieldError &e) {
        if (error)
            *error = LoadError{fileName, 0, 0, e.path, e.reason};
        return false;
    }
    return true;
}

bool SwitchConfigTemplate::loadBuiltIn(const QString &id, SwitchConfigTemplate &out, LoadError *error)
{
    const QString name = QStringLiteral(":/switch-config/%1.json").arg(id);
    QFile f(name);
    if (!f.open(QIODevice::ReadOnly)) {
        if (error)
            *error = LoadError{name, 0, 0, QString(),
                               QStringLiteral("no built-in switch configuration template \"%1\" (available: %2)")
                                   .arg(id, builtInIds().join(QStringLiteral(", ")))};
        return false;
    }
    return loadData(f.readAll(), name, out, error);
}

static QString number(double v)
{
    return QString::number(v, 'g', 10);
}

// The template's variables for one switch: the template settings, then the switch's own (made safe for a
// switch CLI); vlans gets the VLANs the switch carries.
static QHash<QString, QString> templateVars(const SwitchConfigData &data, const SwitchConfigTemplate &tmpl,
                                            QStringList *vlans)
{
    QHash<QString, QString> vars;
    for (const auto &[k, v] : tmpl.settings)
        vars.insert(k, v);
    // Plan text reaches a switch CLI: host names as RFC 1123 labels, everything else without line
    // breaks, quotes or shell characters, so no name can end a quoted string or start a command.
    vars.insert(QStringLiteral("hostname"), textescape::hostLabel(data.hostname));
    vars.insert(QStringLiteral("device"), textescape::cliText(data.device));
    vars.insert(QStringLiteral("vendor"), textescape::cliText(data.vendor));
    vars.insert(QStringLiteral("model"), textescape::cliText(data.model));
    vars.insert(QStringLiteral("plan"), textescape::cliText(data.plan));
    vars.insert(QStringLiteral("peer"), textescape::hostLabel(data.peer));
    vars.insert(QStringLiteral("mlagPriority"), QString::number(data.mlagPriority));
    QStringList isl;
    for (const SwitchConfigPort &p : data.islPorts)
        isl << p.port;
    vars.insert(QStringLiteral("islPorts"), isl.join(QLatin1Char(',')));
    if (!data.nodePorts.empty() && tmpl.settings.count(QStringLiteral("dataVlan")))
        *vlans << tmpl.settings.at(QStringLiteral("dataVlan"));
    if (!data.mgmtPorts.empty() && tmpl.settings.count(QStringLiteral("mgmtVlan")))
        *vlans << tmpl.settings.at(QStringLiteral("mgmtVlan"));
    vars.insert(QStringLiteral("vlans"), vlans->join(QLatin1Char(',')));
    return vars;
}

QByteArray writeSwitchConfig(const SwitchConfigData &data, const SwitchConfigTemplate &tmpl)
{
    QStringList vlans;
    const QHash<QString, QString> vars = templateVars(data, tmpl, &vlans);

    static const QRegularExpression placeholder(QStringLiteral("\\{([A-Za-z]+)\\}"));
    QString out;
    const auto put = [&](const QString &section, const QHash<QString, QString> &local) {
        const auto it = tmpl.sections.find(section);
        if (it == tmpl.sections.end())
            return;
        for (const QString &line : it->second) {
            QString text;
            int last = 0;
            auto m = placeholder.globalMatch(line);
            while (m.hasNext()) {
                const auto match = m.next();
                const QString key = match.captured(1);
                text += line.mid(last, match.capturedStart() - last);
                text += local.contains(key) ? local.value(key) : vars.value(key, match.captured(0));
                last = static_cast<int>(match.capturedEnd());
            }
            text += line.mid(last);
            out += text + QLatin1Char('\n');
        }
    };
    const auto portVars = [](const SwitchConfigPort &p) {
        return QHash<QString, QString>{{QStringLiteral("port"), textescape::cliText(p.port)},
                                       {QStringLiteral("description"), textescape::cliText(p.description)},
                                       {QStringLiteral("speed"), number(p.speedGbps)}};
    };
    put(QStringLiteral("header"), {});
    if (!data.breakouts.empty()) {
        put(QStringLiteral("breakouts"), {});
        for (const SwitchBreakout &b : data.breakouts)
            put(QStringLiteral("breakout"),
                {{QStringLiteral("port"), b.port},
                 {QStringLiteral("lanes"), QString::number(b.lanes)},
                 {QStringLiteral("laneSpeed"), number(b.laneSpeedGbps)}});
    }
    const std::pair<const char *, const std::vector<SwitchConfigPort> *> groups[] = {{"oobPort", &data.oobPorts},
                                                                                     {"nodePort", &data.nodePorts},
                                                                                     {"mgmtPort", &data.mgmtPorts},
                                                                                     {"fabricPort", &data.fabricPorts},
                                                                                     {"uplink", &data.uplinks}};
    for (const auto &[section, ports] : groups) {
        if (ports->empty())
            continue;
        const QString one = QString::fromLatin1(section);
        put(one == QLatin1String("uplink") ? QStringLiteral("uplinks") : one + QLatin1Char('s'), {});
        for (const SwitchConfigPort &p : *ports)
            put(one, portVars(p));
    }
    if (!data.islPorts.empty())
        put(QStringLiteral("isl"), {});
    if (!vlans.isEmpty())
        put(QStringLiteral("vlans"), {});
    if (data.roce)
        put(QStringLiteral("roce"), {});
    put(QStringLiteral("footer"), {});
    return out.toUtf8();
}

} // namespace pp
