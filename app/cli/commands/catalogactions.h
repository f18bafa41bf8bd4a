#pragma once

#include "app/cli/clicontext.h"

namespace pp::cli {

// Sub-actions of `pocplan catalog` with options of their own; args[0] is "pocplan catalog <action>".
int runCatalogImportNetBox(CliContext &ctx, const QStringList &args);
int runCatalogFetch(CliContext &ctx, const QStringList &args);

} // namespace pp::cli
