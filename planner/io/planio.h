#pragma once

#include "catalog/io/loaderror.h"
#include "catalog/model/catalog.h"
#include "planner/model/plan.h"

#include <QByteArray>

namespace pp {

struct PlanLoadOptions {
    const Catalog *catalog = nullptr; // when set, device and cable types must exist in it
    QStringList *warnings = nullptr;  // unknown keys and migrations are reported here
};

// Reads and validates a plan; on failure the error names the file and the line/column or JSON path.
bool loadPlanFile(const QString &fileName, Plan &plan, LoadError *error, const PlanLoadOptions &options = {});
bool loadPlanData(const QByteArray &data, const QString &fileName, Plan &plan, LoadError *error,
                  const PlanLoadOptions &options = {});
Plan planFromJson(const Json &doc, const PlanLoadOptions &options); // throws FieldError

// The canonical text of a plan: saving a loaded canonical file reproduces it byte for byte.
Json planToJson(const Plan &plan);
QByteArray planToBytes(const Plan &plan);

// Writes atomically (QSaveFile): on failure the previous file is left as it was.
bool savePlanFile(const Plan &plan, const QString &fileName, QString *error);
bool writeFileAtomically(const QString &fileName, const QByteArray &data, QString *error);

} // namespace pp
