#include "planner/ops/linkfollow.h"

#include "planner/model/resolvedplan.h"
#include "planner/topology/autocabler.h"
#include "planner/topology/linkfit.h"

#include <algorithm>

namespace pp::ops {

namespace {

bool sameLink(const Link &x, const Link &y)
{
    return x.a == y.a && x.b == y.b && x.cable == y.cable && x.lengthM == y.lengthM && x.label == y.label &&
        x.manual == y.manual;
}

QString linkName(const Link &l)
{
    return l.a.toString() + QStringLiteral("--") + l.b.toString();
}

const CablePolicy &planPolicy(const Plan &plan, const Catalog &catalog)
{
    SiteProfile site;
    if (ResolvedPlan::resolveSite(plan, catalog, site, nullptr))
        return sitePolicy(site);
    return CablePolicy::defaultPolicy();
}

} // namespace

void followLinks(Plan &plan, const Catalog &catalog, const std::function<bool(const Link &)> &select, LinkUndo *undo,
                 QStringList *notes)
{
    if (plan.links.empty())
        return;
    const LinkFit fit(plan, catalog, planPolicy(plan, catalog));
    // The other legs of a selected breakout cable share its run, so they follow too.
    std::vector<char> selected(plan.links.size(), 0);
    for (std::size_t i = 0; i < plan.links.size(); ++i) {
        if (selected[i] || !select(plan.links[i]))
            continue;
        selected[i] = 1;
        for (int leg : fit.legsOf(plan.links[i]))
            selected[static_cast<std::size_t>(leg)] = 1;
    }
    for (std::size_t i = 0; i < plan.links.size(); ++i) {
        if (!selected[i])
            continue;
        Link link = plan.links[i];
        link.label = fit.label(link);
        const LinkNeed need = fit.need(link);
        if (!link.manual) {
            QString why;
            if (!fit.rederive(link, need, &why) && notes)
                *notes << QStringLiteral("link %1: no cable fits any more (%2)").arg(linkName(link), why);
        } else if (const QStringList problems = fit.problems(link, need); !problems.isEmpty() && notes) {
            *notes << QStringLiteral("manual link %1 kept, but %2")
                          .arg(linkName(link), problems.join(QStringLiteral("; ")));
        }
        if (sameLink(link, plan.links[i]))
            continue;
        if (undo)
            undo->changed.emplace_back(static_cast<int>(i), plan.links[i]);
        plan.links[i] = std::move(link);
    }
}

void dropLinksOnMissingPorts(Plan &plan, const Catalog &catalog, const QString &deviceId, LinkUndo *undo,
                             QStringList *notes)
{
    const Device *d = plan.findDevice(deviceId);
    const DeviceType *type = d ? catalog.deviceType(d->type) : nullptr;
    if (!type)
        return;
    const auto missing = [&](const QString &device, const QString &port) {
        return device == deviceId && !type->resolvePort(port).valid();
    };
    QStringList dropped;
    std::vector<Link> kept;
    kept.reserve(plan.links.size());
    for (std::size_t i = 0; i < plan.links.size(); ++i) {
        const Link &l = plan.links[i];
        if (missing(l.a.device, l.a.port) || missing(l.b.device, l.b.port)) {
            dropped << linkName(l);
            if (undo)
                undo->removed.emplace_back(static_cast<int>(i), l);
        } else {
            kept.push_back(l);
        }
    }
    std::vector<Uplink> keptUplinks;
    for (std::size_t i = 0; i < plan.uplinks.size(); ++i) {
        const Uplink &u = plan.uplinks[i];
        if (missing(u.device, u.port)) {
            dropped << QStringLiteral("site uplink on %1:%2").arg(u.device, u.port);
            if (undo)
                undo->removedUplinks.emplace_back(static_cast<int>(i), u);
        } else {
            keptUplinks.push_back(u);
        }
    }
    if (dropped.isEmpty())
        return;
    plan.links = std::move(kept);
    plan.uplinks = std::move(keptUplinks);
    if (notes)
        *notes << QStringLiteral("%1 (%2) has no such port, so these links were removed: %3")
                      .arg(deviceId, type->model, dropped.join(QStringLiteral(", ")));
}

void restoreLinks(Plan &plan, const LinkUndo &undo)
{
    for (auto it = undo.changed.rbegin(); it != undo.changed.rend(); ++it)
        if (it->first >= 0 && it->first < static_cast<int>(plan.links.size()))
            plan.links[static_cast<std::size_t>(it->first)] = it->second;
    for (const auto &[i, link] : undo.removed)
        plan.links.insert(plan.links.begin() + std::clamp(i, 0, static_cast<int>(plan.links.size())), link);
    for (const auto &[i, uplink] : undo.removedUplinks)
        plan.uplinks.insert(plan.uplinks.begin() + std::clamp(i, 0, static_cast<int>(plan.uplinks.size())), uplink);
}

} // namespace pp::ops
