#include "planner/rules/finding.h"

namespace pp {

QString severityId(Severity severity)
{
    switch (severity) {
    case Severity::Error:
        return QStringLiteral("error");
    case Severity::Warning:
        return QStringLiteral("warning");
    case Severity::Info:
        break;
    }
    return QStringLiteral("info");
}

int CheckReport::count(Severity severity) const
{
    int n = 0;
    for (const Finding &f : findings)
        if (f.severity == severity)
            ++n;
    return n;
}

int CheckReport::waivedCount() const
{
    int n = 0;
    for (const Finding &f : findings)
        if (f.waived)
            ++n;
    return n;
}

} // namespace pp
