#pragma once

#include "exporters/netcfg/switchday0.h"

#include <QByteArray>

namespace pp {

// A switch's day-0 configuration as a SONiC config_db.json (tables keyed as `config load` reads
// them; keys sorted). Fabric links are numbered /31s with BGP neighbours, because config_db names
// BGP peers by address. Port names follow SwitchPortNames::sonic.
class SonicConfigWriter {
public:
    static QByteArray write(const SwitchDay0 &config);
    static QString fileSuffix() { return QStringLiteral(".config_db.json"); }
};

} // namespace pp
