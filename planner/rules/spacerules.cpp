#include "planner/rules/spacerules.h"

#include "planner/rules/rulesupport.h"

#include <algorithm>

namespace pp {

namespace {

// One racked device's footprint: rack units lo..hi and which sides of the rack it takes.
struct Footprint {
    int device;
    int lo;
    int hi;
    bool front;
    bool rear;
};

std::vector<Footprint> footprints(const CheckContext &ctx, int rack)
{
    std::vector<Footprint> items;
    for (int i : ctx.resolved().devicesInRack(rack)) {
        const DeviceType *t = ctx.type(i);
        if (!t || !t->isRackMounted())
            continue;
        const Device &d = ctx.device(i);
        const bool full = t->fullDepth;
        items.push_back({i, d.u, d.u + t->uHeight - 1, full || d.face == Face::Front, full || d.face == Face::Rear});
    }
    std::sort(items.begin(), items.end(),
              [](const Footprint &a, const Footprint &b) { return a.lo != b.lo ? a.lo < b.lo : a.device < b.device; });
    return items;
}

} // namespace

void SpaceOverlapRule::check(const CheckContext &ctx, std::vector<Finding> &out) const
{
    const Plan &plan = ctx.plan();
    for (int r = 0; r < static_cast<int>(plan.racks.size()); ++r) {
        const std::vector<Footprint> items = footprints(ctx, r);
        for (std::size_t i = 0; i < items.size(); ++i) {
            for (std::size_t j = i + 1; j < items.size() && items[j].lo <= items[i].hi; ++j) {
                const Footprint &a = items[i];
                const Footprint &b = items[j];
                if (!((a.front && b.front) || (a.rear && b.rear)))
                    continue;
                const int overlapU = std::min(a.hi, b.hi) - b.lo + 1;
                const Device &da = ctx.device(a.device);
                const Device &db = ctx.device(b.device);
                const bool collide = a.front != b.front || a.rear != b.rear;
                out.push_back(makeFinding(
                    id(), Severity::Error,
                    QStringLiteral("%1 (U%2-%3) and %4 (U%5-%6) overlap by %7 U in rack %8%9")
                        .arg(da.id)
                        .arg(a.lo)
                        .arg(a.hi)
                        .arg(db.id)
                        .arg(b.lo)
                        .arg(b.hi)
                        .arg(overlapU)
                        .arg(plan.racks[static_cast<std::size_t>(r)].id,
                             collide ? QStringLiteral(" (a full-depth device meets one on the other side)")
                                     : QString()),
                    {da.id, db.id, plan.racks[static_cast<std::size_t>(r)].id}, overlapU, 0, QStringLiteral("U")));
            }
        }
    }
}

void SpaceOutsideRackRule::check(const CheckContext &ctx, std::vector<Finding> &out) const
{
    const Plan &plan = ctx.plan();
    const int siteHeightU = ctx.site().rack.heightU;
    for (const Rack &rack : plan.racks) {
        if (siteHeightU > 0 && rack.heightU > siteHeightU)
            out.push_back(makeFinding(id(), Severity::Error,
                                      QStringLiteral("rack %1 is %2 U, taller than the site's %3 U racks")
                                          .arg(rack.id)
                                          .arg(rack.heightU)
                                          .arg(siteHeightU),
                                      {rack.id}, rack.heightU, siteHeightU, QStringLiteral("U")));
    }
    for (int i = 0; i < ctx.deviceCount(); ++i) {
        const DeviceType *t = ctx.type(i);
        if (!t || !t->isRackMounted())
            continue;
        const Device &d = ctx.device(i);
        const int r = ctx.rackOf(i);
        if (r < 0)
            continue; // a loose spare: not in any rack, nothing to fit
        const Rack &rack = plan.racks[static_cast<std::size_t>(r)];
        const int top = d.u + t->uHeight - 1;
        if (t->uHeight > rack.heightU)
            out.push_back(makeFinding(id(), Severity::Error,
                                      QStringLiteral("%1 is %2 U, taller than rack %3 (%4 U)")
                                          .arg(d.id)
                                          .arg(t->uHeight)
                                          .arg(rack.id)
                                          .arg(rack.heightU),
                                      {d.id, rack.id}, t->uHeight, rack.heightU, QStringLiteral("U")));
        else if (d.u < 1)
            out.push_back(makeFinding(
                id(), Severity::Error,
                QStringLiteral("%1 starts at U%2, below the bottom of rack %3").arg(d.id).arg(d.u).arg(rack.id),
                {d.id, rack.id}, d.u, 1, QStringLiteral("U")));
        else if (top > rack.heightU)
            out.push_back(makeFinding(id(), Severity::Error,
                                      QStringLiteral("%1 reaches U%2, above the top of rack %3 (%4 U)")
                                          .arg(d.id)
                                          .arg(top)
                                          .arg(rack.id)
                                          .arg(rack.heightU),
                                      {d.id, rack.id}, top, rack.heightU, QStringLiteral("U")));
    }
}

void SpaceDepthRule::check(const CheckContext &ctx, std::vector<Finding> &out) const
{
    const Plan &plan = ctx.plan();
    const double rackDepthMM = ctx.site().rack.depthMM;
    UnknownFigureTally unknown;
    for (int i = 0; i < ctx.deviceCount(); ++i) {
        const DeviceType *t = ctx.type(i);
        if (!t || !t->isRackMounted() || ctx.rackOf(i) < 0)
            continue;
        if (!t->depthMM.known()) {
            unknown.add(t);
            continue;
        }
        const Device &d = ctx.device(i);
        if (rackDepthMM > 0 && *t->depthMM.value > rackDepthMM)
            out.push_back(makeFinding(id(), Severity::Error,
                                      QStringLiteral("%1 is %2 mm deep; the site's racks are %3 mm")
                                          .arg(d.id, fmt(*t->depthMM.value), fmt(rackDepthMM)),
                                      {d.id, d.rack}, *t->depthMM.value, rackDepthMM, QStringLiteral("mm")));
    }
    // Half-depth devices front and rear in the same units must not meet in the middle.
    if (rackDepthMM > 0) {
        for (int r = 0; r < static_cast<int>(plan.racks.size()); ++r) {
            const std::vector<Footprint> items = footprints(ctx, r);
            for (std::size_t i = 0; i < items.size(); ++i) {
                for (std::size_t j = i + 1; j < items.size() && items[j].lo <= items[i].hi; ++j) {
                    const Footprint &a = items[i];
                    const Footprint &b = items[j];
                    if (a.front == b.front || (a.front && a.rear) || (b.front && b.rear))
                        continue;
                    const DeviceType *ta = ctx.type(a.device);
                    const DeviceType *tb = ctx.type(b.device);
                    if (!ta->depthMM.known() || !tb->depthMM.known())
                        continue;
                    const double depth = *ta->depthMM.value + *tb->depthMM.value;
                    if (depth <= rackDepthMM)
                        continue;
                    const Device &da = ctx.device(a.device);
                    const Device &db = ctx.device(b.device);
                    out.push_back(makeFinding(
                        id(), Severity::Error,
                        QStringLiteral(
                            "%1 (front) and %2 (rear) share units and together are %3 mm deep; rack %4 is %5 mm")
                            .arg(a.front ? da.id : db.id, a.front ? db.id : da.id, fmt(depth),
                                 plan.racks[static_cast<std::size_t>(r)].id, fmt(rackDepthMM)),
                        {da.id, db.id, plan.racks[static_cast<std::size_t>(r)].id}, depth, rackDepthMM,
                        QStringLiteral("mm")));
                }
            }
        }
    }
    unknown.report(id(), QStringLiteral("depth"),
                   QStringLiteral("depth not checked against the %1 mm racks").arg(fmt(rackDepthMM)), out);
}

} // namespace pp
