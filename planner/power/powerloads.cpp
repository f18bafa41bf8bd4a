#include "planner/power/powerloads.h"

namespace pp {

PowerLoads::PowerLoads(const ResolvedPlan &resolved)
{
    const Plan &plan = resolved.plan();
    m_devices.resize(plan.devices.size());
    m_racks.resize(plan.racks.size());
    // Device types repeat: look each one's draw up once.
    const DeviceType *lastType = nullptr;
    DeviceDraw lastDraw;
    for (std::size_t i = 0; i < plan.devices.size(); ++i) {
        const Device &d = plan.devices[i];
        const DeviceType *type = resolved.typeOf(i);
        if (!type || type->role == Role::Cable || d.rack.isEmpty())
            continue;
        const int r = resolved.rackIndex(d.rack);
        if (r < 0)
            continue;
        if (type != lastType) {
            lastType = type;
            lastDraw = deviceDraw(type);
        }
        DeviceLoad &load = m_devices[i];
        load.counted = true;
        load.powerKnown = lastDraw.known;
        load.typicalW = lastDraw.typicalW;
        load.maxW = lastDraw.maxW;
        Rack &rack = m_racks[static_cast<std::size_t>(r)];
        rack.typicalW += load.typicalW;
        rack.maxW += load.maxW;
        m_totalTypicalW += load.typicalW;
        m_totalMaxW += load.maxW;
        if (!load.powerKnown) {
            ++rack.unknownPower;
            ++m_unknownPower;
        }
        addToFeeds(rack, d, load.maxW);
    }
}

void PowerLoads::addToFeeds(Rack &rack, const Device &device, double maxW)
{
    if (device.psuFeeds.isEmpty()) {
        rack.unassignedMaxW += maxW;
        for (int f = 0; f < kFeedCount; ++f) {
            rack.feedMaxW[static_cast<std::size_t>(f)] += maxW;
            rack.lostMaxW[static_cast<std::size_t>(f)] += maxW;
        }
        return;
    }
    std::array<int, kFeedCount> psusOn{};
    for (const QString &feed : device.psuFeeds)
        ++psusOn[static_cast<std::size_t>(feedIndex(feed))];
    const double psus = static_cast<double>(device.psuFeeds.size());
    for (int f = 0; f < kFeedCount; ++f) {
        const auto fi = static_cast<std::size_t>(f);
        rack.feedMaxW[fi] += maxW * psusOn[fi] / psus;
        // With feed f lost, the device runs on the other feed if it has a PSU there.
        if (psusOn[static_cast<std::size_t>(1 - f)] > 0)
            rack.lostMaxW[fi] += maxW;
    }
}

} // namespace pp
