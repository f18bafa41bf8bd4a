#pragma once

#include "catalog/model/catalog.h"
#include "planner/model/plan.h"

namespace pp {

// Plans bundled in resources/templates, by id ("poc-3c1d" for poc-3c1d.pocplan.json).
QStringList templateIds();
QString templateResourcePath(const QString &id);
bool loadTemplate(const QString &id, const Catalog &catalog, Plan &plan, LoadError *error);

} // namespace pp
