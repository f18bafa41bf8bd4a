#include "planner/rules/designlimits.h"

#include "catalog/io/jsondocument.h"

namespace pp {

static DesignLimits loadDesignLimits()
{
    Json doc;
    LoadError error;
    const QString file = QStringLiteral(":/rules/rules.json");
    if (!readJsonFile(file, doc, &error))
        qFatal("%s", qPrintable(error.toString()));
    DesignLimits limits;
    try {
        const auto read = [&](const char *section, const char *key, double min, double max) {
            const QString path = json::join(QString::fromLatin1(section), key);
            return json::number(json::object(json::object(doc, section, QString()), key, QString::fromLatin1(section)),
                                "value", path, min, max);
        };
        limits.minCNodes = static_cast<int>(read("resilience", "minCNodes", 0, 1000));
        limits.minDBoxes = static_cast<int>(read("resilience", "minDBoxes", 0, 1000));
        limits.minDpusPerDBox = static_cast<int>(read("resilience", "minDpusPerDBox", 0, 16));
        limits.minDataSwitches = static_cast<int>(read("resilience", "minDataSwitches", 0, 1000));
        limits.minPsus = static_cast<int>(read("resilience", "minPsus", 0, 16));
        limits.minHomingSwitches = static_cast<int>(read("resilience", "minHomingSwitches", 0, 16));
        limits.maxOversubscription = read("network", "maxOversubscription", 0.01, 1000);
    } catch (const FieldError &e) {
        qFatal("%s: %s: %s", qPrintable(file), qPrintable(e.path), qPrintable(e.reason));
    }
    return limits;
}

const DesignLimits &DesignLimits::builtIn()
{
    static const DesignLimits limits = loadDesignLimits();
    return limits;
}

} // namespace pp
