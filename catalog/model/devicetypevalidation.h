#pragma once

#include "catalog/model/devicetype.h"

#include <QString>
#include <vector>

namespace pp {

// One thing wrong with a device type. `path` is the field as a JSON path inside the type ("model",
// "ports[2].speedGbps"), so that the loader can name file and place; `portRow` is the 0-based port
// group for port problems (-1 otherwise); `reason` is what the loader prints after the path, and
// `text` the sentence a form shows ("Ports row 3, count: …"), naming the field the way the form labels it.
struct DeviceTypeProblem {
    QString path;
    int portRow = -1;
    QString reason;
    QString text;
};

// The limits a device type's figures must stay within; the loader and the editor share them.
struct DeviceTypeLimits {
    static constexpr double kMaxPowerW = 1e6;
    static constexpr double kMaxWeightKg = 5000;
    static constexpr int kMaxPortCount = 100000;
    static constexpr double kMaxSpeedGbps = 100000;
};

// The rules a device type must meet wherever it comes from (a catalog file, the catalog editor, an
// import): an id of lower-case letters, digits, '.', '_' and '-'; a model name; power and weight
// within range with typical draw not above max; port groups with a count in range, as many names as
// the count, a speed in range and no port name twice in the type. Problems come in form order
// (fields, then ports by row); an empty list means the type is valid.
std::vector<DeviceTypeProblem> validateDeviceType(const DeviceType &type);

} // namespace pp
