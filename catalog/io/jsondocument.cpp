#include "catalog/io/jsondocument.h"

#include <QFile>

namespace pp {

bool parseJson(const QByteArray &data, const QString &fileName, Json &out, LoadError *error)
{
    const std::string text(data.constData(), static_cast<std::size_t>(data.size()));
    try {
        out = Json::parse(text);
        return true;
    } catch (const Json::parse_error &e) {
        if (error) {
            error->file = fileName;
            lineColumnAt(text, e.byte > 0 ? e.byte - 1 : 0, error->line, error->column);
            QString what = QString::fromStdString(e.what());
            // nlohmann prefixes "[json.exception.parse_error.101] parse error at line 1, column 2: "
            const int colon = what.indexOf(QStringLiteral(": "), what.indexOf(QStringLiteral("column")));
            if (colon > 0)
                what = what.mid(colon + 2);
            error->reason = e.byte >= text.size() ? QStringLiteral("the JSON ends too early (truncated file?): ") + what
                                                  : QStringLiteral("invalid JSON: ") + what;
        }
        return false;
    } catch (const Json::exception &e) {
        // Not a syntax error but a value the parser cannot hold, e.g. a number like 1e320.
        if (error) {
            error->file = fileName;
            error->line = 0;
            error->column = 0;
            QString what = QString::fromStdString(e.what());
            what = what.mid(what.indexOf(QLatin1Char(']')) + 1).trimmed();
            error->reason = QStringLiteral("invalid JSON: ") + what;
        }
        return false;
    }
}

bool readJsonFile(const QString &fileName, Json &out, LoadError *error)
{
    QFile file(fileName);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error) {
            error->file = fileName;
            error->reason = QStringLiteral("cannot read the file: %1").arg(file.errorString());
        }
        return false;
    }
    return parseJson(file.readAll(), fileName, out, error);
}

} // namespace pp
