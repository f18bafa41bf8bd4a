#include "planner/rules/powerrules.h"

#include "planner/rules/rulesupport.h"

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
        // A device whose PSU feeds the plan does not give may land on either feed: count it on both.
        const double unassignedW = racks[r].unassignedMaxW;
        const QString unassignedNote = unassignedW > 0
            ? QStringLiteral(" (includes %1 kW of devices with no PSU feed in the plan)").arg(fmt(unassignedW / 1000))
            : QString();
        for (int f = 0; f < CheckContext::kFeedCount; ++f) {
            const double loadW = racks[r].feedMaxW[static_cast<std::size_t>(f)] + unassignedW;
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
    if (capacityW > 0) {
        for (std::size_t r = 0; r < racks.size(); ++r) {
            if (racks[r].maxW <= capacityW)
                continue;
            const int ri = static_cast<int>(r);
            out.push_back(makeFinding(id(), Severity::Error,
                                      QStringLiteral("rack %1 draws %2 kW at max; with either feed lost the other must "
                                                     "carry it all, but one feed gives %3 kW%4")
                                          .arg(plan.racks[r].id, fmt(racks[r].maxW / 1000), fmt(capacityW / 1000),
                                               unknownNote(racks[r].unknownPower)),
                                      {plan.racks[r].id, ctx.feedSubject(ri, 0), ctx.feedSubject(ri, 1)},
                                      kW(racks[r].maxW), kW(capacityW), QStringLiteral("kW")));
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

void PowerOutletsRule::check(const CheckContext &ctx, std::vector<Finding> &out) const
{
    const Plan &plan = ctx.plan();
    UnknownFigureTally unknownInlets;
    UnknownFigureTally unknownOutlets;
    const int feedsPerRack = std::max(1, ctx.site().power.feeds.feedsPerRack);
    for (int r = 0; r < static_cast<int>(plan.racks.size()); ++r) {
        int c14 = 0, c20 = 0, c13 = 0, c19 = 0, pdus = 0;
        bool inletsKnown = true;
        bool outletsKnown = true;
        bool powered = false;
        for (int i : ctx.resolved().devicesInRack(r)) {
            const DeviceType *t = ctx.type(i);
            if (!t || t->role == Role::Cable)
                continue;
            if (t->role == Role::Pdu) {
                ++pdus;
                bool known = !t->pdu.outlets.empty();
                for (const PduOutletGroup &g : t->pdu.outlets) {
                    if (!g.count.known()) {
                        known = false;
                        continue;
                    }
                    const int n = static_cast<int>(*g.count.value);
                    if (g.connector.compare(QLatin1String("C19"), Qt::CaseInsensitive) == 0)
                        c19 += n;
                    else
                        c13 += n;
                }
                if (!known) {
                    outletsKnown = false;
                    unknownOutlets.add(t);
                }
                continue;
            }
            const Device &d = ctx.device(i);
            const int psus = static_cast<int>(d.psuFeeds.size());
            powered = powered || psus > 0 || ctx.load(i).maxW > 0;
            if (t->psu.count.known() && psus > 0 && psus != static_cast<int>(*t->psu.count.value))
                out.push_back(makeFinding(id(), Severity::Warning,
                                          QStringLiteral("%1 lists %2 PSU feed(s) but a %3 has %4 PSUs")
                                              .arg(d.id)
                                              .arg(psus)
                                              .arg(t->id)
                                              .arg(*t->psu.count.value),
                                          {d.id}, psus, *t->psu.count.value, QStringLiteral("PSUs")));
            if (psus == 0)
                continue;
            if (t->psu.connector.compare(QLatin1String("C20"), Qt::CaseInsensitive) == 0) {
                c20 += psus;
            } else if (t->psu.connector.compare(QLatin1String("C14"), Qt::CaseInsensitive) == 0) {
                c14 += psus;
            } else {
                inletsKnown = false;
                unknownInlets.add(t);
            }
        }
        const QString &rack = plan.racks[static_cast<std::size_t>(r)].id;
        if (powered && pdus < feedsPerRack)
            out.push_back(makeFinding(
                id(), Severity::Warning,
                QStringLiteral("rack %1 has %2 PDU(s) for %3 feed(s)").arg(rack).arg(pdus).arg(feedsPerRack), {rack},
                pdus, feedsPerRack, QStringLiteral("PDUs")));
        if (!outletsKnown || pdus == 0)
            continue;
        if (c20 > c19)
            out.push_back(makeFinding(id(), Severity::Error,
                                      QStringLiteral("rack %1 needs %2 C19 outlets for C20 inlets; its PDUs have %3")
                                          .arg(rack)
                                          .arg(c20)
                                          .arg(c19),
                                      {rack}, c20, c19, QStringLiteral("outlets")));
        // A C14 inlet can take a C19 outlet through a C13-to-C20 cord: count the C19s left over.
        const int spareC19 = std::max(0, c19 - c20);
        if (inletsKnown && c14 > c13 + spareC19)
            out.push_back(makeFinding(
                id(), Severity::Error,
                QStringLiteral("rack %1 needs %2 outlets for C14 inlets; its PDUs have %3 C13 and %4 spare C19")
                    .arg(rack)
                    .arg(c14)
                    .arg(c13)
                    .arg(spareC19),
                {rack}, c14, c13 + spareC19, QStringLiteral("outlets")));
        else if (inletsKnown && c14 > c13)
            out.push_back(
                makeFinding(id(), Severity::Info,
                            QStringLiteral("rack %1: %2 C14 inlets need C13-to-C20 cords into spare C19 outlets")
                                .arg(rack)
                                .arg(c14 - c13),
                            {rack}, c14, c13, QStringLiteral("outlets")));
    }
    unknownInlets.report(id(), QStringLiteral("PSU connector (C14/C20)"),
                         QStringLiteral("outlets not checked for them"), out);
    unknownOutlets.report(id(), QStringLiteral("PDU outlet count"),
                          QStringLiteral("outlets not checked in their racks"), out);
}

} // namespace pp
