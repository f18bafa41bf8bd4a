#include "exporters/diagrams/fastdeflate.h"

#include <QtEndian>

#include <algorithm>
#include <array>
#include <cstring>
#include <queue>
#include <vector>

namespace pp {

namespace {

// RFC 1951, 3.2.5: length codes 257..285 and distance codes 0..29, their bases and extra bits.
constexpr std::array<std::uint16_t, 29> kLengthBase{3,  4,  5,  6,  7,  8,  9,  10, 11,  13,  15,  17,  19,  23, 27,
                                                    31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258};
constexpr std::array<std::uint8_t, 29> kLengthExtra{0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2,
                                                    2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0};
constexpr std::array<std::uint16_t, 30> kDistBase{1,    2,    3,    4,    5,    7,    9,    13,    17,    25,
                                                  33,   49,   65,   97,   129,  193,  257,  385,   513,   769,
                                                  1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577};
constexpr std::array<std::uint8_t, 30> kDistExtra{0, 0, 0, 0, 1, 1, 2, 2,  3,  3,  4,  4,  5,  5,  6,
                                                  6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13};
// The order in which code-length code lengths are sent (3.2.7).
constexpr std::array<std::uint8_t, 19> kCodeLengthOrder{16, 17, 18, 0, 8,  7, 9,  6, 10, 5,
                                                        11, 4,  12, 3, 13, 2, 14, 1, 15};

constexpr std::size_t kWindow = 32768;
constexpr std::size_t kMaxMatch = 258;
constexpr int kHashBits = 15;
constexpr std::size_t kBlockSymbols = 1 << 16;
constexpr int kLitLenCodes = 286;
constexpr int kDistCodes = 30;

struct Tables {
    std::array<std::uint8_t, kMaxMatch + 1> lengthCode{}; // length → index into kLengthBase
    std::vector<std::uint8_t> distCode;                   // distance → distance code
    Tables()
        : distCode(kWindow + 1, 0)
    {
        for (int c = 0; c < 29; ++c) {
            const int last = c + 1 < 29 ? kLengthBase[c + 1] - 1 : 258;
            for (int l = kLengthBase[c]; l <= last && l <= 258; ++l)
                lengthCode[l] = static_cast<std::uint8_t>(c);
        }
        lengthCode[258] = 28; // 258 has its own code (285), not 284 with all extra bits set
        for (int c = 0; c < 30; ++c) {
            const std::size_t last = c + 1 < 30 ? kDistBase[c + 1] - 1u : kWindow;
            for (std::size_t d = kDistBase[c]; d <= last; ++d)
                distCode[d] = static_cast<std::uint8_t>(c);
        }
    }
};

const Tables &tables()
{
    static const Tables t;
    return t;
}

// A symbol of the LZ77 parse: a literal byte (distance 0) or a match, packed in one word (two
// 16-bit halves written separately and read back as one stalled the parse loop).
using Symbol = std::uint32_t;

Symbol literal(unsigned char byte)
{
    return byte;
}

Symbol match(std::size_t length, std::size_t distance)
{
    return static_cast<Symbol>(length | (distance << 16));
}

unsigned lengthOrLiteral(Symbol s)
{
    return s & 0xffff;
}

unsigned distanceOf(Symbol s)
{
    return s >> 16;
}

class BitWriter {
public:
    explicit BitWriter(std::vector<unsigned char> &out)
        : m_out(out)
    { }

    void reserve(std::size_t moreBytes)
    {
        if (m_out.size() < m_used + moreBytes + 16)
            m_out.resize(std::max(m_out.size() * 2, m_used + moreBytes + 16));
    }

    // LSB first, as deflate packs its bits; count ≤ 32.
    void put(std::uint32_t bits, int count)
    {
        m_acc |= static_cast<std::uint64_t>(bits) << m_count;
        m_count += count;
        if (m_count >= 32) {
            const std::uint32_t low = qToLittleEndian(static_cast<std::uint32_t>(m_acc));
            std::memcpy(m_out.data() + m_used, &low, 4);
            m_used += 4;
            m_acc >>= 32;
            m_count -= 32;
        }
    }

