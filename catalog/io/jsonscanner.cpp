#include "catalog/io/jsonscanner.h"

#include <array>
#include <charconv>
#include <cmath>
#include <cstring>
#include <vector>

namespace pp {

namespace {

constexpr std::size_t kUnknownSize = static_cast<std::size_t>(-1);

// Bytes a string copies without a second look: printable ASCII except the quote and the backslash.
constexpr std::array<bool, 256> kPlainStringByte = [] {
    std::array<bool, 256> plain{};
    for (int c = 0x20; c < 0x80; ++c)
        plain[static_cast<std::size_t>(c)] = c != '"' && c != '\\';
    return plain;
}();

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

void appendUtf8(std::string &out, unsigned codePoint)
{
    if (codePoint < 0x80) {
        out += static_cast<char>(codePoint);
    } else if (codePoint < 0x800) {
        out += static_cast<char>(0xC0 | (codePoint >> 6));
        out += static_cast<char>(0x80 | (codePoint & 0x3F));
    } else if (codePoint < 0x10000) {
        out += static_cast<char>(0xE0 | (codePoint >> 12));
        out += static_cast<char>(0x80 | ((codePoint >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (codePoint & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (codePoint >> 18));
        out += static_cast<char>(0x80 | ((codePoint >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((codePoint >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (codePoint & 0x3F));
    }
}

class Scanner {
public:
    Scanner(const char *begin, const char *end, nlohmann::json_sax<Json> &handler)
        : m_p(begin)
        , m_end(end)
        , m_handler(handler)
    { }

    bool run();

private:
    void skipSpace()
    {
        while (m_p < m_end && (*m_p == ' ' || *m_p == '\n' || *m_p == '\r' || *m_p == '\t'))
            ++m_p;
    }
    bool literal(const char *word)
    {
        const std::size_t n = std::strlen(word);
        if (static_cast<std::size_t>(m_end - m_p) < n || std::memcmp(m_p, word, n) != 0)
            return false;
        m_p += n;
        return true;
    }
    bool scalar();
    bool number();
    bool string(); // into m_text
    bool escape();
    bool utf8Sequence();
    bool hex4(unsigned &out);
    bool key();

    const char *m_p;
    const char *m_end;
    nlohmann::json_sax<Json> &m_handler;
    std::string m_text;
    std::vector<char> m_open; // '{' or '[' per open container
};

bool Scanner::run()
{
    if (m_end - m_p >= 3 && std::memcmp(m_p, "\xEF\xBB\xBF", 3) == 0)
        m_p += 3; // a UTF-8 byte-order mark, which nlohmann skips too
    bool valueNext = true;
    for (;;) {
        skipSpace();
        if (valueNext) {
            if (m_p == m_end)
                return false;
            if (*m_p == '{') {
                ++m_p;
                if (!m_handler.start_object(kUnknownSize))
                    return false;
                skipSpace();
                if (m_p < m_end && *m_p == '}') {
                    ++m_p;
                    if (!m_handler.end_object())
                        return false;
                    valueNext = false;
                } else {
                    m_open.push_back('{');
                    if (!key())
                        return false;
                }
                continue;
            }
            if (*m_p == '[') {
                ++m_p;
                if (!m_handler.start_array(kUnknownSize))
                    return false;
                skipSpace();
                if (m_p < m_end && *m_p == ']') {
                    ++m_p;
                    if (!m_handler.end_array())
                        return false;
                    valueNext = false;
                } else {
                    m_open.push_back('[');
                }
                continue;
            }
            if (!scalar())
                return false;
            valueNext = false;
            continue;
        }
        if (m_open.empty())
            return m_p == m_end;
        if (m_p == m_end)
            return false;
        const bool inObject = m_open.back() == '{';
        if (*m_p == ',') {
            ++m_p;
            if (inObject) {
                skipSpace();
                if (!key())
                    return false;
            }
            valueNext = true;
        } else if (*m_p == (inObject ? '}' : ']')) {
            ++m_p;
            m_open.pop_back();
            if (!(inObject ? m_handler.end_object() : m_handler.end_array()))
                return false;
        } else {
            return false;
        }
    }
}

bool Scanner::key()
{
    if (m_p == m_end || *m_p != '"' || !string() || !m_handler.key(m_text))
        return false;
    skipSpace();
    if (m_p == m_end || *m_p != ':')
        return false;
    ++m_p;
    return true;
}

bool Scanner::scalar()
{
    switch (*m_p) {
    case '"':
        return string() && m_handler.string(m_text);
    case 't':
        return literal("true") && m_handler.boolean(true);
    case 'f':
        return literal("false") && m_handler.boolean(false);
    case 'n':
        return literal("null") && m_handler.null();
    default:
        return number();
    }
}

bool Scanner::number()
{
    const char *start = m_p;
    const bool negative = *m_p == '-';
    if (negative)
        ++m_p;
    if (m_p == m_end || !isDigit(*m_p))
        return false;
    if (*m_p == '0')
        ++m_p;
    else
        while (m_p < m_end && isDigit(*m_p))
            ++m_p;
    bool whole = true;
    if (m_p < m_end && *m_p == '.') {
        whole = false;
        ++m_p;
        if (m_p == m_end || !isDigit(*m_p))
            return false;
        while (m_p < m_end && isDigit(*m_p))
            ++m_p;
    }
    if (m_p < m_end && (*m_p == 'e' || *m_p == 'E')) {
        whole = false;
        ++m_p;
        if (m_p < m_end && (*m_p == '+' || *m_p == '-'))
            ++m_p;
        if (m_p == m_end || !isDigit(*m_p))
            return false;
        while (m_p < m_end && isDigit(*m_p))
            ++m_p;
    }
    if (whole) {
        // As nlohmann: unsigned unless negative, and a whole number too large for 64 bits becomes a double.
        if (negative) {
            std::int64_t value = 0;
            const auto [ptr, ec] = std::from_chars(start, m_p, value);
            if (ec == std::errc() && ptr == m_p)
                return m_handler.number_integer(value);
        } else {
            std::uint64_t value = 0;
            const auto [ptr, ec] = std::from_chars(start, m_p, value);
            if (ec == std::errc() && ptr == m_p)
                return m_handler.number_unsigned(value);
        }
    }
    // from_chars is locale-independent and correctly rounded, as strtod in the C locale.
    double value = 0;
    const auto [ptr, ec] = std::from_chars(start, m_p, value);
    if (ec != std::errc() || ptr != m_p || !std::isfinite(value))
        return false;
    m_text.assign(start, m_p);
    return m_handler.number_float(value, m_text);
}

bool Scanner::string()
{
    ++m_p; // the opening quote
    m_text.clear();
    for (;;) {
        const char *run = m_p;
        while (m_p < m_end && kPlainStringByte[static_cast<unsigned char>(*m_p)])
            ++m_p;
        m_text.append(run, m_p);
        if (m_p == m_end)
            return false;
        const auto c = static_cast<unsigned char>(*m_p);
        if (c == '"') {
            ++m_p;
            return true;
        }
        if (c < 0x20)
            return false; // control characters must be escaped
        if (!(c == '\\' ? escape() : utf8Sequence()))
            return false;
    }
}

bool Scanner::hex4(unsigned &out)
{
    if (m_end - m_p < 4)
        return false;
    out = 0;
    for (int i = 0; i < 4; ++i) {
        const int digit = hexValue(m_p[i]);
        if (digit < 0)
            return false;
        out = out * 16 + static_cast<unsigned>(digit);
    }
    m_p += 4;
    return true;
}

bool Scanner::escape()
{
    ++m_p; // the backslash
    if (m_p == m_end)
        return false;
    const char c = *m_p++;
    switch (c) {
    case '"':
        m_text += '"';
        return true;
    case '\\':
        m_text += '\\';
        return true;
    case '/':
        m_text += '/';
        return true;
    case 'b':
        m_text += '\b';
        return true;
    case 'f':
        m_text += '\f';
        return true;
    case 'n':
        m_text += '\n';
        return true;
    case 'r':
        m_text += '\r';
        return true;
    case 't':
        m_text += '\t';
        return true;
    case 'u':
        break;
    default:
        return false;
    }
    unsigned codePoint = 0;
    if (!hex4(codePoint))
        return false;
    if (codePoint >= 0xDC00 && codePoint <= 0xDFFF)
        return false; // a low surrogate without its high half
    if (codePoint >= 0xD800 && codePoint <= 0xDBFF) {
        unsigned low = 0;
        if (m_end - m_p < 2 || m_p[0] != '\\' || m_p[1] != 'u')
            return false;
        m_p += 2;
        if (!hex4(low) || low < 0xDC00 || low > 0xDFFF)
            return false;
        codePoint = 0x10000 + ((codePoint - 0xD800) << 10) + (low - 0xDC00);
    }
    appendUtf8(m_text, codePoint);
    return true;
}

// One well-formed UTF-8 sequence (Unicode table 3-7: no overlong forms, no surrogates, at most U+10FFFF).
bool Scanner::utf8Sequence()
{
    const auto lead = static_cast<unsigned char>(*m_p);
    int trailing = 0;
    unsigned char secondMin = 0x80, secondMax = 0xBF;
    if (lead >= 0xC2 && lead <= 0xDF) {
        trailing = 1;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        trailing = 2;
        if (lead == 0xE0)
            secondMin = 0xA0;
        else if (lead == 0xED)
            secondMax = 0x9F;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        trailing = 3;
        if (lead == 0xF0)
            secondMin = 0x90;
        else if (lead == 0xF4)
            secondMax = 0x8F;
    } else {
        return false;
    }
    if (m_end - m_p <= trailing)
        return false;
    for (int i = 1; i <= trailing; ++i) {
        const auto c = static_cast<unsigned char>(m_p[i]);
        const unsigned char min = i == 1 ? secondMin : 0x80;
        const unsigned char max = i == 1 ? secondMax : 0xBF;
        if (c < min || c > max)
            return false;
    }
    m_text.append(m_p, static_cast<std::size_t>(trailing + 1));
    m_p += trailing + 1;
    return true;
}

} // namespace

bool scanJson(const char *begin, const char *end, nlohmann::json_sax<Json> &handler)
{
    return Scanner(begin, end, handler).run();
}

} // namespace pp
