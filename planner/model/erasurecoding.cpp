#include "planner/model/erasurecoding.h"

#include "catalog/io/jsondocument.h"

#include <algorithm>

namespace pp {

static ErasureCoding loadErasureCoding()
{
    Json doc;
    LoadError error;
    const QString file = QStringLiteral(":/sizing/sizing.json");
    if (!readJsonFile(file, doc, &error))
        qFatal("%s", qPrintable(error.toString()));
    ErasureCoding ec;
    try {
        const Json &e = json::object(doc, "erasureCoding", QString());
        const auto read = [&](const char *key) {
            return static_cast<int>(json::number(json::object(e, key, QStringLiteral("erasureCoding")), "value",
                                                 json::join(QStringLiteral("erasureCoding"), key), 0, 1000));
        };
        ec.parityStrips = read("parityStrips");
        ec.minDataStrips = read("minDataStrips");
        ec.maxDataStrips = read("maxDataStrips");
        ec.rebuildReserveSsds = read("rebuildReserveSsds");
    } catch (const FieldError &e) {
        qFatal("%s: %s: %s", qPrintable(file), qPrintable(e.path), qPrintable(e.reason));
    }
    return ec;
}

const ErasureCoding &ErasureCoding::fromSizingData()
{
    static const ErasureCoding ec = loadErasureCoding();
    return ec;
}

int ErasureCoding::dataStripsFor(int clusterSsds) const
{
    const int width = clusterSsds - rebuildReserveSsds - parityStrips;
    return std::clamp(width, minDataStrips, maxDataStrips);
}

double ErasureCoding::efficiencyFor(int clusterSsds) const
{
    const int n = dataStripsFor(clusterSsds);
    return static_cast<double>(n) / static_cast<double>(n + parityStrips);
}

double ErasureCoding::usableTB(double rawTB, int clusterSsds, double reservePct) const
{
    return rawTB * efficiencyFor(clusterSsds) * (1.0 - reservePct / 100.0);
}

} // namespace pp
