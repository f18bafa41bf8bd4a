#include "planner/io/planio.h"
#include "planner/model/resolvedplan.h"
#include "planner/ops/planops.h"
#include "planner/templates/templates.h"
#include "planner/topology/autocabler.h"
#include "planner/topology/linkfit.h"

#include <QtTest>
#include <functional>
#include <random>

using namespace pp;
using namespace pp::ops;

// Random sequences of plan operations (add, move, move to another rack, rename, retype, delete,
// duplicate, add/remove/reorder rack, auto-cable) on the kit and on a pod. After every step the links
// must follow the devices; undoing the whole sequence must give back the starting file byte for byte.
//
// Undo is done at planner level: each step keeps its own inverse, made from the operations' undo
// records (RemovedDevice, RemovedRack, LinkUndo). An operation that follows links is undone by its
// reverse operation, then restoreLinks() of the reverse's record (which puts back the links as the
// forward step left them), then restoreLinks() of the forward record. Auto-cabling rewrites every
// derived link and may add switches and racks, so its inverse is the plan before it.
class TestLinksProperty : public QObject {
    Q_OBJECT
private slots:
    void kit_data();
    void kit();
    void pod_data();
    void pod();

private:
    void run(Plan start, quint32 seed, int steps);
};

namespace {

SiteProfile siteOf(const Plan &plan)
{
    SiteProfile site;
    QString error;
    if (!ResolvedPlan::resolveSite(plan, Catalog::builtIn(), site, &error))
        qFatal("site does not resolve: %s", qPrintable(error));
    return site;
}

// The three properties the issue asks for, plus unique hostnames. Empty when all hold.
QString violation(const Plan &plan, const Catalog &catalog)
{
    QSet<QString> hostnames;
    for (const Device &d : plan.devices) {
        if (d.hostname.isEmpty())
            continue;
        if (hostnames.contains(d.hostname))
            return QStringLiteral("hostname %1 used twice").arg(d.hostname);
        hostnames.insert(d.hostname);
    }
    const LinkFit fit(plan, catalog, sitePolicy(siteOf(plan)));
    for (const Link &l : plan.links) {
        const Device *a = plan.findDevice(l.a.device);
        const Device *b = plan.findDevice(l.b.device);
        if (!a || !b)
            return QStringLiteral("link %1--%2 names a missing device").arg(l.a.toString(), l.b.toString());
        for (const auto &[d, e] : {std::pair{a, &l.a}, std::pair{b, &l.b}}) {
            const DeviceType *t = catalog.deviceType(d->type);
            if (!t || !t->resolvePort(e->port).valid())
                return QStringLiteral("link end %1 is not a port of %2").arg(e->toString(), d->type);
        }
        // The label names exactly the hostnames the ends have now (so never a missing one).
        const QString label = CableChooser::label(*a, l.a.port, *b, l.b.port);
        if (l.label != label)
            return QStringLiteral("label %1, expected %2").arg(l.label, label);
        const LinkNeed need = fit.need(l);
        if (a->rack != b->rack && !l.cable.isEmpty() && l.lengthM + 1e-9 < need.runM)
            return QStringLiteral("link %1 joins racks %2 and %3 with %4 m for a %5 m run")
                .arg(l.label, a->rack, b->rack)
                .arg(l.lengthM)
                .arg(need.runM);
    }
    return {};
}

// A device type of the same role to retype to (a different one when there is one).
const DeviceType *otherTypeOf(const Catalog &catalog, const DeviceType &type, std::mt19937 &rng)
{
    std::vector<const DeviceType *> same;
    for (const DeviceType *t : catalog.deviceTypes(type.role))
        if (t->id != type.id && t->isRackMounted())
            same.push_back(t);
    if (same.empty())
        return nullptr;
    return same[std::uniform_int_distribution<std::size_t>(0, same.size() - 1)(rng)];
}

} // namespace

