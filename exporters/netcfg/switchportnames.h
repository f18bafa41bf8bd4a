#pragma once

#include <QString>

namespace pp {

// A plan's switch port name ("swp3", "swp3s1", "eth0") in another dialect's naming, for the same
// front-panel port: EOS Ethernet<port>/<lane>, SONiC Ethernet<8 × (port − 1) + lane offset>.
class SwitchPortNames {
public:
    static QString eos(const QString &planPort);
    // lanes: the port's breakout (0 or 1 when not split), so that a lane lands on its first SerDes.
    static QString sonic(const QString &planPort, int lanes);
};

} // namespace pp
