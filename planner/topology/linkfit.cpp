#include "planner/topology/linkfit.h"

#include "planner/topology/portallocator.h"

#include <algorithm>
#include <cmath>

namespace pp {

namespace {

bool isSpine(const Device &d)
{
    return d.id.contains(QLatin1String("spine"), Qt::CaseInsensitive) ||
        d.hostname.contains(QLatin1String("spine"), Qt::CaseInsensitive);
}

QString number(double v)
{
    return QString::number(v, 'g', 4);
}

} // namespace

LinkFit::LinkFit(const Plan &plan, const Catalog &catalog, const CablePolicy &policy)
    : m_plan(plan)
    , m_catalog(catalog)
    , m_policy(policy)
    , m_chooser(catalog, policy)
{
    for (std::size_t i = 0; i < plan.racks.size(); ++i)
        m_rackIndex.insert(plan.racks[i].id, static_cast<int>(i));
    m_deviceIndex.reserve(static_cast<int>(plan.devices.size()));
    for (std::size_t i = 0; i < plan.devices.size(); ++i)
        m_deviceIndex.insert(plan.devices[i].id, static_cast<int>(i));
    // The legs of one breakout cable share the split port; they get one length, the longest run.
    for (std::size_t i = 0; i < plan.links.size(); ++i) {
        for (const Endpoint *e : {&plan.links[i].a, &plan.links[i].b}) {
            const Device *d = device(e->device);
            const DeviceType *t = d ? catalog.deviceType(d->type) : nullptr;
            const PortRef ref = t ? t->resolvePort(e->port) : PortRef{};
            if (ref.valid() && ref.lane >= 0)
                m_legs[e->device + QLatin1Char(':') + ref.baseName].push_back(static_cast<int>(i));
        }
    }
}

const Device *LinkFit::device(const QString &id) const
{
    const int i = m_deviceIndex.value(id, -1);
    return i < 0 ? nullptr : &m_plan.devices[static_cast<std::size_t>(i)];
}

RunEnd LinkFit::runEnd(const Device &d) const
{
    const DeviceType *t = m_catalog.deviceType(d.type);
    const int r = m_rackIndex.value(d.rack, -1);
    return RunEnd{r >= 0 ? &m_plan.racks[static_cast<std::size_t>(r)] : nullptr, r,
                  d.u + std::max(1, t ? t->uHeight : 1) / 2.0};
}

LinkNeed LinkFit::need(const Link &link) const
{
    LinkNeed out;
    const Device *da = device(link.a.device);
    const Device *db = device(link.b.device);
    const DeviceType *ta = da ? m_catalog.deviceType(da->type) : nullptr;
    const DeviceType *tb = db ? m_catalog.deviceType(db->type) : nullptr;
    if (!ta || !tb)
        return out;
    const PortRef ra = ta->resolvePort(link.a.port), rb = tb->resolvePort(link.b.port);
    if (!ra.valid() || !rb.valid())
        return out;
    // The same speed and leg arithmetic as the auto-cabler and the port view's connect.
    const double speedA = ra.lane >= 0
        ? ra.group->speedGbps / std::max(1, PortAllocator::lanesFor(*ra.group, rb.group->speedGbps))
        : ra.group->speedGbps;
    const double speedB = rb.lane >= 0
        ? rb.group->speedGbps / std::max(1, PortAllocator::lanesFor(*rb.group, ra.group->speedGbps))
        : rb.group->speedGbps;
    out.legSpeedGbps = std::min(speedA, speedB);
    out.legs = std::max(ra.lane >= 0 ? PortAllocator::lanesFor(*ra.group, out.legSpeedGbps) : 1,
                        rb.lane >= 0 ? PortAllocator::lanesFor(*rb.group, out.legSpeedGbps) : 1);
    const auto mgmt = [](const PortRef &r) {
        return r.group->purpose == PortPurpose::Mgmt || r.group->purpose == PortPurpose::Bmc;
    };
    if (mgmt(ra) || mgmt(rb))
        out.linkClass = LinkClass::Mgmt;
    else if (ta->role == Role::Switch && tb->role == Role::Switch)
        out.linkClass = isSpine(*da) != isSpine(*db) ? LinkClass::Fabric : LinkClass::Isl;
    else
        out.linkClass = LinkClass::Node;
    out.media = ta->role == Role::Switch ? ra.group->media : rb.group->media;

    const auto measure = [&](const Link &l, bool &inRack) {
        const Device *a = device(l.a.device);
        const Device *b = device(l.b.device);
        if (!a || !b)
            return 0.0;
        const RunEnd ea = runEnd(*a), eb = runEnd(*b);
        inRack = inRack && CableChooser::sameRack(ea, eb);
        return m_chooser.runLengthM(ea, eb);
    };
    out.inRack = true;
    out.runM = measure(link, out.inRack);
    for (const auto &[dev, ref] : {std::pair{da, &ra}, std::pair{db, &rb}}) {
        if (ref->lane < 0)
            continue;
        for (int i : m_legs.value(dev->id + QLatin1Char(':') + ref->baseName))
            out.runM = std::max(out.runM, measure(m_plan.links[static_cast<std::size_t>(i)], out.inRack));
    }
    out.known = true;
    return out;
}

bool LinkFit::kindAllowed(const CableSpec &cable, const LinkNeed &need) const
{
    for (const CableChoice &choice : m_policy.choices(need.linkClass)) {
        if (!CableChooser::kindMatches(choice.kind, cable.kind))
            continue;
        if (choice.sameRackOnly && !need.inRack)
            continue;
        if (choice.maxLengthM > 0 && need.runM > choice.maxLengthM + 1e-9)
            continue;
        return true;
    }
    return false;
}

QStringList LinkFit::problems(const Link &link, const LinkNeed &need) const
{
    QStringList out;
    if (link.cable.isEmpty() || link.cable == QLatin1String("?")) {
        out << (need.known ? QStringLiteral("no cable chosen for a %1 Gbit/s run of %2 m")
                                 .arg(number(need.legSpeedGbps), number(need.runM))
                           : QStringLiteral("no cable chosen"));
        return out;
    }
    const DeviceType *cable = m_catalog.deviceType(link.cable);
    if (!cable || cable->role != Role::Cable) {
        out << QStringLiteral("cable \"%1\" is not in the catalog").arg(link.cable);
        return out;
    }
    if (!need.known)
        return out; // network.port-capacity reports the unknown port; nothing to measure against
    const CableSpec &spec = cable->cable;
    if (spec.speedGbps > 0 && std::abs(spec.speedGbps - need.legSpeedGbps) > 1e-6)
        out << QStringLiteral("cable %1 is %2 Gbit/s, the ports run at %3 Gbit/s")
                   .arg(cable->id, number(spec.speedGbps), number(need.legSpeedGbps));
    if (spec.legs != need.legs)
        out << QStringLiteral("cable %1 has %2 leg(s), the ports need %3").arg(cable->id).arg(spec.legs).arg(need.legs);
    if (link.lengthM <= 0)
        out << QStringLiteral("no length chosen for a run of %1 m").arg(number(need.runM));
    else if (link.lengthM + 1e-9 < need.runM)
        out << QStringLiteral("%1 m is too short for a run of %2 m").arg(number(link.lengthM), number(need.runM));
    if (!need.inRack && !kindAllowed(spec, need))
        out << QStringLiteral("the cable policy does not allow a %1 cable between racks over %2 m")
                   .arg(spec.kind, number(need.runM));
    return out;
}

bool LinkFit::rederive(Link &link, const LinkNeed &need, QString *why) const
{
    if (!need.known)
        return true; // nothing to measure; the rules report the unknown port
    const DeviceType *cable = m_catalog.deviceType(link.cable);
    if (cable && cable->role == Role::Cable && std::abs(cable->cable.speedGbps - need.legSpeedGbps) < 1e-6 &&
        cable->cable.legs == need.legs && kindAllowed(cable->cable, need)) {
        if (const auto length = CableChooser::stockLengthM(cable->cable, need.runM)) {
            link.lengthM = *length;
            return true;
        }
    }
    if (const auto sel =
            m_chooser.choose(need.linkClass, need.legSpeedGbps, need.legs, need.inRack, need.runM, need.media, why)) {
        link.cable = sel->cableId;
        link.lengthM = sel->lengthM;
        return true;
    }
    link.cable.clear();
    link.lengthM = 0;
    return false;
}

QList<int> LinkFit::legsOf(const Link &link) const
{
    QList<int> out;
    for (const Endpoint *e : {&link.a, &link.b}) {
        const Device *d = device(e->device);
        const DeviceType *t = d ? m_catalog.deviceType(d->type) : nullptr;
        const PortRef ref = t ? t->resolvePort(e->port) : PortRef{};
        if (ref.valid() && ref.lane >= 0)
            out += m_legs.value(e->device + QLatin1Char(':') + ref.baseName);
    }
    return out;
}

QString LinkFit::label(const Link &link) const
{
    const Device *a = device(link.a.device);
    const Device *b = device(link.b.device);
    if (!a || !b)
        return link.label;
    return CableChooser::label(*a, link.a.port, *b, link.b.port);
}

} // namespace pp
