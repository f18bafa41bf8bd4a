#include "planner/topology/portallocator.h"

#include <algorithm>

namespace pp {

int PortAllocator::addDevice(const DeviceType *type)
{
    DeviceState d;
    d.type = type;
    int total = 0;
    if (type) {
        d.groupOffset.reserve(type->ports.size());
        for (const PortGroup &g : type->ports) {
            d.groupOffset.push_back(total);
            total += g.count;
        }
    }
    d.ports.resize(static_cast<std::size_t>(total));
    m_devices.push_back(std::move(d));
    return deviceCount() - 1;
}

PortAllocator::PortState *PortAllocator::state(int device, const PortRef &ref)
{
    DeviceState &d = m_devices[static_cast<std::size_t>(device)];
    const auto group = static_cast<std::size_t>(ref.group - d.type->ports.data());
    return &d.ports[static_cast<std::size_t>(d.groupOffset[group] + ref.index)];
}

const PortAllocator::PortState *PortAllocator::state(int device, const PortRef &ref) const
{
    return const_cast<PortAllocator *>(this)->state(device, ref);
}

static int smallestBreakoutWithLane(const PortGroup &group, int lane)
{
    int best = 0;
    for (const QString &b : group.breakouts)
        if (const auto parsed = Breakout::parse(b))
            if (parsed->lanes > lane && (best == 0 || parsed->lanes < best))
                best = parsed->lanes;
    return best;
}

static bool hasBreakout(const PortGroup &group, int lanes)
{
    for (const QString &b : group.breakouts)
        if (const auto parsed = Breakout::parse(b))
            if (parsed->lanes == lanes)
                return true;
    return false;
}

PortAllocator::Status PortAllocator::book(int device, const QString &port, int lanes, QString *why)
{
    const auto fail = [why](Status s, const QString &text) {
        if (why)
            *why = text;
        return s;
    };
    if (device < 0 || device >= deviceCount() || !type(device))
        return fail(Status::UnknownDevice, QStringLiteral("unknown device or device type"));
    const PortRef ref = type(device)->resolvePort(port);
    if (!ref.valid())
        return fail(Status::UnknownPort, QStringLiteral("%1 has no port \"%2\"").arg(type(device)->id, port));
    PortState *s = state(device, ref);
    if (ref.lane < 0) {
        if (s->lanes > 1)
            return fail(Status::BreakoutConflict,
                        QStringLiteral("%1 is split into %2 lanes; book a lane (%1s0…) or free the lanes first")
                            .arg(ref.baseName)
                            .arg(s->lanes));
        if (s->booked)
            return fail(Status::Taken, QStringLiteral("%1 is already connected").arg(port));
        s->lanes = 1;
        s->booked = 1;
        return Status::Ok;
    }
    if (lanes <= 0)
        lanes = s->lanes > 1 ? s->lanes : smallestBreakoutWithLane(*ref.group, ref.lane);
    if (lanes <= ref.lane || !hasBreakout(*ref.group, lanes))
        return fail(Status::UnknownPort,
                    QStringLiteral("%1 cannot be split into %2 lanes (breakouts: %3)")
                        .arg(ref.baseName)
                        .arg(lanes)
                        .arg(ref.group->breakouts.join(QStringLiteral(", "))));
    if (s->lanes == 1)
        return fail(Status::BreakoutConflict,
                    QStringLiteral("%1 is used as a whole port, so lane %2 is not available").arg(ref.baseName, port));
    if (s->lanes > 1 && s->lanes != lanes)
        return fail(Status::BreakoutConflict,
                    QStringLiteral("%1 is split into %2 lanes, not %3").arg(ref.baseName).arg(s->lanes).arg(lanes));
    const unsigned short bit = static_cast<unsigned short>(1u << ref.lane);
    if (s->booked & bit)
        return fail(Status::Taken, QStringLiteral("%1 is already connected").arg(port));
    s->lanes = static_cast<unsigned char>(lanes);
    s->booked |= bit;
    return Status::Ok;
}

void PortAllocator::release(int device, const QString &port)
{
    if (device < 0 || device >= deviceCount() || !type(device))
        return;
    const PortRef ref = type(device)->resolvePort(port);
    if (!ref.valid())
        return;
    PortState *s = state(device, ref);
    if (ref.lane < 0) {
        if (s->lanes == 1)
            *s = PortState{};
        return;
    }
    s->booked = static_cast<unsigned short>(s->booked & ~(1u << ref.lane));
    if (!s->booked)
        s->lanes = 0;
}

bool PortAllocator::isFree(int device, const QString &port) const
{
    if (device < 0 || device >= deviceCount() || !type(device))
        return false;
    const PortRef ref = type(device)->resolvePort(port);
    if (!ref.valid())
        return false;
    const PortState *s = state(device, ref);
    if (ref.lane < 0)
        return s->booked == 0;
    return s->lanes != 1 && !(s->booked & (1u << ref.lane));
}

QString PortAllocator::laneName(const PortGroup &group, int index, int lane, int lanes)
{
    const QString base = group.nameAt(index);
    return lanes <= 1 ? base : base + QLatin1Char('s') + QString::number(lane);
}

QString PortAllocator::bookNext(int device, int group, int fromIndex, int toIndex, int lanes, bool freshPort,
                                int *portIndex)
{
    DeviceState &d = m_devices[static_cast<std::size_t>(device)];
    if (!d.type || group < 0 || group >= static_cast<int>(d.type->ports.size()))
        return QString();
    const PortGroup &g = d.type->ports[static_cast<std::size_t>(group)];
    fromIndex = std::max(fromIndex, 0);
    toIndex = std::min(toIndex, g.count - 1);
    lanes = std::max(lanes, 1);
    for (int i = fromIndex; i <= toIndex; ++i) {
        PortState &s = d.ports[static_cast<std::size_t>(d.groupOffset[static_cast<std::size_t>(group)] + i)];
        if (s.lanes == 0) {
            s.lanes = static_cast<unsigned char>(lanes);
            s.booked = 1;
            if (portIndex)
                *portIndex = i;
            return laneName(g, i, 0, lanes);
        }
        if (freshPort || lanes == 1 || s.lanes != lanes)
            continue;
        for (int lane = 0; lane < lanes; ++lane) {
            if (!(s.booked & (1u << lane))) {
                s.booked = static_cast<unsigned short>(s.booked | (1u << lane));
                if (portIndex)
                    *portIndex = i;
                return laneName(g, i, lane, lanes);
            }
        }
    }
    return QString();
}

int PortAllocator::freeSlots(int device, int group, int fromIndex, int toIndex, int lanes) const
{
    const DeviceState &d = m_devices[static_cast<std::size_t>(device)];
    if (!d.type || group < 0 || group >= static_cast<int>(d.type->ports.size()))
        return 0;
    const PortGroup &g = d.type->ports[static_cast<std::size_t>(group)];
    fromIndex = std::max(fromIndex, 0);
    toIndex = std::min(toIndex, g.count - 1);
    lanes = std::max(lanes, 1);
    int n = 0;
    for (int i = fromIndex; i <= toIndex; ++i) {
        const PortState &s = d.ports[static_cast<std::size_t>(d.groupOffset[static_cast<std::size_t>(group)] + i)];
        if (s.lanes == 0)
            n += lanes;
        else if (lanes > 1 && s.lanes == lanes)
            for (int lane = 0; lane < lanes; ++lane)
                n += (s.booked & (1u << lane)) ? 0 : 1;
    }
    return n;
}

int PortAllocator::physicalPortsUsed(int device) const
{
    const DeviceState &d = m_devices[static_cast<std::size_t>(device)];
    return static_cast<int>(
        std::count_if(d.ports.begin(), d.ports.end(), [](const PortState &s) { return s.booked != 0; }));
}

int PortAllocator::lanesUsed(int device) const
{
    int n = 0;
    for (const PortState &s : m_devices[static_cast<std::size_t>(device)].ports)
        for (unsigned bits = s.booked; bits; bits &= bits - 1)
            ++n;
    return n;
}

int PortAllocator::portLanes(int device, int group, int index) const
{
    const DeviceState &d = m_devices[static_cast<std::size_t>(device)];
    return d.ports[static_cast<std::size_t>(d.groupOffset[static_cast<std::size_t>(group)] + index)].lanes;
}

int PortAllocator::lanesFor(const PortGroup &group, double linkSpeedGbps)
{
    if (linkSpeedGbps <= 0 || group.speedGbps <= linkSpeedGbps)
        return 1;
    for (const QString &b : group.breakouts)
        if (const auto parsed = Breakout::parse(b))
            if (parsed->laneSpeedGbps == linkSpeedGbps)
                return parsed->lanes;
    return 1;
}

} // namespace pp
