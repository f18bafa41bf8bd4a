#pragma once

#include "catalog/io/jsonfields.h"

#include <QStringList>

namespace pp {

// Brings a plan document of an older format version up to the current one, one step at a time.
Json migratePlanJson(const Json &doc, int fromVersion, QStringList *notes);

} // namespace pp
