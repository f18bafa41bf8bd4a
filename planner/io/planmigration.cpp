#include "planner/io/planmigration.h"

namespace pp {

// Version 0 was the pre-release draft format: devices carried "position" (lowest U) instead of
// "u", and a plan's site was a bare profile id string.
static Json migrate0to1(Json doc)
{
    if (doc.contains("site") && doc["site"].is_string())
        doc["site"] = Json{{"profile", doc["site"]}, {"overrides", Json::object()}};
    if (doc.contains("devices") && doc["devices"].is_array())
        for (Json &d : doc["devices"])
            if (d.is_object() && d.contains("position") && !d.contains("u")) {
                d["u"] = d["position"];
                d.erase("position");
            }
    doc["version"] = 1;
    return doc;
}

Json migratePlanJson(const Json &input, int fromVersion, QStringList *notes)
{
    Json doc = input;
    if (fromVersion < 1) {
        doc = migrate0to1(std::move(doc));
        if (notes)
            *notes << QStringLiteral("migrated the plan from format version 0 to 1");
    }
    return doc;
}

} // namespace pp
