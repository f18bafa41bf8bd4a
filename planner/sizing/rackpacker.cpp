#include "planner/sizing/rackpacker.h"

#include "planner/power/devicedraw.h"

namespace pp {

double packingW(const DeviceType *type)
{
    return deviceDraw(type).maxW;
}

bool packingWKnown(const DeviceType *type)
{
    return deviceDraw(type).known;
}

static int heightOf(const DeviceType *type)
{
    return type ? type->uHeight : 0;
}

namespace {

// What packing needs of a device type, looked up once: the sweep places millions of devices.
struct Footprint {
    int u = 0;
    double packW = 0;
    double typicalW = 0;
    bool powerKnown = false;

    explicit Footprint(const DeviceType *type, const DeviceDraw &draw)
        : u(heightOf(type))
        , packW(draw.maxW)
        , typicalW(draw.typicalW)
        , powerKnown(draw.known)
    { }
    explicit Footprint(const DeviceType *type)
        : Footprint(type, deviceDraw(type))
    { }
};

} // namespace

std::vector<RackLoad> packRacks(const RackPackRequest &r)
{
    std::vector<RackLoad> racks;
    const Footprint mgmt(r.mgmtSwitch);
    const double limitW = r.rackLimitW > 0 ? r.rackLimitW + 1e-9 : 1e300;
    const auto openRack = [&] {
        RackLoad load;
        load.mgmtSwitches = r.mgmtSwitch ? 1 : 0;
        load.pdus = r.pdusPerRack;
        load.usedU = mgmt.u;
        load.maxW = mgmt.packW;
        load.typicalW = mgmt.typicalW;
        load.unknownPowerDevices = r.mgmtSwitch && !mgmt.powerKnown ? 1 : 0;
        racks.push_back(load);
    };
    const auto fits = [&](const RackLoad &rack, const Footprint &item) {
        return rack.usedU + item.u <= r.rackU && rack.maxW + item.packW <= limitW;
    };
    const auto place = [&](RackLoad &rack, const Footprint &item, int RackLoad::*counter) {
        rack.usedU += item.u;
        rack.maxW += item.packW;
        rack.typicalW += item.typicalW;
        if (!item.powerKnown)
            ++rack.unknownPowerDevices;
        ++(rack.*counter);
    };
    const auto placeOne = [&](const Footprint &item, int RackLoad::*counter) {
        if (racks.empty() || !fits(racks.back(), item)) {
            openRack();
            if (!fits(racks.back(), item))
                return false; // a single device exceeds an empty rack: the caller reports it
        }
        place(racks.back(), item, counter);
        return true;
    };
    const Footprint dataSwitch(r.dataSwitch);
    const Footprint cnode(r.cnode);
    const Footprint dbox(r.dbox);

    for (int i = 0; i < r.leafSwitches; ++i)
        if (!placeOne(dataSwitch, &RackLoad::leafSwitches))
            return {};
    for (int i = 0; i < r.spineSwitches; ++i)
        if (!placeOne(dataSwitch, &RackLoad::spineSwitches))
            return {};
    int placedC = 0;
    int placedD = 0;
    while (placedC < r.cnodes || placedD < r.dboxes) {
        // The type that is furthest behind its share goes next; the other fills a gap it leaves.
        const bool cFirst = placedD >= r.dboxes ||
            (placedC < r.cnodes && static_cast<double>(placedC) * r.dboxes <= static_cast<double>(placedD) * r.cnodes);
        const Footprint &first = cFirst ? cnode : dbox;
        const Footprint &other = cFirst ? dbox : cnode;
        const bool otherLeft = cFirst ? placedD < r.dboxes : placedC < r.cnodes;
        if (!racks.empty() && !fits(racks.back(), first) && otherLeft && fits(racks.back(), other)) {
            place(racks.back(), other, cFirst ? &RackLoad::dboxes : &RackLoad::cnodes);
            (cFirst ? placedD : placedC)++;
            continue;
        }
        if (!placeOne(first, cFirst ? &RackLoad::cnodes : &RackLoad::dboxes))
            return {};
        (cFirst ? placedC : placedD)++;
    }
    return racks;
}

} // namespace pp
