#pragma once

#include "catalog/model/catalog.h"
#include "planner/model/plan.h"
#include "planner/rules/ruleengine.h"

#include <QObject>
#include <QThreadPool>
#include <memory>

namespace pp::gui {

// Runs the rule engine off the GUI thread on a copy of the plan and an immutable snapshot of the
// catalog, so the GUI thread may change its live catalog while a check runs. Requests coalesce:
// while one run is busy, only the newest plan waits, and a stale result is never published.
class CheckRunner : public QObject {
    Q_OBJECT
public:
    // Snapshots the catalog as it is now.
    explicit CheckRunner(const Catalog &catalog, QObject *parent = nullptr);
    explicit CheckRunner(std::shared_ptr<const Catalog> catalog, QObject *parent = nullptr);
    ~CheckRunner() override;

    // Checks requested from now on read this snapshot; a running check finishes on the one it
    // started with (it holds its own reference).
    void setCatalog(std::shared_ptr<const Catalog> catalog);
    std::shared_ptr<const Catalog> catalog() const { return m_catalog; }

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
    static CheckReport run(const Plan &plan, const Catalog &catalog, const std::vector<std::unique_ptr<Rule>> *rules);
    void startNext();
    void finished(quint64 generation, const CheckReport &report);

    std::shared_ptr<const Catalog> m_catalog;
    const std::vector<std::unique_ptr<Rule>> *m_rules = nullptr;
    QThreadPool m_pool;
    Plan m_pending;
    bool m_hasPending = false;
    bool m_busy = false;
    quint64 m_generation = 0;
    CheckReport m_report;
};

} // namespace pp::gui
