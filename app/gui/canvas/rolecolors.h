#pragma once

#include "catalog/model/devicetype.h"

#include <QColor>

namespace pp::gui {

// One fill colour per device role, shared by the canvas, the palette and the legend.
QColor roleColor(Role role);

} // namespace pp::gui
