#include "app/cli/commands.h"

#include "exporters/cabling/lldpneighbourcsvwriter.h"
#include "exporters/cabling/switchconfig.h"
#include "exporters/common/outputfolder.h"
#include "planner/topology/lldpneighbours.h"

#include <QCommandLineParser>

namespace pp::cli {

int runSwitchConfig(CliContext &ctx, const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption outOpt(QStringList{QStringLiteral("o"), QStringLiteral("output")},
                                    QStringLiteral("Folder to write one configuration file per switch into."),
                                    QStringLiteral("dir"));
    const QCommandLineOption tmplOpt(QStringLiteral("template"),
                                     QStringLiteral("Template id (default: by switch vendor; NVIDIA → nvue)."),
                                     QStringLiteral("id"));
    const QCommandLineOption catalogOpt(QStringLiteral("catalog"), QStringLiteral("Extra catalog file or folder."),
                                        QStringLiteral("file"));
    parser.addOptions({outOpt, tmplOpt, catalogOpt});
    parser.addPositionalArgument(QStringLiteral("plan"), QStringLiteral("Plan file (cabled)."));
    if (const int rc = ctx.parse(
            parser, args,
            QStringLiteral(
                "Write switch configurations from the plan's port map: hostname, breakouts, port descriptions from the "
                "cable plan, MTU 9216, RoCE lossless (PFC priority 3, ECN, trust DSCP), VLANs, ISL/MLAG and uplinks "
                "(NVIDIA Cumulus NVUE `nv set` commands). Also writes expected-lldp.csv for verify-cabling."));
        rc >= 0)
        return rc;
    if (parser.positionalArguments().size() != 1 || !parser.isSet(outOpt)) {
        ctx.err() << "error: expected one plan file and -o DIR" << Qt::endl;
        return kExitUsage;
    }
    if (!ctx.loadCatalog(parser.values(catalogOpt)))
        return kExitUsage;
    const QString input = parser.positionalArguments().first();
    Plan plan;
    if (!ctx.loadPlan(input, plan))
        return kExitUsage;
    SiteProfile site;
    if (!ctx.resolveSite(input, plan, site))
        return kExitUsage;
    const ResolvedPlan resolved(plan, ctx.catalog(), site);
    const std::vector<SwitchConfigData> configs = buildSwitchConfigs(resolved);
    if (configs.empty()) {
        ctx.err() << "error: " << input << ": no switch has links; run `pocplan cable` first" << Qt::endl;
        return kExitPlanErrors;
    }
    OutputFolder folder(parser.value(outOpt));
    QString error;
    if (!folder.prepare(&error)) {
        ctx.err() << "error: " << error << Qt::endl;
        return kExitUsage;
    }
    int skipped = 0;
    for (const SwitchConfigData &cfg : configs) {
        const QString id =
            parser.isSet(tmplOpt) ? parser.value(tmplOpt) : SwitchConfigTemplate::idForVendor(cfg.vendor);
        if (id.isEmpty()) {
            ctx.err() << "warning: " << cfg.hostname << ": no configuration template for vendor " << cfg.vendor
                      << Qt::endl;
            ++skipped;
            continue;
        }
        SwitchConfigTemplate tmpl;
        LoadError loadError;
        if (!SwitchConfigTemplate::loadBuiltIn(id, tmpl, &loadError)) {
            ctx.err() << "error: " << loadError.toString() << Qt::endl;
            return kExitUsage;
        }
        if (!folder.write(cfg.hostname + tmpl.fileSuffix, writeSwitchConfig(cfg, tmpl), &error)) {
            ctx.err() << "error: " << error << Qt::endl;
            return kExitPlanErrors;
        }
    }
    if (!folder.write(QStringLiteral("expected-lldp.csv"),
                      LldpNeighbourCsvWriter::csv(expectedNeighbours(plan, ctx.catalog())), &error)) {
        ctx.err() << "error: " << error << Qt::endl;
        return kExitPlanErrors;
    }
    for (const QString &f : folder.written())
        ctx.out() << f << "\n";
    return skipped ? kExitPlanErrors : kExitOk;
}

} // namespace pp::cli
