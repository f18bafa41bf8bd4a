// Fuzz target: the PNG encoder's own deflate must give back, through zlib's inflate, exactly the
// bytes it was given, for any bytes and any row length.
#include "exporters/diagrams/fastdeflate.h"

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <vector>
#include <zlib.h>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    // The first byte picks the distance to "the row above" (0: none), the rest is the image data.
    const std::size_t rowBytes = data[0] == 0 ? 0 : static_cast<std::size_t>(data[0]) * 3 + 1;
    const unsigned char *input = data + 1;
    const std::size_t inputSize = size - 1;
    const QByteArray compressed = pp::zlibCompressFast(input, inputSize, rowBytes);

    std::vector<unsigned char> inflated(inputSize + 1); // one byte more, so an over-long stream shows
    uLongf inflatedSize = static_cast<uLongf>(inflated.size());
    const int status =
        uncompress(inflated.data(), &inflatedSize, reinterpret_cast<const Bytef *>(compressed.constData()),
                   static_cast<uLong>(compressed.size()));
    if (status != Z_OK || inflatedSize != inputSize || std::memcmp(inflated.data(), input, inputSize) != 0)
        std::abort();
    return 0;
}
