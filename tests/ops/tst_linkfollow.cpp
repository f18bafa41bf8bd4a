#include "exporters/bom/bomdata.h"
#include "exporters/common/exportcontext.h"
#include "planner/io/planio.h"
#include "planner/model/resolvedplan.h"
#include "planner/ops/planops.h"
#include "planner/rules/ruleengine.h"
#include "planner/templates/templates.h"
#include "planner/topology/autocabler.h"
#include "planner/topology/linkfit.h"

#include <QtTest>

using namespace pp;
using namespace pp::ops;

// Links follow the devices (issue 15): moves, renames, retypes and rack changes keep labels,
// lengths and cables right in the same step; network.cable-fit names every link whose cable is
// missing or does not fit; the BOM lists those links; hostnames are unique.
class TestLinkFollow : public QObject {
    Q_OBJECT
private slots:
    void init();
    void moveToAnotherRackRechoosesTheCable();
    void moveUndoGivesBackTheFile();
    void renameRegeneratesLabelsAndRefusesDuplicates();
    void retypeDropsLinksOnMissingPortsAndSaysWhich();
    void manualLinkIsKeptAndFlagged();
    void rackReorderRemeasuresRunsBetweenRacks();
    void cableFitRuleReportsEveryKindOfMisfit();
    void cableFitRuleIsQuietOnTheTemplates();
    void bomListsCablesStillToChoose();
    void loaderNamesADuplicateHostname();

private:
    std::vector<Finding> cableFit(const Plan &plan) const;
    QString addRackWithFreeSlot(Plan &plan);
    const Link *linkOn(const Plan &plan, const QString &end) const;

    Plan m_plan;
    const Catalog &m_catalog = Catalog::builtIn();
};

void TestLinkFollow::init()
{
    LoadError error;
    QVERIFY2(loadTemplate(QStringLiteral("poc-3c1d"), m_catalog, m_plan, &error), qPrintable(error.toString()));
}

std::vector<Finding> TestLinkFollow::cableFit(const Plan &plan) const
{
    SiteProfile site;
    if (!ResolvedPlan::resolveSite(plan, m_catalog, site, nullptr))
        return {};
    const ResolvedPlan resolved(plan, m_catalog, site);
    std::vector<Finding> out;
    for (const Finding &f : runChecks(resolved).findings)
        if (f.rule == QLatin1String("network.cable-fit"))
            out.push_back(f);
    return out;
}

QString TestLinkFollow::addRackWithFreeSlot(Plan &plan)
{
    Rack rack;
    rack.id = plan.unusedRackId();
    rack.name = rack.id;
    if (!addRack(plan, m_catalog, rack, -1, nullptr))
        return {};
    return rack.id;
}

const Link *TestLinkFollow::linkOn(const Plan &plan, const QString &end) const
{
    for (const Link &l : plan.links)
        if (l.a.toString() == end || l.b.toString() == end)
            return &l;
    return nullptr;
}

void TestLinkFollow::moveToAnotherRackRechoosesTheCable()
{
    QVERIFY(cableFit(m_plan).empty());
    const QString r2 = addRackWithFreeSlot(m_plan);
    QVERIFY(!r2.isEmpty());
    const int u = findFreeU(m_plan, m_catalog, QStringLiteral("cnode-turin"), r2, Face::Front, 20);
    QVERIFY(u > 0);
    const OpResult r = moveDevice(m_plan, m_catalog, QStringLiteral("cn1"), Placement{r2, u, Face::Front});
    QVERIFY2(r, qPrintable(r.error));

    // The data links leave the rack now: no 1.5 m in-rack DAC any more, an AOC breakout long
    // enough for the run instead, on both legs of the shared cable (cn2 is the other leg).
    const Link *data = linkOn(m_plan, QStringLiteral("cn1:p1"));
    QVERIFY(data);
    QCOMPARE(data->cable, QStringLiteral("aoc-400g-2x200g"));
    const LinkFit fit(m_plan, m_catalog, CablePolicy::defaultPolicy());
    const LinkNeed need = fit.need(*data);
    QVERIFY(!need.inRack);
    QVERIFY2(data->lengthM >= need.runM, qPrintable(QStringLiteral("%1 < %2").arg(data->lengthM).arg(need.runM)));
    QVERIFY(data->lengthM > 1.5);
    const Link *otherLeg = linkOn(m_plan, QStringLiteral("cn2:p1"));
    QCOMPARE(otherLeg->cable, data->cable);
    QCOMPARE(otherLeg->lengthM, data->lengthM);
    // Management runs are copper either way, longer now.
    const Link *mgmt = linkOn(m_plan, QStringLiteral("cn1:mgmt"));
    QCOMPARE(mgmt->cable, QStringLiteral("cat6-1g"));
    QVERIFY(mgmt->lengthM >= fit.need(*mgmt).runM);
    QVERIFY(cableFit(m_plan).empty());
}

