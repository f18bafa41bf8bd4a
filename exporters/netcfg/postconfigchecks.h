#pragma once

#include "exporters/netcfg/switchday0.h"

#include <QByteArray>
#include <vector>

namespace pp {

// One command to run on a switch after its day-0 configuration, and the output that proves the
// configuration took.
struct PostConfigCheck {
    QString hostname;
    QString what; // interfaces, mlag, bgp, roce, pfc, lldp
    QString command;
    QString expected;
};

// The checks of one switch in its own dialect: interfaces up at speed, MLAG peer up, BGP sessions
// established, RoCE settings and PFC/ECN counters, LLDP neighbours as planned.
std::vector<PostConfigCheck> postConfigChecks(const SwitchDay0 &config);

// Every switch's checks as a Markdown checklist (post-config-checklist.md).
QByteArray postConfigChecklist(const QString &plan, const std::vector<SwitchDay0> &configs);

} // namespace pp
