// Fuzz target: scanJson must accept only what nlohmann accepts, and produce the same tree.
#include "catalog/io/jsonscanner.h"

#include <cstdint>

namespace {

class TreeFromEvents final : public nlohmann::json_sax<pp::Json> {
public:
    explicit TreeFromEvents(pp::Json &out)
        : m_dom(out, false)
    { }
    bool null() override { return m_dom.null(); }
    bool boolean(bool v) override { return m_dom.boolean(v); }
    bool number_integer(number_integer_t v) override { return m_dom.number_integer(v); }
    bool number_unsigned(number_unsigned_t v) override { return m_dom.number_unsigned(v); }
    bool number_float(number_float_t v, const string_t &s) override { return m_dom.number_float(v, s); }
    bool string(string_t &v) override { return m_dom.string(v); }
    bool binary(binary_t &v) override { return m_dom.binary(v); }
    bool start_object(std::size_t n) override { return m_dom.start_object(n); }
    bool key(string_t &v) override { return m_dom.key(v); }
    bool end_object() override { return m_dom.end_object(); }
    bool start_array(std::size_t n) override { return m_dom.start_array(n); }
    bool end_array() override { return m_dom.end_array(); }
    bool parse_error(std::size_t, const std::string &, const nlohmann::detail::exception &) override { return false; }

private:
    nlohmann::detail::json_sax_dom_parser<pp::Json> m_dom;
};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *begin = reinterpret_cast<const char *>(data);
    pp::Json fast;
    TreeFromEvents events(fast);
    if (!pp::scanJson(begin, begin + size, events))
        return 0;
    try {
        const pp::Json reference = pp::Json::parse(begin, begin + size);
        if (reference.dump() != fast.dump())
            __builtin_trap();
    } catch (const std::exception &) {
        __builtin_trap(); // accepted what nlohmann refuses
    }
    return 0;
}
