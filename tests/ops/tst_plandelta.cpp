#include "planner/io/planio.h"
#include "planner/ops/plandelta.h"
#include "planner/templates/templates.h"

#include <QtTest>

using namespace pp;

// A delta holds what an edit of many parts changed; applied to the plan before it gives the plan
// after byte for byte, and reverted it gives the plan before.
class TestPlanDelta : public QObject {
    Q_OBJECT
private slots:
    void cablingRoundTrip();
    void shuffledListsRoundTrip();
    void refusesAnotherPlan();
    void refusesChangesItCannotHold();
};

static Plan kit()
{
    Plan plan;
    if (!loadTemplate(QStringLiteral("poc-3c1d"), Catalog::builtIn(), plan, nullptr))
        qFatal("template");
    return plan;
}

static void roundTrip(const Plan &before, const Plan &after)
{
    ops::PlanDelta delta;
    QVERIFY(ops::diffPlans(before, after, &delta));
    Plan plan = before;
    QVERIFY(ops::applyDelta(plan, delta));
    QCOMPARE(planToBytes(plan), planToBytes(after));
    QVERIFY(ops::revertDelta(plan, delta));
    QCOMPARE(planToBytes(plan), planToBytes(before));
}

void TestPlanDelta::cablingRoundTrip()
{
    const Plan cabled = kit();
    Plan bare = cabled;
    bare.links.clear();
    bare.uplinks.clear();
    roundTrip(bare, cabled);
    roundTrip(cabled, bare);
    ops::PlanDelta delta;
    QVERIFY(ops::diffPlans(bare, cabled, &delta));
    QCOMPARE(delta.links.added.size(), cabled.links.size());
    QVERIFY(delta.links.removed.empty());
    QVERIFY(delta.devices.empty());
    QVERIFY(delta.racks.empty());
    QVERIFY(ops::diffPlans(cabled, cabled, &delta));
    QVERIFY(delta.empty());
}

void TestPlanDelta::shuffledListsRoundTrip()
{
    const Plan before = kit();
    for (int seed = 1; seed <= 50; ++seed) {
        QRandomGenerator random(static_cast<quint32>(seed));
        Plan after = before;
        // Remove, change and insert at random places in every list the delta holds.
        for (int step = 0; step < 6; ++step) {
            const int at = static_cast<int>(random.bounded(static_cast<quint32>(after.links.size())));
            switch (random.bounded(4)) {
            case 0:
                after.links.erase(after.links.begin() + at);
                break;
            case 1:
                after.links[static_cast<std::size_t>(at)].label += QStringLiteral("-x");
                break;
            case 2:
                after.devices.insert(after.devices.begin() + at % static_cast<int>(after.devices.size()),
                                     Device{QStringLiteral("n%1").arg(step),
                                            QStringLiteral("cnode-turin"),
                                            QStringLiteral("R1"),
                                            3 + step,
                                            Face::Front,
                                            QString(),
                                            {}});
                break;
            default:
                after.uplinks.push_back(Uplink{QStringLiteral("sw2"), QStringLiteral("swp%1").arg(at), 100});
                after.racks.insert(after.racks.begin(), Rack{QStringLiteral("R%1").arg(9 + step), QString(), 42, 0, 0});
                break;
            }
        }
        roundTrip(before, after);
        roundTrip(after, before);
    }
}

void TestPlanDelta::refusesAnotherPlan()
{
    const Plan cabled = kit();
    Plan bare = cabled;
    bare.links.erase(bare.links.begin() + 3);
    ops::PlanDelta delta;
    QVERIFY(ops::diffPlans(cabled, bare, &delta)); // removes links[3]
    Plan other = cabled;
    other.links[3].label = QStringLiteral("changed since");
    const QByteArray untouched = planToBytes(other);
    QVERIFY(!ops::applyDelta(other, delta));
    QCOMPARE(planToBytes(other), untouched);
    Plan shorter = cabled;
    shorter.links.resize(2);
    QVERIFY(!ops::applyDelta(shorter, delta));
}

void TestPlanDelta::refusesChangesItCannotHold()
{
    const Plan before = kit();
    Plan renamed = before;
    renamed.name = QStringLiteral("another name");
    ops::PlanDelta delta;
    QVERIFY(!ops::diffPlans(before, renamed, &delta));
    Plan waived = before;
    waived.waivers.push_back(Waiver{QStringLiteral("power.x"), QStringLiteral("R1"), QStringLiteral("why")});
    QVERIFY(!ops::diffPlans(before, waived, &delta));
}

QTEST_MAIN(TestPlanDelta)
#include "tst_plandelta.moc"
