#include "exporters/reports/diffreportwriter.h"

#include "exporters/common/textescape.h"

#include <QTextStream>

namespace pp {

using json::toStd;

namespace {

const QStringList &kinds()
{
    static const QStringList list{QStringLiteral("site"), QStringLiteral("rack"),   QStringLiteral("device"),
                                  QStringLiteral("link"), QStringLiteral("uplink"), QStringLiteral("waiver")};
    return list;
}

QString heading(const QString &kind)
{
    if (kind == QLatin1String("site"))
        return QStringLiteral("Site and plan fields");
    return kind.at(0).toUpper() + kind.mid(1) + QLatin1Char('s');
}

// "1 added, 2 moved" for the kinds of change present: the usual ones in a fixed order, then any
// other (a drift report's "absent", "unplanned", "elsewhere") in the order they first appear.
QString countsLine(const DiffReport &r, const QString &kind)
{
    QStringList changes{QStringLiteral("added"),     QStringLiteral("removed"), QStringLiteral("moved"),
                        QStringLiteral("retyped"),   QStringLiteral("renamed"), QStringLiteral("id-changed"),
                        QStringLiteral("re-cabled"), QStringLiteral("changed")};
    for (const DiffEntry &e : r.entries)
        if (!changes.contains(e.change))
            changes << e.change;
    QStringList parts;
    for (const QString &c : changes)
        if (const int n = r.count(kind, c))
            parts << QStringLiteral("%1 %2").arg(n).arg(c);
    return parts.join(QStringLiteral(", "));
}

QString subject(const DiffEntry &e)
{
    return e.hostname.isEmpty() || e.hostname == e.key ? e.key : QStringLiteral("%1 (%2)").arg(e.key, e.hostname);
}

QString figure(const std::optional<double> &v, const QString &unit)
{
    return v ? textescape::number(*v, 3) + QLatin1Char(' ') + unit : QStringLiteral("unknown");
}

QString delta(const FigureChange &f)
{
    if (!f.before || !f.after)
        return QString();
    const double d = *f.after - *f.before;
    return (d > 0 ? QStringLiteral("+") : QString()) + textescape::number(d, 3) + QLatin1Char(' ') + f.unit;
}

QString findingText(const Finding &f)
{
    return QStringLiteral("%1 %2 [%3]: %4")
        .arg(severityId(f.severity), f.rule, f.subjects.join(QStringLiteral(", ")), f.message);
}

Json optionalNumber(const std::optional<double> &v)
{
    return v ? Json(std::round(*v * 1000.0) / 1000.0) : Json();
}

Json findingsJson(const std::vector<Finding> &list)
{
    Json out = Json::array();
    for (const Finding &f : list) {
        Json subjects = Json::array();
        for (const QString &s : f.subjects)
            subjects.push_back(toStd(s));
        out.push_back({{"rule", toStd(f.rule)},
                       {"severity", toStd(severityId(f.severity))},
                       {"subjects", subjects},
                       {"message", toStd(f.message)}});
    }
    return out;
}

} // namespace

QByteArray DiffReportWriter::text(const DiffReport &r)
{
    QString buffer;
    QTextStream out(&buffer);
    out << "Changes from " << r.oldName << " to " << r.newName << "\n";
    if (r.empty())
        out << "No changes.\n";
    for (const QString &kind : kinds()) {
        const QString counts = countsLine(r, kind);
        if (counts.isEmpty())
            continue;
        out << "\n" << heading(kind) << ": " << counts << "\n";
        for (const DiffEntry &e : r.entries) {
            if (e.kind != kind)
                continue;
            out << "  " << e.change.leftJustified(10) << " " << subject(e) << ": ";
            if (e.before.isEmpty())
                out << e.after;
            else if (e.after.isEmpty())
                out << e.before;
            else
                out << e.before << " -> " << e.after;
            out << "\n";
        }
    }
    if (r.hasFigures) {
        if (!r.figures.figures.empty())
            out << "\nFigures that moved:\n";
        for (const FigureChange &f : r.figures.figures) {
            out << "  " << f.name << ": " << figure(f.before, f.unit) << " -> " << figure(f.after, f.unit);
            if (const QString d = delta(f); !d.isEmpty())
                out << " (" << d << ")";
            out << "\n";
        }
        if (!r.figures.opened.empty())
            out << "\nFindings opened:\n";
        for (const Finding &f : r.figures.opened)
            out << "  " << findingText(f) << "\n";
        if (!r.figures.closed.empty())
            out << "\nFindings closed:\n";
        for (const Finding &f : r.figures.closed)
            out << "  " << findingText(f) << "\n";
    }
    out.flush();
    return buffer.toUtf8();
}

QByteArray DiffReportWriter::json(const DiffReport &r)
{
    Json changes = Json::array();
    for (const DiffEntry &e : r.entries) {
        Json j{{"kind", toStd(e.kind)}, {"key", toStd(e.key)}, {"change", toStd(e.change)}};
        if (!e.hostname.isEmpty())
            j["hostname"] = toStd(e.hostname);
        j["before"] = e.before.isEmpty() ? Json() : Json(toStd(e.before));
        j["after"] = e.after.isEmpty() ? Json() : Json(toStd(e.after));
        changes.push_back(std::move(j));
    }
    Json doc{{"old", toStd(r.oldName)}, {"new", toStd(r.newName)}, {"changed", !r.empty()}, {"changes", changes}};
    if (r.hasFigures) {
        Json figures = Json::array();
        for (const FigureChange &f : r.figures.figures)
            figures.push_back({{"name", toStd(f.name)},
                               {"unit", toStd(f.unit)},
                               {"before", optionalNumber(f.before)},
                               {"after", optionalNumber(f.after)}});
        doc["figures"] = figures;
        doc["findingsOpened"] = findingsJson(r.figures.opened);
        doc["findingsClosed"] = findingsJson(r.figures.closed);
    }
    return QByteArray::fromStdString(doc.dump(2)) + '\n';
}

QByteArray DiffReportWriter::markdown(const DiffReport &r)
{
    using textescape::markdownCell;
    QString buffer;
    QTextStream out(&buffer);
    out << "# Changes from " << markdownCell(r.oldName) << " to " << markdownCell(r.newName) << "\n";
    if (r.empty())
        out << "\nNo changes.\n";
    for (const QString &kind : kinds()) {
        const QString counts = countsLine(r, kind);
        if (counts.isEmpty())
            continue;
        out << "\n## " << heading(kind) << " (" << counts << ")\n\n";
        out << "| change | object | before | after |\n|---|---|---|---|\n";
        for (const DiffEntry &e : r.entries)
            if (e.kind == kind)
                out << "| " << e.change << " | " << markdownCell(subject(e)) << " | " << markdownCell(e.before) << " | "
                    << markdownCell(e.after) << " |\n";
    }
    if (r.hasFigures && !r.figures.figures.empty()) {
        out << "\n## Figures that moved\n\n| figure | before | after | change |\n|---|---|---|---|\n";
        for (const FigureChange &f : r.figures.figures)
            out << "| " << markdownCell(f.name) << " | " << figure(f.before, f.unit) << " | " << figure(f.after, f.unit)
                << " | " << delta(f) << " |\n";
    }
    for (const auto &[title, list] :
         {std::pair{"Findings opened", &r.figures.opened}, std::pair{"Findings closed", &r.figures.closed}}) {
        if (!r.hasFigures || list->empty())
            continue;
        out << "\n## " << title << "\n\n";
        for (const Finding &f : *list)
            out << "- " << markdownCell(findingText(f)) << "\n";
    }
    out.flush();
    return buffer.toUtf8();
}

QByteArray DiffReportWriter::html(const DiffReport &r)
{
    using textescape::xml;
    QString buffer;
    QTextStream out(&buffer);
    out << "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Changes from " << xml(r.oldName) << " to "
        << xml(r.newName) << "</title>\n"
        << "<style>body{font-family:sans-serif}table{border-collapse:collapse}td,th{border:1px solid #999;"
           "padding:2px 6px;text-align:left}.added{color:#060}.removed{color:#a00}</style></head><body>\n";
    out << "<h1>Changes from " << xml(r.oldName) << " to " << xml(r.newName) << "</h1>\n";
    if (r.empty())
        out << "<p>No changes.</p>\n";
    for (const QString &kind : kinds()) {
        const QString counts = countsLine(r, kind);
        if (counts.isEmpty())
            continue;
        out << "<h2>" << heading(kind) << " (" << counts << ")</h2>\n";
        out << "<table><tr><th>change</th><th>object</th><th>before</th><th>after</th></tr>\n";
        for (const DiffEntry &e : r.entries)
            if (e.kind == kind)
                out << "<tr class=\"" << e.change << "\"><td>" << e.change << "</td><td>" << xml(subject(e))
                    << "</td><td>" << xml(e.before) << "</td><td>" << xml(e.after) << "</td></tr>\n";
        out << "</table>\n";
    }
    if (r.hasFigures && !r.figures.figures.empty()) {
        out << "<h2>Figures that moved</h2>\n<table><tr><th>figure</th><th>before</th><th>after</th><th>change</th>"
               "</tr>\n";
        for (const FigureChange &f : r.figures.figures)
            out << "<tr><td>" << xml(f.name) << "</td><td>" << figure(f.before, f.unit) << "</td><td>"
                << figure(f.after, f.unit) << "</td><td>" << delta(f) << "</td></tr>\n";
        out << "</table>\n";
    }
    for (const auto &[title, list] :
         {std::pair{"Findings opened", &r.figures.opened}, std::pair{"Findings closed", &r.figures.closed}}) {
        if (!r.hasFigures || list->empty())
            continue;
        out << "<h2>" << title << "</h2>\n<ul>\n";
        for (const Finding &f : *list)
            out << "<li>" << xml(findingText(f)) << "</li>\n";
        out << "</ul>\n";
    }
    out << "</body></html>\n";
    out.flush();
    return buffer.toUtf8();
}

QByteArray DiffReportWriter::write(const DiffReport &report, const QString &format)
{
    if (format == QLatin1String("json"))
        return json(report);
    if (format == QLatin1String("md"))
        return markdown(report);
    if (format == QLatin1String("html"))
        return html(report);
    return text(report);
}

} // namespace pp
