#include "planner/sizing/rackpacker.h"

#include "catalog/devicetype.h"

namespace pp {

double packingW(const DeviceType *type)
{
    if (!type)
        return 0;
    if (type->maxW.known())
        return *type->maxW.value;
    return type->typicalW.valueOr(0);
}

static int heightOf(const DeviceType *type)
{
    return type ? type->uHeight : 0;
}

std::vector<RackLoad> packRacks(const RackPackRequest &r)
{
    std::vector<RackLoad> racks;
    const int mgmtU = heightOf(r.mgmtSwitch);
    const double mgmtW = packingW(r.mgmtSwitch);
    const auto openRack = [&] {
        RackLoad load;
        load.mgmtSwitches = r.mgmtSwitch ? 1 : 0;
        load.pdus = r.pdusPerRack;
        load.usedU = mgmtU;
        load.maxW = mgmtW;
        racks.push_back(load);
    };
    const auto fits = [&](const RackLoad &rack, const DeviceType *type) {
        const double limit = r.rackLimitW > 0 ? r.rackLimitW : 1e300;
        return rack.usedU + heightOf(type) <= r.rackU && rack.maxW + packingW(type) <= limit + 1e-9;
    };
    const auto place = [&](RackLoad &rack, const DeviceType *type, int RackLoad::*counter) {
        rack.usedU += heightOf(type);
        rack.maxW += packingW(type);
        rack.typicalW += type && type->typicalW.known() ? *type->typicalW.value : 0;
        ++(rack.*counter);
    };
    const auto placeOne = [&](const DeviceType *type, int RackLoad::*counter) {
        if (racks.empty() || !fits(racks.back(), type)) {
            openRack();
            if (!fits(racks.back(), type))
                return false; // a single device exceeds an empty rack: the caller reports it
        }
        place(racks.back(), type, counter);
        return true;
    };

    for (int i = 0; i < r.leafSwitches; ++i)
        if (!placeOne(r.dataSwitch, &RackLoad::leafSwitches))
            return {};
    for (int i = 0; i < r.spineSwitches; ++i)
        if (!placeOne(r.dataSwitch, &RackLoad::spineSwitches))
            return {};
    int placedC = 0;
    int placedD = 0;
    while (placedC < r.cnodes || placedD < r.dboxes) {
        // The type that is furthest behind its share goes next; the other fills a gap it leaves.
        const bool cFirst = placedD >= r.dboxes
                            || (placedC < r.cnodes
                                && static_cast<double>(placedC) * r.dboxes <= static_cast<double>(placedD) * r.cnodes);
        const DeviceType *first = cFirst ? r.cnode : r.dbox;
        const DeviceType *other = cFirst ? r.dbox : r.cnode;
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
    // Typical draw of the per-rack management switch, where known.
    if (r.mgmtSwitch && r.mgmtSwitch->typicalW.known())
        for (RackLoad &rack : racks)
            rack.typicalW += *r.mgmtSwitch->typicalW.value;
    return racks;
}

} // namespace pp
