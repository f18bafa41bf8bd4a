#include "exporters/netbox/netboxjson.h"

namespace pp::netboxjson {

int refId(const Json &value)
{
    if (value.is_number_integer())
        return value.get<int>();
    if (value.is_object() && value.contains("id") && value["id"].is_number_integer())
        return value["id"].get<int>();
    return -1;
}

QString stringField(const Json &object, const char *key)
{
    const auto it = object.find(key);
    if (it == object.end())
        return QString();
    if (it->is_string())
        return QString::fromStdString(it->get<std::string>());
    if (it->is_object() && it->contains("value") && (*it)["value"].is_string())
        return QString::fromStdString((*it)["value"].get<std::string>());
    return QString();
}

} // namespace pp::netboxjson
