#pragma once

#include "planner/rules/checkcontext.h"
#include "planner/rules/finding.h"

#include <vector>

namespace pp {

// Shared by the rule families: building findings and noting figures no source gives.

Finding makeFinding(const QString &rule, Severity severity, const QString &message, QStringList subjects,
                    std::optional<double> measured, std::optional<double> limit, const QString &unit);

// "31.2", "30", "0.45": up to two decimals, no trailing zeros; stable for golden files.
QString fmt(double value);
// Watts as kilowatts rounded to the watt, for measured/limit values.
double kW(double watts);

// Device types whose figure is unknown, with how many devices of each the check skipped.
// Reports one info finding naming the types (measured: devices not checked, limit 0), so that an
// unknown figure never passes as zero silently.
class UnknownFigureTally {
public:
    void add(const DeviceType *type);
    bool empty() const { return m_counts.empty(); }
    void report(const QString &rule, const QString &what, const QString &consequence, std::vector<Finding> &out) const;

private:
    std::vector<std::pair<const DeviceType *, int>> m_counts; // few types: a linear scan beats a map keyed by id
};

bool isSwitch(const DeviceType *type);
bool isNode(const DeviceType *type); // a C-node or D-box: a storage-side data-path device
bool isDataPathPurpose(PortPurpose purpose);
// The data-path port groups of a node: data ports of C-nodes, DPU ports of D-boxes.
bool isNodeDataPort(PortPurpose purpose);
QString siteSubject(const CheckContext &ctx);

} // namespace pp