void TestLinkFollow::moveUndoGivesBackTheFile()
{
    const QString r2 = addRackWithFreeSlot(m_plan);
    const QByteArray before = planToBytes(m_plan);
    LinkUndo forward;
    QVERIFY(moveDevice(m_plan, m_catalog, QStringLiteral("db1"), Placement{r2, 10, Face::Front}, &forward));
    QVERIFY(!forward.changed.empty());
    QVERIFY(planToBytes(m_plan) != before);
    // Undo: the reverse move, then put back what each of the two steps changed in the links.
    LinkUndo back;
    QVERIFY(
        moveDevice(m_plan, m_catalog, QStringLiteral("db1"), Placement{QStringLiteral("R1"), 18, Face::Front}, &back));
    restoreLinks(m_plan, back);
    restoreLinks(m_plan, forward);
    QCOMPARE(planToBytes(m_plan), before);
}

void TestLinkFollow::renameRegeneratesLabelsAndRefusesDuplicates()
{
    Device cn1 = *m_plan.findDevice(QStringLiteral("cn1"));
    cn1.hostname = QStringLiteral("cnode-9");
    QVERIFY(setDevice(m_plan, m_catalog, cn1));
    QCOMPARE(linkOn(m_plan, QStringLiteral("cn1:p1"))->label, QStringLiteral("cnode-9:p1--leaf-a:swp1s0"));
    for (const Link &l : m_plan.links)
        QVERIFY2(!l.label.contains(QLatin1String("cnode-1:")), qPrintable(l.label));

    // The freed name may be taken again; a name in use may not, neither by rename nor by add.
    cn1.hostname = QStringLiteral("cnode-2");
    const QByteArray before = planToBytes(m_plan);
    const OpResult rename = setDevice(m_plan, m_catalog, cn1);
    QVERIFY(!rename);
    QVERIFY2(rename.error.contains(QLatin1String("cnode-2")) && rename.error.contains(QLatin1String("cn2")),
             qPrintable(rename.error));
    QCOMPARE(planToBytes(m_plan), before);
    Device fresh;
    fresh.id = QStringLiteral("cn9");
    fresh.type = QStringLiteral("cnode-turin");
    fresh.rack = QStringLiteral("R1");
    fresh.u = findFreeU(m_plan, m_catalog, fresh.type, fresh.rack, Face::Front, 1);
    fresh.hostname = QStringLiteral("leaf-a");
    const OpResult add = addDevice(m_plan, m_catalog, fresh);
    QVERIFY(!add);
    QVERIFY2(add.error.contains(QLatin1String("leaf-a")), qPrintable(add.error));
    fresh.hostname = QStringLiteral("cnode-1");
    QVERIFY(addDevice(m_plan, m_catalog, fresh));
}

void TestLinkFollow::retypeDropsLinksOnMissingPortsAndSaysWhich()
{
    const QByteArray before = planToBytes(m_plan);
    const Device old = *m_plan.findDevice(QStringLiteral("cn1"));
    Device updated = old;
    updated.type = QStringLiteral("dbox-ceres-338"); // ports dpu1-p1…, bmc1, bmc2: none of the C-node's
    LinkUndo forward;
    const OpResult r = setDevice(m_plan, m_catalog, updated, &forward);
    QVERIFY2(r, qPrintable(r.error));
    QCOMPARE(forward.removed.size(), std::size_t(4));
    const QString notes = r.notes.join(QLatin1Char('\n'));
    for (const char *end : {"cn1:p1", "cn1:p2", "cn1:mgmt", "cn1:bmc"}) {
        QVERIFY2(notes.contains(QLatin1String(end)), qPrintable(notes));
        QVERIFY(!linkOn(m_plan, QLatin1String(end)));
    }
    QCOMPARE(m_plan.links.size(), std::size_t(18));

    LinkUndo back;
    QVERIFY(setDevice(m_plan, m_catalog, old, &back));
    restoreLinks(m_plan, back);
    restoreLinks(m_plan, forward);
    QCOMPARE(planToBytes(m_plan), before);

    // Same role, same ports: nothing dropped.
    updated = old;
    updated.type = QStringLiteral("cnode-genoa");
    LinkUndo none;
    const OpResult same = setDevice(m_plan, m_catalog, updated, &none);
    QVERIFY(same);
    QVERIFY(none.removed.empty());
    QCOMPARE(m_plan.links.size(), std::size_t(22));
}

