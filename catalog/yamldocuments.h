#pragma once

#include <string>
#include <vector>
#include <yaml-cpp/yaml.h>

namespace pp {

// Every YAML document in a stream, each parsed on its own.
//
// Why not YAML::LoadAll: in yaml-cpp 0.7 (Debian 12) it never returns for some invalid input, such
// as a stray "," (jbeder/yaml-cpp#1040, fixed upstream by #1319 after 0.8): it keeps appending empty
// documents until memory runs out. The fuzzer found it. YAML::Load parses exactly one document and
// stops, so the stream is split at its "---" markers first. Marks (line, column) stay those of the
// whole stream. Throws YAML::Exception like YAML::Load.
std::vector<YAML::Node> loadYamlDocuments(const std::string &stream);

} // namespace pp
