#pragma once

#include "planner/model/resolvedplan.h"
#include "planner/power/powerloads.h"
#include "planner/rules/designlimits.h"

#include <array>
#include <cstdint>
#include <vector>

namespace pp {

// What the rules share, derived once per check run from a plan snapshot: device power, rack and
// feed loads (from PowerLoads, as the dashboard and summary count them), rack weights, link ends resolved to device indices and catalog ports, and which ports are in use.
// Built in one linear pass so that running every rule stays fast after each edit.
class CheckContext {
public:
    static constexpr int kFeedCount = PowerLoads::kFeedCount; // psuFeeds are "A" or "B"

    using DeviceLoad = PowerLoads::DeviceLoad;
    struct RackWeight {
        double weightKg = 0;
        int unknownWeight = 0;
    };
    // A resolved port without its name: which group, which port, which breakout lane.
    struct PortAt {
        const PortGroup *group = nullptr;
        int index = -1;
        int lane = -1; // -1 when the whole port is used
        bool valid() const { return group != nullptr; }
    };
    struct LinkEnd {
        int device = -1;      // index into plan.devices; -1 when the device is unknown
        PortAt port;          // invalid when the device type has no such port
        int slot = -1;        // physical port slot (see portSlot), -1 when unresolved
        double speedGbps = 0; // the lane speed for a breakout lane, else the port speed
    };
    struct LinkInfo {
        LinkEnd a;
        LinkEnd b;
        const DeviceType *cable = nullptr;
    };

    explicit CheckContext(const ResolvedPlan &plan, const DesignLimits &limits = DesignLimits::builtIn());

    const ResolvedPlan &resolved() const { return m_resolved; }
    const Plan &plan() const { return m_resolved.plan(); }
    const SiteProfile &site() const { return m_resolved.site(); }
    const DesignLimits &limits() const { return m_limits; }

    int deviceCount() const { return static_cast<int>(m_rackOf.size()); }
    const Device &device(int i) const { return plan().devices[static_cast<std::size_t>(i)]; }
    const DeviceType *type(int i) const { return m_resolved.typeOf(static_cast<std::size_t>(i)); }
    int rackOf(int i) const { return m_rackOf[static_cast<std::size_t>(i)]; }
    const DeviceLoad &load(int i) const { return m_power.device(i); }
    const PowerLoads &power() const { return m_power; }
    const std::vector<PowerLoads::Rack> &rackLoads() const { return m_power.racks(); }
    const std::vector<RackWeight> &rackWeights() const { return m_weights; }
    double totalTypicalW() const { return m_power.totalTypicalW(); }
    double totalMaxW() const { return m_power.totalMaxW(); }

    const std::vector<LinkInfo> &links() const { return m_links; }
    const std::vector<LinkEnd> &uplinks() const { return m_uplinks; } // parallel to plan().uplinks
    // The links at a device, as indices into links().
    const int *linksBegin(int device) const
    {
        return m_linkIds.data() + m_linkOffsets[static_cast<std::size_t>(device)];
    }
    const int *linksEnd(int device) const
    {
        return m_linkIds.data() + m_linkOffsets[static_cast<std::size_t>(device) + 1];
    }

    // Physical ports are numbered per device: slot = first slot of the device + port offset in its type.
    int portSlot(int device, const PortGroup &group, int index) const;
    // Links and uplinks on a physical port (any breakout lane counts).
    int portUses(int slot) const { return m_slotUses[static_cast<std::size_t>(slot)]; }
    int slotCount() const { return static_cast<int>(m_slotUses.size()); }

    static int feedIndex(const QString &feed) { return PowerLoads::feedIndex(feed); }
    static QString feedName(int feed) { return PowerLoads::feedName(feed); }
    // "R1/A": how findings name a rack's feed.
    QString feedSubject(int rack, int feed) const;

private:
    int indexPorts(std::size_t device, const DeviceType &type, QHash<const DeviceType *, int> &typeIndex);
    void resolveLinks();
    void resolveUplinks();
    LinkEnd resolveEnd(const Endpoint &end, const DeviceType *cable);
    int deviceIndexOf(const QString &id);
    const DeviceType *cableType(const QString &id);

    // A resolved port name, with the first slot of its group within the device type.
    struct CachedPort {
        PortAt port;
        int groupOffset = 0;
    };

    const ResolvedPlan &m_resolved;
    const DesignLimits &m_limits;
    const PowerLoads m_power;
    std::vector<int> m_rackOf;
    std::vector<RackWeight> m_weights;
    std::vector<LinkInfo> m_links;
    std::vector<LinkEnd> m_uplinks;
    std::vector<int> m_linkOffsets;
    std::vector<int> m_linkIds;
    std::vector<int> m_slotBase;
    std::vector<int> m_slotUses;
    // Per device type used in the plan: the first slot of each port group (then the total), and its
    // resolved port names. Link ends repeat names, so each name is resolved once per type.
    struct TypeInfo {
        std::vector<int> groupOffsets;
        QHash<QString, CachedPort> ports;
    };
    std::vector<TypeInfo> m_typeInfos;
    std::vector<int> m_typeOfDevice; // index into m_typeInfos, -1 without a type
    // Link ends repeat device ids, cables and breakouts: small caches keep the pass cheap
    // (breakout texts are parsed once per port group).
    std::vector<std::pair<std::pair<const PortGroup *, int>, double>> m_laneSpeeds;
    std::vector<std::pair<QString, const DeviceType *>> m_cables;
    std::array<std::pair<QString, int>, 4> m_recentDevices;
    std::size_t m_nextRecent = 0;
};

// Lane speed of a breakout port used with a cable of that many legs; the port speed when not split.
double laneSpeedGbps(const PortGroup &group, int lanes);

} // namespace pp
