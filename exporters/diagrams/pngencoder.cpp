#include "exporters/diagrams/pngencoder.h"

#include "exporters/diagrams/fastdeflate.h"

#include <QtEndian>
#include <cstring>
#include <vector>
#include <zlib.h>

namespace pp {

namespace {

void appendChunk(QByteArray &png, const char type[4], const QByteArray &data)
{
    char length[4];
    qToBigEndian<quint32>(static_cast<quint32>(data.size()), length);
    png.append(length, 4);
    const int start = static_cast<int>(png.size());
    png.append(type, 4);
    png.append(data);
    const uLong crc =
        crc32(0, reinterpret_cast<const Bytef *>(png.constData() + start), static_cast<uInt>(data.size() + 4));
    char crcBytes[4];
    qToBigEndian<quint32>(static_cast<quint32>(crc), crcBytes);
    png.append(crcBytes, 4);
}

} // namespace

QByteArray encodePng(const QImage &input)
{
    const QImage image = input.format() == QImage::Format_RGB32 ? input : input.convertToFormat(QImage::Format_RGB32);
    const int width = image.width();
    const int height = image.height();
    if (width <= 0 || height <= 0)
        return QByteArray();
    const std::size_t rowBytes = static_cast<std::size_t>(width) * 3;
    const std::size_t stride = rowBytes + 1; // each row starts with its filter type

    // Filter "Up" (2): each byte minus the byte above it, so rows like the one above become zeros.
    // Most rows of a drawing repeat the one above, whole or for most of their width: those rows and
    // stretches are found with memcmp and written as zeros.
    thread_local std::vector<unsigned char> filtered; // reused: an export encodes hundreds of images
    filtered.resize(stride * static_cast<std::size_t>(height));
    for (int y = 0; y < height; ++y) {
        unsigned char *out = filtered.data() + stride * static_cast<std::size_t>(y);
        const auto *pixels = reinterpret_cast<const QRgb *>(image.constScanLine(y));
        if (y == 0) {
            out[0] = 0; // filter "None": nothing above
            for (int x = 0; x < width; ++x) {
                out[1 + 3 * x] = static_cast<unsigned char>(qRed(pixels[x]));
                out[2 + 3 * x] = static_cast<unsigned char>(qGreen(pixels[x]));
                out[3 + 3 * x] = static_cast<unsigned char>(qBlue(pixels[x]));
            }
            continue;
        }
        out[0] = 2;
        const auto *above = reinterpret_cast<const QRgb *>(image.constScanLine(y - 1));
        if (std::memcmp(pixels, above, static_cast<std::size_t>(width) * sizeof(QRgb)) == 0) {
            std::memset(out + 1, 0, rowBytes);
            continue;
        }
        int x = 0;
        while (x < width) {
            const int start = x;
            while (x + 4 <= width && std::memcmp(pixels + x, above + x, 4 * sizeof(QRgb)) == 0)
                x += 4;
            if (x > start)
                std::memset(out + 1 + 3 * start, 0, 3 * static_cast<std::size_t>(x - start));
            if (x == width)
                break;
            const QRgb p = pixels[x];
            const QRgb q = above[x];
            out[1 + 3 * x] = static_cast<unsigned char>(qRed(p) - qRed(q));
            out[2 + 3 * x] = static_cast<unsigned char>(qGreen(p) - qGreen(q));
            out[3 + 3 * x] = static_cast<unsigned char>(qBlue(p) - qBlue(q));
            ++x;
        }
    }

    // zlib's fastest level took two thirds of the time of a PNG rack face; see fastdeflate.h.
    const QByteArray compressed = zlibCompressFast(filtered.data(), filtered.size(), stride);

    QByteArray header(13, '\0');
    qToBigEndian<quint32>(static_cast<quint32>(width), header.data());
    qToBigEndian<quint32>(static_cast<quint32>(height), header.data() + 4);
    header[8] = 8; // bits per channel
    header[9] = 2; // colour type: RGB
    // compression, filter method and interlace stay 0

    QByteArray png("\x89PNG\r\n\x1a\n", 8);
    png.reserve(compressed.size() + 64);
    appendChunk(png, "IHDR", header);
    appendChunk(png, "IDAT", compressed);
    appendChunk(png, "IEND", QByteArray());
    return png;
}

} // namespace pp