void TestLinksProperty::run(Plan start, quint32 seed, int steps)
{
    const Catalog &catalog = Catalog::builtIn();
    Plan plan = start;
    const QByteArray startBytes = planToBytes(start);
    QVERIFY2(violation(plan, catalog).isEmpty(), qPrintable(violation(plan, catalog)));

    std::mt19937 rng(seed);
    const auto pick = [&](int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng); };
    std::vector<std::function<void(Plan &)>> undo;
    std::vector<const DeviceType *> addable;
    for (Role role : {Role::CNode, Role::DBox, Role::Switch})
        for (const DeviceType *t : catalog.deviceTypes(role))
            if (t->isRackMounted())
                addable.push_back(t);
    QMap<QString, int> done, refused;
    int fresh = 0;

    for (int step = 0; step < steps; ++step) {
        const int kind = pick(100);
        QString name;
        OpResult r = OpResult::refused(QStringLiteral("nothing to do"));
        const Device *dev = plan.devices.empty()
            ? nullptr
            : &plan.devices[static_cast<std::size_t>(pick(static_cast<int>(plan.devices.size())))];
        const Device before = dev ? *dev : Device();
        if (kind < 12) {
            name = QStringLiteral("add");
            const DeviceType *t = addable[static_cast<std::size_t>(pick(static_cast<int>(addable.size())))];
            const Rack &rack = plan.racks[static_cast<std::size_t>(pick(static_cast<int>(plan.racks.size())))];
            Device d;
            d.id = plan.unusedDeviceId(QStringLiteral("x"));
            d.type = t->id;
            d.rack = rack.id;
            d.u = findFreeU(plan, catalog, t->id, rack.id, Face::Front, 1 + pick(rack.heightU));
            d.hostname = QStringLiteral("new-%1").arg(++fresh);
            if (d.u > 0)
                r = addDevice(plan, catalog, d);
            if (r)
                undo.push_back([id = d.id](Plan &p) { removeDevice(p, id, nullptr); });
        } else if (kind < 40 && dev) {
            const bool otherRack = kind >= 26;
            name = otherRack ? QStringLiteral("move to another rack") : QStringLiteral("move");
            const DeviceType *t = catalog.deviceType(dev->type);
            Placement to{dev->rack, dev->u, dev->face};
            if (otherRack)
                to.rack = plan.racks[static_cast<std::size_t>(pick(static_cast<int>(plan.racks.size())))].id;
            if (t && t->isRackMounted() && !to.rack.isEmpty()) {
                const Rack *rack = plan.findRack(to.rack);
                to.u = findFreeU(plan, catalog, dev->type, to.rack, to.face, 1 + pick(rack->heightU), {dev->id});
                if (to.u > 0) {
                    auto forward = std::make_shared<LinkUndo>();
                    r = moveDevice(plan, catalog, before.id, to, forward.get());
                    if (r)
                        undo.push_back([forward, before](Plan &p) {
                            LinkUndo back;
                            moveDevice(p, Catalog::builtIn(), before.id, Placement{before.rack, before.u, before.face},
                                       &back);
                            restoreLinks(p, back);
                            restoreLinks(p, *forward);
                        });
                }
            }
        } else if (kind < 55 && dev) {
            const bool retype = kind >= 48;
            name = retype ? QStringLiteral("retype") : QStringLiteral("rename");
            Device updated = before;
            if (retype) {
                const DeviceType *t = catalog.deviceType(before.type);
                const DeviceType *other = t ? otherTypeOf(catalog, *t, rng) : nullptr;
                if (!other)
                    continue;
                updated.type = other->id;
                if (other->psu.count.known())
                    while (updated.psuFeeds.size() > static_cast<int>(*other->psu.count.value))
                        updated.psuFeeds.removeLast();
            } else if (pick(4) == 0 && plan.devices.size() > 1) {
                // A name another device has: the operation must refuse it and change nothing.
                const Device &other =
                    plan.devices[static_cast<std::size_t>(pick(static_cast<int>(plan.devices.size())))];
                if (other.id == before.id || other.hostname.isEmpty())
                    continue;
                updated.hostname = other.hostname;
                const QByteArray bytes = planToBytes(plan);
                const OpResult dup = setDevice(plan, catalog, updated);
                QVERIFY2(!dup, "a duplicate hostname was accepted");
                QVERIFY(dup.error.contains(other.hostname));
                QCOMPARE(planToBytes(plan), bytes);
                refused[QStringLiteral("rename to a used hostname")] += 1;
                continue;
            } else {
                updated.hostname = QStringLiteral("renamed-%1").arg(++fresh);
            }
            auto forward = std::make_shared<LinkUndo>();
            r = setDevice(plan, catalog, updated, forward.get());
            if (r) {
                if (retype && !forward->removed.empty())
                    QVERIFY2(r.notes.join(QLatin1Char(' ')).contains(forward->removed.front().second.a.toString()) ||
                                 r.notes.join(QLatin1Char(' ')).contains(forward->removed.front().second.b.toString()),
                             "a retype that dropped links did not name them");
                undo.push_back([forward, before](Plan &p) {
                    LinkUndo back;
                    setDevice(p, Catalog::builtIn(), before, &back);
                    restoreLinks(p, back);
                    restoreLinks(p, *forward);
                });
            }
        } else if (kind < 65 && dev) {
            name = QStringLiteral("delete");
            auto removed = std::make_shared<RemovedDevice>();
            r = removeDevice(plan, before.id, removed.get());
            if (r) {
                for (const Link &l : plan.links)
                    QVERIFY(l.a.device != before.id && l.b.device != before.id);
                undo.push_back([removed](Plan &p) { restoreDevice(p, *removed); });
            }
        } else if (kind < 75 && dev) {
            name = QStringLiteral("duplicate");
            std::vector<Device> copies;
            r = planDuplicates(plan, catalog, {before.id}, &copies);
            for (std::size_t i = 0; r && i < copies.size(); ++i)
                r = addDevice(plan, catalog, copies[i]);
            QVERIFY2(r || copies.empty() || !plan.findDevice(copies.front().id), qPrintable(r.error));
            if (r)
                undo.push_back([copies](Plan &p) {
                    for (auto it = copies.rbegin(); it != copies.rend(); ++it)
                        removeDevice(p, it->id, nullptr);
                });
        } else if (kind < 82) {
            name = QStringLiteral("add rack");
            Rack rack;
            rack.id = plan.unusedRackId();
            rack.name = rack.id;
            auto forward = std::make_shared<LinkUndo>();
            r = addRack(plan, catalog, rack, pick(static_cast<int>(plan.racks.size()) + 1), forward.get());
            if (r)
                undo.push_back([forward, id = rack.id](Plan &p) {
                    RemovedRack back;
                    removeRack(p, Catalog::builtIn(), id, &back);
                    restoreLinks(p, back.links);
                    restoreLinks(p, *forward);
                });
        } else if (kind < 88 && plan.racks.size() > 1) {
            name = QStringLiteral("remove rack");
            const QString id = plan.racks[static_cast<std::size_t>(pick(static_cast<int>(plan.racks.size())))].id;
            auto removed = std::make_shared<RemovedRack>();
            r = removeRack(plan, catalog, id, removed.get());
            if (r)
                undo.push_back([removed](Plan &p) { restoreRack(p, *removed); });
        } else if (kind < 94 && plan.racks.size() > 1) {
            name = QStringLiteral("reorder racks");
            const QString id = plan.racks[static_cast<std::size_t>(pick(static_cast<int>(plan.racks.size())))].id;
            const int from = plan.rackIndex(id);
            auto forward = std::make_shared<LinkUndo>();
            r = moveRack(plan, catalog, id, pick(static_cast<int>(plan.racks.size())), forward.get());
            if (r)
                undo.push_back([forward, id, from](Plan &p) {
                    LinkUndo back;
                    moveRack(p, Catalog::builtIn(), id, from, &back);
                    restoreLinks(p, back);
                    restoreLinks(p, *forward);
                });
        } else if (kind >= 94) {
            name = QStringLiteral("cable");
            auto snapshot = std::make_shared<Plan>(plan);
            autoCable(plan, catalog, siteOf(plan));
            r = OpResult::done();
            undo.push_back([snapshot](Plan &p) { p = *snapshot; });
        }
        if (name.isEmpty())
            continue;
        (r ? done : refused)[name] += 1;
        const QString broken = violation(plan, catalog);
        QVERIFY2(broken.isEmpty(),
                 qPrintable(QStringLiteral("seed %1 step %2 (%3): %4").arg(seed).arg(step).arg(name, broken)));
    }
    for (auto it = undo.rbegin(); it != undo.rend(); ++it)
        (*it)(plan);
    const QByteArray endBytes = planToBytes(plan);
    if (endBytes != startBytes) {
        const QList<QByteArray> a = startBytes.split('\n'), b = endBytes.split('\n');
        for (int i = 0; i < std::min(a.size(), b.size()); ++i)
            if (a[i] != b[i])
                QFAIL(qPrintable(QStringLiteral("undo differs at line %1: %2 / %3")
                                     .arg(i + 1)
                                     .arg(QString::fromUtf8(a[i]), QString::fromUtf8(b[i]))));
        QFAIL("undo left a plan of a different length");
    }
    qInfo().noquote() << "seed" << seed << "steps" << steps << "done" << done << "refused" << refused;
    // Every kind of operation was exercised and most of them were carried out.
    for (const char *op : {"add", "move", "move to another rack", "rename", "retype", "delete", "duplicate", "add rack",
                           "remove rack", "reorder racks", "cable"})
        QVERIFY2(done.value(QLatin1String(op)) > 0, op);
}

