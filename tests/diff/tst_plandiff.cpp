#include "planner/diff/plandiff.h"
#include "planner/diff/planmerge.h"
#include "planner/io/planio.h"

#include <QRandomGenerator>
#include <QtTest>
#include <algorithm>

using namespace pp;

// The semantic diff of two plans is also a patch: applied to the old plan it gives the new one byte
// for byte, moves are changes of one object rather than a removal and an addition, and the
// three-way merge keeps both sides' edits object by object.
class TestPlanDiff : public QObject {
    Q_OBJECT
private slots:
    void roundTrip_data();
    void roundTrip();
    void shuffledRoundTrip();
    void movesAreMoves();
    void deviceMatchedByHostname();
    void reCableIsOneEndChanged();
    void overridesLeafByLeaf();
    void refusesAnotherPlan();
    void mergeKeepsBothSides();
    void mergeReportsConflictsByField();
    void mergeRemovedAgainstChanged();
    void mergeOverlapIsConflict();
};

static Plan load(const QString &name)
{
    Plan plan;
    LoadError error;
    const QString path = QStringLiteral(POCPLAN_TEST_DATA "/") + name + QStringLiteral(".pocplan.json");
    if (!loadPlanFile(path, plan, &error, PlanLoadOptions{&Catalog::builtIn(), nullptr}))
        qFatal("%s", qPrintable(error.toString()));
    return plan;
}

// Applies the diff, and its JSON form read back, to `before`; both must give `after`.
static void checkRoundTrip(const Plan &before, const Plan &after)
{
    const PlanDiff diff = diffPlans(before, after);
    Plan patched = before;
    QString error;
    QVERIFY2(applyPlanDiff(patched, diff, &error), qPrintable(error));
    QCOMPARE(planToBytes(patched), planToBytes(after));
    const PlanDiff reread = planDiffFromJson(Json::parse(planDiffToJson(diff).dump(2)));
    Plan patchedAgain = before;
    QVERIFY2(applyPlanDiff(patchedAgain, reread, &error), qPrintable(error));
    QCOMPARE(planToBytes(patchedAgain), planToBytes(after));
    QCOMPARE(diff.empty(), planToBytes(before) == planToBytes(after));
}

void TestPlanDiff::roundTrip_data()
{
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    const QStringList versions{QStringLiteral("base"), QStringLiteral("moves"), QStringLiteral("renames"),
                               QStringLiteral("recabling"), QStringLiteral("site")};
    for (const QString &a : versions)
        for (const QString &b : versions)
            QTest::newRow(qPrintable(a + QStringLiteral("->") + b)) << a << b;
}

void TestPlanDiff::roundTrip()
{
    QFETCH(QString, from);
    QFETCH(QString, to);
    checkRoundTrip(load(from), load(to));
}

void TestPlanDiff::shuffledRoundTrip()
{
    const Plan base = load(QStringLiteral("base"));
    for (quint32 seed = 1; seed <= 30; ++seed) {
        QRandomGenerator rng(seed);
        Plan other = load(QStringLiteral("recabling"));
        std::shuffle(other.links.begin(), other.links.end(), rng);
        std::shuffle(other.devices.begin(), other.devices.end(), rng);
        if (seed % 3 == 0) {
            // A device removed with everything that names it, as removeDevice() leaves the plan.
            const QString gone = other.devices[1].id;
            other.devices.erase(other.devices.begin() + 1);
            other.links.erase(std::remove_if(other.links.begin(), other.links.end(),
                                             [&](const Link &l) { return l.a.device == gone || l.b.device == gone; }),
                              other.links.end());
            other.uplinks.erase(std::remove_if(other.uplinks.begin(), other.uplinks.end(),
                                               [&](const Uplink &u) { return u.device == gone; }),
                                other.uplinks.end());
        }
        if (seed % 5 == 0) {
            other.site.overrides = Json{{"power", {{"budgetKW", seed}}}, {"cooling", Json::object()}};
            other.waivers.push_back({QStringLiteral("power.budget"), QString(), QStringLiteral("seeded")});
        }
        checkRoundTrip(base, other);
        checkRoundTrip(other, base);
    }
}