    void alignToByte()
    {
        while (m_count > 0) {
            m_out[m_used++] = static_cast<unsigned char>(m_acc);
            m_acc >>= 8;
            m_count = std::max(0, m_count - 8);
        }
        m_acc = 0;
    }

    void putBytes(const unsigned char *data, std::size_t n)
    {
        if (n == 0)
            return; // data may be null then (an empty input), which memcpy must not see
        std::memcpy(m_out.data() + m_used, data, n);
        m_used += n;
    }

    std::size_t used() const { return m_used; }

private:
    std::vector<unsigned char> &m_out;
    std::size_t m_used = 0;
    std::uint64_t m_acc = 0;
    int m_count = 0;
};

// Huffman code lengths no longer than maxBits for the given frequencies. Fewer than two used
// symbols get two codes of one bit, so that every code is complete (inflaters reject some others).
void codeLengths(const std::uint32_t *freq, int n, int maxBits, std::uint8_t *lengths)
{
    std::fill(lengths, lengths + n, 0);
    std::vector<int> used;
    for (int i = 0; i < n; ++i)
        if (freq[i] > 0)
            used.push_back(i);
    if (used.size() < 2) {
        const int a = used.empty() ? 0 : used.front();
        lengths[a] = 1;
        lengths[a == 0 ? 1 : 0] = 1;
        return;
    }
    // Plain Huffman tree, then depths.
    struct Node {
        std::uint64_t weight;
        int left, right;
    };
    std::vector<Node> nodes;
    nodes.reserve(used.size() * 2);
    using Entry = std::pair<std::uint64_t, int>;
    std::priority_queue<Entry, std::vector<Entry>, std::greater<Entry>> heap;
    for (int s : used) {
        nodes.push_back({freq[s], -1, -1});
        heap.push({freq[s], static_cast<int>(nodes.size()) - 1});
    }
    while (heap.size() > 1) {
        const Entry a = heap.top();
        heap.pop();
        const Entry b = heap.top();
        heap.pop();
        nodes.push_back({a.first + b.first, a.second, b.second});
        heap.push({a.first + b.first, static_cast<int>(nodes.size()) - 1});
    }
    std::vector<int> depth(nodes.size(), 0);
    for (int i = static_cast<int>(nodes.size()) - 1; i >= 0; --i)
        if (nodes[static_cast<std::size_t>(i)].left >= 0) {
            depth[static_cast<std::size_t>(nodes[static_cast<std::size_t>(i)].left)] =
                depth[static_cast<std::size_t>(i)] + 1;
            depth[static_cast<std::size_t>(nodes[static_cast<std::size_t>(i)].right)] =
                depth[static_cast<std::size_t>(i)] + 1;
        }
    // Count codes per length, fold the too-long ones to maxBits and restore the Kraft sum by
    // lengthening shorter codes (as miniz does); then give the shortest codes to the most frequent.
    std::vector<int> count(static_cast<std::size_t>(std::max(maxBits, 64)) + 1, 0);
    for (std::size_t k = 0; k < used.size(); ++k)
        ++count[static_cast<std::size_t>(std::min(depth[k], 64))];
    for (std::size_t len = static_cast<std::size_t>(maxBits) + 1; len < count.size(); ++len) {
        count[static_cast<std::size_t>(maxBits)] += count[len];
        count[len] = 0;
    }
    std::uint64_t kraft = 0;
    for (int len = 1; len <= maxBits; ++len)
        kraft += static_cast<std::uint64_t>(count[static_cast<std::size_t>(len)]) << (maxBits - len);
    while (kraft > (std::uint64_t{1} << maxBits)) {
        --count[static_cast<std::size_t>(maxBits)];
        for (int len = maxBits - 1; len > 0; --len)
            if (count[static_cast<std::size_t>(len)] > 0) {
                --count[static_cast<std::size_t>(len)];
                count[static_cast<std::size_t>(len) + 1] += 2;
                break;
            }
        --kraft;
    }
    std::vector<int> byFreq = used;
    std::stable_sort(byFreq.begin(), byFreq.end(), [&](int a, int b) { return freq[a] > freq[b]; });
    std::size_t next = 0;
    for (int len = 1; len <= maxBits; ++len)
        for (int k = 0; k < count[static_cast<std::size_t>(len)]; ++k)
            lengths[byFreq[next++]] = static_cast<std::uint8_t>(len);
}

// Canonical codes (3.2.2), bit-reversed for LSB-first output.
void canonicalCodes(const std::uint8_t *lengths, int n, std::uint16_t *codes)
{
    int count[16] = {};
    for (int i = 0; i < n; ++i)
        ++count[lengths[i]];
    count[0] = 0;
    int next[16] = {};
    int code = 0;
    for (int len = 1; len < 16; ++len) {
        code = (code + count[len - 1]) << 1;
        next[len] = code;
    }
    for (int i = 0; i < n; ++i) {
        const int len = lengths[i];
        if (len == 0) {
            codes[i] = 0;
            continue;
        }
        int c = next[len]++;
        int reversed = 0;
        for (int b = 0; b < len; ++b) {
            reversed = (reversed << 1) | (c & 1);
            c >>= 1;
        }
        codes[i] = static_cast<std::uint16_t>(reversed);
    }
}

inline std::uint32_t load32(const unsigned char *p)
{
    std::uint32_t v;
    std::memcpy(&v, p, 4);
    return v;
}

inline std::size_t matchLength(const unsigned char *a, const unsigned char *b, std::size_t max)
{
    std::size_t len = 0;
    while (len + 8 <= max) {
        std::uint64_t x;
        std::uint64_t y;
        std::memcpy(&x, a + len, 8);
        std::memcpy(&y, b + len, 8);
        if (x != y) // the first differing byte is the lowest set byte of the little-endian words
            return len + static_cast<std::size_t>(__builtin_ctzll(qFromLittleEndian(x) ^ qFromLittleEndian(y)) / 8);
        len += 8;
    }
    while (len < max && a[len] == b[len])
        ++len;
    return len;
}

inline std::uint32_t hash4(std::uint32_t fourBytes)
{
    return (fourBytes * 2654435761u) >> (32 - kHashBits);
}

void writeStored(BitWriter &bits, const unsigned char *data, std::size_t size, bool final)
{
    do {
        const std::size_t n = std::min<std::size_t>(size, 65535);
        size -= n;
        bits.reserve(n + 8);
        bits.put(final && size == 0 ? 1 : 0, 1);
        bits.put(0, 2);
        bits.alignToByte();
        const unsigned char header[4] = {static_cast<unsigned char>(n), static_cast<unsigned char>(n >> 8),
                                         static_cast<unsigned char>(~n), static_cast<unsigned char>((~n) >> 8)};
        bits.putBytes(header, 4);
        bits.putBytes(data, n);
        data += n;
    } while (size > 0);
}

// One block: dynamic Huffman codes for these symbols, or stored if that is smaller.
void writeBlock(BitWriter &bits, const Symbol *symbols, std::size_t symbolCount, const unsigned char *raw,
                std::size_t rawSize, bool final)
{
    const Tables &t = tables();
    std::uint32_t litFreq[kLitLenCodes] = {};
    std::uint32_t distFreq[kDistCodes] = {};
    for (std::size_t i = 0; i < symbolCount; ++i) {
        const Symbol s = symbols[i];
        if (distanceOf(s) == 0) {
            ++litFreq[lengthOrLiteral(s)];
        } else {
            ++litFreq[257 + t.lengthCode[lengthOrLiteral(s)]];
            ++distFreq[t.distCode[distanceOf(s)]];
        }
    }
    litFreq[256] = 1; // end of block
    std::uint8_t litLen[kLitLenCodes];
    std::uint8_t distLen[kDistCodes];
    codeLengths(litFreq, kLitLenCodes, 15, litLen);
    codeLengths(distFreq, kDistCodes, 15, distLen);
    int hlit = kLitLenCodes;
    while (hlit > 257 && litLen[hlit - 1] == 0)
        --hlit;
    int hdist = kDistCodes;
    while (hdist > 1 && distLen[hdist - 1] == 0)
        --hdist;

    // Run-length code the two length lists as one sequence (3.2.7): 16 repeats the previous
    // length 3–6 times, 17 and 18 give 3–10 and 11–138 zeros.
    std::vector<std::uint8_t> all(litLen, litLen + hlit);
    all.insert(all.end(), distLen, distLen + hdist);
    struct Rle {
        std::uint8_t symbol, extra;
    };
    std::vector<Rle> rle;
    std::uint32_t clFreq[19] = {};
    for (std::size_t i = 0; i < all.size();) {
        const std::uint8_t len = all[i];
        std::size_t run = 1;
        while (i + run < all.size() && all[i + run] == len)
            ++run;
        if (len == 0 && run >= 3) {
            const std::size_t n = std::min<std::size_t>(run, 138);
            rle.push_back(n >= 11 ? Rle{18, static_cast<std::uint8_t>(n - 11)}
                                  : Rle{17, static_cast<std::uint8_t>(n - 3)});
            i += n;
        } else if (len != 0 && run >= 4) {
            rle.push_back({len, 0});
            const std::size_t n = std::min<std::size_t>(run - 1, 6);
            rle.push_back({16, static_cast<std::uint8_t>(n - 3)});
            i += 1 + n;
        } else {
            rle.push_back({len, 0});
            ++i;
        }
    }
    for (const Rle &r : rle)
        ++clFreq[r.symbol];
    std::uint8_t clLen[19];
    codeLengths(clFreq, 19, 7, clLen);
    std::uint16_t clCode[19];
    canonicalCodes(clLen, 19, clCode);
    int hclen = 19;
    while (hclen > 4 && clLen[kCodeLengthOrder[static_cast<std::size_t>(hclen) - 1]] == 0)
        --hclen;

    std::uint64_t dynamicBits = 3 + 5 + 5 + 4 + 3 * static_cast<std::uint64_t>(hclen);
    for (const Rle &r : rle)
        dynamicBits += clLen[r.symbol] + (r.symbol == 16 ? 2 : r.symbol == 17 ? 3 : r.symbol == 18 ? 7 : 0);
    for (int i = 0; i < kLitLenCodes; ++i)
        dynamicBits += static_cast<std::uint64_t>(litFreq[i]) * litLen[i];
    for (int c = 0; c < 29; ++c)
        dynamicBits += static_cast<std::uint64_t>(litFreq[257 + c]) * kLengthExtra[static_cast<std::size_t>(c)];
    for (int c = 0; c < kDistCodes; ++c)
        dynamicBits += static_cast<std::uint64_t>(distFreq[c]) * (distLen[c] + kDistExtra[static_cast<std::size_t>(c)]);
    const std::uint64_t storedBits = (rawSize + 5 * (rawSize / 65535 + 1)) * 8 + 7;
    if (storedBits < dynamicBits) {
        writeStored(bits, raw, rawSize, final);
        return;
    }

    std::uint16_t litCode[kLitLenCodes];
    std::uint16_t distCodeBits[kDistCodes];
    canonicalCodes(litLen, kLitLenCodes, litCode);
    canonicalCodes(distLen, kDistCodes, distCodeBits);
    bits.reserve(static_cast<std::size_t>(dynamicBits / 8) + 64);
    bits.put(final ? 1 : 0, 1);
    bits.put(2, 2); // dynamic Huffman
    bits.put(static_cast<std::uint32_t>(hlit - 257), 5);
    bits.put(static_cast<std::uint32_t>(hdist - 1), 5);
    bits.put(static_cast<std::uint32_t>(hclen - 4), 4);
    for (int i = 0; i < hclen; ++i)
        bits.put(clLen[kCodeLengthOrder[static_cast<std::size_t>(i)]], 3);
    for (const Rle &r : rle) {
        bits.put(clCode[r.symbol], clLen[r.symbol]);
        if (r.symbol == 16)
            bits.put(r.extra, 2);
        else if (r.symbol == 17)
            bits.put(r.extra, 3);
        else if (r.symbol == 18)
            bits.put(r.extra, 7);
    }
    for (std::size_t i = 0; i < symbolCount; ++i) {
        const Symbol s = symbols[i];
        const unsigned value = lengthOrLiteral(s);
        const unsigned distance = distanceOf(s);
        if (distance == 0) {
            bits.put(litCode[value], litLen[value]);
            continue;
        }
        // Code and extra bits in one put each: at most 15 + 5 and 15 + 13 bits.
        const int lc = t.lengthCode[value];
        const int lcBits = litLen[257 + lc];
        bits.put(litCode[257 + lc] | ((value - kLengthBase[static_cast<std::size_t>(lc)]) << lcBits),
                 lcBits + kLengthExtra[static_cast<std::size_t>(lc)]);
        const int dc = t.distCode[distance];
        const int dcBits = distLen[dc];
        bits.put(distCodeBits[dc] | ((distance - kDistBase[static_cast<std::size_t>(dc)]) << dcBits),
                 dcBits + kDistExtra[static_cast<std::size_t>(dc)]);
    }
    bits.put(litCode[256], litLen[256]);
}

// Adler-32 of the bytes the parse has passed, taken symbol by symbol so that the data is not
// read once more: a run of one byte is one step, however long.
class AdlerSum {
public:
    void byte(unsigned char c)
    {
        m_a += c;
        m_b += m_a;
        ++m_pending;
    }

