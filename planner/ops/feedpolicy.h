#pragma once

#include "catalog/model/devicetype.h"

#include <QStringList>

namespace pp::ops {

// The PDU feeds a new device's PSUs are plugged into: alternately A and B, so that a device with
// two or more PSUs survives the loss of one feed (the A+B redundancy the sites expect). A type
// whose PSU count is unknown is taken as dual-PSU, the common case for servers and switches, and
// the power rules then check it like any other; PDUs draw no feed unless their type says so.
QStringList defaultPsuFeeds(const DeviceType &type);

} // namespace pp::ops
