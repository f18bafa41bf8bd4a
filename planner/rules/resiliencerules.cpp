#include "planner/rules/resiliencerules.h"

#include "planner/analysis/whatifengine.h"
#include "planner/rules/rulesupport.h"

namespace pp {

namespace {

const QString kPlanSubject = QStringLiteral("plan");

bool isDataSwitch(const DeviceType *t)
{
    if (!isSwitch(t))
        return false;
    for (const PortGroup &g : t->ports)
        if (g.purpose == PortPurpose::Data)
            return true;
    return false;
}

} // namespace

void ResilienceMinCNodesRule::check(const CheckContext &ctx, std::vector<Finding> &out) const
{
    int cnodes = 0;
    for (int i = 0; i < ctx.deviceCount(); ++i)
        if (ctx.type(i) && ctx.type(i)->role == Role::CNode && ctx.rackOf(i) >= 0)
            ++cnodes;
    const int need = ctx.limits().minCNodes;
    if (cnodes < need)
        out.push_back(makeFinding(
            id(), Severity::Error,
            QStringLiteral("the plan has %1 C-node(s); a resilient cluster needs at least %2").arg(cnodes).arg(need),
            {kPlanSubject}, cnodes, need, QStringLiteral("C-nodes")));
}

void ResilienceMinDBoxRule::check(const CheckContext &ctx, std::vector<Finding> &out) const
{
    const DesignLimits &limits = ctx.limits();
    int dboxes = 0;
    int dual = 0;
    QStringList single;
    UnknownFigureTally unknown;
    for (int i = 0; i < ctx.deviceCount(); ++i) {
        const DeviceType *t = ctx.type(i);
        if (!t || t->role != Role::DBox || ctx.rackOf(i) < 0)
            continue;
        ++dboxes;
        if (!t->storage.dpuCount.known()) {
            unknown.add(t);
            continue;
        }
        if (*t->storage.dpuCount.value >= limits.minDpusPerDBox)
            ++dual;
        else
            single << ctx.device(i).id;
    }
    if (dual < limits.minDBoxes) {
        QStringList subjects{kPlanSubject};
        subjects << single;
        const QString why = single.isEmpty()
            ? QString()
            : QStringLiteral(" (%1 with fewer DPUs)").arg(single.join(QStringLiteral(", ")));
        out.push_back(makeFinding(
            id(), Severity::Error,
            QStringLiteral("the plan has %1 D-box(es) with %2 or more DPUs, of %3 D-box(es)%4; it needs at least %5")
                .arg(dual)
                .arg(limits.minDpusPerDBox)
                .arg(dboxes)
                .arg(why)
                .arg(limits.minDBoxes),
            subjects, dual, limits.minDBoxes, QStringLiteral("D-boxes")));
    }
    unknown.report(id(), QStringLiteral("DPU count"), QStringLiteral("not counted as dual-DPU D-boxes"), out);
}

void ResilienceSwitchPairRule::check(const CheckContext &ctx, std::vector<Finding> &out) const
{
    int switches = 0;
    for (int i = 0; i < ctx.deviceCount(); ++i)
        if (isDataSwitch(ctx.type(i)) && ctx.rackOf(i) >= 0)
            ++switches;
    const int need = ctx.limits().minDataSwitches;
    if (switches < need)
        out.push_back(makeFinding(
            id(), Severity::Error,
            QStringLiteral(
                "the plan has %1 data switch(es); a switch failure must leave a path, so it needs at least %2")
                .arg(switches)
                .arg(need),
            {kPlanSubject}, switches, need, QStringLiteral("switches")));
}

void ResilienceDualPsuRule::check(const CheckContext &ctx, std::vector<Finding> &out) const
{
    const int need = ctx.limits().minPsus;
    for (int i = 0; i < ctx.deviceCount(); ++i) {
        const DeviceType *t = ctx.type(i);
        if (!ctx.load(i).counted || t->role == Role::Pdu)
            continue;
        const Device &d = ctx.device(i);
        const int planned = static_cast<int>(d.psuFeeds.size());
        if (t->psu.count.known() && *t->psu.count.value < need) {
            out.push_back(
                makeFinding(id(), Severity::Error,
                            QStringLiteral("%1: a %2 has %3 PSU(s); losing it or its feed takes the device down")
                                .arg(d.id, t->id)
                                .arg(*t->psu.count.value),
                            {d.id}, *t->psu.count.value, need, QStringLiteral("PSUs")));
        } else if (planned < need) {
            out.push_back(makeFinding(id(), Severity::Error,
                                      planned == 0
                                          ? QStringLiteral("%1 has no PSU connected to a feed in the plan").arg(d.id)
                                          : QStringLiteral("%1 has %2 PSU(s) connected (feeds: %3); it needs %4")
                                                .arg(d.id)
                                                .arg(planned)
                                                .arg(d.psuFeeds.join(QStringLiteral(", ")))
                                                .arg(need),
                                      {d.id}, planned, need, QStringLiteral("PSUs")));
        }
    }
}

void ResilienceSinglePointRule::check(const CheckContext &ctx, std::vector<Finding> &out) const
{
    const FailureModel model(ctx);
    const WhatIfEngine engine(model);
    // Only the domains that can matter are evaluated (singlePointScan), so the rule stays cheap
    // after every edit; a plan that serves nothing intact gives none (the other rules name why).
    for (const WhatIfResult &r : engine.singlePointScan()) {
        const FailureDomain &domain = model.domain(r.domains.front());
        QString message = QStringLiteral("%1: losing it alone: %2").arg(domain.label, engine.harm(r));
        if (!r.dataAvailable && domain.kind == FailureKind::DBox && model.stripsPerDbox() > model.parityStrips())
            message += QStringLiteral(". The plan's %1 D-box(es) are its known limit: a stripe survives the loss of a "
                                      "whole D-box from %2 D-boxes of this kind")
                           .arg(model.dboxCount())
                           .arg(model.dboxesToSurviveOneLoss());
        if (r.dataAvailable)
            out.push_back(makeFinding(id(), Severity::Warning, message, {domain.id},
                                      static_cast<double>(r.disconnectedNodes.size()), 0, QStringLiteral("nodes")));
        else
            out.push_back(makeFinding(id(), Severity::Warning, message, {domain.id}, r.stripsLost, model.parityStrips(),
                                      QStringLiteral("strips")));
    }
}

} // namespace pp
