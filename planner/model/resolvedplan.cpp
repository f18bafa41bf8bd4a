#include "planner/model/resolvedplan.h"

namespace pp {

ResolvedPlan::ResolvedPlan(const Plan &plan, const Catalog &catalog, SiteProfile site)
    : m_plan(plan)
    , m_catalog(catalog)
    , m_site(std::move(site))
{
    m_types.reserve(plan.devices.size());
    m_deviceIndex.reserve(static_cast<qsizetype>(plan.devices.size()));
    m_rackIndex.reserve(static_cast<qsizetype>(plan.racks.size()));
    for (std::size_t i = 0; i < plan.racks.size(); ++i)
        m_rackIndex.insert(plan.racks[i].id, static_cast<int>(i));
    m_rackDevices.resize(plan.racks.size());
    for (std::size_t i = 0; i < plan.devices.size(); ++i) {
        const Device &d = plan.devices[i];
        m_types.push_back(catalog.deviceType(d.type));
        m_deviceIndex.insert(d.id, static_cast<int>(i));
        const int r = m_rackIndex.value(d.rack, -1);
        if (r >= 0)
            m_rackDevices[static_cast<std::size_t>(r)].push_back(static_cast<int>(i));
    }
}

bool ResolvedPlan::resolveSite(const Plan &plan, const Catalog &catalog, SiteProfile &site, QString *error)
{
    const SiteProfile *profile = catalog.site(plan.site.profile);
    if (!profile) {
        if (error)
            *error = QStringLiteral("site.profile: unknown site profile \"%1\"").arg(plan.site.profile);
        return false;
    }
    if (plan.site.overrides.empty()) {
        site = *profile;
        return true;
    }
    Json merged = profile->raw.is_null() ? profile->toJson() : profile->raw;
    merged.merge_patch(plan.site.overrides);
    try {
        site = SiteProfile::fromJson(merged, QStringLiteral("site.overrides"));
    } catch (const FieldError &e) {
        if (error)
            *error = QStringLiteral("%1: %2").arg(e.path, e.reason);
        return false;
    }
    return true;
}

const DeviceType *ResolvedPlan::typeOf(const QString &deviceId) const
{
    const int i = deviceIndex(deviceId);
    return i < 0 ? nullptr : m_types[static_cast<std::size_t>(i)];
}

const Device *ResolvedPlan::device(const QString &id) const
{
    const int i = deviceIndex(id);
    return i < 0 ? nullptr : &m_plan.devices[static_cast<std::size_t>(i)];
}

int ResolvedPlan::rackHeightU(int rackIndex) const
{
    return m_plan.racks[static_cast<std::size_t>(rackIndex)].heightU;
}

} // namespace pp
