#pragma once

#include "catalog/model/catalog.h"
#include "catalog/model/siteprofile.h"
#include "planner/model/plan.h"

#include <QStringList>
#include <QTextStream>

class QCommandLineParser;

namespace pp::cli {

enum ExitCode { kExitOk = 0, kExitPlanErrors = 1, kExitUsage = 2 };

// What every sub-command shares: output streams and the layered catalog.
class CliContext {
public:
    CliContext();

    QTextStream &out() { return m_out; }
    QTextStream &err() { return m_err; }

    // Built-in catalog plus the user's catalog folder plus files given with --catalog.
    // Returns false (and prints why) when a given file cannot be read.
    bool loadCatalog(const QStringList &extraFiles);
    const Catalog &catalog() const { return m_catalog; }
    Catalog &catalog() { return m_catalog; }

    // Loads a plan against the catalog; prints the error (file, place, reason) on failure.
    bool loadPlan(const QString &fileName, Plan &plan);
    // The plan's site profile with its overrides applied; prints "error: <file>: <reason>" on failure.
    bool resolveSite(const QString &fileName, const Plan &plan, SiteProfile &site);

    // Parses sub-command arguments; prints help or the usage error. Returns -1 to go on.
    int parse(QCommandLineParser &parser, const QStringList &args, const QString &description);

private:
    QTextStream m_out;
    QTextStream m_err;
    Catalog m_catalog;
};

QString userCatalogDir();

} // namespace pp::cli
