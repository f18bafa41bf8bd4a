#include "app/cli/commands.h"

#include "exporters/reports/whatifreportwriter.h"
#include "planner/sizing/sizingdata.h"
#include "planner/sizing/sizingengine.h"

#include <QCommandLineParser>

namespace pp::cli {

namespace {

// The requirements the remainder is held to: the sizing method's demand for --gpus at --profile,
// --capacity-pb and a checkpoint of --ckpt-params (its interval and stall limit are the sizing defaults).
bool requirementsFrom(CliContext &ctx, const QCommandLineParser &parser, WhatIfRequirements &req)
{
    const auto number = [&](const char *name, double &out) {
        const QString text = parser.value(QLatin1String(name));
        bool ok = false;
        out = text.toDouble(&ok);
        if (!ok || out < 0)
            ctx.err() << "error: --" << name << ": expected a number >= 0, found \"" << text << "\"" << Qt::endl;
        return ok && out >= 0;
    };
    // The defaults carry an example checkpoint and capacity: only what the user gives is required.
    SizingInputs in = SizingInputs::defaults(SizingData::builtIn());
    in.capacityPB = 0;
    in.ckptParams = 0;
    double gpus = 0;
    if (parser.isSet(QStringLiteral("gpus")) && !number("gpus", gpus))
        return false;
    if (parser.isSet(QStringLiteral("capacity-pb")) && !number("capacity-pb", in.capacityPB))
        return false;
    if (parser.isSet(QStringLiteral("ckpt-params")) && !number("ckpt-params", in.ckptParams))
        return false;
    in.gpus = static_cast<int>(gpus);
    if (parser.isSet(QStringLiteral("profile")))
        in.profile = parser.value(QStringLiteral("profile"));
    if (in.gpus == 0 && in.capacityPB == 0 && in.ckptParams == 0)
        return true;
    const SizingResult sized = SizingEngine(ctx.catalog(), SizingData::builtIn()).size(in);
    if (!sized.ok()) {
        ctx.err() << "error: requirements: " << sized.error << Qt::endl;
        return false;
    }
    QStringList source;
    if (in.gpus > 0) {
        req.readGBps = sized.design.requiredReadTBps * 1000.0;
        req.writeGBps = sized.design.requiredWriteTBps * 1000.0;
        source << QStringLiteral("%1 tier for %2 GPUs").arg(in.profile).arg(in.gpus);
    }
    if (in.capacityPB > 0) {
        req.usablePB = sized.design.requiredUsablePB;
        source << QStringLiteral("%1 PB").arg(in.capacityPB);
    }
    if (in.ckptParams > 0) {
        req.checkpointTB = sized.design.checkpointTB;
        req.checkpointIntervalMin = in.ckptIntervalMin;
        req.checkpointStallPct = in.ckptStallPct;
        source << QStringLiteral("checkpoint of %1 parameters").arg(in.ckptParams, 0, 'g', 4);
    }
    req.source = source.join(QStringLiteral(", "));
    return true;
}

bool domainsFrom(CliContext &ctx, const FailureModel &model, const QString &list, std::vector<int> &out)
{
    for (const QString &id : list.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const int d = model.domainIndex(id.trimmed());
        if (d < 0) {
            ctx.err() << "error: --fail: no failure domain \"" << id.trimmed() << "\" in the plan (see --list-domains)"
                      << Qt::endl;
            return false;
        }
        out.push_back(d);
    }
    return true;
}

// --group NAME=ID,ID...: a user-named domain of other domains, for this run only.
bool addGroups(CliContext &ctx, FailureModel &model, const QStringList &specs)
{
    for (const QString &spec : specs) {
        const qsizetype eq = spec.indexOf(QLatin1Char('='));
        QString error;
        if (eq <= 0 ||
            model.addGroup(spec.left(eq), spec.mid(eq + 1).split(QLatin1Char(','), Qt::SkipEmptyParts), &error) < 0) {
            ctx.err() << "error: --group: "
                      << (eq <= 0 ? QStringLiteral("expected NAME=ID,ID..., found \"%1\"").arg(spec) : error)
                      << Qt::endl;
            return false;
        }
    }
    return true;
}

bool modesValid(CliContext &ctx, const QString &format, const QString &sweep, bool sweepSet, bool failSet)
{
    if (format != QLatin1String("text") && format != QLatin1String("json") && format != QLatin1String("md")) {
        ctx.err() << "error: --format: expected text, json or md, found \"" << format << "\"" << Qt::endl;
        return false;
    }
    if (sweepSet && sweep != QLatin1String("n-1") && sweep != QLatin1String("n-2")) {
        ctx.err() << "error: --sweep: expected n-1 or n-2, found \"" << sweep << "\"" << Qt::endl;
        return false;
    }
    if (sweep == QLatin1String("n-2") && !failSet) {
        ctx.err() << "error: --sweep n-2 pairs the --fail domains with every other; give --fail" << Qt::endl;
        return false;
    }
    return true;
}

// Runs the failure or sweep asked for and prints it; the exit code says whether data or a node was lost.
int writeReport(CliContext &ctx, const WhatIfEngine &engine, const std::vector<int> &failed, const QString &sweep,
                const QString &format)
{
    WhatIfReport report;
    if (sweep == QLatin1String("n-2"))
        report = WhatIfReport::build(engine, WhatIfReport::Mode::SweepN2, engine.sweepN2(failed));
    else if (!failed.empty() && sweep.isEmpty())
        report = WhatIfReport::build(engine, WhatIfReport::Mode::Fail, {engine.evaluate(failed)});
    else
        report = WhatIfReport::build(engine, WhatIfReport::Mode::SweepN1, engine.sweepN1());
    const QByteArray bytes = format == QLatin1String("json") ? WhatIfReportWriter::json(report)
        : format == QLatin1String("md")                      ? WhatIfReportWriter::markdown(report)
                                                             : WhatIfReportWriter::text(report);
    ctx.out() << QString::fromUtf8(bytes) << Qt::flush;
    const bool lost = report.mode == WhatIfReport::Mode::Fail ? report.results.front().lostNetworkOrData()
                                                              : !report.singlePoints.empty();
    return lost ? kExitPlanErrors : kExitOk;
}

} // namespace

int runWhatIf(CliContext &ctx, const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption failOpt(QStringLiteral("fail"),
                                     QStringLiteral("Failure domains to fail together, by id (comma-separated)."),
                                     QStringLiteral("ids"));
    const QCommandLineOption sweepOpt(
        QStringLiteral("sweep"),
        QStringLiteral("n-1: every domain alone (the default without --fail); n-2: each --fail domain paired with "
                       "every other domain."),
        QStringLiteral("kind"));
    const QCommandLineOption formatOpt(QStringLiteral("format"), QStringLiteral("text (default), json or md."),
                                       QStringLiteral("format"), QStringLiteral("text"));
    const QCommandLineOption groupOpt(QStringLiteral("group"),
                                      QStringLiteral("A named domain of other domains for this run: NAME=ID,ID..."),
                                      QStringLiteral("spec"));
    const QCommandLineOption listOpt(QStringLiteral("list-domains"), QStringLiteral("List the failure domains."));
    const QCommandLineOption gpusOpt(QStringLiteral("gpus"), QStringLiteral("Requirement: GPUs to serve."),
                                     QStringLiteral("n"));
    const QCommandLineOption profileOpt(QStringLiteral("profile"),
                                        QStringLiteral("Requirement: bandwidth tier good, better or best."),
                                        QStringLiteral("name"));
    const QCommandLineOption capacityOpt(QStringLiteral("capacity-pb"),
                                         QStringLiteral("Requirement: usable PB wanted."), QStringLiteral("PB"));
    const QCommandLineOption ckptOpt(QStringLiteral("ckpt-params"),
                                     QStringLiteral("Requirement: checkpoint of this many model parameters within "
                                                    "the sizing stall limit."),
                                     QStringLiteral("n"));
    const QCommandLineOption catalogOpt(QStringLiteral("catalog"), QStringLiteral("Extra catalog file or folder."),
                                        QStringLiteral("file"));
    parser.addOptions(
        {failOpt, sweepOpt, formatOpt, groupOpt, listOpt, gpusOpt, profileOpt, capacityOpt, ckptOpt, catalogOpt});
    parser.addPositionalArgument(QStringLiteral("plan"), QStringLiteral("Plan file."));
    if (const int rc = ctx.parse(
            parser, args,
            QStringLiteral("What a failure leaves: devices dark, nodes cut off, read/write GB/s (the sizing model), "
                           "data availability, capacity, feed loads, requirements held.\n"
                           "Exit code 0 when no failure evaluated loses data or cuts a node off (a sweep: no "
                           "single point of failure), 1 when one does, 2 for unreadable input."));
        rc >= 0)
        return rc;
    if (parser.positionalArguments().size() != 1) {
        ctx.err() << "error: expected one plan file" << Qt::endl;
        return kExitUsage;
    }
    const QString format = parser.value(formatOpt);
    const QString sweep = parser.value(sweepOpt);
    if (!modesValid(ctx, format, sweep, parser.isSet(sweepOpt), parser.isSet(failOpt)))
        return kExitUsage;
    if (!ctx.loadCatalog(parser.values(catalogOpt)))
        return kExitUsage;
    const QString planFile = parser.positionalArguments().first();
    Plan plan;
    if (!ctx.loadPlan(planFile, plan))
        return kExitUsage;
    SiteProfile site;
    if (!ctx.resolveSite(planFile, plan, site))
        return kExitUsage;
    WhatIfRequirements requirements;
    if (!requirementsFrom(ctx, parser, requirements))
        return kExitUsage;
    const ResolvedPlan resolved(plan, ctx.catalog(), site);
    FailureModel model(resolved);
    if (!addGroups(ctx, model, parser.values(groupOpt)))
        return kExitUsage;
    if (parser.isSet(listOpt)) {
        for (const FailureDomain &d : model.domains())
            ctx.out() << d.id << '\t' << failureKindId(d.kind) << '\t' << d.label << Qt::endl;
        return kExitOk;
    }
    std::vector<int> failed;
    if (parser.isSet(failOpt) && !domainsFrom(ctx, model, parser.values(failOpt).join(QLatin1Char(',')), failed))
        return kExitUsage;
    const WhatIfEngine engine(model, requirements);
    return writeReport(ctx, engine, failed, sweep, format);
}

} // namespace pp::cli
