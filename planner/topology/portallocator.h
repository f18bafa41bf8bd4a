#pragma once

#include "catalog/model/devicetype.h"

#include <QString>
#include <vector>

namespace pp {

// Which ports of which devices are taken, lane by lane for broken-out ports, so that no port is
// booked twice and a port split into lanes (swp3s0, swp3s1) still counts as one physical port.
class PortAllocator {
public:
    enum class Status { Ok, UnknownDevice, UnknownPort, Taken, BreakoutConflict };

    // Devices are added in plan order; the device index is the order of addition.
    int addDevice(const DeviceType *type);
    int deviceCount() const { return static_cast<int>(m_devices.size()); }
    const DeviceType *type(int device) const { return m_devices[static_cast<std::size_t>(device)].type; }

    // Books one port by name: a whole port ("swp3") or a breakout lane ("swp3s1") of a port split
    // into `lanes` (0 = the smallest breakout of the port's group that has that lane). A port once
    // split keeps its lane count until every lane is released.
    Status book(int device, const QString &port, int lanes = 0, QString *why = nullptr);
    void release(int device, const QString &port);
    bool isFree(int device, const QString &port) const;

    // Books the first free whole port (lanes = 1) or lane (lanes > 1) among the ports with indices
    // fromIndex..toIndex of port group `group`, in port order; with freshPort only unused ports are
    // taken (so that a new kind of neighbour starts on a new physical port). Empty when full.
    // portIndex receives the index of the physical port within the group.
    QString bookNext(int device, int group, int fromIndex, int toIndex, int lanes, bool freshPort = false,
                     int *portIndex = nullptr);
    // How many whole ports or lanes bookNext could still hand out in that range.
    int freeSlots(int device, int group, int fromIndex, int toIndex, int lanes) const;

    int physicalPortsUsed(int device) const;
    int lanesUsed(int device) const; // a whole port counts as one lane
    // 0 = unused, 1 = used whole, n = split into n lanes.
    int portLanes(int device, int group, int index) const;

    // The lane count a link of linkSpeedGbps needs on a port of this group: 1 when the speeds
    // match or no breakout fits, else the lane count of the breakout with that lane speed.
    static int lanesFor(const PortGroup &group, double linkSpeedGbps);
    static QString laneName(const PortGroup &group, int index, int lane, int lanes);

private:
    struct PortState {
        unsigned char lanes = 0;
        unsigned short booked = 0; // bit per lane
    };
    struct DeviceState {
        const DeviceType *type = nullptr;
        std::vector<int> groupOffset;
        std::vector<PortState> ports;
    };
    PortState *state(int device, const PortRef &ref);
    const PortState *state(int device, const PortRef &ref) const;
    std::vector<DeviceState> m_devices;
};

} // namespace pp