void TestPlanDiff::movesAreMoves()
{
    const PlanDiff diff = diffPlans(load(QStringLiteral("base")), load(QStringLiteral("moves")));
    QVERIFY(diff.devices.added.empty());
    QVERIFY(diff.devices.removed.empty());
    QCOMPARE(diff.devices.changed.size(), std::size_t(3)); // swm turned, cn3 to R2, db1 down 2 U
    const auto found = std::find_if(diff.devices.changed.begin(), diff.devices.changed.end(),
                                    [](const ObjectChange &c) { return c.key == QLatin1String("cn3"); });
    QVERIFY(found != diff.devices.changed.end());
    const ObjectChange &cn3 = *found;
    QVERIFY(cn3.field(QStringLiteral("rack")));
    QCOMPARE(*cn3.field(QStringLiteral("rack"))->to, Json("R2"));
    QVERIFY(!cn3.field(QStringLiteral("u"))); // same U in the other rack
    QCOMPARE(diff.racks.added.size(), std::size_t(1));
    QVERIFY(diff.links.empty());
}

void TestPlanDiff::deviceMatchedByHostname()
{
    const PlanDiff diff = diffPlans(load(QStringLiteral("base")), load(QStringLiteral("renames")));
    QVERIFY(diff.devices.added.empty());
    QVERIFY(diff.devices.removed.empty());
    bool found = false;
    for (const ObjectChange &c : diff.devices.changed)
        if (c.key == QLatin1String("cn1")) {
            found = true;
            QCOMPARE(c.newKey, QStringLiteral("cnA"));
            QCOMPARE(*c.field(QStringLiteral("id"))->to, Json("cnA"));
        }
    QVERIFY(found);
}

void TestPlanDiff::reCableIsOneEndChanged()
{
    const PlanDiff diff = diffPlans(load(QStringLiteral("base")), load(QStringLiteral("recabling")));
    // cn3:p1 re-ended and a new ISL: two added; the old cn3:p1 link and swp32 ISL: two removed;
    // one length changed.
    QCOMPARE(diff.links.added.size(), std::size_t(2));
    QCOMPARE(diff.links.removed.size(), std::size_t(2));
    QCOMPARE(diff.links.changed.size(), std::size_t(1));
    QCOMPARE(diff.links.changed.front().key, QStringLiteral("db1:dpu1-p1 <-> sw1:swp3s0"));
    QVERIFY(diff.devices.empty());
}

void TestPlanDiff::overridesLeafByLeaf()
{
    Plan a = load(QStringLiteral("base"));
    a.site.overrides = Json{{"power", {{"budgetKW", 10}, {"feeds", 2}}}, {"name", "x"}};
    Plan b = a;
    b.site.overrides = Json{{"power", {{"budgetKW", 12}, {"feeds", 2}}}, {"cooling", {{"maxKW", 9}}}};
    const PlanDiff diff = diffPlans(a, b);
    QCOMPARE(diff.overrides.size(), std::size_t(3)); // name removed, budgetKW changed, cooling added
    checkRoundTrip(a, b);
    checkRoundTrip(b, a);
}

void TestPlanDiff::refusesAnotherPlan()
{
    const Plan base = load(QStringLiteral("base"));
    const PlanDiff diff = diffPlans(base, load(QStringLiteral("moves")));
    Plan other = load(QStringLiteral("renames"));
    Device *cn3 = other.findDevice(QStringLiteral("cn3"));
    cn3->rack.clear(); // cn3 is not in the rack the diff moves it from
    cn3->u = 0;
    Plan target = other;
    QString error;
    QVERIFY(!applyPlanDiff(target, diff, &error));
    QVERIFY2(error.contains(QLatin1String("device cn3: rack")), qPrintable(error));
    QCOMPARE(planToBytes(target), planToBytes(other)); // refused: nothing changed
}

void TestPlanDiff::mergeKeepsBothSides()
{
    const Plan base = load(QStringLiteral("base"));
    const Plan ours = load(QStringLiteral("moves"));
    const Plan theirs = load(QStringLiteral("site"));
    const MergeResult merged = mergePlans(base, ours, theirs, &Catalog::builtIn());
    QVERIFY2(merged.ok(), qPrintable(merged.conflicts.empty() ? QString() : merged.conflicts.front().toString()));
    QCOMPARE(merged.plan.findDevice(QStringLiteral("cn3"))->rack, QStringLiteral("R2"));
    QCOMPARE(merged.plan.name, theirs.name);
    QCOMPARE(merged.plan.waivers.size(), std::size_t(1));
    QCOMPARE(merged.plan.uplinks.at(1).speedGbps, 200.0);
    QCOMPARE(merged.plan.site.overrides, theirs.site.overrides);
    // The other way round gives the same plan apart from list order, which follows ours.
    const MergeResult swapped = mergePlans(base, theirs, ours, &Catalog::builtIn());
    QVERIFY(swapped.ok());
    QCOMPARE(planToBytes(swapped.plan), planToBytes(merged.plan));
}

