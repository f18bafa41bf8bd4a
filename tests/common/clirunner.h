#pragma once

#include <QProcess>
#include <QStringList>
#include <QtTest>

// What a run of a built program left: its exit code and output, for assertions.
struct CliResult {
    int exitCode = -1;
    QString out;
    QString err;
};

// Runs any of the built programs (pocplan, pocplanner-bench) in workDir when given.
inline CliResult runProgram(const QString &program, const QStringList &args, const QString &workDir = QString())
{
    QProcess p;
    if (!workDir.isEmpty())
        p.setWorkingDirectory(workDir);
    p.start(program, args);
    p.waitForFinished(120000);
    CliResult r;
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

inline CliResult runCli(const QStringList &args, const QString &workDir = QString())
{
    return runProgram(QStringLiteral(POCPLAN_CLI), args, workDir);
}
