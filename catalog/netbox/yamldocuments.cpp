#include "catalog/netbox/yamldocuments.h"

namespace pp {

namespace {

// A marker ("---" or "...") at the start of a line, alone or before a space (YAML 1.2 §9.1: no
// document content can start a line with one).
bool isMarker(const std::string &s, std::size_t lineStart, const char *marker)
{
    if (s.compare(lineStart, 3, marker) != 0)
        return false;
    const std::size_t after = lineStart + 3;
    return after == s.size() || s[after] == ' ' || s[after] == '\t' || s[after] == '\n' || s[after] == '\r';
}

// Only what may stand before a document's "---": blank lines, comments, directives (%YAML, %TAG)
// and a byte-order mark.
bool isPrologue(const std::string &s, std::size_t from, std::size_t to)
{
    if (s.compare(from, 3, "\xEF\xBB\xBF") == 0)
        from += 3;
    bool skipLine = false;
    for (std::size_t i = from; i < to; ++i) {
        const char c = s[i];
        if (c == '\n')
            skipLine = false;
        else if (skipLine || c == ' ' || c == '\t' || c == '\r')
            continue;
        else if (c == '#' || (c == '%' && (i == from || s[i - 1] == '\n')))
            skipLine = true;
        else
            return false;
    }
    return true;
}

} // namespace

std::vector<YamlDocument> splitYamlDocuments(const std::string &stream)
{
    // Cut points: before every "---" line and after every "..." line, with the line they start on.
    std::vector<std::pair<std::size_t, int>> cuts{{0, 0}};
    int line = 0;
    for (std::size_t lineStart = 0; lineStart < stream.size();) {
        std::size_t end = stream.find('\n', lineStart);
        end = end == std::string::npos ? stream.size() : end + 1;
        if (isMarker(stream, lineStart, "---") && lineStart > cuts.back().first)
            cuts.push_back({lineStart, line});
        else if (isMarker(stream, lineStart, "...") && end < stream.size())
            cuts.push_back({end, line + 1});
        lineStart = end;
        ++line;
    }
    cuts.push_back({stream.size(), line});

    std::vector<YamlDocument> documents;
    std::size_t from = 0;
    int firstLine = 0;
    for (std::size_t c = 1; c < cuts.size(); ++c) {
        const std::size_t to = cuts[c].first;
        if (to == from)
            continue;
        const bool startsDocument = isMarker(stream, from, "---");
        if (!startsDocument && isPrologue(stream, from, to)) {
            // Kept for the document that follows; dropped when none does.
            if (c + 1 < cuts.size() && isMarker(stream, to, "---"))
                continue;
            from = to;
            firstLine = cuts[c].second;
            continue;
        }
        documents.push_back({stream.substr(from, to - from), firstLine});
        from = to;
        firstLine = cuts[c].second;
    }
    return documents;
}

} // namespace pp
