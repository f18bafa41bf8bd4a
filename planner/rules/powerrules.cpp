#include "planner/rules/powerrules.h"

#include "planner/rules/rulesupport.h"

#include <QSet>
#include <algorithm>

namespace pp {

namespace {

QString unknownNote(int devices)
{
    return devices ? QStringLiteral(" (%1 device(s) with unknown power not counted)").arg(devices) : QString();
}

bool isAPlusB(const SiteProfile &site)
{
    return site.power.feeds.redundancy.compare(QLatin1String("A+B"), Qt::CaseInsensitive) == 0;
}

} // namespace

void PowerSiteBudgetRule::check(const CheckContext &ctx, std::vector<Finding> &out) const
{
    const double budgetW = ctx.site().power.budgetKW * 1000.0;
    UnknownFigureTally unknown;
    int unknownDevices = 0;
    for (int i = 0; i < ctx.deviceCount(); ++i) {
        const auto &load = ctx.load(i);
        if (load.counted && !load.powerKnown && ctx.type(i)->role != Role::Pdu) {
            unknown.add(ctx.type(i));
            ++unknownDevices;
        }
    }
    const QString site = siteSubject(ctx);
    if (budgetW <= 0) {
        out.push_back(
            makeFinding(id(), Severity::Info,
                        QStringLiteral("site %1 gives no power budget: the total draw is not checked").arg(site),
                        {site}, kW(ctx.totalTypicalW()), std::nullopt, QStringLiteral("kW")));
    } else if (ctx.totalTypicalW() > budgetW) {
        out.push_back(
            makeFinding(id(), Severity::Error,
                        QStringLiteral("typical draw %1 kW exceeds the site budget %2 kW%3")
                            .arg(fmt(ctx.totalTypicalW() / 1000), fmt(budgetW / 1000), unknownNote(unknownDevices)),
                        {site}, kW(ctx.totalTypicalW()), kW(budgetW), QStringLiteral("kW")));
    } else if (ctx.totalMaxW() > budgetW) {
        out.push_back(makeFinding(id(), Severity::Warning,
                                  QStringLiteral("max draw %1 kW exceeds the site budget %2 kW (typical %3 kW fits)%4")
                                      .arg(fmt(ctx.totalMaxW() / 1000), fmt(budgetW / 1000),
                                           fmt(ctx.totalTypicalW() / 1000), unknownNote(unknownDevices)),
                                  {site}, kW(ctx.totalMaxW()), kW(budgetW), QStringLiteral("kW")));
    }
    unknown.report(id(), QStringLiteral("power"), QStringLiteral("not counted in the power and heat checks"), out);
}

void PowerRackBudgetRule::check(const CheckContext &ctx, std::vector<Finding> &out) const
{
    const double limitW = ctx.site().power.rackLimitKW * 1000.0;
    const Plan &plan = ctx.plan();
    if (limitW <= 0) {
        if (!plan.racks.empty())
            out.push_back(makeFinding(
                id(), Severity::Info,
                QStringLiteral("site %1 gives no per-rack power limit: racks are not checked").arg(siteSubject(ctx)),
                {siteSubject(ctx)}, std::nullopt, std::nullopt, QStringLiteral("kW")));
        return;
    }
    const auto &racks = ctx.rackLoads();
    for (std::size_t r = 0; r < racks.size(); ++r) {
        const auto &load = racks[r];
        const QString &rack = plan.racks[r].id;
        if (load.typicalW > limitW)
            out.push_back(makeFinding(
                id(), Severity::Error,
                QStringLiteral("rack %1 draws %2 kW typical, over its %3 kW limit%4")
                    .arg(rack, fmt(load.typicalW / 1000), fmt(limitW / 1000), unknownNote(load.unknownPower)),
                {rack}, kW(load.typicalW), kW(limitW), QStringLiteral("kW")));
        else if (load.maxW > limitW)
            out.push_back(makeFinding(
                id(), Severity::Warning,
                QStringLiteral("rack %1 draws up to %2 kW at max, over its %3 kW limit (typical %4 kW fits)%5")
                    .arg(rack, fmt(load.maxW / 1000), fmt(limitW / 1000), fmt(load.typicalW / 1000),
                         unknownNote(load.unknownPower)),
                {rack}, kW(load.maxW), kW(limitW), QStringLiteral("kW")));
    }
}

void PowerFeedCapacityRule::check(const CheckContext &ctx, std::vector<Finding> &out) const
{
    const SiteProfile::Feeds &feeds = ctx.site().power.feeds;
    const double capacityW = feeds.capacityW();
    const Plan &plan = ctx.plan();
    if (capacityW <= 0) {
        if (!plan.racks.empty())
            out.push_back(
                makeFinding(id(), Severity::Info,
                            QStringLiteral("site %1 gives no feed rating: feeds are not checked").arg(siteSubject(ctx)),
                            {siteSubject(ctx)}, std::nullopt, std::nullopt, QStringLiteral("kW")));
        return;
    }
    const QString rating = QStringLiteral("%1 V × %2 A%3 × %4%")
                               .arg(fmt(feeds.voltageV), fmt(feeds.amps),
                                    feeds.phases == 3 ? QStringLiteral(" × √3") : QString(), fmt(feeds.deratePct));
    const auto &racks = ctx.rackLoads();
    for (std::size_t r = 0; r < racks.size(); ++r) {
        // PowerLoads counts a device whose PSU feeds the plan does not give on both feeds.
        const double unassignedW = racks[r].unassignedMaxW;
        const QString unassignedNote = unassignedW > 0
            ? QStringLiteral(" (includes %1 kW of devices with no PSU feed in the plan)").arg(fmt(unassignedW / 1000))
            : QString();
        for (int f = 0; f < CheckContext::kFeedCount; ++f) {
            const double loadW = racks[r].feedMaxW[static_cast<std::size_t>(f)];
            if (loadW <= capacityW)
                continue;
            const QString feed = ctx.feedSubject(static_cast<int>(r), f);
            out.push_back(makeFinding(
                id(), Severity::Error,
                QStringLiteral("feed %1 carries %2 kW at max draw with both feeds up, over its %3 kW (%4)%5%6")
                    .arg(feed, fmt(loadW / 1000), fmt(capacityW / 1000), rating, unassignedNote,
                         unknownNote(racks[r].unknownPower)),
                {feed, plan.racks[r].id}, kW(loadW), kW(capacityW), QStringLiteral("kW")));
        }
    }
}

void PowerFeedRedundancyRule::check(const CheckContext &ctx, std::vector<Finding> &out) const
{
    if (!isAPlusB(ctx.site()))
        return;
    const double capacityW = ctx.site().power.feeds.capacityW();
    const Plan &plan = ctx.plan();
    const auto &racks = ctx.rackLoads();
    // With a feed lost, the other carries every device that has a PSU on it (PowerLoads): one finding
    // per surviving feed that cannot carry it, measured as the dashboard's "A lost" / "B lost" bars.
    for (std::size_t r = 0; capacityW > 0 && r < racks.size(); ++r) {
        for (int lost = 0; lost < CheckContext::kFeedCount; ++lost) {
            const int other = 1 - lost;
            const double loadW = racks[r].feedMaxWithLostW(other, lost);
            if (loadW <= capacityW)
                continue;
            const QString feed = ctx.feedSubject(static_cast<int>(r), other);
            out.push_back(makeFinding(
                id(), Severity::Error,
                QStringLiteral("with feed %1 lost, feed %2 carries %3 kW at max draw, but one feed gives %4 kW%5")
                    .arg(CheckContext::feedName(lost), feed, fmt(loadW / 1000), fmt(capacityW / 1000),
                         unknownNote(racks[r].unknownPower)),
                {plan.racks[r].id, feed}, kW(loadW), kW(capacityW), QStringLiteral("kW")));
        }
    }
    for (int i = 0; i < ctx.deviceCount(); ++i) {
        const Device &d = ctx.device(i);
        if (!ctx.load(i).counted || ctx.type(i)->role == Role::Pdu || d.psuFeeds.size() < 2)
            continue; // devices with fewer than two PSUs are resilience.dual-psu findings
        bool onA = false;
        bool onB = false;
        for (const QString &feed : d.psuFeeds)
            (CheckContext::feedIndex(feed) == 0 ? onA : onB) = true;
        if (onA && onB)
            continue;
        const QString lost = onA ? QStringLiteral("A") : QStringLiteral("B");
        out.push_back(makeFinding(id(), Severity::Error,
                                  QStringLiteral("%1 has %2 PSUs, all on feed %3: losing feed %3 takes it down")
                                      .arg(d.id)
                                      .arg(d.psuFeeds.size())
                                      .arg(lost),
                                  {d.id, ctx.feedSubject(ctx.rackOf(i), CheckContext::feedIndex(lost))}, 1, 2,
                                  QStringLiteral("feeds")));
    }
}

namespace {

// Inlets and outlets of one rack, counted for power.outlets.
struct RackOutlets {
    int c14 = 0, c20 = 0, c13 = 0, c19 = 0, pdus = 0;
    bool inletsKnown = true;
    bool outletsKnown = true;
    bool powered = false;
};

void countPduOutlets(const DeviceType *t, RackOutlets &rack, UnknownFigureTally &unknownOutlets)
{
    ++rack.pdus;
    bool known = !t->pdu.outlets.empty();
    for (const PduOutletGroup &g : t->pdu.outlets) {
        if (!g.count.known()) {
            known = false;
            continue;
        }
        const int n = static_cast<int>(*g.count.value);
        if (g.connector.compare(QLatin1String("C19"), Qt::CaseInsensitive) == 0)
            rack.c19 += n;
        else
            rack.c13 += n;
    }
    if (!known) {
        rack.outletsKnown = false;
        unknownOutlets.add(t);
    }
}

RackOutlets countRack(const CheckContext &ctx, int r, const QString &rule, UnknownFigureTally &unknownInlets,
                      UnknownFigureTally &unknownOutlets, std::vector<Finding> &out)
{
    RackOutlets rack;
    for (int i : ctx.resolved().devicesInRack(r)) {
        const DeviceType *t = ctx.type(i);
        if (!t || t->role == Role::Cable)
            continue;
        if (t->role == Role::Pdu) {
            countPduOutlets(t, rack, unknownOutlets);
            continue;
        }
        const Device &d = ctx.device(i);
        const int psus = static_cast<int>(d.psuFeeds.size());
        rack.powered = rack.powered || psus > 0 || ctx.load(i).maxW > 0;
        if (t->psu.count.known() && psus > 0 && psus != static_cast<int>(*t->psu.count.value))
            out.push_back(makeFinding(rule, Severity::Warning,
                                      QStringLiteral("%1 lists %2 PSU feed(s) but a %3 has %4 PSUs")
                                          .arg(d.id)
                                          .arg(psus)
                                          .arg(t->id)
                                          .arg(*t->psu.count.value),
                                      {d.id}, psus, *t->psu.count.value, QStringLiteral("PSUs")));
        if (psus == 0)
            continue;
        if (t->psu.connector.compare(QLatin1String("C20"), Qt::CaseInsensitive) == 0) {
            rack.c20 += psus;
        } else if (t->psu.connector.compare(QLatin1String("C14"), Qt::CaseInsensitive) == 0) {
            rack.c14 += psus;
        } else {
            rack.inletsKnown = false;
            unknownInlets.add(t);
        }
    }
    return rack;
}

// A PDU's phases (given, or read from the feed legs of its outlets) against the site's feeds: a
// three-phase PDU cannot be fed from a single-phase feed; a single-phase PDU on a three-phase feed
// loads one leg with the whole rack.
void checkPduPhases(const CheckContext &ctx, int r, const QString &rule, std::vector<Finding> &out)
{
    const int sitePhases = ctx.site().power.feeds.phases;
    const QString &rack = ctx.plan().racks[static_cast<std::size_t>(r)].id;
    QSet<const DeviceType *> seen;
    for (int i : ctx.resolved().devicesInRack(r)) {
        const DeviceType *t = ctx.type(i);
        if (!t || t->role != Role::Pdu || !t->pdu.phases.known() || seen.contains(t))
            continue;
        seen.insert(t);
        const int phases = static_cast<int>(*t->pdu.phases.value);
        if (phases > 1 && sitePhases == 1)
            out.push_back(makeFinding(rule, Severity::Warning,
                                      QStringLiteral("rack %1: %2 is a %3-phase PDU but the site's feeds are "
                                                     "single-phase")
                                          .arg(rack, t->id)
                                          .arg(phases),
                                      {rack, ctx.device(i).id}, phases, sitePhases, QStringLiteral("phases")));
        else if (phases == 1 && sitePhases == 3)
            out.push_back(makeFinding(rule, Severity::Info,
                                      QStringLiteral("rack %1: %2 is a single-phase PDU on a three-phase feed: one "
                                                     "leg carries all of its load")
                                          .arg(rack, t->id),
                                      {rack, ctx.device(i).id}, phases, sitePhases, QStringLiteral("phases")));
    }
}

} // namespace

void PowerOutletsRule::check(const CheckContext &ctx, std::vector<Finding> &out) const
{
    const Plan &plan = ctx.plan();
    UnknownFigureTally unknownInlets;
    UnknownFigureTally unknownOutlets;
    const int feedsPerRack = std::max(1, ctx.site().power.feeds.feedsPerRack);
    for (int r = 0; r < static_cast<int>(plan.racks.size()); ++r) {
        const RackOutlets o = countRack(ctx, r, id(), unknownInlets, unknownOutlets, out);
        checkPduPhases(ctx, r, id(), out);
        const QString &rack = plan.racks[static_cast<std::size_t>(r)].id;
        if (o.powered && o.pdus < feedsPerRack)
            out.push_back(makeFinding(
                id(), Severity::Warning,
                QStringLiteral("rack %1 has %2 PDU(s) for %3 feed(s)").arg(rack).arg(o.pdus).arg(feedsPerRack), {rack},
                o.pdus, feedsPerRack, QStringLiteral("PDUs")));
        if (!o.outletsKnown || o.pdus == 0)
            continue;
        if (o.c20 > o.c19)
            out.push_back(makeFinding(id(), Severity::Error,
                                      QStringLiteral("rack %1 needs %2 C19 outlets for C20 inlets; its PDUs have %3")
                                          .arg(rack)
                                          .arg(o.c20)
                                          .arg(o.c19),
                                      {rack}, o.c20, o.c19, QStringLiteral("outlets")));
        // A C14 inlet can take a C19 outlet through a C13-to-C20 cord: count the C19s left over.
        const int spareC19 = std::max(0, o.c19 - o.c20);
        if (o.inletsKnown && o.c14 > o.c13 + spareC19)
            out.push_back(makeFinding(
                id(), Severity::Error,
                QStringLiteral("rack %1 needs %2 outlets for C14 inlets; its PDUs have %3 C13 and %4 spare C19")
                    .arg(rack)
                    .arg(o.c14)
                    .arg(o.c13)
                    .arg(spareC19),
                {rack}, o.c14, o.c13 + spareC19, QStringLiteral("outlets")));
        else if (o.inletsKnown && o.c14 > o.c13)
            out.push_back(
                makeFinding(id(), Severity::Info,
                            QStringLiteral("rack %1: %2 C14 inlets need C13-to-C20 cords into spare C19 outlets")
                                .arg(rack)
                                .arg(o.c14 - o.c13),
                            {rack}, o.c14, o.c13, QStringLiteral("outlets")));
    }
    unknownInlets.report(id(), QStringLiteral("PSU connector (C14/C20)"),
                         QStringLiteral("outlets not checked for them"), out);
    unknownOutlets.report(id(), QStringLiteral("PDU outlet count"),
                          QStringLiteral("outlets not checked in their racks"), out);
}

} // namespace pp