    void run(unsigned char c, std::size_t n)
    {
        m_b += n * m_a + static_cast<std::uint64_t>(c) * n * (n + 1) / 2;
        m_a += static_cast<std::uint64_t>(c) * n;
        m_pending += n;
    }

    void bytes(const unsigned char *p, std::size_t n)
    {
        for (std::size_t i = 0; i < n; ++i) {
            m_a += p[i];
            m_b += m_a;
        }
        m_pending += n;
    }

    // After at most 4096 + 258 bytes: a < 65521 + 255 * 4354, b < 2^33, far from overflow.
    void reduceIfDue()
    {
        if (m_pending >= 4096)
            reduce();
    }

    std::uint32_t value()
    {
        reduce();
        return static_cast<std::uint32_t>((m_b << 16) | m_a);
    }

private:
    void reduce()
    {
        m_a %= 65521;
        m_b %= 65521;
        m_pending = 0;
    }

    std::uint64_t m_a = 1;
    std::uint64_t m_b = 0;
    std::size_t m_pending = 0;
};

} // namespace

std::uint32_t adler32Fast(std::uint32_t adler, const unsigned char *data, std::size_t size)
{
    constexpr std::uint64_t kMod = 65521;
    std::uint64_t a = adler & 0xffff;
    std::uint64_t b = adler >> 16;
    while (size > 0) {
        // 64-bit sums: at most 5552 bytes between reductions, as in zlib, is far from overflow.
        std::size_t n = std::min<std::size_t>(size, 5552);
        size -= n;
        while (n >= 8) {
            std::uint64_t word;
            std::memcpy(&word, data, 8);
            if (word == 0) {
                b += 8 * a;
            } else {
                for (int i = 0; i < 8; ++i) {
                    a += data[i];
                    b += a;
                }
            }
            data += 8;
            n -= 8;
        }
        while (n > 0) {
            a += *data++;
            b += a;
            --n;
        }
        a %= kMod;
        b %= kMod;
    }
    return static_cast<std::uint32_t>((b << 16) | a);
}

QByteArray zlibCompressFast(const unsigned char *data, std::size_t size, std::size_t rowBytes)
{
    // Scratch kept per thread: an export makes hundreds of images on the same few threads.
    thread_local std::vector<std::uint32_t> hashTable;
    thread_local std::vector<Symbol> symbolBuffer;
    thread_local std::vector<unsigned char> out;
    hashTable.assign(std::size_t{1} << kHashBits, 0);
    symbolBuffer.resize(kBlockSymbols);
    std::uint32_t *head = hashTable.data();
    Symbol *symbols = symbolBuffer.data();
    std::size_t symbolCount = 0;
    if (out.size() < size / 8 + 1024)
        out.resize(size / 8 + 1024);
    BitWriter bits(out);
    bits.reserve(2);
    const unsigned char header[2] = {0x78, 0x01}; // deflate, 32 KiB window, "fastest" level hint
    bits.putBytes(header, 2);

    const bool rowMatches = rowBytes > 0 && rowBytes <= kWindow;
    AdlerSum adler;
    std::size_t pos = 0;
    std::size_t blockStart = 0;
    while (pos < size) {
        const std::size_t maxLen = std::min(kMaxMatch, size - pos);
        std::size_t bestLen = 0;
        std::size_t bestDist = 0;
        if (maxLen >= 3) {
            if (pos >= 1 && data[pos] == data[pos - 1]) {
                bestLen = matchLength(data + pos, data + pos - 1, maxLen);
                bestDist = 1;
            }
            // The other candidates must share the next four bytes (also the shortest far match
            // worth taking), checked with one compare before measuring.
            const std::uint32_t next4 = maxLen >= 4 ? load32(data + pos) : 0;
            if (bestLen < maxLen && rowMatches && pos >= rowBytes && maxLen >= 4 &&
                load32(data + pos - rowBytes) == next4) {
                const std::size_t len = matchLength(data + pos, data + pos - rowBytes, maxLen);
                if (len > bestLen) {
                    bestLen = len;
                    bestDist = rowBytes;
                }
            }
            if (bestLen < maxLen && maxLen >= 4) {
                const std::uint32_t h = hash4(next4);
                const std::size_t candidate = head[h];
                head[h] = static_cast<std::uint32_t>(pos + 1);
                if (candidate > 0 && pos + 1 - candidate <= kWindow && load32(data + candidate - 1) == next4) {
                    const std::size_t from = candidate - 1;
                    const std::size_t len = matchLength(data + pos, data + from, maxLen);
                    // A far match must be longer to pay for its distance bits.
                    if (len >= 4 && len > bestLen + (bestDist == 1 ? 1 : 0)) {
                        bestLen = len;
                        bestDist = pos - from;
                    }
                }
            }
        }
        if (bestLen >= 3) {
            symbols[symbolCount++] = match(bestLen, bestDist);
            if (bestDist == 1)
                adler.run(data[pos - 1], bestLen);
            else
                adler.bytes(data + pos, bestLen);
            // Short matches (text) keep the hash current inside them; long runs are skipped.
            if (bestLen <= 16)
                for (std::size_t p = pos + 1; p < pos + bestLen && p + 4 <= size; ++p)
                    head[hash4(load32(data + p))] = static_cast<std::uint32_t>(p + 1);
            pos += bestLen;
        } else {
            symbols[symbolCount++] = literal(data[pos]);
            adler.byte(data[pos]);
            ++pos;
        }
        adler.reduceIfDue();
        if (symbolCount == kBlockSymbols) {
            writeBlock(bits, symbols, symbolCount, data + blockStart, pos - blockStart, pos >= size);
            symbolCount = 0;
            blockStart = pos;
        }
    }
    if (symbolCount > 0 || blockStart < size || size == 0)
        writeBlock(bits, symbols, symbolCount, data + blockStart, pos - blockStart, true);
    bits.alignToByte();
    const std::uint32_t adlerValue = adler.value();
    bits.reserve(4);
    const unsigned char trailer[4] = {
        static_cast<unsigned char>(adlerValue >> 24), static_cast<unsigned char>(adlerValue >> 16),
        static_cast<unsigned char>(adlerValue >> 8), static_cast<unsigned char>(adlerValue)};
    bits.putBytes(trailer, 4);
    return QByteArray(reinterpret_cast<const char *>(out.data()), static_cast<qsizetype>(bits.used()));
}

} // namespace pp