void TestLinkFollow::manualLinkIsKeptAndFlagged()
{
    for (Link &l : m_plan.links)
        if (l.a.device == QLatin1String("cn3") || l.b.device == QLatin1String("cn3"))
            l.manual = true;
    const QString r2 = addRackWithFreeSlot(m_plan);
    const OpResult r = moveDevice(m_plan, m_catalog, QStringLiteral("cn3"), Placement{r2, 5, Face::Front});
    QVERIFY(r);
    // Kept as made by hand, relabelled, and named in the result and by the rule.
    const Link *data = linkOn(m_plan, QStringLiteral("cn3:p1"));
    QCOMPARE(data->cable, QStringLiteral("dac-400g-2x200g"));
    QCOMPARE(data->lengthM, 1.5);
    QVERIFY(r.notes.join(QLatin1Char(' ')).contains(QLatin1String("manual link cn3:p1--sw1:swp2s0 kept")));
    const std::vector<Finding> findings = cableFit(m_plan);
    bool named = false;
    for (const Finding &f : findings)
        named =
            named || (f.subjects.contains(QStringLiteral("cn3:p1")) && f.message.contains(QLatin1String("too short")));
    QVERIFY(named);
}

void TestLinkFollow::rackReorderRemeasuresRunsBetweenRacks()
{
    // Racks without floor positions stand in plan order: putting a rack between two others makes
    // the runs between them longer.
    const QString r2 = addRackWithFreeSlot(m_plan);
    QVERIFY(moveDevice(m_plan, m_catalog, QStringLiteral("cn1"), Placement{r2, 20, Face::Front}));
    const double mgmtBefore = linkOn(m_plan, QStringLiteral("cn1:mgmt"))->lengthM;
    Rack r3;
    r3.id = m_plan.unusedRackId();
    r3.name = r3.id;
    QVERIFY(addRack(m_plan, m_catalog, r3, 1, nullptr)); // R1, R3, R2
    const double mgmtAfter = linkOn(m_plan, QStringLiteral("cn1:mgmt"))->lengthM;
    QVERIFY2(mgmtAfter > mgmtBefore, qPrintable(QStringLiteral("%1 -> %2").arg(mgmtBefore).arg(mgmtAfter)));
    LinkUndo forward;
    QVERIFY(moveRack(m_plan, m_catalog, r2, 1, &forward)); // R1, R2, R3
    QCOMPARE(linkOn(m_plan, QStringLiteral("cn1:mgmt"))->lengthM, mgmtBefore);
    QVERIFY(!forward.changed.empty());
    QVERIFY(cableFit(m_plan).empty());
}

