#include "exporters/reports/whatifreportwriter.h"

#include "planner/power/powerloads.h"

#include <cmath>

namespace pp {

namespace {

QString num(double value, int decimals = 1)
{
    QString s = QString::number(value, 'f', decimals);
    if (s.contains(QLatin1Char('.'))) {
        while (s.endsWith(QLatin1Char('0')))
            s.chop(1);
        if (s.endsWith(QLatin1Char('.')))
            s.chop(1);
    }
    return s == QLatin1String("-0") ? QStringLiteral("0") : s;
}

Json rounded(double value, int decimals = 3)
{
    const double scale = std::pow(10.0, decimals);
    const double r = std::round(value * scale) / scale;
    if (r == std::floor(r) && std::fabs(r) < 1e15)
        return static_cast<long long>(r);
    return r;
}

Json optionalNumber(const std::optional<double> &value)
{
    return value ? rounded(*value) : Json(nullptr);
}

QString percentOf(double value, double whole)
{
    return whole > 0 ? QStringLiteral("%1%").arg(num(value / whole * 100.0, 0)) : QStringLiteral("n/a");
}

QString deviceIds(const FailureModel &model, const std::vector<int> &devices, int limit = 8)
{
    QStringList ids;
    for (int i : devices) {
        if (limit > 0 && ids.size() == limit) {
            ids << QStringLiteral("… (%1 in all)").arg(devices.size());
            break;
        }
        ids << model.resolved().plan().devices[static_cast<std::size_t>(i)].id;
    }
    return ids.join(QStringLiteral(", "));
}

QString feedText(const FailureModel &model, const FeedLoad &f)
{
    const QString rack = model.resolved().plan().racks[static_cast<std::size_t>(f.rack)].id;
    QString s = QStringLiteral("%1/%2 %3 kW").arg(rack, PowerLoads::feedName(f.feed), num(f.loadW / 1000.0, 2));
    if (f.capacityW)
        s += QStringLiteral(" of %1 kW (%2)").arg(num(*f.capacityW / 1000.0, 2), percentOf(f.loadW, *f.capacityW));
    else
        s += QStringLiteral(" (feed rating unknown)");
    return s;
}

// The surviving feed nearest its rating, as "B 42%" for a table; "-" when both are lost.
QString worstFeedCell(const WhatIfResult &r)
{
    const FeedLoad *worst = nullptr;
    double worstShare = -1;
    for (int side = 0; side < 2; ++side) {
        const FeedLoad *f = r.worstFeed(side);
        if (!f)
            continue;
        const double share = f->capacityW && *f->capacityW > 0 ? f->loadW / *f->capacityW : 0;
        if (share > worstShare) {
            worst = f;
            worstShare = share;
        }
    }
    if (!worst)
        return QStringLiteral("-");
    if (!worst->capacityW)
        return QStringLiteral("unknown");
    return QStringLiteral("%1 %2").arg(PowerLoads::feedName(worst->feed), percentOf(worst->loadW, *worst->capacityW));
}

struct Row {
    QString domain;
    QString kind;
    QString data;
    QString cutOff;
    QString dark;
    QString read;
    QString write;
    QString feed;
    QString spof;
};

Row rowOf(const WhatIfReport &report, const WhatIfResult &r, bool spof)
{
    const WhatIfEngine &engine = *report.engine;
    const FailureModel &model = engine.model();
    const WhatIfResult &intact = engine.intact();
    QStringList kinds;
    for (int d : r.domains)
        kinds << failureKindId(model.domain(d).kind);
    Row row;
    row.domain = WhatIfReportWriter::failedIds(model, r);
    row.kind = kinds.join(QStringLiteral(" + "));
    row.data = !r.dataAvailable                         ? QStringLiteral("UNAVAILABLE")
        : !r.degradedDboxes.empty() || r.dboxesLost > 0 ? QStringLiteral("degraded")
                                                        : QStringLiteral("available");
    row.cutOff = QString::number(r.disconnectedNodes.size());
    row.dark = QString::number(r.darkDevices.size());
    row.read = QStringLiteral("%1 (%2)").arg(num(r.readGBps), percentOf(r.readGBps, intact.readGBps));
    row.write = QStringLiteral("%1 (%2)").arg(num(r.writeGBps), percentOf(r.writeGBps, intact.writeGBps));
    row.feed = worstFeedCell(r);
    row.spof = spof ? QStringLiteral("SPOF") : QString();
    return row;
}

const QStringList kHeader{QStringLiteral("domain"),     QStringLiteral("kind"),       QStringLiteral("data"),
                          QStringLiteral("cut off"),    QStringLiteral("dark"),       QStringLiteral("read GB/s"),
                          QStringLiteral("write GB/s"), QStringLiteral("worst feed"), QStringLiteral("")};

QStringList cells(const Row &r)
{
    return {r.domain, r.kind, r.data, r.cutOff, r.dark, r.read, r.write, r.feed, r.spof};
}

std::vector<Row> rowsOf(const WhatIfReport &report)
{
    std::vector<Row> rows;
    rows.reserve(report.results.size());
    std::vector<char> spof(report.results.size(), 0);
    for (int i : report.singlePoints)
        spof[static_cast<std::size_t>(i)] = 1;
    for (std::size_t i = 0; i < report.results.size(); ++i)
        rows.push_back(rowOf(report, report.results[i], spof[i] != 0));
    return rows;
}

QString intactLine(const WhatIfEngine &engine)
{
    const FailureModel &model = engine.model();
    const WhatIfResult &r = engine.intact();
    int cnodes = 0;
    for (const FailureModel::Node &n : model.nodes())
        cnodes += n.counted && n.role == Role::CNode ? 1 : 0;
    return QStringLiteral("read %1 GB/s (limited by %2), write %3 GB/s (limited by %4), usable %5 PB; %6 of %7 "
                          "C-nodes and %8 of %9 D-boxes serving; %10 of %11 site uplinks (%12 GB/s)")
        .arg(num(r.readGBps), r.readLimitedBy, num(r.writeGBps), r.writeLimitedBy, num(r.usablePB, 3))
        .arg(r.cnodesServing)
        .arg(cnodes)
        .arg(r.dboxesServing)
        .arg(model.dboxCount())
        .arg(r.uplinksUp)
        .arg(model.uplinks().size())
        .arg(num(r.uplinkGBps));
}

QStringList modelLines(const WhatIfEngine &engine)
{
    const FailureModel &model = engine.model();
    QStringList lines;
    lines << QStringLiteral("Throughput: the sizing model (C-nodes on their live client links, D-boxes on their live "
                            "DPU links; link efficiency %1, read efficiency %2, write efficiency %3)")
                 .arg(num(model.linkEfficiency(), 2), num(model.readEfficiency(), 2), num(model.writeEfficiency(), 2));
    if (model.dboxCount() > 0) {
        lines << QStringLiteral("Data: stripes of %1 strips (%2 parity) spread evenly over %3 D-box(es), so a D-box "
                                "holds up to %4 strip(s) of a stripe; more than %2 lost makes data unavailable")
                     .arg(model.stripeWidth())
                     .arg(model.parityStrips())
                     .arg(model.dboxCount())
                     .arg(model.stripsPerDbox());
        if (model.stripsPerDbox() > model.parityStrips())
            lines << QStringLiteral("Known limit: with %1 D-box(es) the loss of any one D-box makes data unavailable; "
                                    "stripes survive a D-box loss from %2 D-boxes of this kind")
                         .arg(model.dboxCount())
                         .arg(model.dboxesToSurviveOneLoss());
    }
    if (!model.hasDataLinks())
        lines << QStringLiteral("Warning: the plan has no data links; cable it first (pocplan cable), or every "
                                "node counts as cut off");
    if (model.uplinks().empty())
        lines << QStringLiteral("No site uplinks in the plan: every leaf counts as facing the clients");
    return lines;
}

QString alignedTable(const std::vector<Row> &rows)
{
    std::vector<QStringList> all{kHeader};
    for (const Row &r : rows)
        all.push_back(cells(r));
    std::vector<int> widths(kHeader.size(), 0);
    for (const QStringList &line : all)
        for (int c = 0; c < line.size(); ++c)
            widths[static_cast<std::size_t>(c)] =
                std::max(widths[static_cast<std::size_t>(c)], static_cast<int>(line[c].size()));
    QString out;
    for (const QStringList &line : all) {
        QString text = QStringLiteral("  ");
        for (int c = 0; c < line.size(); ++c)
            text += line[c].leftJustified(widths[static_cast<std::size_t>(c)] + 2);
        out += text.trimmed().prepend(QStringLiteral("  ")) + QLatin1Char('\n');
    }
    return out;
}

QString title(const WhatIfReport &report)
{
    switch (report.mode) {
    case WhatIfReport::Mode::Fail:
        return QStringLiteral("Failure");
    case WhatIfReport::Mode::SweepN1:
        return QStringLiteral("N-1 sweep: %1 failure domains, most harmful first").arg(report.results.size());
    case WhatIfReport::Mode::SweepN2:
        return QStringLiteral("N-2 sweep: %1 pairs, most harmful first").arg(report.results.size());
    }
    return QString();
}

// One failure's remainder as JSON (the "intact" and "results" entries).
Json resultJson(const WhatIfEngine &engine, const WhatIfResult &r)
{
    const FailureModel &model = engine.model();
    const Plan &plan = model.resolved().plan();
    const auto ids = [&](const std::vector<int> &devices) {
        Json a = Json::array();
        for (int i : devices)
            a.push_back(plan.devices[static_cast<std::size_t>(i)].id.toStdString());
        return a;
    };
    Json j = Json::object();
    Json failed = Json::array();
    for (int d : r.domains)
        failed.push_back(model.domain(d).id.toStdString());
    j["failed"] = failed;
    j["dark"] = ids(r.darkDevices);
    j["disconnected"] = ids(r.disconnectedNodes);
    j["degradedDboxes"] = ids(r.degradedDboxes);
    j["cnodesServing"] = r.cnodesServing;
    j["dboxesServing"] = r.dboxesServing;
    j["readGBps"] = rounded(r.readGBps);
    j["writeGBps"] = rounded(r.writeGBps);
    j["readLimitedBy"] = r.readLimitedBy.toStdString();
    j["writeLimitedBy"] = r.writeLimitedBy.toStdString();
    j["dboxLinksGBps"] = rounded(r.dboxLinksGBps);
    j["dataAvailable"] = r.dataAvailable;
    j["dboxesLost"] = r.dboxesLost;
    j["stripsLost"] = r.stripsLost;
    j["usablePB"] = rounded(r.usablePB);
    j["rebuildTB"] = rounded(r.rebuildTB);
    j["rebuildHours"] = optionalNumber(r.rebuildHours);
    j["uplinksUp"] = r.uplinksUp;
    j["uplinkGBps"] = rounded(r.uplinkGBps);
    const auto feedJson = [&](const FeedLoad &f) {
        Json fj = Json::object();
        fj["feed"] = QStringLiteral("%1/%2")
                         .arg(plan.racks[static_cast<std::size_t>(f.rack)].id, PowerLoads::feedName(f.feed))
                         .toStdString();
        fj["lost"] = f.lost;
        fj["loadW"] = rounded(f.loadW);
        fj["capacityW"] = optionalNumber(f.capacityW);
        return fj;
    };
    Json feeds = Json::array();
    for (const FeedLoad &f : r.feeds)
        feeds.push_back(feedJson(f));
    j["feeds"] = feeds; // the feeds the failure changes (all of them for the intact plan)
    Json worst = Json::array();
    for (int side = 0; side < 2; ++side)
        if (const FeedLoad *f = r.worstFeed(side))
            worst.push_back(feedJson(*f));
    j["worstFeeds"] = worst;
    j["feedsOverCapacity"] = r.feedsOverCapacity();
    Json reqs = Json::array();
    for (const RequirementCheck &c : r.requirements) {
        Json cj = Json::object();
        cj["name"] = c.name.toStdString();
        cj["required"] = rounded(c.required);
        cj["remaining"] = optionalNumber(c.remaining);
        cj["unit"] = c.unit.toStdString();
        cj["held"] = c.held;
        reqs.push_back(cj);
    }
    j["requirements"] = reqs;
    j["singlePointOfFailure"] = WhatIfEngine::isSinglePoint(model, r);
    const QString harm = engine.harm(r);
    j["harm"] = harm.isEmpty() ? Json(nullptr) : Json(harm.toStdString());
    return j;
}

} // namespace

QString WhatIfReportWriter::failedIds(const FailureModel &model, const WhatIfResult &r)
{
    QStringList ids;
    for (int d : r.domains)
        ids << model.domain(d).id;
    return ids.isEmpty() ? QStringLiteral("(nothing)") : ids.join(QStringLiteral(" + "));
}

QStringList WhatIfReportWriter::describe(const WhatIfEngine &engine, const WhatIfResult &r)
{
    const FailureModel &model = engine.model();
    const WhatIfResult &intact = engine.intact();
    QStringList lines;
    lines << (r.darkDevices.empty()
                  ? QStringLiteral("Power: every device stays powered")
                  : QStringLiteral("Dark (failed or unpowered): %1").arg(deviceIds(model, r.darkDevices)));
    lines << (r.disconnectedNodes.empty()
                  ? QStringLiteral("Network: every powered node keeps a path to the clients")
                  : QStringLiteral("Network: %1 powered node(s) lose every path to the clients: %2")
                        .arg(r.disconnectedNodes.size())
                        .arg(deviceIds(model, r.disconnectedNodes)));
    lines << QStringLiteral("Read: %1 GB/s of %2 (%3), limited by %4")
                 .arg(num(r.readGBps), num(intact.readGBps), percentOf(r.readGBps, intact.readGBps), r.readLimitedBy);
    lines << QStringLiteral("Write: %1 GB/s of %2 (%3), limited by %4")
                 .arg(num(r.writeGBps), num(intact.writeGBps), percentOf(r.writeGBps, intact.writeGBps),
                      r.writeLimitedBy);
    QString data = r.dataAvailable ? QStringLiteral("Data: available") : QStringLiteral("Data: UNAVAILABLE");
    data += QStringLiteral("; %1 of %2 D-boxes serving").arg(r.dboxesServing).arg(model.dboxCount());
    if (r.dboxesLost > 0)
        data += QStringLiteral(", %1 of %2 strips of a stripe lost (tolerates %3)")
                    .arg(r.stripsLost)
                    .arg(model.stripeWidth())
                    .arg(model.parityStrips());
    if (!r.degradedDboxes.empty())
        data += QStringLiteral("; degraded (DPU links lost): %1").arg(deviceIds(model, r.degradedDboxes));
    lines << data;
    lines << (r.dataAvailable ? QStringLiteral("Capacity: %1 PB usable on the serving D-boxes (intact %2 PB)")
                                    .arg(num(r.usablePB, 3), num(intact.usablePB, 3))
                              : QStringLiteral("Capacity: none reachable until the D-box(es) return (intact %1 PB)")
                                    .arg(num(intact.usablePB, 3)));
    if (r.rebuildTB > 0)
        lines << QStringLiteral("Rebuild: %1 TB raw if the lost D-box(es) do not return; time unknown (no source "
                                "gives a rebuild rate)")
                     .arg(num(r.rebuildTB, 0));
    QStringList feeds;
    for (int f = 0; f < 2; ++f)
        if (const FeedLoad *w = r.worstFeed(f))
            feeds << feedText(model, *w);
    QString feedLine = feeds.isEmpty()
        ? QStringLiteral("Feeds: none left")
        : QStringLiteral("Feeds (most loaded rack feed of each side): %1").arg(feeds.join(QStringLiteral("; ")));
    if (const int over = r.feedsOverCapacity())
        feedLine += QStringLiteral("; %1 feed(s) OVER their rating").arg(over);
    lines << feedLine;
    lines << QStringLiteral("Site uplinks: %1 of %2 up (%3 GB/s)")
                 .arg(r.uplinksUp)
                 .arg(model.uplinks().size())
                 .arg(num(r.uplinkGBps));
    for (const RequirementCheck &c : r.requirements)
        lines << QStringLiteral("Requirement %1: %2 (needs %3 %4, remains %5)")
                     .arg(c.name, c.held ? QStringLiteral("held") : QStringLiteral("NOT held"), num(c.required, 2),
                          c.unit,
                          c.remaining ? num(*c.remaining, 2) + QLatin1Char(' ') + c.unit : QStringLiteral("unknown"));
    for (const QString &note : r.notes)
        lines << QStringLiteral("Note: ") + note;
    return lines;
}

QByteArray WhatIfReportWriter::text(const WhatIfReport &report)
{
    const WhatIfEngine &engine = *report.engine;
    const FailureModel &model = engine.model();
    QString out;
    out += QStringLiteral("What-if: %1 (site %2)\n").arg(report.plan, report.site);
    out += QStringLiteral("Intact: %1\n").arg(intactLine(engine));
    for (const QString &line : modelLines(engine))
        out += line + QLatin1Char('\n');
    if (!engine.intact().requirements.empty()) {
        out += QStringLiteral("Requirements:\n");
        for (const RequirementCheck &c : engine.intact().requirements)
            out += QStringLiteral("  %1 %2 %3\n").arg(c.name, num(c.required, 2), c.unit);
    }
    out += QLatin1Char('\n');
    if (report.mode == WhatIfReport::Mode::Fail) {
        for (const WhatIfResult &r : report.results) {
            out += QStringLiteral("Failed: %1\n").arg(failedIds(model, r));
            for (int d : r.domains)
                out += QStringLiteral("  %1: %2\n").arg(model.domain(d).id, model.domain(d).label);
            for (const QString &line : describe(engine, r))
                out += QStringLiteral("  ") + line + QLatin1Char('\n');
        }
    } else {
        out += title(report) + QLatin1Char('\n');
        out += alignedTable(rowsOf(report));
    }
    out += QLatin1Char('\n');
    if (report.mode != WhatIfReport::Mode::Fail || !report.singlePoints.empty()) {
        out += QStringLiteral("Single points of failure: %1\n").arg(report.singlePoints.size());
        for (int i : report.singlePoints) {
            const WhatIfResult &r = report.results[static_cast<std::size_t>(i)];
            const FailureDomain &d = model.domain(r.domains.front());
            out += QStringLiteral("  %1 (%2): %3\n").arg(d.id, d.label, engine.harm(r));
        }
    }
    if (report.mode == WhatIfReport::Mode::Fail && !report.results.empty() &&
        report.results.front().lostNetworkOrData())
        out += QStringLiteral("Loses: %1\n").arg(engine.harm(report.results.front()));
    return out.toUtf8();
}

QStringList WhatIfReportWriter::resilienceLines(const WhatIfReport &report, int limit)
{
    const WhatIfEngine &engine = *report.engine;
    const FailureModel &model = engine.model();
    QStringList lines;
    lines << QStringLiteral("    intact: %1").arg(intactLine(engine));
    for (const QString &line : modelLines(engine))
        lines << QStringLiteral("    ") + line;
    for (int i : report.singlePoints) {
        const WhatIfResult &r = report.results[static_cast<std::size_t>(i)];
        const FailureDomain &d = model.domain(r.domains.front());
        lines << QStringLiteral("    single point of failure %1 (%2): %3").arg(d.id, d.label, engine.harm(r));
    }
    std::vector<Row> rows = rowsOf(report);
    if (limit > 0 && static_cast<int>(rows.size()) > limit)
        rows.resize(static_cast<std::size_t>(limit));
    lines << QStringLiteral("    most harmful %1 of %2 (pocplan whatif lists them all):")
                 .arg(rows.size())
                 .arg(report.results.size());
    for (const QString &line : alignedTable(rows).split(QLatin1Char('\n'), Qt::SkipEmptyParts))
        lines << QStringLiteral("  ") + line;
    return lines;
}

QStringList WhatIfReportWriter::markdownTable(const WhatIfReport &report, int limit)
{
    QStringList lines;
    lines << QStringLiteral("| %1 |").arg(kHeader.mid(0, kHeader.size() - 1).join(QStringLiteral(" | ")) +
                                          QStringLiteral(" | single point"));
    lines << QStringLiteral("|---|---|---|--:|--:|--:|--:|---|---|");
    int n = 0;
    for (const Row &r : rowsOf(report)) {
        if (limit > 0 && n++ == limit)
            break;
        QStringList c = cells(r);
        for (QString &cell : c)
            cell.replace(QLatin1Char('|'), QStringLiteral("\\|"));
        lines << QStringLiteral("| %1 |").arg(c.join(QStringLiteral(" | ")));
    }
    return lines;
}

QByteArray WhatIfReportWriter::markdown(const WhatIfReport &report)
{
    const WhatIfEngine &engine = *report.engine;
    const FailureModel &model = engine.model();
    QString out;
    out += QStringLiteral("# What-if: %1\n\n").arg(report.plan);
    out += QStringLiteral("Site: %1\n\n").arg(report.site);
    out += QStringLiteral("**Intact:** %1\n\n").arg(intactLine(engine));
    for (const QString &line : modelLines(engine))
        out += QStringLiteral("- ") + line + QLatin1Char('\n');
    out += QLatin1Char('\n');
    if (report.mode == WhatIfReport::Mode::Fail) {
        for (const WhatIfResult &r : report.results) {
            out += QStringLiteral("## Failed: %1\n\n").arg(failedIds(model, r));
            for (const QString &line : describe(engine, r))
                out += QStringLiteral("- ") + line + QLatin1Char('\n');
            out += QLatin1Char('\n');
        }
    } else {
        out += QStringLiteral("## %1\n\n").arg(title(report));
        out += markdownTable(report).join(QLatin1Char('\n')) + QStringLiteral("\n\n");
    }
    out += QStringLiteral("## Single points of failure: %1\n\n").arg(report.singlePoints.size());
    for (int i : report.singlePoints) {
        const WhatIfResult &r = report.results[static_cast<std::size_t>(i)];
        const FailureDomain &d = model.domain(r.domains.front());
        out += QStringLiteral("- **%1** (%2): %3\n").arg(d.id, d.label, engine.harm(r));
    }
    return out.toUtf8();
}

Json WhatIfReportWriter::toJson(const WhatIfReport &report)
{
    const WhatIfEngine &engine = *report.engine;
    const FailureModel &model = engine.model();
    Json doc = Json::object();
    doc["format"] = "pocplanner-whatif";
    doc["version"] = kFormatVersion;
    doc["plan"] = report.plan.toStdString();
    doc["site"] = report.site.toStdString();
    doc["mode"] = report.modeId().toStdString();
    Json m = Json::object();
    m["linkEfficiency"] = rounded(model.linkEfficiency());
    m["readEfficiency"] = rounded(model.readEfficiency());
    m["writeEfficiency"] = rounded(model.writeEfficiency());
    m["stripeWidth"] = model.stripeWidth();
    m["parityStrips"] = model.parityStrips();
    m["stripsPerDbox"] = model.stripsPerDbox();
    m["dboxes"] = model.dboxCount();
    m["dboxesToSurviveOneLoss"] = model.dboxesToSurviveOneLoss();
    doc["model"] = m;
    doc["intact"] = resultJson(engine, engine.intact());
    Json results = Json::array();
    for (const WhatIfResult &r : report.results)
        results.push_back(resultJson(engine, r));
    doc["results"] = results;
    Json spofs = Json::array();
    for (int i : report.singlePoints)
        spofs.push_back(model.domain(report.results[static_cast<std::size_t>(i)].domains.front()).id.toStdString());
    doc["singlePointsOfFailure"] = spofs;
    return doc;
}

QByteArray WhatIfReportWriter::json(const WhatIfReport &report)
{
    return QByteArray::fromStdString(toJson(report).dump(2)) + '\n';
}

} // namespace pp
