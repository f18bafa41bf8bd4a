#include "checkrunner.h"

#include "planner/model/resolvedplan.h"

namespace pp::gui {

CheckRunner::CheckRunner(const Catalog &catalog, QObject *parent)
    : CheckRunner(std::make_shared<const Catalog>(catalog), parent)
{ }

CheckRunner::CheckRunner(std::shared_ptr<const Catalog> catalog, QObject *parent)
    : QObject(parent)
    , m_catalog(std::move(catalog))
{
    m_pool.setMaxThreadCount(1);
}

void CheckRunner::setCatalog(std::shared_ptr<const Catalog> catalog)
{
    m_catalog = std::move(catalog);
}

CheckRunner::~CheckRunner()
{
    // No worker may post back to a destroyed runner.
    m_pool.waitForDone();
}

CheckReport CheckRunner::runNow(const Plan &plan) const
{
    return run(plan, *m_catalog, m_rules);
}

CheckReport CheckRunner::run(const Plan &plan, const Catalog &catalog, const std::vector<std::unique_ptr<Rule>> *rules)
{
    SiteProfile site;
    QString error;
    if (!ResolvedPlan::resolveSite(plan, catalog, site, &error)) {
        CheckReport report;
        report.plan = plan.name;
        Finding f;
        f.rule = QStringLiteral("site.profile");
        f.severity = Severity::Error;
        f.message = error;
        report.findings.push_back(f);
        return report;
    }
    const ResolvedPlan resolved(plan, catalog, site);
    return rules ? runChecks(resolved, *rules) : runChecks(resolved);
}

void CheckRunner::request(const Plan &plan)
{
    m_pending = plan; // implicitly shared strings: a cheap copy
    m_hasPending = true;
    if (!m_busy)
        startNext();
}

void CheckRunner::startNext()
{
    m_busy = true;
    m_hasPending = false;
    const quint64 generation = ++m_generation;
    auto plan = std::make_shared<Plan>(std::move(m_pending));
    m_pending = Plan();
    const auto *rules = m_rules;
    // The worker owns a reference to the snapshot: a catalog swap meanwhile does not free it.
    m_pool.start([this, plan, catalog = m_catalog, generation, rules] {
        CheckReport report = run(*plan, *catalog, rules);
        QMetaObject::invokeMethod(
            this, [this, generation, report = std::move(report)] { finished(generation, report); },
            Qt::QueuedConnection);
    });
}

void CheckRunner::finished(quint64 generation, const CheckReport &report)
{
    m_busy = false;
    if (m_hasPending) {
        startNext(); // a newer plan is waiting: this result is already stale
        return;
    }
    if (generation != m_generation)
        return;
    m_report = report;
    emit reportReady(m_report);
}

} // namespace pp::gui
