#include "exporters/common/exportjob.h"

#include "exporters/bom/bomdata.h"
#include "exporters/bom/bomwriter.h"
#include "exporters/bom/bomxlsxwriter.h"
#include "exporters/cabling/cableplan.h"
#include "exporters/common/exportcontext.h"
#include "exporters/diagrams/drawiowriter.h"
#include "exporters/diagrams/rackdiagramdata.h"
#include "exporters/diagrams/rackdiagramwriter.h"
#include "exporters/netbox/netboxcsvwriter.h"
#include "exporters/reports/checkreportwriter.h"
#include "exporters/runbook/runbookdata.h"
#include "exporters/runbook/runbookwriter.h"
#include "planner/analysis/whatifreport.h"

#include <QSet>
#include <QThread>
#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>

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
                *error = QStringLiteral("--%1: unknown format \"%2\" (known: %3)")
                             .arg(kind, raw.trimmed(), known.join(QLatin1Char(',')));
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
    : m_plan(plan)
    , m_options(std::move(options))
{ }

namespace {

// One file of the export: its name, how to make its bytes, and whether it is one of the few long
// ones (a multi-page PDF takes as long as a hundred PNGs), which the workers start first.
struct PendingFile {
    QString name;
    std::function<bool(QByteArray *, QString *)> make;
    bool slow = false;
};

// Makes the files on one worker per core and hands them out in file order. The slow files are
// taken first: started last, as their place in the file order had it, one of them ran alone on
// one core for seconds at the end of the export while the other core sat idle. The rest follow
// in file order, so that the writer (which goes in file order) rarely waits and finished files do
// not pile up in memory.
// QThread rather than std::thread: fonts and text layout start Qt timers, which need one.
class FileMakers {
public:
    explicit FileMakers(const std::vector<PendingFile> &files)
        : m_files(files)
        , m_results(files.size())
    {
        for (std::size_t i = 0; i < files.size(); ++i)
            if (files[i].slow)
                m_order.push_back(i);
        for (std::size_t i = 0; i < files.size(); ++i)
            if (!files[i].slow)
                m_order.push_back(i);
        const int workers = std::min(std::max(1, QThread::idealThreadCount()), static_cast<int>(files.size()));
        for (int w = 0; w < workers; ++w) {
            m_threads.emplace_back(QThread::create([this] { work(); }));
            m_threads.back()->start();
        }
    }

    ~FileMakers()
    {
        m_stop = true; // files not yet started are left; a worker never outlives the data it reads
        for (const std::unique_ptr<QThread> &t : m_threads)
            t->wait();
    }

    // Blocks until file i is made; its bytes move to the caller.
    bool take(std::size_t i, QByteArray *bytes, QString *why)
    {
        std::unique_lock<std::mutex> lock(m_mutex);
        m_madeOne.wait(lock, [&] { return m_results[i].done; });
        Result &r = m_results[i];
        *bytes = std::move(r.bytes);
        *why = std::move(r.why);
        r.bytes = QByteArray();
        return r.ok;
    }

private:
    struct Result {
        bool done = false;
        bool ok = false;
        QByteArray bytes;
        QString why;
    };

    void work()
    {
        for (;;) {
            const std::size_t k = m_next++;
            if (m_stop || k >= m_order.size())
                return;
            const std::size_t i = m_order[k];
            Result r;
            r.ok = m_files[i].make(&r.bytes, &r.why);
            r.done = true;
            {
                const std::lock_guard<std::mutex> lock(m_mutex);
                m_results[i] = std::move(r);
            }
            m_madeOne.notify_all();
        }
    }

