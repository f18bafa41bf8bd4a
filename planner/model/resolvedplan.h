#pragma once

#include "catalog/model/catalog.h"
#include "planner/model/plan.h"

#include <QHash>
#include <vector>

namespace pp {

// A plan joined with its catalog and effective site: the read-only snapshot that rules,
// metrics and exporters work on. Lookups by id are O(1).
class ResolvedPlan {
public:
    ResolvedPlan(const Plan &plan, const Catalog &catalog, SiteProfile site);

    // Builds the effective site (profile + merge-patched overrides); false with a message on error.
    static bool resolveSite(const Plan &plan, const Catalog &catalog, SiteProfile &site, QString *error);

    const Plan &plan() const { return m_plan; }
    const Catalog &catalog() const { return m_catalog; }
    const SiteProfile &site() const { return m_site; }

    const DeviceType *typeOf(std::size_t deviceIndex) const { return m_types[deviceIndex]; }
    const DeviceType *typeOf(const QString &deviceId) const;
    int deviceIndex(const QString &id) const { return m_deviceIndex.value(id, -1); }
    int rackIndex(const QString &id) const { return m_rackIndex.value(id, -1); }
    const Device *device(const QString &id) const;
    // Device indices per rack, in plan order.
    const std::vector<int> &devicesInRack(int rackIndex) const
    {
        return m_rackDevices[static_cast<std::size_t>(rackIndex)];
    }
    int rackHeightU(int rackIndex) const;

private:
    const Plan &m_plan;
    const Catalog &m_catalog;
    SiteProfile m_site;
    std::vector<const DeviceType *> m_types;
    QHash<QString, int> m_deviceIndex;
    QHash<QString, int> m_rackIndex;
    std::vector<std::vector<int>> m_rackDevices;
};

} // namespace pp
