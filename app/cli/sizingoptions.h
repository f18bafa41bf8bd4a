#pragma once

#include "clicontext.h"
#include "planner/sizing/sizinginputs.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <vector>

namespace pp::cli {

// The sizing options `size` and `compare` share, and how they turn into SizingInputs.
class SizingOptions {
public:
    SizingOptions();
    void addTo(QCommandLineParser &parser) const;
    // Applies the set options over inputs; prints a usage error and returns false on a bad value.
    bool apply(const QCommandLineParser &parser, CliContext &ctx, SizingInputs &inputs) const;
    // True when any option that changes a design was given.
    bool anySet(const QCommandLineParser &parser) const;

private:
    std::vector<QCommandLineOption> m_options;
};

// Inputs for a named design preset (poc, ncp, density) or the defaults for "" ; false if unknown.
bool designInputs(CliContext &ctx, const QString &design, SizingInputs &inputs);

} // namespace pp::cli
