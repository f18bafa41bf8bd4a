#include "planner/topology/linkedit.h"

#include "planner/topology/cablechooser.h"
#include "planner/topology/portallocator.h"

#include <algorithm>
#include <cmath>

namespace pp::linkedit {

// Books both ends of a link; a lane port takes as many lanes as the cable has legs. False with
// the end and the reason when an end is unknown or already taken.
static bool bookLink(const Catalog &catalog, const Link &l, PortAllocator &ports, const QHash<QString, int> &index,
                     QString *why)
{
    const DeviceType *c = catalog.deviceType(l.cable);
    bool ok = true;
    for (const Endpoint *e : {&l.a, &l.b}) {
        const int dev = index.value(e->device, -1);
        if (dev < 0 || !ports.type(dev)) {
            if (why && ok)
                *why = QStringLiteral("no device \"%1\" with a catalog type").arg(e->device);
            ok = false;
            continue;
        }
        const bool lane = ports.type(dev)->resolvePort(e->port).lane >= 0;
        QString reason;
        if (ports.book(dev, e->port, lane && c && c->cable.legs > 1 ? c->cable.legs : 0, &reason) !=
            PortAllocator::Status::Ok) {
            if (why && ok)
                *why = e->toString() + QStringLiteral(": ") + reason;
            ok = false;
        }
    }
    return ok;
}

void bookPlan(const Plan &plan, const Catalog &catalog, PortAllocator &ports, QHash<QString, int> &index)
{
    for (const Device &d : plan.devices)
        index.insert(d.id, ports.addDevice(catalog.deviceType(d.type)));
    for (const Link &l : plan.links)
        bookLink(catalog, l, ports, index, nullptr);
    for (const Uplink &u : plan.uplinks)
        if (const int dev = index.value(u.device, -1); dev >= 0)
            ports.book(dev, u.port);
}

std::vector<PortStatus> portsOf(const Plan &plan, const Catalog &catalog, const QString &device)
{
    std::vector<PortStatus> out;
    const Device *d = plan.findDevice(device);
    const DeviceType *t = d ? catalog.deviceType(d->type) : nullptr;
    if (!t)
        return out;
    QHash<QString, int> used; // port name → link index
    for (std::size_t i = 0; i < plan.links.size(); ++i) {
        if (plan.links[i].a.device == device)
            used.insert(plan.links[i].a.port, static_cast<int>(i));
        if (plan.links[i].b.device == device)
            used.insert(plan.links[i].b.port, static_cast<int>(i));
    }
    QHash<QString, QStringList> lanesOf; // base port → its lane names in use
    for (auto it = used.cbegin(); it != used.cend(); ++it) {
        const PortRef ref = t->resolvePort(it.key());
        if (ref.valid() && ref.lane >= 0)
            lanesOf[ref.baseName] << it.key();
    }
    const auto status = [&](const PortGroup &g, const QString &name) {
        PortStatus s;
        s.port = name;
        s.purpose = g.purpose;
        s.speedGbps = g.speedGbps;
        const int li = used.value(name, -1);
        if (li >= 0) {
            const Link &l = plan.links[static_cast<std::size_t>(li)];
            s.peer = l.a.device == device && l.a.port == name ? l.b.toString() : l.a.toString();
            s.cable = l.cable;
            s.lengthM = l.lengthM;
            s.label = l.label;
            s.manual = l.manual;
            s.linkIndex = li;
        }
        for (const Uplink &u : plan.uplinks)
            s.uplink = s.uplink || (u.device == device && u.port == name);
        return s;
    };
    for (const PortGroup &g : t->ports) {
        for (int i = 0; i < g.count; ++i) {
            const QString name = g.nameAt(i);
            QStringList lanes = lanesOf.value(name);
            if (lanes.isEmpty()) {
                out.push_back(status(g, name));
                continue;
            }
            // Show every lane of the split port, free ones too, at the lane speed.
            int count = 0;
            for (const QString &lane : lanes) {
                const Link &l = plan.links[static_cast<std::size_t>(used.value(lane))];
                const DeviceType *c = catalog.deviceType(l.cable);
                count = std::max(count, c && c->cable.legs > 1 ? c->cable.legs : t->resolvePort(lane).lane + 1);
            }
            int split = 0;
            double laneSpeed = g.speedGbps;
            for (const QString &b : g.breakouts)
                if (const auto parsed = Breakout::parse(b);
                    parsed && parsed->lanes >= count && (split == 0 || parsed->lanes < split)) {
                    split = parsed->lanes;
                    laneSpeed = parsed->laneSpeedGbps;
                }
            for (int lane = 0; lane < std::max(split, count); ++lane) {
                PortStatus st = status(g, name + QLatin1Char('s') + QString::number(lane));
                st.speedGbps = laneSpeed;
                out.push_back(st);
            }
        }
    }
    return out;
}

QStringList freePortsFor(const Plan &plan, const Catalog &catalog, const QString &device, double linkSpeedGbps)
{
    PortAllocator ports;
    QHash<QString, int> index;
    bookPlan(plan, catalog, ports, index);
    const int dev = index.value(device, -1);
    QStringList out;
    if (dev < 0 || !ports.type(dev))
        return out;
    for (const PortGroup &g : ports.type(dev)->ports) {
        const int lanes = PortAllocator::lanesFor(g, linkSpeedGbps);
        for (int i = 0; i < g.count; ++i) {
            if (lanes <= 1) {
                if (ports.isFree(dev, g.nameAt(i)))
                    out << g.nameAt(i);
                continue;
            }
            const QString whole = g.nameAt(i);
            const PortRef ref = ports.type(dev)->resolvePort(whole);
            const int gi = static_cast<int>(ref.group - ports.type(dev)->ports.data());
            const int current = ports.portLanes(dev, gi, ref.index);
            if (current != 0 && current != lanes)
                continue;
            for (int lane = 0; lane < lanes; ++lane) {
                const QString name = PortAllocator::laneName(g, i, lane, lanes);
                if (ports.isFree(dev, name))
                    out << name;
            }
        }
    }
    return out;
}

static LinkClass classOf(const PortRef &a, const PortRef &b, const DeviceType *ta, const DeviceType *tb)
{
    const auto mgmt = [](const PortRef &r) {
        return r.group->purpose == PortPurpose::Mgmt || r.group->purpose == PortPurpose::Bmc;
    };
    if (mgmt(a) || mgmt(b))
        return LinkClass::Mgmt;
    if (ta->role == Role::Switch && tb->role == Role::Switch)
        return LinkClass::Isl;
    return LinkClass::Node;
}

ops::OpResult makeLink(const Plan &plan, const Catalog &catalog, const CablePolicy &policy, const Endpoint &a,
                       const Endpoint &b, Link *out, QString *note)
{
    if (a == b)
        return ops::OpResult::refused(QStringLiteral("a port cannot be connected to itself"));
    const Device *da = plan.findDevice(a.device);
    const Device *db = plan.findDevice(b.device);
    if (!da || !db)
        return ops::OpResult::refused(QStringLiteral("no device \"%1\"").arg(!da ? a.device : b.device));
    const DeviceType *ta = catalog.deviceType(da->type);
    const DeviceType *tb = catalog.deviceType(db->type);
    if (!ta || !tb)
        return ops::OpResult::refused(QStringLiteral("device type not in the catalog"));
    const PortRef ra = ta->resolvePort(a.port), rb = tb->resolvePort(b.port);
    if (!ra.valid() || !rb.valid())
        return ops::OpResult::refused(QStringLiteral("%1 has no port \"%2\"")
                                          .arg(!ra.valid() ? a.device : b.device, !ra.valid() ? a.port : b.port));
    const double speedA = ra.lane >= 0
        ? ra.group->speedGbps / std::max(1, PortAllocator::lanesFor(*ra.group, rb.group->speedGbps))
        : ra.group->speedGbps;
    const double speedB = rb.lane >= 0
        ? rb.group->speedGbps / std::max(1, PortAllocator::lanesFor(*rb.group, ra.group->speedGbps))
        : rb.group->speedGbps;
    const double speed = std::min(speedA, speedB);
    const int legs = std::max(ra.lane >= 0 ? PortAllocator::lanesFor(*ra.group, speed) : 1,
                              rb.lane >= 0 ? PortAllocator::lanesFor(*rb.group, speed) : 1);

    PortAllocator ports;
    QHash<QString, int> index;
    bookPlan(plan, catalog, ports, index);
    QString reason;
    if (ports.book(index.value(a.device), a.port, ra.lane >= 0 ? legs : 0, &reason) != PortAllocator::Status::Ok)
        return ops::OpResult::refused(a.toString() + QStringLiteral(": ") + reason);
    if (ports.book(index.value(b.device), b.port, rb.lane >= 0 ? legs : 0, &reason) != PortAllocator::Status::Ok)
        return ops::OpResult::refused(b.toString() + QStringLiteral(": ") + reason);

    const CableChooser chooser(catalog, policy);
    const auto end = [&](const Device &d) {
        const DeviceType *t = catalog.deviceType(d.type);
        const int r = plan.rackIndex(d.rack);
        return RunEnd{r >= 0 ? &plan.racks[static_cast<std::size_t>(r)] : nullptr, r,
                      d.u + std::max(1, t ? t->uHeight : 1) / 2.0};
    };
    const RunEnd ea = end(*da), eb = end(*db);
    Link link;
    link.a = a;
    link.b = b;
    link.manual = true;
    link.label = CableChooser::label(*da, a.port, *db, b.port);
    const QString media = ta->role == Role::Switch ? ra.group->media : rb.group->media;
    if (const auto sel = chooser.choose(classOf(ra, rb, ta, tb), speed, legs, CableChooser::sameRack(ea, eb),
                                        chooser.runLengthM(ea, eb), media, &reason)) {
        link.cable = sel->cableId;
        link.lengthM = sel->lengthM;
    } else if (note) {
        *note = reason; // connected all the same; the cable stays to be chosen
    }
    if (out)
        *out = std::move(link);
    return ops::OpResult::done();
}

ops::OpResult addLink(Plan &plan, const Catalog &catalog, const Link &link, int index)
{
    if (index > static_cast<int>(plan.links.size()))
        return ops::OpResult::refused(QStringLiteral("no place %1 in the links").arg(index));
    if (link.a == link.b)
        return ops::OpResult::refused(QStringLiteral("a port cannot be connected to itself"));
    PortAllocator ports;
    QHash<QString, int> devices;
    bookPlan(plan, catalog, ports, devices);
    QString why;
    if (!bookLink(catalog, link, ports, devices, &why))
        return ops::OpResult::refused(why);
    plan.links.insert(index < 0 ? plan.links.end() : plan.links.begin() + index, link);
    return ops::OpResult::done();
}

ops::OpResult removeLinksAt(Plan &plan, const Endpoint &end, RemovedLinks *removed)
{
    RemovedLinks gone;
    for (std::size_t i = 0; i < plan.links.size(); ++i)
        if (plan.links[i].a == end || plan.links[i].b == end)
            gone.links.emplace_back(static_cast<int>(i), plan.links[i]);
    for (std::size_t i = 0; i < plan.uplinks.size(); ++i)
        if (plan.uplinks[i].device == end.device && plan.uplinks[i].port == end.port)
            gone.uplinks.emplace_back(static_cast<int>(i), plan.uplinks[i]);
    if (gone.links.empty() && gone.uplinks.empty())
        return ops::OpResult::refused(QStringLiteral("%1 is not connected").arg(end.toString()));
    for (auto it = gone.links.rbegin(); it != gone.links.rend(); ++it)
        plan.links.erase(plan.links.begin() + it->first);
    for (auto it = gone.uplinks.rbegin(); it != gone.uplinks.rend(); ++it)
        plan.uplinks.erase(plan.uplinks.begin() + it->first);
    if (removed)
        *removed = std::move(gone);
    return ops::OpResult::done();
}

ops::OpResult restoreLinks(Plan &plan, const RemovedLinks &removed)
{
    // Ascending indices: each insertion lands where the item was, since every earlier one is back.
    const auto fits = [](const auto &items, std::size_t size) {
        for (std::size_t i = 0; i < items.size(); ++i)
            if (items[i].first < 0 || static_cast<std::size_t>(items[i].first) > size + i)
                return false;
        return true;
    };
    if (!fits(removed.links, plan.links.size()) || !fits(removed.uplinks, plan.uplinks.size()))
        return ops::OpResult::refused(QStringLiteral("the links to restore do not fit this plan"));
    for (const auto &[i, link] : removed.links)
        plan.links.insert(plan.links.begin() + i, link);
    for (const auto &[i, uplink] : removed.uplinks)
        plan.uplinks.insert(plan.uplinks.begin() + i, uplink);
    return ops::OpResult::done();
}

ops::OpResult setLink(Plan &plan, const Catalog &catalog, const Link &updated)
{
    const auto it = std::find_if(plan.links.begin(), plan.links.end(),
                                 [&](const Link &l) { return l.a == updated.a && l.b == updated.b; });
    if (it == plan.links.end())
        return ops::OpResult::refused(
            QStringLiteral("no link %1 -- %2").arg(updated.a.toString(), updated.b.toString()));
    if (!updated.cable.isEmpty()) {
        const DeviceType *cable = catalog.deviceType(updated.cable);
        if (!cable || cable->role != Role::Cable)
            return ops::OpResult::refused(QStringLiteral("\"%1\" is not a cable in the catalog").arg(updated.cable));
    }
    if (!std::isfinite(updated.lengthM) || updated.lengthM < 0)
        return ops::OpResult::refused(QStringLiteral("a length must be 0 (to choose) or more metres"));
    *it = updated;
    return ops::OpResult::done();
}

bool connectPorts(Plan &plan, const Catalog &catalog, const CablePolicy &policy, const Endpoint &a, const Endpoint &b,
                  QString *why)
{
    Link link;
    const ops::OpResult made = makeLink(plan, catalog, policy, a, b, &link, why);
    if (!made) {
        if (why)
            *why = made.error;
        return false;
    }
    plan.links.push_back(std::move(link));
    return true;
}

bool disconnectPort(Plan &plan, const Endpoint &end)
{
    return bool(removeLinksAt(plan, end, nullptr));
}

} // namespace pp::linkedit
