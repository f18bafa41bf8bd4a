#pragma once

#include "catalog/io/jsonfields.h"
#include "planner/io/planio.h"

#include <QByteArray>
#include <optional>

namespace pp {

// Builds a plan straight from nlohmann's SAX events (Json::sax_parse), without the document tree
// that costs half of a large plan's load time. It accepts only a current-version plan it can take
// exactly as the tree loader would; for anything else (syntax errors, unknown keys, nulls, an old
// version, a bad value, a dangling reference) it returns nothing and the caller falls back to the
// tree loader, which names the file, the JSON path and the reason. Both loaders give the same plan
// for every input this one accepts; the plan fuzz harness checks that.
std::optional<Plan> loadPlanFast(const QByteArray &data, const PlanLoadOptions &options);

} // namespace pp
