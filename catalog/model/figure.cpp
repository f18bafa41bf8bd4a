#include "catalog/model/figure.h"

namespace pp {

QString Figure::display(const QString &unit, int precision) const
{
    if (!value)
        return QStringLiteral("unknown");
    const QString number = QString::number(*value, 'f', precision);
    return unit.isEmpty() ? number : number + QLatin1Char(' ') + unit;
}

} // namespace pp
