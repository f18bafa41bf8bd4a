#include "app/cli/commands.h"

#include "exporters/netbox/netboxpush.h"

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
    parser.addOptions({urlOpt, dryOpt, timeoutOpt, catalogOpt});
    parser.addPositionalArgument(QStringLiteral("push"), QStringLiteral("The action: push."));
    parser.addPositionalArgument(QStringLiteral("plan"), QStringLiteral("Plan file (*.pocplan.json)."));
    if (const int rc = ctx.parse(
            parser, args,
            QStringLiteral("Push a plan to NetBox over its REST API: site, racks, manufacturers, device roles\n"
                           "and types, devices, power panels and feeds, interfaces and cables. Objects are\n"
                           "matched by name: a second push updates, it does not duplicate.\n"
                           "The API token comes from the environment variable POCPLAN_NETBOX_TOKEN;\n"
                           "it is never printed or saved."));
        rc >= 0)
        return rc;
    const QStringList pos = parser.positionalArguments();
    if (pos.size() != 2 || pos.first() != QLatin1String("push")) {
        ctx.err() << "error: usage: pocplan netbox push PLAN --url URL [--dry-run]" << Qt::endl;
        return kExitUsage;
    }
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
    Plan plan;
    if (!ctx.loadPlan(pos.at(1), plan))
        return kExitUsage;
    SiteProfile site;
    if (!ctx.resolveSite(pos.at(1), plan, site))
        return kExitUsage;
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
