// Fails when a function in app/, catalog/, planner/ or exporters/ (*.cpp only) runs over the line limit
// (80 by default) without a reason: a `// long-function: <reason>` comment on the line just above its
// signature, or an entry in the allowlist file. Plain C++17, no Qt, so the check builds even where the
// app does not.
//
// It relies on the pinned clang-format style instead of parsing C++: a function's opening brace stands
// alone on a line at column 0 and its closing brace likewise; the signature may span the lines above,
// back to a blank line, a comment, a preprocessor line or a line ending in ';', '{' or '}'. The length is
// counted from the signature's first line to the closing brace, as /tmp/funclen.py (the heuristic the
// before/after figures came from) does. Member functions defined inside a class body are indented, so
// they are not seen; they live in headers and are short, and headers are not scanned for that reason.
//
// Usage: functionlength ROOT [--limit N] [--allowlist FILE]
// Allowlist lines: `<path relative to ROOT> <function name> <reason>`; '#' starts a comment line.
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

namespace fs = std::filesystem;

namespace {

struct LongFunction {
    std::string path; // relative to ROOT, '/' separated
    int line = 0;     // 1-based line of the signature's first line
    int lengthLines = 0;
    std::string name;
    std::string reason; // empty when neither a comment nor the allowlist excuses it
};

struct AllowEntry {
    std::string reason;
    bool used = false;
};

std::string trim(const std::string &s)
{
    const auto begin = s.find_first_not_of(" \t\r");
    if (begin == std::string::npos)
        return {};
    const auto end = s.find_last_not_of(" \t\r");
    return s.substr(begin, end - begin + 1);
}

bool startsWith(const std::string &s, const std::string &prefix)
{
    return s.compare(0, prefix.size(), prefix) == 0;
}

bool endsWithAny(const std::string &s, const std::string &chars)
{
    return !s.empty() && chars.find(s.back()) != std::string::npos;
}

std::vector<std::string> readLines(const fs::path &file)
{
    std::ifstream in(file, std::ios::binary);
    std::vector<std::string> lines;
    std::string line;
    while (std::getline(in, line))
        lines.push_back(line);
    return lines;
}

// The qualified name before the parameter list ("SizingEngine::size"), or the last word of a
// signature without one (a struct or an initialised array).
std::string functionName(const std::vector<std::string> &lines, std::size_t first, std::size_t brace)
{
    std::string signature;
    for (std::size_t k = first; k < brace; ++k)
        signature += trim(lines[k]) + " ";
    const auto callOperator = signature.find("operator()");
    auto end = callOperator == std::string::npos ? signature.find('(') : signature.find('(', callOperator + 10);
    if (end == std::string::npos)
        end = signature.size();
    std::string head = trim(signature.substr(0, end));
    const auto space = head.find_last_of(" *&");
    return space == std::string::npos ? head : head.substr(space + 1);
}

// The reason given by `// long-function: <reason>` on the line, or empty.
std::string commentReason(const std::string &line)
{
    const std::string marker = "// long-function:";
    const auto at = line.find(marker);
    return at == std::string::npos ? std::string() : trim(line.substr(at + marker.size()));
}

void scanFile(const fs::path &file, const std::string &relPath, int limit, std::vector<LongFunction> &out)
{
    const std::vector<std::string> lines = readLines(file);
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (lines[i] != "{")
            continue;
        std::size_t first = i == 0 ? 0 : i - 1;
        while (first > 0) {
            const std::string &above = lines[first - 1];
            const std::string stripped = trim(above);
            if (stripped.empty() || endsWithAny(stripped, ";}{") || startsWith(above, "//") || startsWith(above, "#"))
                break;
            --first;
        }
        std::size_t close = i + 1;
        while (close < lines.size() && lines[close] != "}" && !startsWith(lines[close], "};"))
            ++close;
        const int length = static_cast<int>(close - first + 1);
        if (length > limit) {
            LongFunction f;
            f.path = relPath;
            f.line = static_cast<int>(first + 1);
            f.lengthLines = length;
            f.name = functionName(lines, first, i);
            if (first > 0)
                f.reason = commentReason(lines[first - 1]);
            out.push_back(f);
        }
        i = close;
    }
}

