#pragma once

#include <QByteArray>
#include <QImage>

namespace pp {

// Encodes an opaque image as an 8-bit RGB PNG with one fixed row filter and fast deflate. Qt's PNG
// writer lets libpng try every filter on every row, which made PNG rack diagrams the slowest
// export by far; for flat-colour drawings the fixed "Up" filter compresses about as well.
QByteArray encodePng(const QImage &image);

// For the benchmark that chooses between them (POCPLAN_PNG_ENCODER picks encodePng's): the same
// filtered rows through the home-made deflate or libdeflate, or libpng's own writer (filter Up,
// zlib level 1).
enum class PngEncoder { HomeMade, Libdeflate, Libpng };
QByteArray encodePng(const QImage &image, PngEncoder encoder);

} // namespace pp
