#include "app/cli/commands.h"

#include "planner/io/planio.h"
#include "planner/templates/templates.h"

#include <QCommandLineParser>
#include <QFileInfo>

namespace pp::cli {

int runNew(CliContext &ctx, const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption templateOpt(
        QStringList{QStringLiteral("t"), QStringLiteral("template")},
        QStringLiteral("Template id (%1).").arg(templateIds().join(QStringLiteral(", "))), QStringLiteral("id"),
        QStringLiteral("poc-3c1d"));
    const QCommandLineOption outputOpt(QStringList{QStringLiteral("o"), QStringLiteral("output")},
                                       QStringLiteral("Plan file to write."), QStringLiteral("file"));
    const QCommandLineOption nameOpt(QStringLiteral("name"), QStringLiteral("Plan name."), QStringLiteral("text"));
    const QCommandLineOption customerOpt(QStringLiteral("customer"), QStringLiteral("Customer name."),
                                         QStringLiteral("text"));
    const QCommandLineOption siteOpt(QStringLiteral("site"), QStringLiteral("Site profile id."), QStringLiteral("id"));
    const QCommandLineOption forceOpt(QStringLiteral("force"), QStringLiteral("Overwrite an existing file."));
    parser.addOptions({templateOpt, outputOpt, nameOpt, customerOpt, siteOpt, forceOpt});
    if (const int rc = ctx.parse(parser, args, QStringLiteral("Create a plan from a template.")); rc >= 0)
        return rc;
    if (!parser.isSet(outputOpt)) {
        ctx.err() << "error: missing -o FILE" << Qt::endl;
        return kExitUsage;
    }
    const QString output = parser.value(outputOpt);
    if (QFileInfo::exists(output) && !parser.isSet(forceOpt)) {
        ctx.err() << "error: " << output << ": the file exists; pass --force to overwrite it" << Qt::endl;
        return kExitUsage;
    }
    Plan plan;
    LoadError error;
    if (!loadTemplate(parser.value(templateOpt), ctx.catalog(), plan, &error)) {
        ctx.err() << "error: " << error.toString() << Qt::endl;
        return kExitUsage;
    }
    if (parser.isSet(nameOpt))
        plan.name = parser.value(nameOpt);
    if (parser.isSet(customerOpt))
        plan.customer = parser.value(customerOpt);
    if (parser.isSet(siteOpt)) {
        if (!ctx.catalog().site(parser.value(siteOpt))) {
            ctx.err() << "error: --site: unknown site profile \"" << parser.value(siteOpt) << "\"" << Qt::endl;
            return kExitUsage;
        }
        plan.site.profile = parser.value(siteOpt);
        if (plan.site.profile == QLatin1String("azure-dedicated-poc"))
            plan.track = QStringLiteral("azure-dedicated");
    }
    QString saveError;
    if (!savePlanFile(plan, output, &saveError)) {
        ctx.err() << "error: " << saveError << Qt::endl;
        return kExitPlanErrors;
    }
    ctx.out() << "wrote " << output << " (" << plan.devices.size() << " devices, " << plan.links.size() << " links)"
              << Qt::endl;
    return kExitOk;
}

} // namespace pp::cli