// Key: "path function".
std::map<std::string, AllowEntry> readAllowlist(const fs::path &file, bool *ok)
{
    std::map<std::string, AllowEntry> entries;
    std::ifstream in(file);
    *ok = static_cast<bool>(in);
    std::string line;
    int number = 0;
    while (std::getline(in, line)) {
        ++number;
        const std::string stripped = trim(line);
        if (stripped.empty() || stripped[0] == '#')
            continue;
        std::istringstream fields(stripped);
        std::string path, name, reason;
        fields >> path >> name;
        std::getline(fields, reason);
        reason = trim(reason);
        if (name.empty() || reason.empty()) {
            std::cerr << file.string() << ":" << number << ": an entry needs a path, a function name and a reason\n";
            *ok = false;
            continue;
        }
        entries[path + " " + name] = AllowEntry{reason, false};
    }
    return entries;
}

std::vector<LongFunction> scanTree(const fs::path &root, int limit)
{
    std::vector<LongFunction> found;
    for (const char *top : {"app", "catalog", "planner", "exporters"}) {
        const fs::path dir = root / top;
        if (!fs::is_directory(dir))
            continue;
        std::vector<fs::path> files;
        for (const auto &entry : fs::recursive_directory_iterator(dir))
            if (entry.is_regular_file() && entry.path().extension() == ".cpp")
                files.push_back(entry.path());
        std::sort(files.begin(), files.end());
        for (const fs::path &file : files)
            scanFile(file, fs::relative(file, root).generic_string(), limit, found);
    }
    return found;
}

} // namespace

int main(int argc, char **argv)
{
    if (argc < 2) {
        std::cerr << "usage: functionlength ROOT [--limit N] [--allowlist FILE]\n";
        return 2;
    }
    const fs::path root = argv[1];
    int limit = 80;
    fs::path allowlistFile;
    for (int a = 2; a + 1 < argc; a += 2) {
        const std::string option = argv[a];
        if (option == "--limit")
            limit = std::atoi(argv[a + 1]);
        else if (option == "--allowlist")
            allowlistFile = argv[a + 1];
    }
    if (!fs::is_directory(root) || limit <= 0) {
        std::cerr << "functionlength: no folder " << root.string() << " or a bad limit\n";
        return 2;
    }

    bool allowlistOk = true;
    std::map<std::string, AllowEntry> allowed;
    if (!allowlistFile.empty())
        allowed = readAllowlist(allowlistFile, &allowlistOk);

    std::vector<LongFunction> found = scanTree(root, limit);
    int byComment = 0, byAllowlist = 0, failing = 0;
    for (LongFunction &f : found) {
        if (!f.reason.empty()) {
            ++byComment;
            continue;
        }
        const auto entry = allowed.find(f.path + " " + f.name);
        if (entry != allowed.end()) {
            entry->second.used = true;
            f.reason = entry->second.reason;
            ++byAllowlist;
            continue;
        }
        ++failing;
        std::cout << f.path << ":" << f.line << ": " << f.name << " is " << f.lengthLines << " lines (limit " << limit
                  << "); split it or write `// long-function: <reason>` above it\n";
    }
    for (const LongFunction &f : found)
        if (!f.reason.empty())
            std::cout << "excused: " << f.path << ":" << f.line << ": " << f.name << " " << f.lengthLines
                      << " lines: " << f.reason << "\n";
    // A stale entry is only noted: a parallel change that splits its function must not break the check.
    for (const auto &entry : allowed)
        if (!entry.second.used)
            std::cout << "note: allowlist entry matches no long function (prune it): " << entry.first << "\n";
    std::cout << "functions over " << limit << " lines: " << found.size() << " (" << byComment
              << " with a long-function comment, " << byAllowlist << " allowlisted, " << failing << " failing)\n";
    return failing == 0 && allowlistOk ? 0 : 1;
}
