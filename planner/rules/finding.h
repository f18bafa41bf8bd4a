#pragma once

#include <QString>
#include <QStringList>
#include <optional>
#include <vector>

namespace pp {

enum class Severity { Error, Warning, Info };

QString severityId(Severity severity); // "error", "warning", "info"

// One result of a design-rule check: the rule, the subjects, what was measured against what limit.
struct Finding {
    QString rule; // stable id, e.g. "power.feed-redundancy"
    Severity severity = Severity::Error;
    QString message;
    QStringList subjects; // device, rack, feed ("R1/A") or link ("cn1:p1") ids
    std::optional<double> measured;
    std::optional<double> limit;
    QString unit;
    bool waived = false; // a waiver downgrades the finding to info and keeps its reason
    QString reason;
    Severity originalSeverity = Severity::Error;
};

// All findings of one check run, in a stable order.
struct CheckReport {
    QString plan;
    QString site;
    std::vector<Finding> findings;

    int count(Severity severity) const; // unwaived findings of that severity (waived ones count as info)
    int waivedCount() const;
    int unwaivedErrors() const { return count(Severity::Error); }
};

} // namespace pp
