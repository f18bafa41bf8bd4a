#include "exporters/diagrams/pngencoder.h"

#include <QtEndian>
#include <cstring>
#include <libdeflate.h>
#include <vector>

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
    const std::uint32_t crc = libdeflate_crc32(0, png.constData() + start, static_cast<std::size_t>(data.size()) + 4);
    char crcBytes[4];
    qToBigEndian<quint32>(static_cast<quint32>(crc), crcBytes);
    png.append(crcBytes, 4);
}

// A zlib stream (PNG's IDAT) at libdeflate's fastest level; empty when the compressor cannot be made.
QByteArray libdeflateZlib(const unsigned char *data, std::size_t size)
{
    struct Compressor {
        libdeflate_compressor *c = libdeflate_alloc_compressor(1);
        ~Compressor() { libdeflate_free_compressor(c); }
    };
    thread_local Compressor compressor; // reused: an export encodes hundreds of images
    if (!compressor.c)
        return QByteArray();
    const std::size_t bound = libdeflate_zlib_compress_bound(compressor.c, size);
    QByteArray out(static_cast<qsizetype>(bound), Qt::Uninitialized);
    const std::size_t written = libdeflate_zlib_compress(compressor.c, data, size, out.data(), bound);
    out.truncate(static_cast<qsizetype>(written));
    return out;
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

    const QByteArray compressed = libdeflateZlib(filtered.data(), filtered.size());
    if (compressed.isEmpty())
        return QByteArray();

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
