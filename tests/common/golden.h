#pragma once

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QList>
#include <QString>
#include <QtTest>
#include <algorithm>

// The one golden-file comparison of the tests. POCPLAN_UPDATE_GOLDEN=1 (exactly "1") rewrites the
// golden file instead of comparing, so that a reviewer sees the change in the diff; any other
// value compares, so that "0" or "false" can never turn a failing test green. Under CI=true the
// files are never rewritten: a run that asks for it fails, because CI must judge, not record.
namespace pp::test {

inline bool runningInCi()
{
    return qEnvironmentVariable("CI") == QLatin1String("true");
}

enum class GoldenMode { Compare, Update, RefusedInCi };

inline GoldenMode goldenMode()
{
    if (qEnvironmentVariable("POCPLAN_UPDATE_GOLDEN") != QLatin1String("1"))
        return GoldenMode::Compare;
    return runningInCi() ? GoldenMode::RefusedInCi : GoldenMode::Update;
}

// The first line where two texts differ, for a message a person can act on.
inline QString firstDifference(const QByteArray &expected, const QByteArray &actual)
{
    const QList<QByteArray> a = actual.split('\n');
    const QList<QByteArray> e = expected.split('\n');
    for (qsizetype i = 0; i < std::max(a.size(), e.size()); ++i) {
        const QByteArray la = i < a.size() ? a[i] : QByteArray("<end>");
        const QByteArray le = i < e.size() ? e[i] : QByteArray("<end>");
        if (la != le)
            return QStringLiteral("line %1:\n  expected: %2\n  actual:   %3")
                .arg(i + 1)
                .arg(QString::fromUtf8(le), QString::fromUtf8(la));
    }
    return QStringLiteral("the bytes differ (line endings or a trailing byte)");
}

// True when `actual` equals the golden file at `path` (or the file was rewritten in update mode);
// otherwise false with the reason in *why.
inline bool matchesGolden(const QByteArray &actual, const QString &path, QString *why)
{
    switch (goldenMode()) {
    case GoldenMode::RefusedInCi:
        *why = QStringLiteral("POCPLAN_UPDATE_GOLDEN=1 under CI=true: golden files are never rewritten in CI (%1)")
                   .arg(path);
        return false;
    case GoldenMode::Update: {
        QDir().mkpath(QFileInfo(path).path());
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly) || f.write(actual) != actual.size()) {
            *why = path + QStringLiteral(": cannot write the golden file: ") + f.errorString();
            return false;
        }
        qInfo("rewrote golden file %s", qPrintable(path));
        return true;
    }
    case GoldenMode::Compare:
        break;
    }
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *why = path + QStringLiteral(": golden file missing (run with POCPLAN_UPDATE_GOLDEN=1 to create it)");
        return false;
    }
    const QByteArray expected = f.readAll();
    if (expected == actual)
        return true;
    *why = path + QLatin1Char(' ') + firstDifference(expected, actual) +
        QStringLiteral("\n(run with POCPLAN_UPDATE_GOLDEN=1 to accept the new output)");
    return false;
}

} // namespace pp::test

// Fails the current test function when `actual` does not match the golden file at `path`.
#define PP_COMPARE_GOLDEN(actual, path)                                                                                \
    do {                                                                                                               \
        QString why_;                                                                                                  \
        QVERIFY2(pp::test::matchesGolden((actual), (path), &why_), qPrintable(why_));                                  \
    } while (false)
