#include "clicontext.h"

#include "catalog/io/cataloglocations.h"
#include "planner/io/planio.h"
#include "planner/model/resolvedplan.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

namespace pp::cli {

CliContext::CliContext()
    : m_out(stdout)
    , m_err(stderr)
    , m_catalog(Catalog::builtIn())
{ }

QString userCatalogDir()
{
    return catalogLocations::userDir();
}

bool CliContext::loadCatalog(const QStringList &extraFiles)
{
    LoadError error;
    QStringList warnings;
    const bool ok = catalogLocations::loadLayers(m_catalog, extraFiles, &warnings, &error);
    for (const QString &w : warnings)
        m_err << "warning: " << w << Qt::endl;
    if (!ok)
        m_err << "error: " << error.toString() << Qt::endl;
    return ok;
}

bool CliContext::loadPlan(const QString &fileName, Plan &plan)
{
    LoadError error;
    QStringList warnings;
    PlanLoadOptions options;
    options.catalog = &m_catalog;
    options.warnings = &warnings;
    if (!loadPlanFile(fileName, plan, &error, options)) {
        m_err << "error: " << error.toString() << Qt::endl;
        return false;
    }
    for (const QString &w : warnings)
        m_err << "warning: " << fileName << ": " << w << Qt::endl;
    return true;
}

int CliContext::parse(QCommandLineParser &parser, const QStringList &args, const QString &description)
{
    parser.setApplicationDescription(description);
    const QCommandLineOption help(QStringList{QStringLiteral("h"), QStringLiteral("help")},
                                  QStringLiteral("Show this help."));
    parser.addOption(help);
    if (!parser.parse(args)) {
        m_err << "error: " << parser.errorText() << Qt::endl << Qt::endl << parser.helpText();
        return kExitUsage;
    }
    if (parser.isSet(help)) {
        m_out << parser.helpText();
        return kExitOk;
    }
    return -1;
}

bool CliContext::resolveSite(const QString &fileName, const Plan &plan, SiteProfile &site)
{
    QString error;
    if (ResolvedPlan::resolveSite(plan, m_catalog, site, &error))
        return true;
    m_err << "error: " << fileName << ": " << error << Qt::endl;
    return false;
}

} // namespace pp::cli
