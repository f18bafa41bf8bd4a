#pragma once

#include "catalog/model/sitenetworkplan.h"
#include "exporters/cabling/switchconfig.h"
#include "planner/network/addressplan.h"

#include <vector>

namespace pp {

// A BGP session on a fabric port: unnumbered (NVUE, EOS) or on the link's /31 (SONiC).
struct BgpSession {
    QString port;
    QString peerHost;
    QString localAddress; // with /31
    QString peerAddress;  // without prefix
    QString peerAsn;
};

// Everything one switch's day-0 configuration holds, in any dialect: its ports from the cable
// plan, its addresses from the address plan, its RoCE settings and dialect from the site.
struct SwitchDay0 {
    SwitchConfigData ports;
    SwitchTier tier = SwitchTier::Leaf;
    QString dialect;
    RoceSettings roce;
    bool roceOn = false; // a data switch on a site that requires RoCE
    QString mgmtInterface;
    QString mgmtAddress; // with prefix length; empty when the plan gives none
    QString mgmtGateway;
    QStringList ntpServers, dnsServers, syslogServers;
    int mgmtVlan = 10;
    std::vector<DataVlan> dataVlans;
    struct Svi {
        int vlan = 0;
        QString address; // with prefix length
        QString vrr;     // the pair's gateway, with prefix length
    };
    std::vector<Svi> svis;
    QString loopback;
    QString asn;
    QString peerMgmtAddress; // MLAG backup: the peer's management address, without prefix
    QString mlagMac;
    bool mlagLower = true; // the lower hostname of the pair: primary, lower peer-link address
    int mlagDomain = 0;    // the pair's number, for dialects that name the domain
    std::vector<BgpSession> bgp;
};

// One entry per configured switch (as buildSwitchConfigs), with the address plan's values.
std::vector<SwitchDay0> buildSwitchDay0(const ResolvedPlan &plan, const AddressPlan &addresses);

} // namespace pp
