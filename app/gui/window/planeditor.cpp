#include "planeditor.h"

#include "app/gui/commands/cmdcableplan.h"
#include "app/gui/commands/cmddeviceadd.h"
#include "app/gui/commands/cmddeviceedit.h"
#include "app/gui/commands/cmddevicemove.h"
#include "app/gui/commands/cmddeviceremove.h"
#include "app/gui/commands/cmdlinkadd.h"
#include "app/gui/commands/cmdlinkedit.h"
#include "app/gui/commands/cmdlinkremove.h"
#include "app/gui/commands/cmdrackadd.h"
#include "app/gui/commands/cmdrackremove.h"
#include "app/gui/commands/cmdrackrename.h"
#include "app/gui/commands/cmdrackreorder.h"
#include "app/gui/commands/cmdrackresize.h"
#include "app/gui/commands/cmdsiteedit.h"
#include "app/gui/commands/cmdwaiveradd.h"
#include "app/gui/commands/cmdwaiverremove.h"

#include "planner/model/resolvedplan.h"
#include "planner/ops/devicenamer.h"
#include "planner/ops/feedpolicy.h"
#include "planner/topology/linkedit.h"

#include <QUndoStack>

namespace pp::gui {

PlanEditor::PlanEditor(PlanDocument &document, QObject *parent)
    : QObject(parent)
    , m_document(document)
    , m_undoStack(new QUndoStack(this))
{
    // The document's modified flag follows the undo stack: undoing back to the saved state is clean.
    connect(m_undoStack, &QUndoStack::cleanChanged, this, [this](bool clean) { m_document.setModified(!clean); });
    connect(&m_document, &PlanDocument::planReset, m_undoStack, &QUndoStack::clear);
    connect(&m_document, &PlanDocument::modifiedChanged, this, [this](bool modified) {
        if (!modified && !m_undoStack->isClean())
            m_undoStack->setClean();
    });
}

ops::OpResult PlanEditor::push(QUndoCommand *command)
{
    ops::OpResult result;
    static_cast<PlanCommand *>(command)->setResultSink(&result);
    m_undoStack->push(command); // deletes the command when its first redo was refused
    if (!result)
        emit refused(result.error);
    else if (!result.notes.isEmpty())
        emit noted(result.notes.join(QLatin1Char(' ')));
    return result;
}

Device PlanEditor::newDevice(const QString &typeId, const ops::Placement &where) const
{
    const DeviceType *type = m_document.catalog().deviceType(typeId);
    const ops::DeviceNamePrefixes prefixes = type ? ops::namePrefixes(type->role) : ops::unknownTypeNamePrefixes();
    ops::DeviceNamer namer(m_document.plan());
    Device d;
    d.id = namer.nextId(prefixes.id);
    d.hostname = namer.nextHostname(prefixes.hostname);
    d.type = typeId;
    d.rack = where.rack;
    d.u = where.u;
    d.face = where.face;
    if (type)
        d.psuFeeds = ops::defaultPsuFeeds(*type);
    return d;
}

ops::OpResult PlanEditor::addDevice(const QString &typeId, const ops::Placement &where)
{
    const ops::OpResult check = ops::checkPlacement(m_document.plan(), m_document.catalog(), typeId, where);
    if (!check) {
        emit refused(check.error);
        return check;
    }
    return addDevices({newDevice(typeId, where)});
}

ops::OpResult PlanEditor::addDevices(std::vector<Device> devices, const QString &text)
{
    if (devices.empty())
        return ops::OpResult::refused(tr("nothing to add"));
    return push(new CmdDeviceAdd(m_document, std::move(devices), text));
}

ops::OpResult PlanEditor::removeDevices(const QStringList &ids)
{
    if (ids.isEmpty())
        return ops::OpResult::refused(tr("nothing selected to delete"));
    return push(new CmdDeviceRemove(m_document, ids));
}

ops::OpResult PlanEditor::moveDevices(const Moves &moves)
{
    return moveDevices(moves, false);
}

ops::OpResult PlanEditor::moveDevices(const Moves &moves, bool nudge)
{
    if (moves.empty())
        return ops::OpResult::refused(tr("nothing to move"));
    return push(new CmdDeviceMove(m_document, moves, nudge));
}

ops::OpResult PlanEditor::nudgeDevices(const QStringList &ids, int deltaU)
{
    Moves moves;
    for (const QString &id : ids) {
        const Device *d = m_document.plan().findDevice(id);
        const DeviceType *type = d ? m_document.catalog().deviceType(d->type) : nullptr;
        if (!type || !type->isRackMounted() || d->rack.isEmpty())
            continue;
        moves.emplace_back(id, ops::Placement{d->rack, d->u + deltaU, d->face});
    }
    return moveDevices(moves, true);
}

ops::OpResult PlanEditor::shiftDevicesToRack(const QStringList &ids, int deltaRack)
{
    const Plan &plan = m_document.plan();
    Moves moves;
    for (const QString &id : ids) {
        const Device *d = plan.findDevice(id);
        if (!d || d->rack.isEmpty())
            continue;
        const int target = plan.rackIndex(d->rack) + deltaRack;
        if (target < 0 || target >= static_cast<int>(plan.racks.size())) {
            const ops::OpResult r = ops::OpResult::refused(
                tr("there is no rack %1 of %2").arg(deltaRack < 0 ? tr("left") : tr("right"), d->rack));
            emit refused(r.error);
            return r;
        }
        moves.emplace_back(id, ops::Placement{plan.racks[static_cast<std::size_t>(target)].id, d->u, d->face});
    }
    return moveDevices(moves);
}

ops::OpResult PlanEditor::duplicateDevices(const QStringList &ids, QStringList *newIds)
{
    std::vector<Device> copies;
    const ops::OpResult planned = ops::planDuplicates(m_document.plan(), m_document.catalog(), ids, &copies);
    if (!planned) {
        emit refused(planned.error);
        return planned;
    }
    if (newIds) {
        newIds->clear();
        for (const Device &d : copies)
            *newIds << d.id;
    }
    return addDevices(std::move(copies),
                      ids.size() == 1 ? tr("Duplicate %1").arg(ids.front())
                                      : tr("Duplicate %n devices", nullptr, static_cast<int>(ids.size())));
}

ops::OpResult PlanEditor::setDevice(const Device &updated, const QString &what)
{
    return push(new CmdDeviceEdit(m_document, updated, what));
}

ops::OpResult PlanEditor::addRack(int index, QString *newId)
{
    const Plan &plan = m_document.plan();
    Rack rack;
    rack.id = plan.unusedRackId();
    rack.name = QStringLiteral("Rack %1").arg(rack.id.mid(1));
    SiteProfile site;
    if (ResolvedPlan::resolveSite(plan, m_document.catalog(), site, nullptr))
        rack.heightU = site.rack.heightU;
    rack.position = static_cast<int>(plan.racks.size()) + 1;
    if (newId)
        *newId = rack.id;
    return push(new CmdRackAdd(m_document, rack, index));
}

ops::OpResult PlanEditor::removeRack(const QString &id)
{
    return push(new CmdRackRemove(m_document, id));
}

ops::OpResult PlanEditor::renameRack(const QString &id, const QString &name)
{
    return push(new CmdRackRename(m_document, id, name));
}

ops::OpResult PlanEditor::resizeRack(const QString &id, int heightU)
{
    return push(new CmdRackResize(m_document, id, heightU));
}

ops::OpResult PlanEditor::reorderRack(const QString &id, int newIndex)
{
    return push(new CmdRackReorder(m_document, id, newIndex));
}

ops::OpResult PlanEditor::addWaiver(const Waiver &waiver)
{
    return push(new CmdWaiverAdd(m_document, waiver));
}

ops::OpResult PlanEditor::removeWaiver(const QString &rule, const QString &subject)
{
    return push(new CmdWaiverRemove(m_document, rule, subject));
}

ops::OpResult PlanEditor::setSite(const QString &profile, const Json &overrides)
{
    return push(new CmdSiteEdit(m_document, profile, overrides));
}

// The cable policy of the plan's site, or the default when the site does not resolve.
static const CablePolicy &policyFor(const PlanDocument &document)
{
    SiteProfile site;
    if (ResolvedPlan::resolveSite(document.plan(), document.catalog(), site, nullptr))
        return sitePolicy(site);
    return CablePolicy::defaultPolicy();
}

ops::OpResult PlanEditor::connectPorts(const Endpoint &a, const Endpoint &b, QString *note)
{
    Link link;
    const ops::OpResult made =
        linkedit::makeLink(m_document.plan(), m_document.catalog(), policyFor(m_document), a, b, &link, note);
    if (!made) {
        emit refused(made.error);
        return made;
    }
    return push(new CmdLinkAdd(m_document, std::move(link)));
}

ops::OpResult PlanEditor::disconnectPort(const Endpoint &end)
{
    return push(new CmdLinkRemove(m_document, end));
}

ops::OpResult PlanEditor::setLink(const Link &updated, const QString &what)
{
    return push(new CmdLinkEdit(m_document, updated, what));
}

ops::OpResult PlanEditor::cableAutomatically(CablingReport *report)
{
    const auto fail = [&](const QString &why) {
        if (report)
            report->errors << why;
        emit refused(why);
        return ops::OpResult::refused(why);
    };
    SiteProfile site;
    QString error;
    if (!ResolvedPlan::resolveSite(m_document.plan(), m_document.catalog(), site, &error))
        return fail(error);
    // The cabler works on a copy that lives only until the change is taken from it.
    Plan cabled = m_document.plan();
    const CablingReport made = autoCable(cabled, m_document.catalog(), site);
    if (report)
        *report = made;
    ops::PlanDelta delta;
    if (const ops::OpResult diff = ops::diffPlans(m_document.plan(), cabled, &delta); !diff)
        return fail(diff.error);
    if (delta.empty())
        return ops::OpResult::done();
    return push(new CmdCablePlan(m_document, std::move(delta), tr("Cable automatically")));
}

} // namespace pp::gui
