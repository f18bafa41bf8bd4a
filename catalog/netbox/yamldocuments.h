#pragma once

#include <string>
#include <vector>
#include <yaml-cpp/yaml.h>

namespace pp {

// One document of a YAML stream: its text and the stream line it starts on (0-based).
struct YamlDocument {
    std::string text;
    int firstLine = 0;
};

// The documents of a YAML stream, each to be parsed on its own with YAML::Load.
//
// Why not YAML::LoadAll: in yaml-cpp 0.7 (Debian 12) it never returns for some invalid input, such
// as a stray "," (jbeder/yaml-cpp#1040, fixed upstream by #1319 after 0.8): it keeps appending empty
// documents until memory runs out. The fuzzer found it. YAML::Load parses exactly one document and
// stops, so the stream is split first: a document starts at a "---" line and ends before the next
// one or after a "..." line. Directives, comments and a byte-order mark before a "---" belong to
// the document it starts. Marks of a loaded document count from its firstLine.
std::vector<YamlDocument> splitYamlDocuments(const std::string &stream);

} // namespace pp
