#pragma once

#include <QString>
#include <utility>
#include <vector>

namespace pp {

enum class FailureKind {
    SiteFeed, // feed A or B of every rack
    RackFeed, // one rack's feed
    Pdu,
    LeafSwitch,
    SpineSwitch,
    MgmtSwitch,
    LeafPair,
    Rack,
    CNode,
    DBox,
    Dpu,
    Uplink,
    Device, // any other device
    Group,  // a user-named set of domains (a row, a power panel)
};

QString failureKindId(FailureKind kind); // "site-feed", "leaf", "dpu", ...

// One thing that can fail, derived from a plan, and what it takes down with it: whole devices,
// rack feeds (rack index, feed 0 = A / 1 = B), single DPUs of a D-box (device index, DPU number) and
// site uplinks (index into plan.uplinks). Ids are stable and typed: a device's own id ("sw1"), or a
// prefix with a colon, which device ids cannot hold ("feed:A", "feed:R1/B", "rack:R1", "dpu:db1/2",
// "pair:sw1+sw2", "uplink:sw1:swp27", "group:row-1").
struct FailureDomain {
    QString id;
    FailureKind kind = FailureKind::Device;
    QString label; // for people: "leaf-a (sw1)"
    // Several components that fail together only by a wider event (a rack, a leaf pair, a group):
    // shown in sweeps, but never called a single point of failure.
    bool aggregate = false;
    // In the N-1 sweep. A one-rack plan's rack feeds are its site feeds, so they are left out there
    // (still failable by id).
    bool sweep = true;
    std::vector<int> devices;
    std::vector<std::pair<int, int>> rackFeeds;
    std::vector<std::pair<int, int>> dpus;
    std::vector<int> uplinks;
};

} // namespace pp
