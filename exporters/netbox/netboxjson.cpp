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

QString cableType(const QString &kind)
{
    if (kind == QLatin1String("dac") || kind == QLatin1String("breakout-dac"))
        return QStringLiteral("dac-passive");
    if (kind == QLatin1String("aoc") || kind == QLatin1String("breakout-aoc"))
        return QStringLiteral("aoc");
    if (kind == QLatin1String("copper"))
        return QStringLiteral("cat6a");
    if (kind == QLatin1String("fibre"))
        return QStringLiteral("smf-os2");
    return QString();
}

} // namespace pp::netboxjson
