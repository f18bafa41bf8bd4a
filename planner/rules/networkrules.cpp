#include "planner/rules/networkrules.h"

#include "planner/rules/rulesupport.h"
#include "planner/topology/autocabler.h"
#include "planner/topology/linkfit.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <map>

namespace pp {

namespace {

// One use of a physical port that is used more than once, gathered for a closer look.
struct PortUse {
    int slot;
    int order; // plan order: links first, then uplinks
    int device;
    int lane;             // -1 for the whole port
    const Endpoint *port; // this end, "sw1:swp1s0"
    const Endpoint *peer; // the other end of the link; null for a site uplink
};

double uplinkSpeed(const CheckContext &ctx, std::size_t i)
{
    const Uplink &u = ctx.plan().uplinks[i];
    if (u.speedGbps > 0)
        return u.speedGbps;
    return ctx.uplinks()[i].speedGbps;
}

// Every end in plan order: links (a, then b), then site uplinks, with its peer (null for an uplink) and its
// cable (null for an uplink).
template<typename Visit>
void forEachEnd(const CheckContext &ctx, const std::vector<Endpoint> &uplinkEnds, const Visit &visit)
{
    const Plan &plan = ctx.plan();
    for (std::size_t i = 0; i < plan.links.size(); ++i) {
        const auto &info = ctx.links()[i];
        const Link &l = plan.links[i];
        visit(info.a, l.a, &l.b, info.cable);
        visit(info.b, l.b, &l.a, info.cable);
    }
    for (std::size_t i = 0; i < plan.uplinks.size(); ++i)
        visit(ctx.uplinks()[i], uplinkEnds[i], static_cast<const Endpoint *>(nullptr),
              static_cast<const DeviceType *>(nullptr));
}

// Reports an end on an unknown device or port (false: it has no physical port to count) and a lane past
// the end of its breakout cable.
bool checkEnd(const QString &ruleId, const CheckContext &ctx, const CheckContext::LinkEnd &end,
              const Endpoint &endpoint, const Endpoint *peer, const DeviceType *cable, std::vector<Finding> &out)
{
    if (end.device < 0) {
        // Plan files cannot hold this (the loader refuses it), but a plan being edited can.
        out.push_back(makeFinding(
            ruleId, Severity::Error,
            QStringLiteral("%1 (to %2) names device \"%3\", which the plan does not define")
                .arg(endpoint.toString(), peer ? peer->toString() : QStringLiteral("uplink"), endpoint.device),
            {endpoint.toString()}, 1, 0, QStringLiteral("devices")));
        return false;
    }
    if (!end.port.valid()) {
        const DeviceType *t = ctx.type(end.device);
        out.push_back(makeFinding(ruleId, Severity::Error,
                                  QStringLiteral("%1 (to %2): a %3 has no port \"%4\"")
                                      .arg(endpoint.toString(), peer ? peer->toString() : QStringLiteral("uplink"),
                                           t ? t->id : QStringLiteral("device"), endpoint.port),
                                  {endpoint.device, endpoint.toString()}, 1, 0, QStringLiteral("ports")));
        return false;
    }
    const int legs = cable && cable->cable.legs > 1 ? cable->cable.legs : 1;
    if (end.port.lane >= 0 && legs > 1 && end.port.lane >= legs)
        out.push_back(
            makeFinding(ruleId, Severity::Error,
                        QStringLiteral("%1 is lane %2 of a %3-way breakout cable (%4), which has lanes 0 to %5")
                            .arg(endpoint.toString())
                            .arg(end.port.lane)
                            .arg(legs)
                            .arg(cable->id)
                            .arg(legs - 1),
                        {endpoint.device, endpoint.toString()}, end.port.lane + 1, legs, QStringLiteral("lanes")));
    return true;
}

// The uses of the clashing physical ports (slots, sorted), grouped by port, in plan order within a port.
std::vector<PortUse> usesOf(const CheckContext &ctx, const std::vector<Endpoint> &uplinkEnds,
                            const std::vector<int> &conflicted)
{
    std::vector<PortUse> shared;
    int order = 0;
    forEachEnd(
        ctx, uplinkEnds,
        [&](const CheckContext::LinkEnd &end, const Endpoint &endpoint, const Endpoint *peer, const DeviceType *) {
            ++order;
            if (end.slot >= 0 && std::binary_search(conflicted.begin(), conflicted.end(), end.slot))
                shared.push_back({end.slot, order, end.device, end.port.lane, &endpoint, peer});
        });
    std::sort(shared.begin(), shared.end(), [](const PortUse &a, const PortUse &b) {
        return a.slot != b.slot ? a.slot < b.slot : a.order < b.order;
    });
    return shared;
}

// One finding for a port (or lane) and the links that share it.
void reportShared(const QString &ruleId, const CheckContext &ctx, const QString &what,
                  const std::vector<const PortUse *> &users, std::vector<Finding> &out)
{
    QStringList subjects{ctx.device(users.front()->device).id};
    QStringList links;
    for (const PortUse *u : users) {
        const QString port = u->port->toString();
        if (!subjects.contains(port))
            subjects << port;
        links << port + QStringLiteral(" to ") + (u->peer ? u->peer->toString() : QStringLiteral("uplink"));
    }
    for (const PortUse *u : users)
        if (u->peer && !subjects.contains(u->peer->toString()))
            subjects << u->peer->toString();
    out.push_back(makeFinding(
        ruleId, Severity::Error,
        QStringLiteral("%1 is used by %2 links: %3").arg(what).arg(users.size()).arg(links.join(QStringLiteral(", "))),
        subjects, static_cast<double>(users.size()), 1, QStringLiteral("links")));
}

// The uses of one physical port: whole twice, a lane twice, or whole and as lanes.
void reportPort(const QString &ruleId, const CheckContext &ctx, const PortUse *first, const PortUse *last,
                std::vector<Finding> &out)
{
    std::vector<const PortUse *> whole;
    std::map<int, std::vector<const PortUse *>> lanes;
    for (const PortUse *u = first; u != last; ++u)
        (u->lane < 0 ? whole : lanes[u->lane]).push_back(u);
    if (whole.size() > 1)
        reportShared(ruleId, ctx, QStringLiteral("port %1").arg(whole.front()->port->toString()), whole, out);
    for (const auto &[lane, users] : lanes)
        if (users.size() > 1)
            reportShared(ruleId, ctx, QStringLiteral("breakout lane %1").arg(users.front()->port->toString()), users,
                         out);
    if (!whole.empty() && !lanes.empty()) {
        std::vector<const PortUse *> users = whole;
        for (const auto &[lane, laneUsers] : lanes)
            users.insert(users.end(), laneUsers.begin(), laneUsers.end());
        reportShared(
            ruleId, ctx,
            QStringLiteral("physical port %1, whole and as breakout lanes,").arg(whole.front()->port->toString()),
            users, out);
    }
}

} // namespace

void NetworkPortCapacityRule::check(const CheckContext &ctx, std::vector<Finding> &out) const
{
    const Plan &plan = ctx.plan();
    std::vector<Endpoint> uplinkEnds;
    uplinkEnds.reserve(plan.uplinks.size());
    for (const Uplink &u : plan.uplinks)
        uplinkEnds.push_back(Endpoint{u.device, u.port});

    // First pass, no strings: which physical ports are taken twice (whole twice, a lane twice, or whole and lanes).
    std::vector<std::uint32_t> lanesUsed(static_cast<std::size_t>(ctx.slotCount()), 0);
    std::vector<std::uint8_t> wholeUsed(static_cast<std::size_t>(ctx.slotCount()), 0);
    std::vector<int> conflicted;
    forEachEnd(
        ctx, uplinkEnds,
        [&](const CheckContext::LinkEnd &end, const Endpoint &endpoint, const Endpoint *peer, const DeviceType *cable) {
            if (!checkEnd(id(), ctx, end, endpoint, peer, cable, out))
                return;
            const auto slot = static_cast<std::size_t>(end.slot);
            bool clash = false;
            if (end.port.lane < 0) {
                clash = wholeUsed[slot] > 0 || lanesUsed[slot] != 0;
                wholeUsed[slot] = 1;
            } else {
                const std::uint32_t bit = 1u << std::min(end.port.lane, 31);
                clash = wholeUsed[slot] > 0 || (lanesUsed[slot] & bit) != 0;
                lanesUsed[slot] |= bit;
            }
            if (clash && (conflicted.empty() || conflicted.back() != end.slot))
                conflicted.push_back(end.slot);
        });
    if (conflicted.empty())
        return;

    // Second pass, only for the clashing ports: gather their users and report them.
    std::sort(conflicted.begin(), conflicted.end());
    conflicted.erase(std::unique(conflicted.begin(), conflicted.end()), conflicted.end());
    const std::vector<PortUse> shared = usesOf(ctx, uplinkEnds, conflicted);
    for (std::size_t begin = 0; begin < shared.size();) {
        std::size_t end = begin;
        while (end < shared.size() && shared[end].slot == shared[begin].slot)
            ++end;
        reportPort(id(), ctx, shared.data() + begin, shared.data() + end, out);
        begin = end;
    }
}

void NetworkSpeedMismatchRule::check(const CheckContext &ctx, std::vector<Finding> &out) const
{
    const Plan &plan = ctx.plan();
    for (std::size_t i = 0; i < plan.links.size(); ++i) {
        const auto &info = ctx.links()[i];
        if (!info.a.port.valid() || !info.b.port.valid())
            continue; // network.port-capacity reports unknown ports
        const Link &l = plan.links[i];
        const double sa = info.a.speedGbps;
        const double sb = info.b.speedGbps;
        if (sa != sb) {
            out.push_back(makeFinding(
                id(), Severity::Warning,
                QStringLiteral("link %1 (%2 Gbit/s) to %3 (%4 Gbit/s) runs at the slower end's speed")
                    .arg(l.a.toString(), fmt(sa), l.b.toString(), fmt(sb)),
                {l.a.toString(), l.b.toString()}, std::min(sa, sb), std::max(sa, sb), QStringLiteral("Gbit/s")));
            continue;
        }
        const double cableGbps = info.cable ? info.cable->cable.speedGbps : 0;
        if (cableGbps > 0 && cableGbps != sa)
            out.push_back(makeFinding(
                id(), Severity::Warning,
                QStringLiteral("link %1 to %2: cable %3 is rated %4 Gbit/s per leg, the ports run at %5 Gbit/s")
                    .arg(l.a.toString(), l.b.toString(), info.cable->id, fmt(cableGbps), fmt(sa)),
                {l.a.toString(), l.b.toString()}, cableGbps, sa, QStringLiteral("Gbit/s")));
    }
}

void NetworkCableFitRule::check(const CheckContext &ctx, std::vector<Finding> &out) const
{
    const Plan &plan = ctx.plan();
    if (plan.links.empty())
        return;
    const LinkFit fit(plan, ctx.resolved().catalog(), sitePolicy(ctx.site()));
    for (const Link &l : plan.links) {
        const LinkNeed need = fit.need(l);
        const QStringList problems = fit.problems(l, need);
        if (problems.isEmpty())
            continue;
        const bool missing = l.cable.isEmpty() || l.cable == QLatin1String("?");
        const bool tooShort = need.known && !missing && l.lengthM + 1e-9 < need.runM;
        const std::optional<double> measured = tooShort ? std::optional<double>(l.lengthM) : std::nullopt;
        const std::optional<double> limit = tooShort ? std::optional<double>(need.runM) : std::nullopt;
        out.push_back(makeFinding(
            id(), Severity::Error,
            QStringLiteral("link %1 to %2%3: %4")
                .arg(l.a.toString(), l.b.toString(), l.manual ? QStringLiteral(" (made by hand)") : QString(),
                     problems.join(QStringLiteral("; "))),
            {l.a.toString(), l.b.toString()}, measured, limit, tooShort ? QStringLiteral("m") : QString()));
    }
}

void NetworkUplinkCountRule::check(const CheckContext &ctx, std::vector<Finding> &out) const
{
    const int required = ctx.site().network.uplinksRequired;
    const int count = static_cast<int>(ctx.plan().uplinks.size());
    if (count >= required)
        return;
    out.push_back(makeFinding(id(), Severity::Error,
                              QStringLiteral("the plan has %1 site uplink(s); site %2 requires %3 × %4 GbE")
                                  .arg(count)
                                  .arg(siteSubject(ctx))
                                  .arg(required)
                                  .arg(fmt(ctx.site().network.uplinkSpeedGbps)),
                              {siteSubject(ctx)}, count, required, QStringLiteral("uplinks")));
}

void NetworkUplinkSpeedRule::check(const CheckContext &ctx, std::vector<Finding> &out) const
{
    const Plan &plan = ctx.plan();
    const double siteGbps = ctx.site().network.uplinkSpeedGbps;
    for (std::size_t i = 0; i < plan.uplinks.size(); ++i) {
        const Uplink &u = plan.uplinks[i];
        const auto &end = ctx.uplinks()[i];
        const QString ep = u.device + QLatin1Char(':') + u.port;
        const double speed = uplinkSpeed(ctx, i);
        if (siteGbps > 0 && speed < siteGbps)
            out.push_back(makeFinding(id(), Severity::Error,
                                      QStringLiteral("uplink %1 runs at %2 Gbit/s; the site expects %3 Gbit/s")
                                          .arg(ep, fmt(speed), fmt(siteGbps)),
                                      {u.device, ep}, speed, siteGbps, QStringLiteral("Gbit/s")));
        else if (end.port.valid() && speed > end.speedGbps)
            out.push_back(
                makeFinding(id(), Severity::Error,
                            QStringLiteral("uplink %1 is planned at %2 Gbit/s but the port runs at most %3 Gbit/s")
                                .arg(ep, fmt(speed), fmt(end.speedGbps)),
                            {u.device, ep}, speed, end.speedGbps, QStringLiteral("Gbit/s")));
    }
}

void NetworkOversubscriptionRule::check(const CheckContext &ctx, std::vector<Finding> &out) const
{
    const Plan &plan = ctx.plan();
    double uplinkGbps = 0;
    for (std::size_t i = 0; i < plan.uplinks.size(); ++i)
        uplinkGbps += uplinkSpeed(ctx, i);
    if (uplinkGbps <= 0)
        return; // network.uplink-count reports a plan without uplinks
    std::map<const DeviceType *, std::optional<double>> nominal;
    UnknownFigureTally unknown;
    double demandGBps = 0;
    int cnodes = 0;
    for (int i = 0; i < ctx.deviceCount(); ++i) {
        const DeviceType *t = ctx.type(i);
        if (!t || t->role != Role::CNode || ctx.rackOf(i) < 0)
            continue;
        auto it = nominal.find(t);
        if (it == nominal.end())
            it = nominal.emplace(t, t->throughputGBpsAt(100)).first;
        if (!it->second) {
            unknown.add(t);
            continue;
        }
        // What one C-node can serve: its nominal read figure, capped by its client links.
        double linkGbps = 0;
        for (const int *l = ctx.linksBegin(i); l != ctx.linksEnd(i); ++l) {
            const auto &info = ctx.links()[static_cast<std::size_t>(*l)];
            const auto &mine = info.a.device == i ? info.a : info.b;
            if (mine.port.valid() && isNodeDataPort(mine.port.group->purpose))
                linkGbps += mine.speedGbps;
        }
        demandGBps += std::min(*it->second, linkGbps / 8.0);
        ++cnodes;
    }
    const double demandGbps = demandGBps * 8.0;
    const double limitGbps = uplinkGbps * ctx.limits().maxOversubscription;
    if (demandGbps > limitGbps)
        out.push_back(
            makeFinding(id(), Severity::Warning,
                        QStringLiteral("%1 C-node(s) can serve %2 Gbit/s of reads (%3 GB/s) but the %4 uplink(s) carry "
                                       "%5 Gbit/s: %6:1 oversubscribed (limit %7:1)")
                            .arg(cnodes)
                            .arg(fmt(demandGbps), fmt(demandGBps))
                            .arg(plan.uplinks.size())
                            .arg(fmt(uplinkGbps), fmt(demandGbps / uplinkGbps), fmt(ctx.limits().maxOversubscription)),
                        {siteSubject(ctx)}, std::round(demandGbps * 100) / 100, limitGbps, QStringLiteral("Gbit/s")));
    unknown.report(id(), QStringLiteral("read throughput"), QStringLiteral("not counted in the client demand"), out);
}

void NetworkRoceRule::check(const CheckContext &ctx, std::vector<Finding> &out) const
{
    const SiteProfile::Network &net = ctx.site().network;
    if (!net.roceRequired)
        return;
    const Plan &plan = ctx.plan();
    if (!net.pfc || !net.ecn) {
        QStringList missing;
        if (!net.pfc)
            missing << QStringLiteral("PFC");
        if (!net.ecn)
            missing << QStringLiteral("ECN");
        out.push_back(makeFinding(id(), Severity::Error,
                                  QStringLiteral("site %1 requires RoCE but is not lossless: %2 off")
                                      .arg(siteSubject(ctx), missing.join(QStringLiteral(" and "))),
                                  {siteSubject(ctx)}, (net.pfc ? 1 : 0) + (net.ecn ? 1 : 0), 2,
                                  QStringLiteral("of PFC+ECN")));
    }
    std::map<int, QStringList> offending; // device index → its non-RoCE ports on the data path
    const auto note = [&](const CheckContext::LinkEnd &end, const Endpoint &e) {
        if (!end.port.group->roceCapable && !offending[end.device].contains(e.toString()))
            offending[end.device] << e.toString();
    };
    for (std::size_t i = 0; i < plan.links.size(); ++i) {
        const auto &info = ctx.links()[i];
        if (!info.a.port.valid() || !info.b.port.valid())
            continue;
        if (!isDataPathPurpose(info.a.port.group->purpose) || !isDataPathPurpose(info.b.port.group->purpose))
            continue; // management and BMC links carry no RDMA
        note(info.a, plan.links[i].a);
        note(info.b, plan.links[i].b);
    }
    for (std::size_t i = 0; i < plan.uplinks.size(); ++i)
        if (ctx.uplinks()[i].port.valid())
            note(ctx.uplinks()[i], Endpoint{plan.uplinks[i].device, plan.uplinks[i].port});
    for (const auto &[device, ports] : offending) {
        if (ports.isEmpty())
            continue;
        const Device &d = ctx.device(device);
        QStringList subjects{d.id};
        subjects << ports;
        out.push_back(makeFinding(id(), Severity::Error,
                                  QStringLiteral("%1 (%2) is on the RoCE data path but not RoCE-capable on %3")
                                      .arg(d.id, ctx.type(device)->id, ports.join(QStringLiteral(", "))),
                                  subjects, ports.size(), 0, QStringLiteral("ports")));
    }
}

void NetworkUnconnectedRule::check(const CheckContext &ctx, std::vector<Finding> &out) const
{
    for (int i = 0; i < ctx.deviceCount(); ++i) {
        const DeviceType *t = ctx.type(i);
        if (!isNode(t) || ctx.rackOf(i) < 0)
            continue;
        QStringList open;
        int present = 0;
        for (const PortGroup &g : t->ports) {
            if (!isNodeDataPort(g.purpose))
                continue;
            present += g.count;
            const int first = ctx.portSlot(i, g, 0);
            for (int k = 0; k < g.count; ++k)
                if (ctx.portUses(first + k) == 0)
                    open << ctx.device(i).id + QLatin1Char(':') + g.nameAt(k);
        }
        if (open.isEmpty())
            continue;
        QStringList subjects{ctx.device(i).id};
        subjects << open;
        out.push_back(makeFinding(id(), Severity::Warning,
                                  QStringLiteral("%1 has %2 of %3 data ports unconnected: %4")
                                      .arg(ctx.device(i).id)
                                      .arg(open.size())
                                      .arg(present)
                                      .arg(open.join(QStringLiteral(", "))),
                                  subjects, open.size(), 0, QStringLiteral("ports")));
    }
}

void NetworkDualHomingRule::check(const CheckContext &ctx, std::vector<Finding> &out) const
{
    const int need = ctx.limits().minHomingSwitches;
    // Small fixed sets, no allocation per node: a node has a handful of data ports.
    constexpr int kMaxTracked = 8;
    struct SwitchSet {
        std::array<int, kMaxTracked> ids{};
        int size = 0;
        void add(int id)
        {
            for (int k = 0; k < size; ++k)
                if (ids[static_cast<std::size_t>(k)] == id)
                    return;
            if (size < kMaxTracked)
                ids[static_cast<std::size_t>(size++)] = id;
        }
    };
    for (int i = 0; i < ctx.deviceCount(); ++i) {
        const DeviceType *t = ctx.type(i);
        if (!isNode(t) || ctx.rackOf(i) < 0)
            continue;
        SwitchSet switches;                        // distinct switches this node reaches
        std::array<SwitchSet, kMaxTracked> dpus{}; // per DPU number (1-based; 0 unused)
        for (const int *l = ctx.linksBegin(i); l != ctx.linksEnd(i); ++l) {
            const auto &info = ctx.links()[static_cast<std::size_t>(*l)];
            if (info.a.device == info.b.device)
                continue;
            const auto &mine = info.a.device == i ? info.a : info.b;
            const auto &other = info.a.device == i ? info.b : info.a;
            if (!mine.port.valid() || !isNodeDataPort(mine.port.group->purpose) || other.device < 0 ||
                !isSwitch(ctx.type(other.device)))
                continue;
            switches.add(other.device);
            const int dpu = mine.port.group->dpu;
            if (dpu > 0 && dpu < kMaxTracked)
                dpus[static_cast<std::size_t>(dpu)].add(other.device);
        }
        const Device &d = ctx.device(i);
        const auto names = [&](const SwitchSet &set) {
            QStringList s;
            for (int k = 0; k < set.size; ++k)
                s << ctx.device(set.ids[static_cast<std::size_t>(k)]).id;
            return s.isEmpty() ? QStringLiteral("none") : s.join(QStringLiteral(", "));
        };
        if (switches.size < need) {
            out.push_back(makeFinding(id(), Severity::Error,
                                      QStringLiteral("%1 reaches %2 switch(es) over its data ports (%3); it needs %4 "
                                                     "different switches to survive a switch failure")
                                          .arg(d.id)
                                          .arg(switches.size)
                                          .arg(names(switches))
                                          .arg(need),
                                      {d.id}, switches.size, need, QStringLiteral("switches")));
            continue;
        }
        // Each DPU with two or more ports should itself reach both switches.
        std::array<int, kMaxTracked> dpuPorts{};
        for (const PortGroup &g : t->ports)
            if (g.dpu > 0 && g.dpu < kMaxTracked && isNodeDataPort(g.purpose))
                dpuPorts[static_cast<std::size_t>(g.dpu)] += g.count;
        for (int dpu = 1; dpu < kMaxTracked; ++dpu) {
            const int reached = dpus[static_cast<std::size_t>(dpu)].size;
            if (dpuPorts[static_cast<std::size_t>(dpu)] < need || reached >= need)
                continue;
            const QString subject = QStringLiteral("%1/dpu%2").arg(d.id).arg(dpu);
            out.push_back(
                makeFinding(id(), Severity::Error,
                            QStringLiteral("DPU %1 of %2 reaches %3 switch(es) (%4); it needs %5 different switches")
                                .arg(dpu)
                                .arg(d.id)
                                .arg(reached)
                                .arg(names(dpus[static_cast<std::size_t>(dpu)]))
                                .arg(need),
                            {d.id, subject}, reached, need, QStringLiteral("switches")));
        }
    }
}

} // namespace pp