void TestPlanDiff::mergeReportsConflictsByField()
{
    const Plan base = load(QStringLiteral("base"));
    Plan ours = base;
    Plan theirs = base;
    ours.findDevice(QStringLiteral("cn2"))->hostname = QStringLiteral("cnode-two");
    theirs.findDevice(QStringLiteral("cn2"))->hostname = QStringLiteral("cnode-2b");
    theirs.findDevice(QStringLiteral("cn2"))->u = 10; // a field only theirs changed merges cleanly
    ours.site.overrides = Json{{"power", {{"budgetKW", 15}}}};
    theirs.site.overrides = Json{{"power", {{"budgetKW", 16}}}};
    const MergeResult merged = mergePlans(base, ours, theirs, &Catalog::builtIn());
    QCOMPARE(merged.conflicts.size(), std::size_t(2));
    QCOMPARE(merged.conflicts.at(0).object, QStringLiteral("site overrides"));
    QCOMPARE(merged.conflicts.at(0).field, QStringLiteral("/power/budgetKW"));
    QCOMPARE(merged.conflicts.at(1).object, QStringLiteral("device cn2"));
    QCOMPARE(merged.conflicts.at(1).field, QStringLiteral("hostname"));
    QCOMPARE(merged.conflicts.at(1).ours, QStringLiteral("\"cnode-two\""));
    QCOMPARE(merged.conflicts.at(1).theirs, QStringLiteral("\"cnode-2b\""));
}

void TestPlanDiff::mergeRemovedAgainstChanged()
{
    const Plan base = load(QStringLiteral("base"));
    Plan ours = base;
    Plan theirs = base;
    ours.waivers.push_back({QStringLiteral("power.budget"), QString(), QStringLiteral("ours")});
    theirs.findDevice(QStringLiteral("db1"))->u = 16;
    // Ours removes a link that theirs leaves alone: it goes. Theirs moves the D-box: it moves.
    ours.links.erase(ours.links.begin());
    MergeResult merged = mergePlans(base, ours, theirs, &Catalog::builtIn());
    QVERIFY(merged.ok());
    QCOMPARE(merged.plan.links.size(), base.links.size() - 1);
    QCOMPARE(merged.plan.findDevice(QStringLiteral("db1"))->u, 16);
    // Ours removes the D-box that theirs moved: a conflict on the object, not a silent loss.
    ours = base;
    ours.devices.erase(ours.devices.begin() + ours.deviceIndex(QStringLiteral("db1")));
    ours.links.erase(std::remove_if(ours.links.begin(), ours.links.end(),
                                    [](const Link &l) { return l.a.device == QLatin1String("db1"); }),
                     ours.links.end());
    merged = mergePlans(base, ours, theirs, &Catalog::builtIn());
    QCOMPARE(merged.conflicts.size(), std::size_t(1));
    QCOMPARE(merged.conflicts.front().object, QStringLiteral("device db1"));
    QCOMPARE(merged.conflicts.front().field, QStringLiteral("(object)"));
}

void TestPlanDiff::mergeOverlapIsConflict()
{
    const Plan base = load(QStringLiteral("base"));
    Plan ours = base;
    Plan theirs = base;
    // Each side fills U 10 with a different new C-node: no field clash, but one slot.
    ours.devices.push_back({QStringLiteral("cn4"),
                            QStringLiteral("cnode-turin"),
                            QStringLiteral("R1"),
                            10,
                            Face::Front,
                            QStringLiteral("cnode-4"),
                            {QStringLiteral("A"), QStringLiteral("B")}});
    theirs.devices.push_back({QStringLiteral("cn5"),
                              QStringLiteral("cnode-turin"),
                              QStringLiteral("R1"),
                              10,
                              Face::Front,
                              QStringLiteral("cnode-5"),
                              {QStringLiteral("A"), QStringLiteral("B")}});
    const MergeResult merged = mergePlans(base, ours, theirs, &Catalog::builtIn());
    QCOMPARE(merged.conflicts.size(), std::size_t(2)); // each overlaps the other
    QStringList objects;
    for (const MergeConflict &c : merged.conflicts) {
        objects << c.object;
        QVERIFY(c.toString().contains(QLatin1String("after merging")));
    }
    objects.sort();
    QCOMPARE(objects, (QStringList{QStringLiteral("device cn4"), QStringLiteral("device cn5")}));
}

QTEST_GUILESS_MAIN(TestPlanDiff)
#include "tst_plandiff.moc"
