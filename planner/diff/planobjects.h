#pragma once

#include "catalog/io/jsonfields.h"

#include <QString>
#include <array>

namespace pp::plandiff {

// The lists of a plan whose items are compared and merged one by one, named as in the plan file.
enum class Collection { Racks, Devices, Links, Uplinks, Waivers };

constexpr std::array<Collection, 5> kCollections{Collection::Racks, Collection::Devices, Collection::Links,
                                                 Collection::Uplinks, Collection::Waivers};

const char *collectionKey(Collection c); // "racks", "devices", ...
QString objectKind(Collection c);        // "rack", "device", ...

// The identity of one item in its saved form: a rack or device by id, a link by its two ends
// (in either order: "cn1:p1 <-> sw1:swp1", the ends sorted), an uplink by "device:port", a
// waiver by "rule subject" (the rule alone when it waives every subject).
QString objectKey(Collection c, const Json &item);

// The top-level plan fields compared one by one (the site's overrides are compared key by key).
constexpr std::array<const char *, 4> kHeaderFields{"name", "customer", "track", "site.profile"};

// A value at a dotted header path in a saved plan, or null when absent.
Json headerValue(const Json &doc, const char *path);
void setHeaderValue(Json &doc, const char *path, const Json &value);

// The leaves of an overrides object, by JSON pointer ("/power/budgetKW"); an empty object that
// is a leaf of its own counts as a value.
void flattenOverrides(const Json &value, const std::string &pointer, std::vector<std::pair<std::string, Json>> &out);
// Sets (or, for an absent value, removes) the leaf at a pointer, creating or pruning the parent objects.
void setOverride(Json &overrides, const std::string &pointer, const Json *value);

} // namespace pp::plandiff
