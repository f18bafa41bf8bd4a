#pragma once

#include <QByteArray>
#include <QImage>

namespace pp {

// Encodes an opaque image as an 8-bit RGB PNG with one fixed row filter, deflated by libdeflate
// (level 1). Qt's PNG writer lets libpng try every filter on every row, which made PNG rack
// diagrams the slowest export by far; for flat-colour drawings the fixed "Up" filter compresses
// about as well.
QByteArray encodePng(const QImage &image);

} // namespace pp
