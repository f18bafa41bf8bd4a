#include "planner/diff/planobjects.h"

namespace pp::plandiff {

using json::fromStd;

const char *collectionKey(Collection c)
{
    switch (c) {
    case Collection::Racks:
        return "racks";
    case Collection::Devices:
        return "devices";
    case Collection::Links:
        return "links";
    case Collection::Uplinks:
        return "uplinks";
    case Collection::Waivers:
        return "waivers";
    }
    return "";
}

QString objectKind(Collection c)
{
    switch (c) {
    case Collection::Racks:
        return QStringLiteral("rack");
    case Collection::Devices:
        return QStringLiteral("device");
    case Collection::Links:
        return QStringLiteral("link");
    case Collection::Uplinks:
        return QStringLiteral("uplink");
    case Collection::Waivers:
        return QStringLiteral("waiver");
    }
    return QString();
}

static QString text(const Json &item, const char *key)
{
    const auto it = item.find(key);
    return it != item.end() && it->is_string() ? fromStd(it->get<std::string>()) : QString();
}

QString objectKey(Collection c, const Json &item)
{
    switch (c) {
    case Collection::Racks:
    case Collection::Devices:
        return text(item, "id");
    case Collection::Links: {
        QString a = text(item, "a");
        QString b = text(item, "b");
        if (b < a)
            std::swap(a, b);
        return a + QStringLiteral(" <-> ") + b;
    }
    case Collection::Uplinks:
        return text(item, "device") + QLatin1Char(':') + text(item, "port");
    case Collection::Waivers:
        return text(item, "subject").isEmpty() ? text(item, "rule")
                                               : text(item, "rule") + QLatin1Char(' ') + text(item, "subject");
    }
    return QString();
}

Json headerValue(const Json &doc, const char *path)
{
    const std::string p(path);
    const auto dot = p.find('.');
    const Json *parent = &doc;
    std::string key = p;
    if (dot != std::string::npos) {
        const auto it = doc.find(p.substr(0, dot));
        if (it == doc.end() || !it->is_object())
            return Json();
        parent = &*it;
        key = p.substr(dot + 1);
    }
    const auto it = parent->find(key);
    return it == parent->end() ? Json() : *it;
}

void setHeaderValue(Json &doc, const char *path, const Json &value)
{
    const std::string p(path);
    const auto dot = p.find('.');
    if (dot == std::string::npos)
        doc[p] = value;
    else
        doc[p.substr(0, dot)][p.substr(dot + 1)] = value;
}

static std::string escapePointerToken(const std::string &key)
{
    std::string out;
    for (char ch : key) {
        if (ch == '~')
            out += "~0";
        else if (ch == '/')
            out += "~1";
        else
            out += ch;
    }
    return out;
}

void flattenOverrides(const Json &value, const std::string &pointer, std::vector<std::pair<std::string, Json>> &out)
{
    if (!value.is_object() || value.empty() || pointer.empty()) {
        if (!pointer.empty()) {
            out.emplace_back(pointer, value);
            return;
        }
        if (!value.is_object())
            return;
    }
    for (auto it = value.begin(); it != value.end(); ++it)
        flattenOverrides(it.value(), pointer + '/' + escapePointerToken(it.key()), out);
}

void setOverride(Json &overrides, const std::string &pointer, const Json *value)
{
    const Json::json_pointer ptr(pointer);
    if (value) {
        // Parents that are not objects (a leaf becoming a subtree) are replaced by objects.
        Json::json_pointer parent = ptr.parent_pointer();
        std::vector<Json::json_pointer> chain;
        for (Json::json_pointer p = parent; !p.empty(); p = p.parent_pointer())
            chain.insert(chain.begin(), p);
        for (const auto &p : chain)
            if (!overrides.contains(p) || !overrides.at(p).is_object())
                overrides[p] = Json::object();
        overrides[ptr] = *value;
        return;
    }
    if (!overrides.contains(ptr))
        return;
    overrides.at(ptr.parent_pointer()).erase(ptr.back());
    for (Json::json_pointer p = ptr.parent_pointer(); !p.empty(); p = p.parent_pointer()) {
        if (!overrides.at(p).empty())
            break;
        overrides.at(p.parent_pointer()).erase(p.back());
    }
}

} // namespace pp::plandiff
