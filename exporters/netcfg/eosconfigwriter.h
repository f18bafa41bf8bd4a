#pragma once

#include "exporters/netcfg/switchday0.h"

#include <QByteArray>

namespace pp {

// A switch's day-0 configuration as Arista EOS CLI (a startup-config to paste in configure mode).
// Port names follow SwitchPortNames::eos.
class EosConfigWriter {
public:
    static QByteArray write(const SwitchDay0 &config);
    static QString fileSuffix() { return QStringLiteral(".eos.cfg"); }
};

} // namespace pp
