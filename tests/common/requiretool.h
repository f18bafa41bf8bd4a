#pragma once

#include "golden.h"

#include <QStandardPaths>
#include <QString>
#include <QtTest>

// An external tool a test reads its output with (pdftotext, unzip). Missing on a developer's
// machine, the test is skipped with the reason; missing under CI=true it fails, because a CI run
// that quietly skips proves nothing (scripts/install-deps.sh installs every tool named here).
namespace pp::test {

enum class ToolVerdict { Found, Skip, Fail };

inline ToolVerdict toolVerdict(const QString &tool, QString *path)
{
    *path = QStandardPaths::findExecutable(tool);
    if (!path->isEmpty())
        return ToolVerdict::Found;
    return runningInCi() ? ToolVerdict::Fail : ToolVerdict::Skip;
}

} // namespace pp::test

// Declares `const QString var` holding the tool's path, or skips / fails the current test function.
#define PP_REQUIRE_TOOL(var, tool)                                                                                     \
    QString var;                                                                                                       \
    do {                                                                                                               \
        const QString why_ =                                                                                           \
            QStringLiteral("%1 is not installed (scripts/install-deps.sh installs it)").arg(QStringLiteral(tool));     \
        switch (pp::test::toolVerdict(QStringLiteral(tool), &var)) {                                                   \
        case pp::test::ToolVerdict::Found:                                                                             \
            break;                                                                                                     \
        case pp::test::ToolVerdict::Skip:                                                                              \
            QSKIP(qPrintable(why_));                                                                                   \
        case pp::test::ToolVerdict::Fail:                                                                              \
            QFAIL(qPrintable(why_ + QStringLiteral(" (CI=true: a missing tool fails)")));                              \
        }                                                                                                              \
    } while (false)
