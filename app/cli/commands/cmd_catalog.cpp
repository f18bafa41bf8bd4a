#include "app/cli/commands.h"
#include "catalogactions.h"

#include <QCommandLineParser>

namespace pp::cli {

static Json figureJson(const Figure &f)
{
    return Json{{"value", f.value ? Json(*f.value) : Json(nullptr)},
                {"source", f.source.toStdString()},
                {"confidence", f.confidence.toStdString()}};
}

static int listTypes(CliContext &ctx, const QString &roleFilter, bool asJson)
{
    std::optional<Role> role;
    if (!roleFilter.isEmpty()) {
        role = roleFromId(roleFilter);
        if (!role) {
            ctx.err() << "error: --role: unknown role \"" << roleFilter << "\" (cnode, dbox, switch, pdu, cable, other)"
                      << Qt::endl;
            return kExitUsage;
        }
    }
    const auto types = role ? ctx.catalog().deviceTypes(*role) : ctx.catalog().deviceTypes();
    if (asJson) {
        Json list = Json::array();
        for (const DeviceType *t : types)
            list.push_back({{"id", t->id.toStdString()},
                            {"role", roleId(t->role).toStdString()},
                            {"vendor", t->vendor.toStdString()},
                            {"model", t->model.toStdString()},
                            {"uHeight", t->uHeight},
                            {"typicalW", figureJson(t->typicalW)},
                            {"maxW", figureJson(t->maxW)},
                            {"weightKg", figureJson(t->weightKg)},
                            {"layer", t->layer.toStdString()},
                            {"overrides", ctx.catalog().definitions(t->id).size() > 1}});
        ctx.out() << QString::fromStdString(Json{{"deviceTypes", list}}.dump(2)) << Qt::endl;
        return kExitOk;
    }
    ctx.out() << QStringLiteral("%1 %2 %3 %4 %5 %6 %7\n")
                     .arg(QStringLiteral("ID"), -22)
                     .arg(QStringLiteral("ROLE"), -7)
                     .arg(QStringLiteral("U"), 2)
                     .arg(QStringLiteral("TYP W"), 8)
                     .arg(QStringLiteral("MAX W"), 8)
                     .arg(QStringLiteral("LAYER"), -9)
                     .arg(QStringLiteral("MODEL"));
    // A layer marked with * overrides a definition of a lower layer.
    for (const DeviceType *t : types)
        ctx.out() << QStringLiteral("%1 %2 %3 %4 %5 %6 %7\n")
                         .arg(t->id, -22)
                         .arg(roleId(t->role), -7)
                         .arg(t->uHeight, 2)
                         .arg(t->typicalW.display(QString()), 8)
                         .arg(t->maxW.display(QString()), 8)
                         .arg(t->layer +
                                  (ctx.catalog().definitions(t->id).size() > 1 ? QStringLiteral("*") : QString()),
                              -9)
                         .arg(t->vendor + QLatin1Char(' ') + t->model);
    return kExitOk;
}

static int listSites(CliContext &ctx, bool asJson)
{
    if (asJson) {
        Json list = Json::array();
        for (const SiteProfile *s : ctx.catalog().sites())
            list.push_back(s->toJson());
        ctx.out() << QString::fromStdString(Json{{"sites", list}}.dump(2)) << Qt::endl;
        return kExitOk;
    }
    for (const SiteProfile *s : ctx.catalog().sites())
        ctx.out() << QStringLiteral("%1 %2 kW, %3 cooling, %4U racks, %5 x %6 GbE uplinks%7 — %8\n")
                         .arg(s->id, -22)
                         .arg(s->power.budgetKW)
                         .arg(s->cooling.type)
                         .arg(s->rack.heightU)
                         .arg(s->network.uplinksRequired)
                         .arg(s->network.uplinkSpeedGbps)
                         .arg(s->network.roceRequired ? QStringLiteral(", RoCE") : QString(), s->name);
    return kExitOk;
}

static QString figureLine(const Catalog &catalog, const QString &name, const Figure &f, const QString &unit,
                          int precision = 1)
{
    QString source = f.source.isEmpty() ? QStringLiteral("-") : f.source;
    if (const SourceInfo *s = catalog.source(f.source))
        source += QStringLiteral(" (%1)").arg(s->title);
    QString line = QStringLiteral("  %1 %2 %3 %4")
                       .arg(name, -16)
                       .arg(f.display(unit, precision), -12)
                       .arg(f.confidence.isEmpty() ? QStringLiteral("-") : f.confidence, -11)
                       .arg(source);
    if (!f.note.isEmpty())
        line += QStringLiteral("\n  %1 note: %2").arg(QString(), -16).arg(f.note);
    return line + QLatin1Char('\n');
}

static int showType(CliContext &ctx, const QString &id, bool asJson)
{
    const DeviceType *t = ctx.catalog().deviceType(id);
    if (!t) {
        ctx.err() << "error: no device type \"" << id << "\" in the catalog (see 'pocplan catalog list')" << Qt::endl;
        return kExitUsage;
    }
    const auto defs = ctx.catalog().definitions(id);
    if (asJson) {
        Json d = Json::array();
        for (const CatalogDefinition &def : defs)
            d.push_back({{"layer", def.layer.toStdString()}, {"file", def.file.toStdString()}});
        ctx.out() << QString::fromStdString(Json{
                         {"id", id.toStdString()},
                         {"layer", t->layer.toStdString()},
                         {"file", t->originFile.toStdString()},
                         {"definitions", d},
                         {"deviceType",
                          deviceTypeToJson(*t)}}.dump(2))
                  << Qt::endl;
        return kExitOk;
    }
    QTextStream &o = ctx.out();
    o << t->id << ": " << t->vendor << ' ' << t->model << " (" << roleId(t->role) << ", " << t->uHeight << "U, "
      << (t->fullDepth ? "full depth" : "half depth") << ", airflow " << airflowId(t->airflow) << ")\n";
    o << "layer: " << t->layer << " (" << t->originFile << ")\n";
    if (defs.size() > 1) {
        o << "overrides:";
        for (std::size_t i = 0; i + 1 < defs.size(); ++i)
            o << ' ' << defs[i].layer << " (" << defs[i].file << ")" << (i + 2 < defs.size() ? "," : "");
        o << "\n";
    }
    o << "figures (name, value, confidence, source):\n";
    const Catalog &c = ctx.catalog();
    o << figureLine(c, QStringLiteral("typicalW"), t->typicalW, QStringLiteral("W"))
      << figureLine(c, QStringLiteral("maxW"), t->maxW, QStringLiteral("W"))
      << figureLine(c, QStringLiteral("weightKg"), t->weightKg, QStringLiteral("kg"))
      << figureLine(c, QStringLiteral("depthMM"), t->depthMM, QStringLiteral("mm"))
      << figureLine(c, QStringLiteral("psu.count"), t->psu.count, QString(), 0)
      << figureLine(c, QStringLiteral("psu.ratingW"), t->psu.ratingW, QStringLiteral("W"));
    if (t->role == Role::DBox)
        o << figureLine(c, QStringLiteral("storage.rawTB"), t->storage.rawTB, QStringLiteral("TB"))
          << figureLine(c, QStringLiteral("storage.dpuCount"), t->storage.dpuCount, QString(), 0);
    if (!t->psu.connector.isEmpty())
        o << "psu connector: " << t->psu.connector << "\n";
    o << "ports:\n";
    for (const PortGroup &g : t->ports)
        o << "  "
          << (g.names.isEmpty() ? g.pattern + QStringLiteral(" from %1").arg(g.first)
                                : g.names.join(QLatin1Char(',')).left(60))
          << ": " << g.count << " x " << g.speedGbps << " Gbit/s " << g.media << ", " << purposeId(g.purpose)
          << (g.roceCapable ? ", RoCE" : "")
          << (g.confidence.isEmpty() ? QString() : QStringLiteral(" [%1]").arg(g.confidence)) << "\n";
    for (const ConsolePort &cp : t->consolePorts)
        o << "console port: " << cp.name << " (" << cp.type << ")\n";
    for (const ModuleBay &b : t->moduleBays)
        o << "module bay: " << b.name << "\n";
    return kExitOk;
}

int runCatalog(CliContext &ctx, const QStringList &args)
{
    if (args.size() > 1 && args.at(1) == QLatin1String("import-netbox"))
        return runCatalogImportNetBox(ctx, QStringList{args.first() + QStringLiteral(" import-netbox")} + args.mid(2));
    if (args.size() > 1 && args.at(1) == QLatin1String("fetch"))
        return runCatalogFetch(ctx, QStringList{args.first() + QStringLiteral(" fetch")} + args.mid(2));
    QCommandLineParser parser;
    const QCommandLineOption roleOpt(QStringLiteral("role"),
                                     QStringLiteral("Only this role: cnode, dbox, switch, pdu, cable, other."),
                                     QStringLiteral("role"));
    const QCommandLineOption jsonOpt(QStringLiteral("json"), QStringLiteral("Print JSON."));
    const QCommandLineOption catalogOpt(QStringLiteral("catalog"), QStringLiteral("Extra catalog file or folder."),
                                        QStringLiteral("file"));
    parser.addOptions({roleOpt, jsonOpt, catalogOpt});
    parser.addPositionalArgument(QStringLiteral("action"),
                                 QStringLiteral("list (device types), show ID, sites, import-netbox, fetch."));
    if (const int rc =
            ctx.parse(parser, args,
                      QStringLiteral("Show the catalog: built-in < user files < fetched layers.\n"
                                     "  pocplan catalog show ID        figures with layer, source and confidence\n"
                                     "  pocplan catalog import-netbox  NetBox device-type YAML into the user layer\n"
                                     "  pocplan catalog fetch URL      update the fetched layer over HTTP(S)"));
        rc >= 0)
        return rc;
    if (!ctx.loadCatalog(parser.values(catalogOpt)))
        return kExitUsage;
    const QStringList pos = parser.positionalArguments();
    const QString action = pos.isEmpty() ? QStringLiteral("list") : pos.first();
    if (action == QLatin1String("list"))
        return listTypes(ctx, parser.value(roleOpt), parser.isSet(jsonOpt));
    if (action == QLatin1String("sites"))
        return listSites(ctx, parser.isSet(jsonOpt));
    if (action == QLatin1String("show")) {
        if (pos.size() != 2) {
            ctx.err() << "error: usage: pocplan catalog show ID [--json]" << Qt::endl;
            return kExitUsage;
        }
        return showType(ctx, pos.at(1), parser.isSet(jsonOpt));
    }
    ctx.err() << "error: unknown catalog action \"" << action << "\" (list, show, sites, import-netbox, fetch)"
              << Qt::endl;
    return kExitUsage;
}

} // namespace pp::cli
