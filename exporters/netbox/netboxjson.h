#pragma once

#include "catalog/io/jsonfields.h"

#include <QString>

// Reading NetBox's REST answers: the push and the pull read the same shapes.
namespace pp::netboxjson {

// The id of a related object: NetBox nests it ({"id": 3, "name": …}); what we POSTed may be a bare
// id. -1 when there is none.
int refId(const Json &value);

// A text field; a choice field ({"value": "front", "label": "Front"}) gives its value. Empty when
// the field is missing or of another kind.
QString stringField(const Json &object, const char *key);

// The NetBox cable type the REST push writes (and the pull matches) for a catalog cable kind.
QString cableType(const QString &kind);

} // namespace pp::netboxjson
