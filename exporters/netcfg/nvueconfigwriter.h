#pragma once

#include "exporters/netcfg/switchday0.h"

#include <QByteArray>

namespace pp {

// A switch's day-0 configuration as NVIDIA Cumulus Linux 5.x NVUE commands (`nv set …`), ending in
// `nv config apply`: a shell script to paste or run on the switch.
class NvueConfigWriter {
public:
    static QByteArray write(const SwitchDay0 &config);
    static QString fileSuffix() { return QStringLiteral(".nvue.sh"); }
};

} // namespace pp
