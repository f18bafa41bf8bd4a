#include "planner/templates/templates.h"

#include "planner/io/planio.h"

#include <QDir>

namespace pp {

static const QString kSuffix = QStringLiteral(".pocplan.json");

QStringList templateIds()
{
    QStringList ids;
    const QDir dir(QStringLiteral(":/templates"));
    for (const QString &name : dir.entryList({QStringLiteral("*") + kSuffix}, QDir::Files, QDir::Name))
        ids << name.left(name.size() - kSuffix.size());
    return ids;
}

QString templateResourcePath(const QString &id)
{
    return QStringLiteral(":/templates/") + id + kSuffix;
}

bool loadTemplate(const QString &id, const Catalog &catalog, Plan &plan, LoadError *error)
{
    if (!templateIds().contains(id)) {
        if (error)
            *error = LoadError{
                id, 0, 0, QString(),
                QStringLiteral("unknown template; available: %1").arg(templateIds().join(QStringLiteral(", ")))};
        return false;
    }
    PlanLoadOptions options;
    options.catalog = &catalog;
    return loadPlanFile(templateResourcePath(id), plan, error, options);
}

} // namespace pp
