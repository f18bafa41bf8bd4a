#include "catalogactions.h"

#include "catalog/io/cataloglocations.h"
#include "catalog/io/usercatalogfile.h"
#include "catalog/netbox/netboximporter.h"

#include <QCommandLineParser>

namespace pp::cli {

int runCatalogImportNetBox(CliContext &ctx, const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption outOpt(QStringList{QStringLiteral("o"), QStringLiteral("output")},
                                    QStringLiteral("Catalog file to merge into (default: the user catalog, %1).")
                                        .arg(catalogLocations::userImportFile()),
                                    QStringLiteral("file"));
    const QCommandLineOption roleOpt(
        QStringLiteral("role"),
        QStringLiteral("Role of the imported types: cnode, dbox, switch, pdu, other (default: guessed)."),
        QStringLiteral("role"));
    parser.addOptions({outOpt, roleOpt});
    parser.addPositionalArgument(
        QStringLiteral("path"),
        QStringLiteral("A NetBox device-type YAML file, or a folder searched for *.yaml / *.yml."));
    if (const int rc = ctx.parse(
            parser, args,
            QStringLiteral("Import NetBox device-type library files into the user catalog layer.\n"
                           "Nvidia and Mellanox are one vendor; power the file does not give stays unknown."));
        rc >= 0)
        return rc;
    const QStringList pos = parser.positionalArguments();
    if (pos.size() != 1) {
        ctx.err() << "error: give one YAML file or folder" << Qt::endl << Qt::endl << parser.helpText();
        return kExitUsage;
    }
    NetBoxImporter importer;
    if (parser.isSet(roleOpt)) {
        const auto role = roleFromId(parser.value(roleOpt));
        if (!role) {
            ctx.err() << "error: --role: unknown role \"" << parser.value(roleOpt)
                      << "\" (cnode, dbox, switch, pdu, cable, other)" << Qt::endl;
            return kExitUsage;
        }
        importer.setRole(role);
    }
    NetBoxImport result;
    const bool ok = importer.importPath(pos.first(), result);
    for (const QString &w : result.warnings)
        ctx.err() << "warning: " << w << Qt::endl;
    if (!ok) {
        for (const LoadError &e : result.errors)
            ctx.err() << "error: " << e.toString() << Qt::endl;
        ctx.err() << "nothing was written" << Qt::endl;
        return kExitUsage;
    }
    const QString outFile = parser.isSet(outOpt) ? parser.value(outOpt) : catalogLocations::userImportFile();
    UserCatalogFile file(outFile);
    LoadError loadError;
    if (!file.load(&loadError)) {
        ctx.err() << "error: " << loadError.toString() << Qt::endl << "the file was left as it is" << Qt::endl;
        return kExitUsage;
    }
    int updated = 0;
    for (const SourceInfo &s : result.sources)
        file.addSource(s);
    for (const DeviceType &t : result.types)
        updated += file.upsert(t) ? 1 : 0;
    QString error;
    if (!file.save(&error)) {
        ctx.err() << "error: " << error << Qt::endl;
        return kExitPlanErrors;
    }
    for (const DeviceType &t : result.types)
        ctx.out() << QStringLiteral("%1 %2 %3U %4 ports, max %5\n")
                         .arg(t.id, -24)
                         .arg(roleId(t.role), -7)
                         .arg(t.uHeight)
                         .arg(t.allPortNames().size())
                         .arg(t.maxW.display(QStringLiteral("W")));
    ctx.out() << "imported " << result.types.size() << " device type(s) into " << outFile << " ("
              << result.types.size() - updated << " new, " << updated << " updated)" << Qt::endl;
    return kExitOk;
}

} // namespace pp::cli
