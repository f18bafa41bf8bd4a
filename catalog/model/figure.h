#pragma once

#include <QString>
#include <optional>

namespace pp {

// A catalog number with where it came from. An empty value means no source gives it: show "unknown".
struct Figure {
    std::optional<double> value;
    QString source;     // key into the catalog's sources table, e.g. "VSET"
    QString confidence; // stated, stated-3P, inferred, assumed, not-found
    QString note;

    bool known() const { return value.has_value(); }
    double valueOr(double fallback) const { return value.value_or(fallback); }
    // "500 W" or "unknown"; precision is the number of decimals shown.
    QString display(const QString &unit, int precision = 0) const;
};

} // namespace pp
