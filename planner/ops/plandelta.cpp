#include "planner/ops/plandelta.h"

#include <algorithm>

namespace pp::ops {

// Field-by-field equality, kept here rather than as operators on the plan types: only the delta
// needs it, and a field added to a type must be added here too (the round-trip tests catch it).
static bool same(const Rack &a, const Rack &b)
{
    return a.id == b.id && a.name == b.name && a.heightU == b.heightU && a.row == b.row && a.position == b.position;
}

static bool same(const Device &a, const Device &b)
{
    return a.id == b.id && a.type == b.type && a.rack == b.rack && a.u == b.u && a.face == b.face &&
        a.hostname == b.hostname && a.psuFeeds == b.psuFeeds;
}

static bool same(const Link &a, const Link &b)
{
    return a.a == b.a && a.b == b.b && a.cable == b.cable && a.lengthM == b.lengthM && a.label == b.label &&
        a.manual == b.manual;
}

static bool same(const Uplink &a, const Uplink &b)
{
    return a.device == b.device && a.port == b.port && a.speedGbps == b.speedGbps;
}

static bool same(const Waiver &a, const Waiver &b)
{
    return a.rule == b.rule && a.subject == b.subject && a.reason == b.reason;
}

// Keeps the longest run of `before` that `after` starts with in order, greedily: items of before
// that do not match the next unmatched item of after are removed, items of after left over are
// added. Not always the smallest delta, always a correct one; for the auto-cabler (kept links in
// order, new ones at the end) it is the smallest.
template<typename T> static ListDelta<T> diffList(const std::vector<T> &before, const std::vector<T> &after)
{
    ListDelta<T> d;
    std::size_t j = 0;
    std::vector<bool> matched(after.size(), false);
    for (std::size_t i = 0; i < before.size(); ++i) {
        if (j < after.size() && same(before[i], after[j]))
            matched[j++] = true;
        else
            d.removed.emplace_back(static_cast<int>(i), before[i]);
    }
    for (std::size_t k = 0; k < after.size(); ++k)
        if (!matched[k])
            d.added.emplace_back(static_cast<int>(k), after[k]);
    return d;
}

// Whether `take` can be removed from and then `put` inserted into a list of `size` items.
template<typename T>
static bool fits(const std::vector<T> &list, const std::vector<std::pair<int, T>> &take,
                 const std::vector<std::pair<int, T>> &put)
{
    for (const auto &[i, item] : take)
        if (i < 0 || static_cast<std::size_t>(i) >= list.size() || !same(list[static_cast<std::size_t>(i)], item))
            return false;
    const std::size_t kept = list.size() - take.size();
    for (std::size_t k = 0; k < put.size(); ++k)
        if (put[k].first < 0 || static_cast<std::size_t>(put[k].first) > kept + k)
            return false;
    return true;
}

template<typename T>
static void change(std::vector<T> &list, const std::vector<std::pair<int, T>> &take,
                   const std::vector<std::pair<int, T>> &put)
{
    for (auto it = take.rbegin(); it != take.rend(); ++it)
        list.erase(list.begin() + it->first);
    for (const auto &[i, item] : put)
        list.insert(list.begin() + i, item);
}

QStringList PlanDelta::deviceIds() const
{
    QStringList ids;
    for (const auto &[i, d] : devices.removed)
        ids << d.id;
    for (const auto &[i, d] : devices.added)
        ids << d.id;
    ids.removeDuplicates();
    return ids;
}

OpResult diffPlans(const Plan &before, const Plan &after, PlanDelta *delta)
{
    const bool waiversSame = before.waivers.size() == after.waivers.size() &&
        std::equal(before.waivers.begin(), before.waivers.end(), after.waivers.begin(),
                   [](const Waiver &a, const Waiver &b) { return same(a, b); });
    if (before.name != after.name || before.customer != after.customer || before.track != after.track ||
        before.site.profile != after.site.profile || before.site.overrides != after.site.overrides || !waiversSame)
        return OpResult::refused(QStringLiteral("the edit changed more than racks, devices and links"));
    delta->racks = diffList(before.racks, after.racks);
    delta->devices = diffList(before.devices, after.devices);
    delta->links = diffList(before.links, after.links);
    delta->uplinks = diffList(before.uplinks, after.uplinks);
    return OpResult::done();
}

// Checks every list first, so that a refusal changes nothing.
static OpResult changePlan(Plan &plan, const PlanDelta &d, bool forward)
{
    const auto take = [forward](const auto &list) -> const auto &
    {
        return forward ? list.removed : list.added;
    };
    const auto put = [forward](const auto &list) -> const auto &
    {
        return forward ? list.added : list.removed;
    };
    if (!fits(plan.racks, take(d.racks), put(d.racks)) || !fits(plan.devices, take(d.devices), put(d.devices)) ||
        !fits(plan.links, take(d.links), put(d.links)) || !fits(plan.uplinks, take(d.uplinks), put(d.uplinks)))
        return OpResult::refused(QStringLiteral("the change was made on another plan"));
    change(plan.racks, take(d.racks), put(d.racks));
    change(plan.devices, take(d.devices), put(d.devices));
    change(plan.links, take(d.links), put(d.links));
    change(plan.uplinks, take(d.uplinks), put(d.uplinks));
    return OpResult::done();
}

OpResult applyDelta(Plan &plan, const PlanDelta &delta)
{
    return changePlan(plan, delta, true);
}

OpResult revertDelta(Plan &plan, const PlanDelta &delta)
{
    return changePlan(plan, delta, false);
}

} // namespace pp::ops