void TestLinksProperty::kit_data()
{
    QTest::addColumn<quint32>("seed");
    QTest::newRow("seed 1") << 1u;
    QTest::newRow("seed 7") << 7u;
    QTest::newRow("seed 2026") << 2026u;
}

void TestLinksProperty::kit()
{
    QFETCH(quint32, seed);
    Plan plan;
    LoadError error;
    QVERIFY2(loadTemplate(QStringLiteral("poc-3c1d"), Catalog::builtIn(), plan, &error), qPrintable(error.toString()));
    QVERIFY(!plan.links.empty());
    run(plan, seed, 3000);
}

void TestLinksProperty::pod_data()
{
    QTest::addColumn<quint32>("seed");
    QTest::newRow("seed 3") << 3u;
}

void TestLinksProperty::pod()
{
    QFETCH(quint32, seed);
    Plan plan;
    LoadError error;
    QVERIFY2(loadTemplate(QStringLiteral("ncp-pod"), Catalog::builtIn(), plan, &error), qPrintable(error.toString()));
    autoCable(plan, Catalog::builtIn(), siteOf(plan));
    QVERIFY(plan.links.size() > 500);
    run(plan, seed, 2000);
}

QTEST_GUILESS_MAIN(TestLinksProperty)
#include "tst_linksproperty.moc"
