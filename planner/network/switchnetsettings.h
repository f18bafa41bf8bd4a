#pragma once

#include "catalog/model/devicetype.h"
#include "catalog/model/sitenetworkplan.h"

namespace pp {

// What one switch is configured with: its configuration dialect and its RoCE settings, from the
// site's per-switch choice, else the site's defaults, else (dialect) the switch vendor.
struct SwitchNetSettings {
    QString dialect; // nvue, eos, sonic; empty when neither the site nor the vendor says
    RoceSettings roce;

    static SwitchNetSettings of(const SiteNetworkPlan &site, const QString &hostname, const DeviceType *type);
    // The dialect a vendor's switches run: NVIDIA/Mellanox → nvue, Arista → eos, SONiC → sonic.
    static QString dialectForVendor(const QString &vendor);
};

} // namespace pp
