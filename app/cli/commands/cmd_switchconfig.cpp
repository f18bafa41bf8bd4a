#include "app/cli/commands.h"

#include "exporters/cabling/lldpneighbourcsvwriter.h"
#include "exporters/cabling/switchconfig.h"
#include "exporters/common/outputfolder.h"
#include "exporters/netcfg/addressplanwriter.h"
#include "exporters/netcfg/eosconfigwriter.h"
#include "exporters/netcfg/nvueconfigwriter.h"
#include "exporters/netcfg/postconfigchecks.h"
#include "exporters/netcfg/sonicconfigwriter.h"
#include "planner/topology/lldpneighbours.h"

#include <QCommandLineParser>

namespace pp::cli {

namespace {

// The day-0 configuration of one switch in a dialect, and its file name.
std::pair<QString, QByteArray> day0File(const SwitchDay0 &cfg, const QString &dialect)
{
    if (dialect == QLatin1String("eos"))
        return {cfg.ports.hostname + EosConfigWriter::fileSuffix(), EosConfigWriter::write(cfg)};
    if (dialect == QLatin1String("sonic"))
        return {cfg.ports.hostname + SonicConfigWriter::fileSuffix(), SonicConfigWriter::write(cfg)};
    return {cfg.ports.hostname + NvueConfigWriter::fileSuffix(), NvueConfigWriter::write(cfg)};
}

// The legacy path: one built-in line template (--template) for every switch.
int writeFromTemplate(CliContext &ctx, const std::vector<SwitchConfigData> &configs, const QString &id,
                      OutputFolder &folder)
{
    SwitchConfigTemplate tmpl;
    LoadError loadError;
    if (!SwitchConfigTemplate::loadBuiltIn(id, tmpl, &loadError)) {
        ctx.err() << "error: " << loadError.toString() << Qt::endl;
        return kExitUsage;
    }
    QString error;
    for (const SwitchConfigData &cfg : configs)
        if (!folder.write(cfg.hostname + tmpl.fileSuffix, writeSwitchConfig(cfg, tmpl), &error)) {
            ctx.err() << "error: " << error << Qt::endl;
            return kExitPlanErrors;
        }
    return kExitOk;
}

// The day-0 configurations in each switch's dialect, the address plan and the checklist.
int writeDay0(CliContext &ctx, const ResolvedPlan &resolved, const QString &forcedDialect, OutputFolder &folder,
              int *skipped)
{
    QString error;
    const AddressPlan addresses = AddressPlan::build(resolved);
    std::vector<SwitchDay0> written;
    for (SwitchDay0 &cfg : buildSwitchDay0(resolved, addresses)) {
        if (!forcedDialect.isEmpty())
            cfg.dialect = forcedDialect;
        if (cfg.dialect.isEmpty()) {
            ctx.err() << "warning: " << cfg.ports.hostname << ": no configuration dialect for vendor "
                      << cfg.ports.vendor << " (use --dialect or the site's network.dialect)" << Qt::endl;
            ++*skipped;
            continue;
        }
        const auto [name, bytes] = day0File(cfg, cfg.dialect);
        if (!folder.write(name, bytes, &error)) {
            ctx.err() << "error: " << error << Qt::endl;
            return kExitPlanErrors;
        }
        written.push_back(std::move(cfg));
    }
    for (const AddressProblem &p : addresses.problems())
        ctx.err() << "warning: address plan: " << p.message << Qt::endl;
    const QString planName = resolved.plan().name;
    if (!folder.write(QStringLiteral("address-plan.csv"), AddressPlanWriter::csv(addresses), &error) ||
        !folder.write(QStringLiteral("address-plan.json"), AddressPlanWriter::json(planName, addresses), &error) ||
        !folder.write(QStringLiteral("post-config-checklist.md"), postConfigChecklist(planName, written), &error)) {
        ctx.err() << "error: " << error << Qt::endl;
        return kExitPlanErrors;
    }
    return kExitOk;
}

} // namespace

int runSwitchConfig(CliContext &ctx, const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption outOpt(QStringList{QStringLiteral("o"), QStringLiteral("output")},
                                    QStringLiteral("Folder to write one configuration file per switch into."),
                                    QStringLiteral("dir"));
    const QCommandLineOption tmplOpt(
        QStringLiteral("template"),
        QStringLiteral("Built-in line template id (nvue) instead of the day-0 writers: ports, MTU, RoCE, MLAG only."),
        QStringLiteral("id"));
    const QCommandLineOption dialectOpt(
        QStringLiteral("dialect"),
        QStringLiteral("nvue, eos or sonic for every switch (default: the site's choice, else by switch vendor: "
                       "NVIDIA → nvue, Arista → eos)."),
        QStringLiteral("dialect"));
    const QCommandLineOption catalogOpt(QStringLiteral("catalog"), QStringLiteral("Extra catalog file or folder."),
                                        QStringLiteral("file"));
    parser.addOptions({outOpt, tmplOpt, dialectOpt, catalogOpt});
    parser.addPositionalArgument(QStringLiteral("plan"), QStringLiteral("Plan file (cabled)."));
    if (const int rc = ctx.parse(
            parser, args,
            QStringLiteral(
                "Write day-0 switch configurations from the plan, its cable plan and the site's IP plan: hostname, "
                "management VRF and address, NTP/DNS/syslog, breakouts, port descriptions, MTU, MLAG (backup address, "
                "system MAC per pair), uplink bond, loopback, VRR gateway, BGP on the fabric links, RoCE lossless "
                "(PFC priority, ECN thresholds, trust, PFC watchdog), as NVIDIA Cumulus NVUE, Arista EOS or SONiC "
                "config_db.json. Also writes address-plan.csv/.json, post-config-checklist.md and expected-lldp.csv "
                "for verify-cabling."));
        rc >= 0)
        return rc;
    if (parser.positionalArguments().size() != 1 || !parser.isSet(outOpt)) {
        ctx.err() << "error: expected one plan file and -o DIR" << Qt::endl;
        return kExitUsage;
    }
    const QString forcedDialect = parser.value(dialectOpt);
    if (parser.isSet(dialectOpt) && !SiteNetworkPlan::dialects().contains(forcedDialect)) {
        ctx.err() << "error: --dialect must be one of " << SiteNetworkPlan::dialects().join(QStringLiteral(", "))
                  << Qt::endl;
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
    if (parser.isSet(tmplOpt)) {
        if (const int rc = writeFromTemplate(ctx, configs, parser.value(tmplOpt), folder); rc != kExitOk)
            return rc;
    } else if (const int rc = writeDay0(ctx, resolved, forcedDialect, folder, &skipped); rc != kExitOk) {
        return rc;
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
