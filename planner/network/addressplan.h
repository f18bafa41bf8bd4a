#pragma once

#include "planner/model/resolvedplan.h"
#include "planner/network/fabricswitches.h"

#include <QHash>
#include <vector>

namespace pp {

// One value the address plan gives: an address with its prefix length, an ASN or a MAC.
struct AddressAssignment {
    QString device;    // plan device id; empty for a value of the whole pair or VLAN
    QString hostname;  // the device's hostname, or the pair's/VLAN's name
    QString kind;      // mgmt, bmc, gateway, loopback, svi, vrr, p2p, asn, mlag-mac
    QString interface; // eth0, bmc, lo, vlan100, swp1, peerlink
    QString value;     // "10.10.0.40/21", "65101", "44:38:39:ff:01:01"
    QString pool;      // the site pool it comes from: "mgmt 10.10.0.0/21"
};

// Something the address plan cannot do right: a pool too small, a declared address outside its
// subnet, pools or addresses that overlap.
struct AddressProblem {
    enum class Kind { PoolTooSmall, OutsideSubnet, Overlap };
    Kind kind = Kind::PoolTooSmall;
    QString pool;
    QStringList subjects;
    QString message;
    double needed = 0; // pool too small: addresses needed and available
    double available = 0;
};

// Every management, BMC, loopback, SVI/VRR and point-to-point address and every BGP ASN and MLAG
// system MAC of a plan, from the site's IP plan. Deterministic and stable: a device's values follow
// its tier and the number in its hostname (leaf-7 → the leaf block's 7th slot), so adding a device
// does not move the others; a name without a free numbered slot takes the first free slot of its
// block, in hostname order.
class AddressPlan {
public:
    static AddressPlan build(const ResolvedPlan &plan);

    const std::vector<AddressAssignment> &assignments() const { return m_assignments; }
    const std::vector<AddressProblem> &problems() const { return m_problems; }
    const std::vector<FabricSwitch> &switches() const { return m_switches; }

    // The values of one device (empty when it has none).
    QString value(const QString &device, const QString &kind, const QString &interface = QString()) const;
    QString mgmtGateway() const { return m_mgmtGateway; }            // without prefix length
    QString vrrAddress(int vlan) const { return m_vrr.value(vlan); } // with prefix length
    // 169.254.1.0/31 on the pair's peer link, for dialects that need an address there (EOS).
    static QString mlagPeerAddress(bool lowerOfPair);

private:
    void add(const AddressAssignment &a);
    std::vector<AddressAssignment> m_assignments;
    std::vector<AddressProblem> m_problems;
    std::vector<FabricSwitch> m_switches;
    QHash<QString, std::size_t> m_index; // device|kind|interface → assignment
    QString m_mgmtGateway;
    QHash<int, QString> m_vrr;
    friend class AddressPlanBuilder;
};

// Bits in a value: the /31 addresses of one site uplink or leaf-spine link end.
QString addressWithoutPrefix(const QString &address);

} // namespace pp
