#include "catalog/io/jsonfields.h"

#include <cmath>

namespace pp::json {

QString join(const QString &path, const char *key)
{
    return path.isEmpty() ? QString::fromUtf8(key) : path + QLatin1Char('.') + QString::fromUtf8(key);
}

QString join(const QString &path, std::size_t index)
{
    return path + QStringLiteral("[%1]").arg(index);
}

QString typeName(const Json &value)
{
    return QString::fromUtf8(value.type_name());
}

void requireObject(const Json &value, const QString &path)
{
    if (!value.is_object())
        throw FieldError(path, QStringLiteral("expected an object, found %1").arg(typeName(value)));
}

const Json &object(const Json &parent, const char *key, const QString &path)
{
    const auto it = parent.find(key);
    if (it == parent.end())
        throw FieldError(join(path, key), QStringLiteral("missing required object"));
    requireObject(*it, join(path, key));
    return *it;
}

const Json *optionalObject(const Json &parent, const char *key, const QString &path)
{
    const auto it = parent.find(key);
    if (it == parent.end() || it->is_null())
        return nullptr;
    requireObject(*it, join(path, key));
    return &*it;
}

const Json &array(const Json &parent, const char *key, const QString &path, bool required)
{
    static const Json empty = Json::array();
    const auto it = parent.find(key);
    if (it == parent.end()) {
        if (required)
            throw FieldError(join(path, key), QStringLiteral("missing required array"));
        return empty;
    }
    if (!it->is_array())
        throw FieldError(join(path, key), QStringLiteral("expected an array, found %1").arg(typeName(*it)));
    return *it;
}

QString string(const Json &parent, const char *key, const QString &path, bool required, const QString &fallback)
{
    const auto it = parent.find(key);
    if (it == parent.end() || it->is_null()) {
        if (required)
            throw FieldError(join(path, key), QStringLiteral("missing required string"));
        return fallback;
    }
    if (!it->is_string())
        throw FieldError(join(path, key), QStringLiteral("expected a string, found %1").arg(typeName(*it)));
    return fromStd(it->get_ref<const std::string &>());
}

QStringList stringList(const Json &parent, const char *key, const QString &path)
{
    QStringList out;
    const Json &values = array(parent, key, path);
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (!values[i].is_string())
            throw FieldError(join(join(path, key), i),
                             QStringLiteral("expected a string, found %1").arg(typeName(values[i])));
        out << fromStd(values[i].get_ref<const std::string &>());
    }
    return out;
}

static double checkedNumber(const Json &value, const QString &where, double min, double max)
{
    if (!value.is_number())
        throw FieldError(where, QStringLiteral("expected a number, found %1").arg(typeName(value)));
    const double v = value.get<double>();
    if (!std::isfinite(v) || v < min || v > max)
        throw FieldError(where,
                         QStringLiteral("value %1 is outside the allowed range %2 to %3").arg(v).arg(min).arg(max));
    return v;
}

double number(const Json &parent, const char *key, const QString &path, double min, double max)
{
    const auto it = parent.find(key);
    if (it == parent.end() || it->is_null())
        throw FieldError(join(path, key), QStringLiteral("missing required number"));
    return checkedNumber(*it, join(path, key), min, max);
}

double number(const Json &parent, const char *key, const QString &path, double min, double max, double fallback)
{
    const auto it = parent.find(key);
    if (it == parent.end() || it->is_null())
        return fallback;
    return checkedNumber(*it, join(path, key), min, max);
}

std::optional<double> optionalNumber(const Json &parent, const char *key, const QString &path, double min, double max)
{
    const auto it = parent.find(key);
    if (it == parent.end() || it->is_null())
        return std::nullopt;
    return checkedNumber(*it, join(path, key), min, max);
}

static int checkedInteger(const Json &value, const QString &where, int min, int max)
{
    if (!value.is_number_integer())
        throw FieldError(where,
                         QStringLiteral("expected a whole number, found %1")
                             .arg(value.is_number() ? QStringLiteral("a fraction") : typeName(value)));
    const auto v = value.get<long long>();
    if (v < min || v > max)
        throw FieldError(where,
                         QStringLiteral("value %1 is outside the allowed range %2 to %3").arg(v).arg(min).arg(max));
    return static_cast<int>(v);
}

int integer(const Json &parent, const char *key, const QString &path, int min, int max)
{
    const auto it = parent.find(key);
    if (it == parent.end() || it->is_null())
        throw FieldError(join(path, key), QStringLiteral("missing required whole number"));
    return checkedInteger(*it, join(path, key), min, max);
}

int integer(const Json &parent, const char *key, const QString &path, int min, int max, int fallback)
{
    const auto it = parent.find(key);
    if (it == parent.end() || it->is_null())
        return fallback;
    return checkedInteger(*it, join(path, key), min, max);
}

bool boolean(const Json &parent, const char *key, const QString &path, bool fallback)
{
    const auto it = parent.find(key);
    if (it == parent.end() || it->is_null())
        return fallback;
    if (!it->is_boolean())
        throw FieldError(join(path, key), QStringLiteral("expected true or false, found %1").arg(typeName(*it)));
    return it->get<bool>();
}

std::string toStd(const QString &s)
{
    return s.toStdString();
}

QString fromStd(const std::string &s)
{
    return QString::fromStdString(s);
}

} // namespace pp::json
