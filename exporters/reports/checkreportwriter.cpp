#include "exporters/reports/checkreportwriter.h"

#include "exporters/reports/whatifreportwriter.h"

#include <QTextStream>
#include <cmath>

namespace pp {

namespace {

// Measured and limit values are rounded to 3 decimals so that reports do not show float noise.
Json number(const std::optional<double> &value)
{
    if (!value)
        return nullptr;
    const double rounded = std::round(*value * 1000.0) / 1000.0;
    if (rounded == std::floor(rounded) && std::fabs(rounded) < 1e15)
        return static_cast<long long>(rounded);
    return rounded;
}

QString numberText(double value)
{
    QString s = QString::number(std::round(value * 1000.0) / 1000.0, 'f', 3);
    while (s.endsWith(QLatin1Char('0')))
        s.chop(1);
    if (s.endsWith(QLatin1Char('.')))
        s.chop(1);
    return s;
}

QString valueText(const std::optional<double> &value, const QString &unit)
{
    if (!value)
        return QStringLiteral("unknown");
    return unit.isEmpty() ? numberText(*value) : numberText(*value) + QLatin1Char(' ') + unit;
}

QString plural(int n, const char *one, const char *many)
{
    return QStringLiteral("%1 %2").arg(n).arg(QLatin1String(n == 1 ? one : many));
}

} // namespace

std::optional<SeverityFilter> severityFilterFromId(const QString &id)
{
    if (id == QLatin1String("error"))
        return SeverityFilter::Errors;
    if (id == QLatin1String("warning"))
        return SeverityFilter::Warnings;
    if (id == QLatin1String("all"))
        return SeverityFilter::All;
    return std::nullopt;
}

bool CheckReportWriter::listed(const Finding &finding, SeverityFilter filter)
{
    const Severity s = finding.waived ? finding.originalSeverity : finding.severity;
    switch (filter) {
    case SeverityFilter::Errors:
        return s == Severity::Error;
    case SeverityFilter::Warnings:
        return s != Severity::Info;
    case SeverityFilter::All:
        break;
    }
    return true;
}

Json CheckReportWriter::toJson(const CheckReport &report, SeverityFilter filter, const WhatIfReport *resilience)
{
    Json findings = Json::array();
    for (const Finding &f : report.findings) {
        if (!listed(f, filter))
            continue;
        Json subjects = Json::array();
        for (const QString &s : f.subjects)
            subjects.push_back(s.toStdString());
        Json item{{"rule", f.rule.toStdString()},       {"severity", severityId(f.severity).toStdString()},
                  {"message", f.message.toStdString()}, {"subjects", subjects},
                  {"measured", number(f.measured)},     {"limit", number(f.limit)},
                  {"unit", f.unit.toStdString()},       {"waived", f.waived},
                  {"reason", f.reason.toStdString()}};
        if (f.waived)
            item["originalSeverity"] = severityId(f.originalSeverity).toStdString();
        findings.push_back(std::move(item));
    }
    Json doc{{"format", "pocplanner-check"},
             {"version", kFormatVersion},
             {"plan", report.plan.toStdString()},
             {"site", report.site.toStdString()},
             {"summary",
              {{"errors", report.count(Severity::Error)},
               {"warnings", report.count(Severity::Warning)},
               {"infos", report.count(Severity::Info) - report.waivedCount()},
               {"waived", report.waivedCount()}}},
             {"findings", findings}};
    if (resilience)
        doc["resilience"] = WhatIfReportWriter::toJson(*resilience);
    return doc;
}

QByteArray CheckReportWriter::json(const CheckReport &report, SeverityFilter filter, const WhatIfReport *resilience)
{
    return QByteArray::fromStdString(toJson(report, filter, resilience).dump(2)) + '\n';
}

QByteArray CheckReportWriter::text(const CheckReport &report, SeverityFilter filter, const WhatIfReport *resilience)
{
    // A stable, untranslated syntax: scripts parse it, so keep the order and wording of the lines.
    QString out;
    QTextStream s(&out);
    s << "** POC Planner check report for " << report.plan << " **\n";
    s << "** Site: " << report.site << " **\n";
    const char *includes = filter == SeverityFilter::Errors ? "errors, waived errors"
        : filter == SeverityFilter::Warnings                ? "errors, warnings, waived"
                                                            : "errors, warnings, infos, waived";
    s << "** Report includes: " << includes << " **\n\n";
    const int waived = report.waivedCount();
    s << "** Found " << plural(report.count(Severity::Error), "error", "errors") << ", "
      << plural(report.count(Severity::Warning), "warning", "warnings") << ", "
      << plural(report.count(Severity::Info) - waived, "info", "infos") << ", " << waived << " waived **\n";
    for (const Finding &f : report.findings) {
        if (!listed(f, filter))
            continue;
        s << "\n[" << f.rule << "]: " << f.message << "; Severity: " << severityId(f.severity);
        if (f.waived)
            s << " (waived " << severityId(f.originalSeverity) << ": " << f.reason << ")";
        s << "\n    subjects: " << f.subjects.join(QStringLiteral(", ")) << "\n";
        s << "    measured: " << valueText(f.measured, f.unit) << "; limit: " << valueText(f.limit, f.unit) << "\n";
    }
    if (resilience) {
        s << "\n** Resilience (N-1): " << resilience->results.size() << " failure domains, "
          << plural(static_cast<int>(resilience->singlePoints.size()), "single point of failure",
                    "single points of failure")
          << " **\n";
        for (const QString &line : WhatIfReportWriter::resilienceLines(*resilience, 10))
            s << line << "\n";
    }
    s << "\n** End of Report **\n";
    s.flush();
    return out.toUtf8();
}

} // namespace pp
