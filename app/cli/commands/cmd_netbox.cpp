#include "app/cli/commands.h"

#include "exporters/netbox/netboxpull.h"
#include "exporters/netbox/netboxpush.h"
#include "exporters/reports/diffreportwriter.h"
#include "planner/diff/plandiff.h"
#include "planner/io/planio.h"

#include <QCommandLineParser>
#include <QProcessEnvironment>

namespace pp::cli {

namespace {

// --timeout in seconds as milliseconds (30 s by default); false: out of range, said on stderr.
bool readTimeout(CliContext &ctx, const QCommandLineParser &parser, const QCommandLineOption &timeoutOpt,
                 int *timeoutMs)
{
    *timeoutMs = 30000;
    if (parser.isSet(timeoutOpt)) {
        bool ok = false;
        const double sec = parser.value(timeoutOpt).toDouble(&ok);
        if (!ok || sec <= 0 || sec > 3600) {
            ctx.err() << "error: --timeout: expected seconds between 0 and 3600" << Qt::endl;
            return false;
        }
        *timeoutMs = static_cast<int>(sec * 1000);
    }
    return true;
}

// Pushes the plan, or with dryRun prints the requests instead; the HTTP push reports its steps on stderr.
NetBoxPushReport pushPlan(CliContext &ctx, const ResolvedPlan &resolved, const QUrl &url, const QString &token,
                          int timeoutMs, bool dryRun)
{
    NetBoxPushReport report;
    if (dryRun) {
        ctx.out() << "# dry run: nothing is sent. Every request carries 'Authorization: Token ****' (redacted).\n"
                     "# NetBox is taken to be empty; ids are placeholders.\n";
        NetBoxDryRunTransport transport(url, ctx.out());
        NetBoxPusher pusher(resolved, transport);
        report = pusher.push();
    } else {
        NetBoxHttpTransport transport(url, token, timeoutMs);
        NetBoxPusher pusher(resolved, transport);
        pusher.setProgress([&ctx](int step, int steps, const QString &what) {
            ctx.err() << "[" << step << "/" << steps << "] " << what << Qt::endl;
        });
        report = pusher.push();
    }
    return report;
}

// Reads a NetBox site into a plan; prints why when it cannot (exit code), else fills `pulled`.
int pullSite(CliContext &ctx, const QUrl &url, const QString &token, int timeoutMs, const QString &site,
             const QString &profile, NetBoxPullResult &pulled)
{
    NetBoxHttpTransport transport(url, token, timeoutMs);
    NetBoxPuller puller(ctx.catalog(), transport);
    pulled = puller.pull(site, profile);
    if (!pulled.ok) {
        ctx.err() << "error: " << pulled.error << Qt::endl;
        return kExitPlanErrors;
    }
    for (const QString &s : pulled.skipped)
        ctx.err() << "warning: " << s << '\n';
    ctx.err() << Qt::flush;
    return kExitOk;
}

// Plan against NetBox: absent (planned, not in NetBox), unplanned, elsewhere, re-cabled.
int driftReport(CliContext &ctx, const QString &planFile, const Plan &planned, const NetBoxPullResult &pulled,
                const QString &format)
{
    Plan pushable;
    Plan fromNetBox = pulled.plan;
    alignWithPlan(planned, ctx.catalog(), pushable, fromNetBox);
    const PlanDiff diff = diffPlans(pushable, fromNetBox);
    DiffReport report = buildDiffReport(pushable, fromNetBox, diff, planFile, QStringLiteral("NetBox"));
    for (DiffEntry &e : report.entries) {
        if (e.change == QLatin1String("added"))
            e.change = QStringLiteral("unplanned");
        else if (e.change == QLatin1String("removed"))
            e.change = QStringLiteral("absent");
        else if (e.change == QLatin1String("moved"))
            e.change = QStringLiteral("elsewhere");
    }
    ctx.out() << QString::fromUtf8(DiffReportWriter::write(report, format)) << Qt::flush;
    return report.empty() ? kExitOk : kExitPlanErrors;
}

// The options of pull and diff.
struct PullDiffOptions {
    const QCommandLineOption site{QStringLiteral("site"),
                                  QStringLiteral("pull: the NetBox site to read; diff: the site to compare with "
                                                 "(default: the plan's name, as push names the site)."),
                                  QStringLiteral("name")};
    const QCommandLineOption output{{QStringLiteral("o"), QStringLiteral("output")},
                                    QStringLiteral("pull: the plan file to write."),
                                    QStringLiteral("file")};
    const QCommandLineOption profile{QStringLiteral("profile"),
                                     QStringLiteral("pull: the site profile id for the plan (default: the one a "
                                                    "push named in the site's description)."),
                                     QStringLiteral("id")};
    const QCommandLineOption format{QStringLiteral("format"), QStringLiteral("diff: text (default), json, md or html."),
                                    QStringLiteral("format"), QStringLiteral("text")};
};

// Whether the action and its arguments go together; false after saying why on stderr.
bool checkAction(CliContext &ctx, const QCommandLineParser &parser, const PullDiffOptions &o,
                 const QCommandLineOption &dryRun)
{
    const QStringList pos = parser.positionalArguments();
    const QString action = pos.value(0);
    const bool pull = action == QLatin1String("pull");
    if ((pull && pos.size() != 1) || (!pull && pos.size() != 2) ||
        !QStringList{QStringLiteral("push"), QStringLiteral("pull"), QStringLiteral("diff")}.contains(action)) {
        ctx.err() << "error: usage: pocplan netbox push PLAN --url URL [--dry-run]\n"
                     "       pocplan netbox pull --url URL --site NAME -o PLAN\n"
                     "       pocplan netbox diff PLAN --url URL [--format text|json|md|html]"
                  << Qt::endl;
        return false;
    }
    if (pull && (!parser.isSet(o.site) || !parser.isSet(o.output))) {
        ctx.err() << "error: pull needs --site NAME and -o PLAN" << Qt::endl;
        return false;
    }
    if (action != QLatin1String("push") && parser.isSet(dryRun)) {
        ctx.err() << "error: --dry-run is for push only" << Qt::endl;
        return false;
    }
    const QString format = parser.value(o.format);
    if (!QStringList{QStringLiteral("text"), QStringLiteral("json"), QStringLiteral("md"), QStringLiteral("html")}
             .contains(format)) {
        ctx.err() << "error: --format: expected text, json, md or html, found \"" << format << "\"" << Qt::endl;
        return false;
    }
    return true;
}

// pull: the site as a plan file, written atomically; exit 1 when an object had to be left out.
int pullToFile(CliContext &ctx, const QUrl &url, const QString &token, int timeoutMs, const QString &site,
               const QString &profile, const QString &output)
{
    NetBoxPullResult pulled;
    if (const int rc = pullSite(ctx, url, token, timeoutMs, site, profile, pulled))
        return rc;
    QString error;
    if (!savePlanFile(pulled.plan, output, &error)) {
        ctx.err() << "error: " << error << Qt::endl;
        return kExitPlanErrors;
    }
    ctx.out() << "pulled " << pulled.plan.racks.size() << " racks, " << pulled.plan.devices.size() << " devices, "
              << pulled.plan.links.size() << " links into " << output << Qt::endl;
    return pulled.skipped.isEmpty() ? kExitOk : kExitPlanErrors;
}

} // namespace

int runNetBox(CliContext &ctx, const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption urlOpt(QStringLiteral("url"),
                                    QStringLiteral("NetBox base URL, e.g. https://netbox.example.com"),
                                    QStringLiteral("url"));
    const QCommandLineOption dryOpt(QStringLiteral("dry-run"),
                                    QStringLiteral("Print the requests (token redacted) instead of sending them."));
    const QCommandLineOption timeoutOpt(QStringLiteral("timeout"),
                                        QStringLiteral("Seconds to wait for each answer (default 30)."),
                                        QStringLiteral("s"));
    const QCommandLineOption catalogOpt(QStringLiteral("catalog"), QStringLiteral("Extra catalog file or folder."),
                                        QStringLiteral("file"));
    const PullDiffOptions po;
    parser.addOptions({urlOpt, dryOpt, timeoutOpt, catalogOpt, po.site, po.output, po.profile, po.format});
    parser.addPositionalArgument(QStringLiteral("action"), QStringLiteral("push, pull or diff."));
    parser.addPositionalArgument(QStringLiteral("plan"),
                                 QStringLiteral("Plan file (*.pocplan.json), for push and diff."));
    if (const int rc = ctx.parse(
            parser, args,
            QStringLiteral("push: write a plan to NetBox over its REST API: site, racks, manufacturers, device\n"
                           "roles and types, devices, power panels and feeds, interfaces and cables. Objects are\n"
                           "matched by name: a second push updates, it does not duplicate.\n"
                           "pull: build a plan from a NetBox site (racks, devices, cables).\n"
                           "diff: report drift between a plan and NetBox: absent (planned, not in NetBox),\n"
                           "unplanned, elsewhere (another rack, U or face) and re-cabled; exit 0 when none, 1 when\n"
                           "there is drift or NetBox cannot be read.\n"
                           "The API token comes from the environment variable POCPLAN_NETBOX_TOKEN;\n"
                           "it is never printed or saved."));
        rc >= 0)
        return rc;
    const QStringList pos = parser.positionalArguments();
    const QString action = pos.value(0);
    const bool pull = action == QLatin1String("pull");
    if (!checkAction(ctx, parser, po, dryOpt))
        return kExitUsage;
    const QString format = parser.value(po.format);
    const QUrl url(parser.value(urlOpt), QUrl::StrictMode);
    if (!parser.isSet(urlOpt) || !url.isValid() ||
        (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https"))) {
        ctx.err() << "error: --url: give the NetBox base URL (http or https)" << Qt::endl;
        return kExitUsage;
    }
    int timeoutMs = 0;
    if (!readTimeout(ctx, parser, timeoutOpt, &timeoutMs))
        return kExitUsage;
    const QString token = QProcessEnvironment::systemEnvironment().value(QStringLiteral("POCPLAN_NETBOX_TOKEN"));
    if (!parser.isSet(dryOpt) && token.isEmpty()) {
        ctx.err() << "error: set POCPLAN_NETBOX_TOKEN to a NetBox API token (or use --dry-run)" << Qt::endl;
        return kExitUsage;
    }
    if (!ctx.loadCatalog(parser.values(catalogOpt)))
        return kExitUsage;
    if (pull)
        return pullToFile(ctx, url, token, timeoutMs, parser.value(po.site), parser.value(po.profile),
                          parser.value(po.output));
    Plan plan;
    if (!ctx.loadPlan(pos.at(1), plan))
        return kExitUsage;
    SiteProfile site;
    if (!ctx.resolveSite(pos.at(1), plan, site))
        return kExitUsage;
    if (action == QLatin1String("diff")) {
        NetBoxPullResult pulled;
        const QString siteName = parser.isSet(po.site) ? parser.value(po.site)
            : plan.name.isEmpty()                      ? site.name
                                                       : plan.name;
        if (const int rc = pullSite(ctx, url, token, timeoutMs, siteName, plan.site.profile, pulled))
            return rc;
        return driftReport(ctx, pos.at(1), plan, pulled, format);
    }
    const ResolvedPlan resolved(plan, ctx.catalog(), site);
    const NetBoxPushReport report = pushPlan(ctx, resolved, url, token, timeoutMs, parser.isSet(dryOpt));
    for (const NetBoxPushReport::Entry &e : report.entries)
        (e.action == QLatin1String("failed") ? ctx.err() : ctx.out())
            << QStringLiteral("%1 %2 %3").arg(e.action, -8).arg(e.kind, -12).arg(e.name)
            << (e.error.isEmpty() ? QString() : QStringLiteral(": ") + e.error) << '\n';
    ctx.out() << (parser.isSet(dryOpt) ? "would have: " : "") << report.summary() << Qt::endl;
    return report.count(QStringLiteral("failed")) > 0 ? kExitPlanErrors : kExitOk;
}

} // namespace pp::cli
