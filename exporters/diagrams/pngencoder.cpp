#include "exporters/diagrams/pngencoder.h"

#include "exporters/diagrams/fastdeflate.h"

#include <QtEndian>
#include <csetjmp>
#include <cstring>
#include <libdeflate.h>
#include <png.h>
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

QByteArray libdeflateZlib(const unsigned char *data, std::size_t size)
{
    struct Compressor {
        libdeflate_compressor *c = libdeflate_alloc_compressor(1);
        ~Compressor() { libdeflate_free_compressor(c); }
    };
    thread_local Compressor compressor;
    const std::size_t bound = libdeflate_zlib_compress_bound(compressor.c, size);
    QByteArray out(static_cast<qsizetype>(bound), Qt::Uninitialized);
    const std::size_t written = libdeflate_zlib_compress(compressor.c, data, size, out.data(), bound);
    out.truncate(static_cast<qsizetype>(written));
    return out;
}

void appendToByteArray(png_structp png, png_bytep data, png_size_t size)
{
    static_cast<QByteArray *>(png_get_io_ptr(png))
        ->append(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
}

QByteArray encodeWithLibpng(const QImage &image)
{
    QByteArray out;
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
    png_infop info = png ? png_create_info_struct(png) : nullptr;
    if (!info || setjmp(png_jmpbuf(png))) {
        png_destroy_write_struct(&png, &info);
        return QByteArray();
    }
    png_set_write_fn(png, &out, appendToByteArray, nullptr);
    png_set_IHDR(png, info, static_cast<png_uint_32>(image.width()), static_cast<png_uint_32>(image.height()), 8,
                 PNG_COLOR_TYPE_RGB, PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    png_set_filter(png, PNG_FILTER_TYPE_BASE, PNG_FILTER_UP);
    png_set_compression_level(png, 1);
    png_write_info(png, info);
    png_set_bgr(png);                         // QImage::Format_RGB32 is B, G, R, X in memory (little endian)
    png_set_filler(png, 0, PNG_FILLER_AFTER); // and libpng drops the X
    for (int y = 0; y < image.height(); ++y)
        png_write_row(png, image.constScanLine(y));
    png_write_end(png, nullptr);
    png_destroy_write_struct(&png, &info);
    return out;
}

} // namespace

QByteArray encodePng(const QImage &image)
{
    static const PngEncoder chosen = [] {
        const QByteArray name = qgetenv("POCPLAN_PNG_ENCODER");
        if (name == "libdeflate")
            return PngEncoder::Libdeflate;
        if (name == "libpng")
            return PngEncoder::Libpng;
        return PngEncoder::HomeMade;
    }();
    return encodePng(image, chosen);
}

QByteArray encodePng(const QImage &input, PngEncoder encoder)
{
    const QImage image = input.format() == QImage::Format_RGB32 ? input : input.convertToFormat(QImage::Format_RGB32);
    const int width = image.width();
    const int height = image.height();
    if (width <= 0 || height <= 0)
        return QByteArray();
    if (encoder == PngEncoder::Libpng)
        return encodeWithLibpng(image);
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
    const QByteArray compressed = encoder == PngEncoder::Libdeflate
        ? libdeflateZlib(filtered.data(), filtered.size())
        : zlibCompressFast(filtered.data(), filtered.size(), stride);

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
