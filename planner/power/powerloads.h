#pragma once

#include "planner/model/resolvedplan.h"
#include "planner/power/devicedraw.h"

#include <array>
#include <vector>

namespace pp {

// Rack, feed and site loads of a plan: the one place that adds device draws up, read by the power
// and cooling rules, the plan summary (and so the exporters and rack headers) and the dashboard.
//
// Counted devices are those in a rack of the plan; loose spares and cables draw nothing. Feeds are
// "A" and "B" (anything but "B" is A, as in the plan file). Feed loads are at max draw:
// - both feeds up, a device's draw is split evenly over its PSUs, so a dual-PSU device puts half
//   on each feed and a single-PSU device all of it on its one feed;
// - with a feed lost, a device with a PSU on the other feed draws all of it from that feed; a
//   device whose PSUs are all on the lost feed goes dark and loads nothing (resilience.dual-psu and
//   power.feed-redundancy name it);
// - a device whose PSU feeds the plan does not give yet may be cabled to either feed, or to one
//   only: it is counted at its full max draw on both feeds, in every case, so that no feed load
//   is understated before the PSUs are cabled.
class PowerLoads {
public:
    static constexpr int kFeedCount = 2;

    struct DeviceLoad {
        bool counted = false; // in a rack: its draw is in the rack, feed and site loads
        bool powerKnown = false;
        double typicalW = 0;
        double maxW = 0;
    };
    struct Rack {
        double typicalW = 0;
        double maxW = 0;
        int unknownPower = 0;                      // counted devices whose draw no source gives
        std::array<double, kFeedCount> feedMaxW{}; // both feeds up, devices with no feed included
        std::array<double, kFeedCount> lostMaxW{}; // [lost]: what the other feed carries with feed `lost` down
        double unassignedMaxW = 0;                 // draw of devices with no PSU feed in the plan

        // The load on feed `feed` when feed `lost` is down: 0 on the lost feed itself.
        double feedMaxWithLostW(int feed, int lost) const
        {
            return feed == lost ? 0.0 : lostMaxW[static_cast<std::size_t>(lost)];
        }
    };

    explicit PowerLoads(const ResolvedPlan &plan);

    const DeviceLoad &device(int i) const { return m_devices[static_cast<std::size_t>(i)]; }
    const std::vector<Rack> &racks() const { return m_racks; }
    double totalTypicalW() const { return m_totalTypicalW; }
    double totalMaxW() const { return m_totalMaxW; }
    int unknownPower() const { return m_unknownPower; }

    static int feedIndex(const QString &feed) { return feed == QLatin1String("B") ? 1 : 0; }
    static QString feedName(int feed) { return feed == 1 ? QStringLiteral("B") : QStringLiteral("A"); }

private:
    void addToFeeds(Rack &rack, const Device &device, double maxW);

    std::vector<DeviceLoad> m_devices;
    std::vector<Rack> m_racks;
    double m_totalTypicalW = 0;
    double m_totalMaxW = 0;
    int m_unknownPower = 0;
};

} // namespace pp
