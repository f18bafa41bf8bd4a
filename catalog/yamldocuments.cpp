#include "catalog/yamldocuments.h"

namespace pp {

namespace {

// A "---" at the start of a line, alone or before a space, begins a document (YAML 1.2 §9.1: the
// marker cannot occur there inside a document's content).
bool isDocumentStart(const std::string &s, std::size_t lineStart)
{
    if (s.compare(lineStart, 3, "---") != 0)
        return false;
    const std::size_t after = lineStart + 3;
    return after == s.size() || s[after] == ' ' || s[after] == '\t' || s[after] == '\n' || s[after] == '\r';
}

// Only blanks and comments.
bool isBlank(const std::string &s, std::size_t from, std::size_t to)
{
    bool inComment = false;
    for (std::size_t i = from; i < to; ++i) {
        const char c = s[i];
        if (c == '\n')
            inComment = false;
        else if (c == '#')
            inComment = true;
        else if (!inComment && c != ' ' && c != '\t' && c != '\r')
            return false;
    }
    return true;
}

} // namespace

std::vector<YAML::Node> loadYamlDocuments(const std::string &stream)
{
    std::vector<std::size_t> starts{0};
    std::vector<std::size_t> startLines{0};
    std::size_t line = 0;
    for (std::size_t i = 0; i < stream.size(); ++i) {
        if (stream[i] != '\n')
            continue;
        ++line;
        if (isDocumentStart(stream, i + 1)) {
            starts.push_back(i + 1);
            startLines.push_back(line);
        }
    }
    starts.push_back(stream.size());

    std::vector<YAML::Node> documents;
    for (std::size_t d = 0; d + 1 < starts.size(); ++d) {
        const std::size_t from = starts[d];
        const std::size_t to = starts[d + 1];
        // Text before the first marker is a document only if it holds more than blanks and comments.
        if (!isDocumentStart(stream, from) && isBlank(stream, from, to))
            continue;
        // Leading line breaks put the document's lines where they are in the stream, so marks match.
        std::string text(startLines[d], '\n');
        text.append(stream, from, to - from);
        documents.push_back(YAML::Load(text));
    }
    return documents;
}

} // namespace pp
