#pragma once

#include "catalog/model/catalog.h"
#include "planner/model/plan.h"
#include "planner/rules/ruleengine.h"

#include <QObject>
#include <QThreadPool>

namespace pp::gui {

// Runs the rule engine off the GUI thread on a copy of the plan. Requests coalesce: while one
// run is busy, only the newest plan waits, and a stale result is never published.
class CheckRunner : public QObject {
    Q_OBJECT
public:
    explicit CheckRunner(const Catalog &catalog, QObject *parent = nullptr);
    ~CheckRunner() override;

    // Rules to run instead of allRules() (tests); the vector must outlive the runner.
    void setRules(const std::vector<std::unique_ptr<Rule>> *rules) { m_rules = rules; }

    void request(const Plan &plan);
    bool isBusy() const { return m_busy || m_hasPending; }
    const CheckReport &report() const { return m_report; }
    // The same check, synchronously (benchmarks).
    CheckReport runNow(const Plan &plan) const;

signals:
    void reportReady(const pp::CheckReport &report);

private:
    CheckReport run(const Plan &plan, const std::vector<std::unique_ptr<Rule>> *rules) const;
    void startNext();
    void finished(quint64 generation, const CheckReport &report);

    const Catalog &m_catalog;
    const std::vector<std::unique_ptr<Rule>> *m_rules = nullptr;
    QThreadPool m_pool;
    Plan m_pending;
    bool m_hasPending = false;
    bool m_busy = false;
    quint64 m_generation = 0;
    CheckReport m_report;
};

} // namespace pp::gui