void TestLinkFollow::cableFitRuleReportsEveryKindOfMisfit()
{
    const auto link = [&](const char *end) -> Link & {
        for (Link &l : m_plan.links)
            if (l.a.toString() == QLatin1String(end) || l.b.toString() == QLatin1String(end))
                return l;
        qFatal("no link on %s", end);
    };
    link("cn1:mgmt").cable.clear();                              // missing
    link("cn1:bmc").cable = QStringLiteral("?");                 // missing, as the GUI shows it
    link("cn2:mgmt").lengthM = 0.5;                              // too short: 21 U from the switch
    link("sw1:swp31").cable = QStringLiteral("dac-400g-2x200g"); // 200G × 2 legs on a 400G ISL
    const std::vector<Finding> findings = cableFit(m_plan);
    QCOMPARE(findings.size(), std::size_t(4));
    QMap<QString, QString> bySubject;
    for (const Finding &f : findings) {
        QCOMPARE(f.severity, Severity::Error);
        bySubject[f.subjects.front()] = f.message;
    }
    QVERIFY2(bySubject.value(QStringLiteral("cn1:mgmt")).contains(QLatin1String("no cable chosen")),
             qPrintable(bySubject.value(QStringLiteral("cn1:mgmt"))));
    QVERIFY(bySubject.value(QStringLiteral("cn1:bmc")).contains(QLatin1String("no cable chosen")));
    QVERIFY2(bySubject.value(QStringLiteral("cn2:mgmt")).contains(QLatin1String("0.5 m is too short")),
             qPrintable(bySubject.value(QStringLiteral("cn2:mgmt"))));
    const QString isl = bySubject.value(QStringLiteral("sw1:swp31"));
    QVERIFY2(isl.contains(QLatin1String("200 Gbit/s")) && isl.contains(QLatin1String("2 leg(s)")), qPrintable(isl));
    for (const Finding &f : findings)
        if (f.subjects.front() == QLatin1String("cn2:mgmt")) {
            QCOMPARE(f.measured.value_or(-1), 0.5);
            QVERIFY(f.limit.value_or(0) > 0.5);
        }
}

static QString firstMessage(const std::vector<Finding> &findings)
{
    return findings.empty()
        ? QString()
        : QStringLiteral("%1 findings, first: %2").arg(findings.size()).arg(findings.front().message);
}

void TestLinkFollow::cableFitRuleIsQuietOnTheTemplates()
{
    // Auto-cabled plans, as the templates ship and as the cabler makes them, fit everywhere.
    for (const QString &id : templateIds()) {
        Plan plan;
        LoadError error;
        QVERIFY2(loadTemplate(id, m_catalog, plan, &error), qPrintable(error.toString()));
        const std::vector<Finding> shipped = cableFit(plan);
        QVERIFY2(shipped.empty(), qPrintable(id + QStringLiteral(": ") + firstMessage(shipped)));
        SiteProfile site;
        QVERIFY(ResolvedPlan::resolveSite(plan, m_catalog, site, nullptr));
        const CablingReport report = autoCable(plan, m_catalog, site);
        if (report.errors.isEmpty()) {
            const std::vector<Finding> cabled = cableFit(plan);
            QVERIFY2(cabled.empty(), qPrintable(id + QStringLiteral(" cabled: ") + firstMessage(cabled)));
        }
    }
}

void TestLinkFollow::bomListsCablesStillToChoose()
{
    for (Link &l : m_plan.links)
        if (l.a.toString() == QLatin1String("cn1:mgmt"))
            l.cable.clear();
    SiteProfile site;
    QVERIFY(ResolvedPlan::resolveSite(m_plan, m_catalog, site, nullptr));
    const ResolvedPlan resolved(m_plan, m_catalog, site);
    const ExportContext context(resolved);
    const BomData bom = buildBom(context);
    int toChoose = 0;
    for (const BomLine &l : bom.lines) {
        if (l.section != BomSection::CablesToChoose)
            continue;
        ++toChoose;
        QCOMPARE(l.description, QStringLiteral("cnode-1:mgmt--oob-1:swp1"));
        QVERIFY(l.lengthM && *l.lengthM > 0);
        QVERIFY(l.note.contains(QLatin1String("no cable chosen")));
    }
    QCOMPARE(toChoose, 1);
    QCOMPARE(bom.quantityOf(QStringLiteral("cat6-1g")), 9); // the ten management runs, less the unchosen one
}

void TestLinkFollow::loaderNamesADuplicateHostname()
{
    m_plan.devices[4].hostname = m_plan.devices[3].hostname; // cn2 named like cn1
    const QByteArray bytes = planToBytes(m_plan);
    Plan loaded;
    LoadError error;
    PlanLoadOptions options;
    options.catalog = &m_catalog;
    QVERIFY(!loadPlanData(bytes, QStringLiteral("dup.pocplan.json"), loaded, &error, options));
    QCOMPARE(error.file, QStringLiteral("dup.pocplan.json"));
    QCOMPARE(error.path, QStringLiteral("devices[4].hostname"));
    QVERIFY2(error.reason.contains(QLatin1String("cnode-1")) && error.reason.contains(QLatin1String("devices[3]")),
             qPrintable(error.reason));
}

QTEST_GUILESS_MAIN(TestLinkFollow)
#include "tst_linkfollow.moc"
