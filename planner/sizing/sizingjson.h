#pragma once

#include "catalog/io/jsonfields.h"
#include "planner/sizing/comparison.h"

namespace pp {

// The `pocplan size --json` document (format pocplanner-sizing, version 1). Unknown figures are null.
Json sizingResultToJson(const SizingResult &result, const SizingData &data);
// The `pocplan compare --format json` document (format pocplanner-comparison, version 1).
Json comparisonToJson(const Comparison &comparison);
Json optionalJson(const std::optional<double> &value);

} // namespace pp
