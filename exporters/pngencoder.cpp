#include "exporters/pngencoder.h"

#include <QtEndian>
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
    const uLong crc = crc32(0, reinterpret_cast<const Bytef *>(png.constData() + start), static_cast<uInt>(data.size() + 4));
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

    // Filter "Up" (2): each byte minus the byte above it, so rows like the one above become zeros.
    std::vector<unsigned char> filtered((rowBytes + 1) * static_cast<std::size_t>(height));
    std::vector<unsigned char> previous(rowBytes, 0);
    for (int y = 0; y < height; ++y) {
        unsigned char *out = filtered.data() + (rowBytes + 1) * static_cast<std::size_t>(y);
        out[0] = y > 0 ? 2 : 0;
        const auto *pixels = reinterpret_cast<const QRgb *>(image.constScanLine(y));
        for (int x = 0; x < width; ++x) {
            const unsigned char rgb[3] = {static_cast<unsigned char>(qRed(pixels[x])), static_cast<unsigned char>(qGreen(pixels[x])),
                                          static_cast<unsigned char>(qBlue(pixels[x]))};
            for (int c = 0; c < 3; ++c) {
                const std::size_t i = static_cast<std::size_t>(x) * 3 + static_cast<std::size_t>(c);
                out[i + 1] = static_cast<unsigned char>(rgb[c] - previous[i]);
                previous[i] = rgb[c];
            }
        }
    }

    z_stream stream{};
    if (deflateInit2(&stream, 1, Z_DEFLATED, 15, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        return QByteArray();
    QByteArray compressed(static_cast<qsizetype>(deflateBound(&stream, static_cast<uLong>(filtered.size()))), Qt::Uninitialized);
    stream.next_in = filtered.data();
    stream.avail_in = static_cast<uInt>(filtered.size());
    stream.next_out = reinterpret_cast<Bytef *>(compressed.data());
    stream.avail_out = static_cast<uInt>(compressed.size());
    const int status = deflate(&stream, Z_FINISH);
    compressed.resize(static_cast<qsizetype>(stream.total_out));
    deflateEnd(&stream);
    if (status != Z_STREAM_END)
        return QByteArray();

    QByteArray header(13, '\0');
    qToBigEndian<quint32>(static_cast<quint32>(width), header.data());
    qToBigEndian<quint32>(static_cast<quint32>(height), header.data() + 4);
    header[8] = 8;  // bits per channel
    header[9] = 2;  // colour type: RGB
    // compression, filter method and interlace stay 0

    QByteArray png("\x89PNG\r\n\x1a\n", 8);
    png.reserve(compressed.size() + 64);
    appendChunk(png, "IHDR", header);
    appendChunk(png, "IDAT", compressed);
    appendChunk(png, "IEND", QByteArray());
    return png;
}

} // namespace pp
