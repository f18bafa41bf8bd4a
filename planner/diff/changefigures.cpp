#include "planner/diff/changefigures.h"

#include "planner/model/plansummary.h"
#include "planner/rules/ruleengine.h"

#include <cmath>

namespace pp {

std::optional<double> nominalReadTBps(const ResolvedPlan &plan)
{
    double gbps = 0;
    int cnodes = 0;
    for (std::size_t i = 0; i < plan.plan().devices.size(); ++i) {
        const DeviceType *type = plan.typeOf(i);
        if (!type || type->role != Role::CNode || plan.plan().devices[i].rack.isEmpty())
            continue;
        const std::optional<double> read = type->throughputGBpsAt(100);
        if (!read)
            return std::nullopt;
        gbps += *read;
        ++cnodes;
    }
    return cnodes > 0 ? std::optional<double>(gbps / 1000.0) : std::nullopt;
}

static bool differs(const std::optional<double> &a, const std::optional<double> &b)
{
    if (a.has_value() != b.has_value())
        return true;
    return a && std::abs(*a - *b) > 1e-9;
}

static QString findingKey(const Finding &f)
{
    return f.rule + QLatin1Char('|') + f.subjects.join(QLatin1Char(','));
}

// Unwaived errors and warnings of a plan by rule and subjects.
static std::vector<Finding> openFindings(const ResolvedPlan &plan)
{
    std::vector<Finding> out;
    for (const Finding &f : runChecks(plan).findings)
        if (!f.waived && f.severity != Severity::Info)
            out.push_back(f);
    return out;
}

static std::vector<Finding> missingFrom(const std::vector<Finding> &list, const std::vector<Finding> &other)
{
    QStringList keys;
    for (const Finding &f : other)
        keys << findingKey(f);
    std::vector<Finding> out;
    for (const Finding &f : list)
        if (!keys.contains(findingKey(f)))
            out.push_back(f);
    return out;
}

ChangeFigures compareFigures(const ResolvedPlan &before, const ResolvedPlan &after)
{
    ChangeFigures c;
    const PlanSummary a = summarize(before);
    const PlanSummary b = summarize(after);
    const auto add = [&c](const QString &name, const QString &unit, std::optional<double> from,
                          std::optional<double> to) {
        if (differs(from, to))
            c.figures.push_back({name, unit, from, to});
    };
    const auto kw = [](double w) { return std::optional<double>(w / 1000.0); };
    add(QStringLiteral("site typical kW"), QStringLiteral("kW"), kw(a.typicalW), kw(b.typicalW));
    add(QStringLiteral("site max kW"), QStringLiteral("kW"), kw(a.maxW), kw(b.maxW));
    QStringList rackIds;
    for (const RackSummary &r : a.racks)
        rackIds << r.id;
    for (const RackSummary &r : b.racks)
        if (!rackIds.contains(r.id))
            rackIds << r.id;
    const auto rackOf = [](const PlanSummary &s, const QString &id) -> const RackSummary * {
        for (const RackSummary &r : s.racks)
            if (r.id == id)
                return &r;
        return nullptr;
    };
    for (const QString &id : rackIds) {
        const RackSummary *ra = rackOf(a, id);
        const RackSummary *rb = rackOf(b, id);
        add(QStringLiteral("rack %1 typical kW").arg(id), QStringLiteral("kW"), ra ? kw(ra->typicalW) : std::nullopt,
            rb ? kw(rb->typicalW) : std::nullopt);
        add(QStringLiteral("rack %1 max kW").arg(id), QStringLiteral("kW"), ra ? kw(ra->maxW) : std::nullopt,
            rb ? kw(rb->maxW) : std::nullopt);
    }
    const auto pb = [](double tb) { return std::optional<double>(tb / 1000.0); };
    add(QStringLiteral("raw PB"), QStringLiteral("PB"), pb(a.rawTB), pb(b.rawTB));
    add(QStringLiteral("usable PB"), QStringLiteral("PB"), pb(a.usableTB), pb(b.usableTB));
    add(QStringLiteral("nominal read TB/s"), QStringLiteral("TB/s"), nominalReadTBps(before), nominalReadTBps(after));
    const std::vector<Finding> fa = openFindings(before);
    const std::vector<Finding> fb = openFindings(after);
    c.opened = missingFrom(fb, fa);
    c.closed = missingFrom(fa, fb);
    return c;
}

} // namespace pp
