#pragma once

#include "catalog/io/jsonfields.h"
#include "catalog/io/loaderror.h"

#include <QByteArray>

namespace pp {

// Parses JSON text; on a syntax error fills error with the file, line, column and reason.
bool parseJson(const QByteArray &data, const QString &fileName, Json &out, LoadError *error);
// Reads a file and parses it; a missing or unreadable file is an error naming the file.
bool readJsonFile(const QString &fileName, Json &out, LoadError *error);

} // namespace pp
