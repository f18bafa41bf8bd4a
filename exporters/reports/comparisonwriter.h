#pragma once

#include "planner/sizing/comparison.h"

#include <QByteArray>
#include <QString>

namespace pp {

// Writes a design comparison for the customer's slides: Markdown and CSV (deterministic text,
// golden-file tested) and a one-table-per-page PDF.
class ComparisonWriter {
public:
    explicit ComparisonWriter(const Comparison &comparison)
        : m_comparison(comparison)
    { }

    QByteArray markdown() const;
    QByteArray csv() const;
    // Needs a QGuiApplication (fonts); writes atomically.
    bool writePdf(const QString &fileName, QString *error) const;

    // "12.3" or "unknown"; the format used in every text cell.
    static QString cell(const std::optional<double> &value, int precision);
    // As cell(), and "n/a" where the figure does not apply to the column (C-nodes of Lustre).
    static QString cell(const ComparisonColumn &column, const ComparisonRow &row);

private:
    const Comparison &m_comparison;
};

} // namespace pp
