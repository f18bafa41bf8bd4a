#include "exporters/exportjob.h"

#include "exporters/bomdata.h"
#include "exporters/bomwriter.h"
#include "exporters/bomxlsxwriter.h"
#include "exporters/cableplan.h"
#include "exporters/checkreportwriter.h"
#include "exporters/drawiowriter.h"
#include "exporters/exportcontext.h"
#include "exporters/netboxcsvwriter.h"
#include "exporters/rackdiagramdata.h"
#include "exporters/rackdiagramwriter.h"
#include "exporters/runbookdata.h"
#include "exporters/runbookwriter.h"

#include <QSet>
#include <QThread>
#include <deque>
#include <memory>

namespace pp {

ExportOptions ExportOptions::everything()
{
    ExportOptions o;
    o.bom = knownFormats(QStringLiteral("bom"));
    o.diagrams = knownFormats(QStringLiteral("diagrams"));
    o.cables = knownFormats(QStringLiteral("cables"));
    o.runbook = knownFormats(QStringLiteral("runbook"));
    o.report = knownFormats(QStringLiteral("report"));
    o.netbox = true;
    return o;
}

QStringList ExportOptions::knownFormats(const QString &kind)
{
    if (kind == QLatin1String("bom"))
        return {QStringLiteral("csv"), QStringLiteral("xlsx"), QStringLiteral("json"), QStringLiteral("md")};
    if (kind == QLatin1String("diagrams"))
        return {QStringLiteral("svg"), QStringLiteral("png"), QStringLiteral("pdf"), QStringLiteral("drawio")};
    if (kind == QLatin1String("cables"))
        return {QStringLiteral("csv"), QStringLiteral("md")};
    if (kind == QLatin1String("runbook"))
        return {QStringLiteral("md"), QStringLiteral("html"), QStringLiteral("pdf")};
    if (kind == QLatin1String("report"))
        return {QStringLiteral("json"), QStringLiteral("txt")};
    return {};
}

bool ExportOptions::parseFormats(const QString &kind, const QString &text, QStringList *out, QString *error)
{
    const QStringList known = knownFormats(kind);
    QStringList formats;
    for (const QString &raw : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QString f = raw.trimmed().toLower();
        if (f == QLatin1String("all")) {
            formats = known;
            continue;
        }
        if (!known.contains(f)) {
            if (error)
                *error = QStringLiteral("--%1: unknown format \"%2\" (known: %3)").arg(kind, raw.trimmed(), known.join(QLatin1Char(',')));
            return false;
        }
        if (!formats.contains(f))
            formats << f;
    }
    if (formats.isEmpty()) {
        if (error)
            *error = QStringLiteral("--%1: no format given (known: %2)").arg(kind, known.join(QLatin1Char(',')));
        return false;
    }
    *out = formats;
    return true;
}

bool ExportOptions::isEmpty() const
{
    return bom.isEmpty() && diagrams.isEmpty() && cables.isEmpty() && runbook.isEmpty() && report.isEmpty() && !netbox;
}

QString ExportJob::safeFileStem(const QString &text)
{
    QString out;
    for (const QChar c : text.left(64)) {
        const bool ok = (c.unicode() < 128 && c.isLetterOrNumber()) || c == QLatin1Char('-') || c == QLatin1Char('_');
        out += ok ? c : QLatin1Char('_');
    }
    return out.isEmpty() ? QStringLiteral("_") : out;
}

ExportJob::ExportJob(const ResolvedPlan &plan, ExportOptions options)
    : m_plan(plan), m_options(std::move(options))
{
}

namespace {

// One file of the export: its name and how to make its bytes.
struct PendingFile {
    QString name;
    std::function<bool(QByteArray *, QString *)> make;
};

} // namespace

bool ExportJob::run(OutputFolder &folder, QString *error, const Progress &progress)
{
    if (!folder.prepare(error))
        return false;
    const ExportContext context(m_plan);
    m_unresolvedErrors = context.unresolvedErrors();
    const ExportOptions &o = m_options;
    std::vector<PendingFile> files;

    if (!o.bom.isEmpty()) {
        auto bom = std::make_shared<BomData>(buildBom(context));
        for (const QString &f : o.bom) {
            if (f == QLatin1String("csv"))
                files.push_back({QStringLiteral("bom.csv"), [bom](QByteArray *out, QString *) { *out = BomWriter::csv(*bom); return true; }});
            else if (f == QLatin1String("xlsx"))
                files.push_back({QStringLiteral("bom.xlsx"), [bom](QByteArray *out, QString *e) { return BomXlsxWriter::write(*bom, out, e); }});
            else if (f == QLatin1String("json"))
                files.push_back({QStringLiteral("bom.json"), [bom](QByteArray *out, QString *) { *out = BomWriter::json(*bom); return true; }});
            else if (f == QLatin1String("md"))
                files.push_back({QStringLiteral("bom.md"), [bom](QByteArray *out, QString *) { *out = BomWriter::markdown(*bom); return true; }});
        }
    }
    if (!o.diagrams.isEmpty()) {
        auto diagrams = std::make_shared<RackDiagramData>(buildRackDiagrams(context));
        QSet<QString> stems;
        std::vector<QString> faceStems;
        for (const RackFaceDiagram &face : diagrams->faces) {
            QString stem = QStringLiteral("rack-%1-%2").arg(safeFileStem(face.rackId), face.faceName());
            for (int n = 2; stems.contains(stem); ++n)
                stem = QStringLiteral("rack-%1-%2-%3").arg(safeFileStem(face.rackId)).arg(n).arg(face.faceName());
            stems.insert(stem);
            faceStems.push_back(stem);
        }
        for (const QString &f : o.diagrams) {
            if (f == QLatin1String("svg") || f == QLatin1String("png")) {
                for (std::size_t i = 0; i < diagrams->faces.size(); ++i) {
                    const QString name = QStringLiteral("diagrams/%1.%2").arg(faceStems[i], f);
                    if (f == QLatin1String("svg"))
                        files.push_back({name, [diagrams, i](QByteArray *out, QString *) { *out = RackDiagramWriter::svg(*diagrams, diagrams->faces[i]); return true; }});
                    else
                        files.push_back({name, [diagrams, i](QByteArray *out, QString *e) { return RackDiagramWriter::png(*diagrams, diagrams->faces[i], out, e); }});
                }
            } else if (f == QLatin1String("pdf")) {
                const QPageSize::PageSizeId page = o.pageSize;
                files.push_back({QStringLiteral("rack-diagrams.pdf"), [diagrams, page](QByteArray *out, QString *e) { return RackDiagramWriter::pdf(*diagrams, page, out, e); }});
            } else if (f == QLatin1String("drawio")) {
                files.push_back({QStringLiteral("racks.drawio"), [diagrams](QByteArray *out, QString *) { *out = DrawioWriter::write(*diagrams); return true; }});
            }
        }
    }
    if (!o.cables.isEmpty()) {
        auto cables = std::make_shared<CablePlanData>(buildCablePlan(context));
        for (const QString &f : o.cables) {
            if (f == QLatin1String("csv"))
                files.push_back({QStringLiteral("cables.csv"), [cables](QByteArray *out, QString *) { *out = CablePlanWriter::csv(*cables); return true; }});
            else if (f == QLatin1String("md"))
                files.push_back({QStringLiteral("cables.md"), [cables](QByteArray *out, QString *) { *out = CablePlanWriter::markdown(*cables); return true; }});
        }
    }
    if (!o.runbook.isEmpty()) {
        auto doc = std::make_shared<RunbookDocument>();
        if (!buildRunbook(context, doc.get(), error))
            return false;
        for (const QString &f : o.runbook) {
            if (f == QLatin1String("md"))
                files.push_back({QStringLiteral("runbook.md"), [doc](QByteArray *out, QString *) { *out = RunbookWriter::markdown(*doc); return true; }});
            else if (f == QLatin1String("html"))
                files.push_back({QStringLiteral("runbook.html"), [doc](QByteArray *out, QString *) { *out = RunbookWriter::html(*doc); return true; }});
            else if (f == QLatin1String("pdf")) {
                const QPageSize::PageSizeId page = o.pageSize;
                files.push_back({QStringLiteral("runbook.pdf"), [doc, page](QByteArray *out, QString *e) { return RunbookWriter::pdf(*doc, page, out, e); }});
            }
        }
    }
    for (const QString &f : o.report) {
        const CheckReport &report = context.checkReport();
        if (f == QLatin1String("json"))
            files.push_back({QStringLiteral("check-report.json"), [&report](QByteArray *out, QString *) { *out = CheckReportWriter::json(report); return true; }});
        else if (f == QLatin1String("txt"))
            files.push_back({QStringLiteral("check-report.txt"), [&report](QByteArray *out, QString *) { *out = CheckReportWriter::text(report); return true; }});
    }
    if (o.netbox) {
        for (NetboxCsvWriter::File &file : NetboxCsvWriter::write(context)) {
            const QByteArray data = file.data;
            files.push_back({QStringLiteral("netbox/") + file.name, [data](QByteArray *out, QString *) { *out = data; return true; }});
        }
    }

    // Files are made on worker threads, at most one per core ahead of the writer, and written — with
    // progress and cancel — in order on this thread. The makers only read the shared data above.
    // QThread rather than std::thread: fonts and text layout start Qt timers, which need one.
    struct Making {
        std::unique_ptr<QThread> thread;
        bool ok = false;
        QByteArray bytes;
        QString why;
        ~Making()
        {
            if (thread)
                thread->wait(); // a worker never outlives the data it reads
        }
    };
    const auto start = [&files](int i) {
        auto making = std::make_unique<Making>();
        Making *m = making.get();
        const PendingFile *file = &files[static_cast<std::size_t>(i)];
        making->thread.reset(QThread::create([m, file] { m->ok = file->make(&m->bytes, &m->why); }));
        making->thread->start();
        return making;
    };
    const int total = static_cast<int>(files.size());
    const int ahead = std::max(1, QThread::idealThreadCount());
    std::deque<std::unique_ptr<Making>> inFlight;
    int started = 0;
    for (int i = 0; i < total; ++i) {
        const PendingFile &file = files[static_cast<std::size_t>(i)];
        if (progress && !progress(i, total, file.name)) {
            if (error)
                *error = QStringLiteral("export cancelled");
            return false;
        }
        for (; started < total && started < i + ahead; ++started)
            inFlight.push_back(start(started));
        const std::unique_ptr<Making> made = std::move(inFlight.front());
        inFlight.pop_front();
        made->thread->wait();
        if (!made->ok) {
            if (error)
                *error = QStringLiteral("%1: %2").arg(folder.pathOf(file.name), made->why);
            return false;
        }
        if (!folder.write(file.name, made->bytes, error))
            return false;
    }
    if (progress)
        progress(total, total, QString());
    return true;
}

} // namespace pp
