#include "commands.h"

#include <QCommandLineParser>

namespace pp::cli {

static Json figureJson(const Figure &f)
{
    return Json{{"value", f.value ? Json(*f.value) : Json(nullptr)}, {"source", f.source.toStdString()},
                {"confidence", f.confidence.toStdString()}};
}

static int listTypes(CliContext &ctx, const QString &roleFilter, bool asJson)
{
    std::optional<Role> role;
    if (!roleFilter.isEmpty()) {
        role = roleFromId(roleFilter);
        if (!role) {
            ctx.err() << "error: --role: unknown role \"" << roleFilter << "\" (cnode, dbox, switch, pdu, cable, other)" << Qt::endl;
            return kExitUsage;
        }
    }
    const auto types = role ? ctx.catalog().deviceTypes(*role) : ctx.catalog().deviceTypes();
    if (asJson) {
        Json list = Json::array();
        for (const DeviceType *t : types)
            list.push_back({{"id", t->id.toStdString()}, {"role", roleId(t->role).toStdString()},
                            {"vendor", t->vendor.toStdString()}, {"model", t->model.toStdString()},
                            {"uHeight", t->uHeight}, {"typicalW", figureJson(t->typicalW)}, {"maxW", figureJson(t->maxW)},
                            {"weightKg", figureJson(t->weightKg)}, {"layer", t->layer.toStdString()}});
        ctx.out() << QString::fromStdString(Json{{"deviceTypes", list}}.dump(2)) << Qt::endl;
        return kExitOk;
    }
    ctx.out() << QStringLiteral("%1 %2 %3 %4 %5 %6\n").arg(QStringLiteral("ID"), -22).arg(QStringLiteral("ROLE"), -7)
                     .arg(QStringLiteral("U"), 2).arg(QStringLiteral("TYP W"), 8).arg(QStringLiteral("MAX W"), 8).arg(QStringLiteral("MODEL"));
    for (const DeviceType *t : types)
        ctx.out() << QStringLiteral("%1 %2 %3 %4 %5 %6\n").arg(t->id, -22).arg(roleId(t->role), -7).arg(t->uHeight, 2)
                         .arg(t->typicalW.display(QString()), 8).arg(t->maxW.display(QString()), 8).arg(t->vendor + QLatin1Char(' ') + t->model);
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
                         .arg(s->id, -22).arg(s->power.budgetKW).arg(s->cooling.type).arg(s->rack.heightU)
                         .arg(s->network.uplinksRequired).arg(s->network.uplinkSpeedGbps)
                         .arg(s->network.roceRequired ? QStringLiteral(", RoCE") : QString(), s->name);
    return kExitOk;
}

int runCatalog(CliContext &ctx, const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption roleOpt(QStringLiteral("role"), QStringLiteral("Only this role: cnode, dbox, switch, pdu, cable, other."), QStringLiteral("role"));
    const QCommandLineOption jsonOpt(QStringLiteral("json"), QStringLiteral("Print JSON."));
    const QCommandLineOption catalogOpt(QStringLiteral("catalog"), QStringLiteral("Extra catalog file or folder."), QStringLiteral("file"));
    parser.addOptions({roleOpt, jsonOpt, catalogOpt});
    parser.addPositionalArgument(QStringLiteral("action"), QStringLiteral("list (device types) or sites."));
    if (const int rc = ctx.parse(parser, args, QStringLiteral("Show the catalog: built-in, user files and fetched layers.")); rc >= 0)
        return rc;
    if (!ctx.loadCatalog(parser.values(catalogOpt)))
        return kExitUsage;
    const QStringList pos = parser.positionalArguments();
    const QString action = pos.isEmpty() ? QStringLiteral("list") : pos.first();
    if (action == QLatin1String("list"))
        return listTypes(ctx, parser.value(roleOpt), parser.isSet(jsonOpt));
    if (action == QLatin1String("sites"))
        return listSites(ctx, parser.isSet(jsonOpt));
    ctx.err() << "error: unknown catalog action \"" << action << "\" (list, sites)" << Qt::endl;
    return kExitUsage;
}

} // namespace pp::cli
