#pragma once

#include <QString>
#include <QStringList>
#include <nlohmann/json.hpp>
#include <optional>
#include <stdexcept>

namespace pp {

using Json = nlohmann::ordered_json;

// A content error in a JSON document: the path of the bad value and why it is bad.
struct FieldError : std::runtime_error {
    FieldError(QString p, QString r)
        : std::runtime_error(r.toStdString())
        , path(std::move(p))
        , reason(std::move(r))
    { }
    QString path;
    QString reason;
};

// Readers that check type and range and name the JSON path when they refuse a value.
namespace json {

QString join(const QString &path, const char *key);
QString join(const QString &path, std::size_t index);
QString typeName(const Json &value);

const Json &object(const Json &parent, const char *key, const QString &path);
const Json *optionalObject(const Json &parent, const char *key, const QString &path);
const Json &array(const Json &parent, const char *key, const QString &path, bool required = false);
QString string(const Json &parent, const char *key, const QString &path, bool required = true,
               const QString &fallback = QString());
QStringList stringList(const Json &parent, const char *key, const QString &path);
double number(const Json &parent, const char *key, const QString &path, double min, double max);
double number(const Json &parent, const char *key, const QString &path, double min, double max, double fallback);
std::optional<double> optionalNumber(const Json &parent, const char *key, const QString &path, double min, double max);
int integer(const Json &parent, const char *key, const QString &path, int min, int max);
int integer(const Json &parent, const char *key, const QString &path, int min, int max, int fallback);
bool boolean(const Json &parent, const char *key, const QString &path, bool fallback);
void requireObject(const Json &value, const QString &path);

std::string toStd(const QString &s);
QString fromStd(const std::string &s);

} // namespace json
} // namespace pp