    const std::vector<PendingFile> &m_files;
    std::vector<std::size_t> m_order;
    std::vector<Result> m_results;
    std::atomic<std::size_t> m_next{0};
    std::atomic<bool> m_stop{false};
    std::mutex m_mutex;
    std::condition_variable m_madeOne;
    std::vector<std::unique_ptr<QThread>> m_threads;
};

// The BOM files, made from one BOM the makers share.
void addBomFiles(std::vector<PendingFile> &files, const ExportContext &context, const QStringList &formats)
{
    auto bom = std::make_shared<BomData>(buildBom(context));
    for (const QString &f : formats) {
        if (f == QLatin1String("csv"))
            files.push_back({QStringLiteral("bom.csv"), [bom](QByteArray *out, QString *) {
                                 *out = BomWriter::csv(*bom);
                                 return true;
                             }});
        else if (f == QLatin1String("xlsx"))
            files.push_back({QStringLiteral("bom.xlsx"),
                             [bom](QByteArray *out, QString *e) { return BomXlsxWriter::write(*bom, out, e); }});
        else if (f == QLatin1String("json"))
            files.push_back({QStringLiteral("bom.json"), [bom](QByteArray *out, QString *) {
                                 *out = BomWriter::json(*bom);
                                 return true;
                             }});
        else if (f == QLatin1String("md"))
            files.push_back({QStringLiteral("bom.md"), [bom](QByteArray *out, QString *) {
                                 *out = BomWriter::markdown(*bom);
                                 return true;
                             }});
    }
}

// One file stem per rack face, "rack-<id>-<face>", numbered where two rack ids make the same stem.
std::vector<QString> diagramFileStems(const RackDiagramData &diagrams)
{
    QSet<QString> stems;
    std::vector<QString> faceStems;
    for (const RackFaceDiagram &face : diagrams.faces) {
        QString stem = QStringLiteral("rack-%1-%2").arg(ExportJob::safeFileStem(face.rackId), face.faceName());
        for (int n = 2; stems.contains(stem); ++n)
            stem =
                QStringLiteral("rack-%1-%2-%3").arg(ExportJob::safeFileStem(face.rackId)).arg(n).arg(face.faceName());
        stems.insert(stem);
        faceStems.push_back(stem);
    }
    return faceStems;
}

void addDiagramFiles(std::vector<PendingFile> &files, const ExportContext &context, const QStringList &formats,
                     QPageSize::PageSizeId pageSize)
{
    auto diagrams = std::make_shared<RackDiagramData>(buildRackDiagrams(context));
    const std::vector<QString> faceStems = diagramFileStems(*diagrams);
    for (const QString &f : formats) {
        if (f == QLatin1String("svg") || f == QLatin1String("png")) {
            for (std::size_t i = 0; i < diagrams->faces.size(); ++i) {
                const QString name = QStringLiteral("diagrams/%1.%2").arg(faceStems[i], f);
                if (f == QLatin1String("svg"))
                    files.push_back({name, [diagrams, i](QByteArray *out, QString *) {
                                         *out = RackDiagramWriter::svg(*diagrams, diagrams->faces[i]);
                                         return true;
                                     }});
                else
                    files.push_back({name, [diagrams, i](QByteArray *out, QString *e) {
                                         return RackDiagramWriter::png(*diagrams, diagrams->faces[i], out, e);
                                     }});
            }
        } else if (f == QLatin1String("pdf")) {
            const QPageSize::PageSizeId page = pageSize;
            files.push_back({QStringLiteral("rack-diagrams.pdf"),
                             [diagrams, page](QByteArray *out, QString *e) {
                                 return RackDiagramWriter::pdf(*diagrams, page, out, e);
                             },
                             true});
        } else if (f == QLatin1String("drawio")) {
            files.push_back({QStringLiteral("racks.drawio"), [diagrams](QByteArray *out, QString *) {
                                 *out = DrawioWriter::write(*diagrams);
                                 return true;
                             }});
        }
    }
}

void addCableFiles(std::vector<PendingFile> &files, const ExportContext &context, const QStringList &formats)
{
    auto cables = std::make_shared<CablePlanData>(buildCablePlan(context));
    for (const QString &f : formats) {
        if (f == QLatin1String("csv"))
            files.push_back({QStringLiteral("cables.csv"), [cables](QByteArray *out, QString *) {
                                 *out = CablePlanWriter::csv(*cables);
                                 return true;
                             }});
        else if (f == QLatin1String("md"))
            files.push_back({QStringLiteral("cables.md"), [cables](QByteArray *out, QString *) {
                                 *out = CablePlanWriter::markdown(*cables);
                                 return true;
                             }});
    }
}

bool addRunbookFiles(std::vector<PendingFile> &files, const ExportContext &context, const QStringList &formats,
                     QPageSize::PageSizeId pageSize, QString *error)
{
    auto doc = std::make_shared<RunbookDocument>();
    if (!buildRunbook(context, doc.get(), error))
        return false;
    for (const QString &f : formats) {
        if (f == QLatin1String("md"))
            files.push_back({QStringLiteral("runbook.md"), [doc](QByteArray *out, QString *) {
                                 *out = RunbookWriter::markdown(*doc);
                                 return true;
                             }});
        else if (f == QLatin1String("html"))
            files.push_back({QStringLiteral("runbook.html"), [doc](QByteArray *out, QString *) {
                                 *out = RunbookWriter::html(*doc);
                                 return true;
                             }});
        else if (f == QLatin1String("pdf")) {
            const QPageSize::PageSizeId page = pageSize;
            files.push_back(
                {QStringLiteral("runbook.pdf"),
                 [doc, page](QByteArray *out, QString *e) { return RunbookWriter::pdf(*doc, page, out, e); }, true});
        }
    }
    return true;
}

// The check report; the makers read it from the context, which outlives them.
void addReportFiles(std::vector<PendingFile> &files, const ExportContext &context, const QStringList &formats)
{
    for (const QString &f : formats) {
        const CheckReport &report = context.checkReport();
        // With the resilience section (the N-1 sweep), built when the file is made.
        const auto write = [&context, &report](bool json, QByteArray *out) {
            const FailureModel model(context.resolved());
            const WhatIfEngine engine(model);
            const WhatIfReport n1 = WhatIfReport::build(engine, WhatIfReport::Mode::SweepN1, engine.sweepN1());
            *out = json ? CheckReportWriter::json(report, SeverityFilter::All, &n1)
                        : CheckReportWriter::text(report, SeverityFilter::All, &n1);
            return true;
        };
        if (f == QLatin1String("json"))
            files.push_back({QStringLiteral("check-report.json"),
                             [write](QByteArray *out, QString *) { return write(true, out); }});
        else if (f == QLatin1String("txt"))
            files.push_back({QStringLiteral("check-report.txt"),
                             [write](QByteArray *out, QString *) { return write(false, out); }});
    }
}

void addNetboxFiles(std::vector<PendingFile> &files, const ExportContext &context)
{
    for (NetboxCsvWriter::File &file : NetboxCsvWriter::write(context)) {
        const QByteArray data = file.data;
        files.push_back({QStringLiteral("netbox/") + file.name, [data](QByteArray *out, QString *) {
                             *out = data;
                             return true;
                         }});
    }
}

bool makeAndWriteFiles(const std::vector<PendingFile> &files, OutputFolder &folder, QString *error,
                       const ExportJob::Progress &progress)
{
    // Files are made on worker threads and written — with progress and cancel — in order on this
    // thread. The makers only read the shared data above.
    const int total = static_cast<int>(files.size());
    FileMakers makers(files);
    for (int i = 0; i < total; ++i) {
        const PendingFile &file = files[static_cast<std::size_t>(i)];
        if (progress && !progress(i, total, file.name)) {
            if (error)
                *error = QStringLiteral("export cancelled");
            return false;
        }
        QByteArray bytes;
        QString why;
        if (!makers.take(static_cast<std::size_t>(i), &bytes, &why)) {
            if (error)
                *error = QStringLiteral("%1: %2").arg(folder.pathOf(file.name), why);
            return false;
        }
        if (!folder.write(file.name, bytes, error))
            return false;
    }
    if (progress)
        progress(total, total, QString());
    return true;
}

} // namespace

bool ExportJob::run(OutputFolder &folder, QString *error, const Progress &progress)
{
    if (!folder.prepare(error))
        return false;
    const ExportContext context(m_plan);
    m_unresolvedErrors = context.unresolvedErrors();
    const ExportOptions &o = m_options;
    std::vector<PendingFile> files;

    if (!o.bom.isEmpty())
        addBomFiles(files, context, o.bom);
    if (!o.diagrams.isEmpty())
        addDiagramFiles(files, context, o.diagrams, o.pageSize);
    if (!o.cables.isEmpty())
        addCableFiles(files, context, o.cables);
    if (!o.runbook.isEmpty() && !addRunbookFiles(files, context, o.runbook, o.pageSize, error))
        return false;
    addReportFiles(files, context, o.report);
    if (o.netbox)
        addNetboxFiles(files, context);
    return makeAndWriteFiles(files, folder, error, progress);
}

} // namespace pp
