#include "app/gui/window/comparecontroller.h"

#include "app/gui/canvas/changeoverlay.h"
#include "app/gui/canvas/rackscene.h"
#include "app/gui/panels/changespanel.h"
#include "exporters/bom/bomdelta.h"
#include "exporters/common/outputfolder.h"
#include "planner/io/planio.h"

#include <QTimer>

namespace pp::gui {

CompareController::CompareController(PlanDocument &document, RackScene &scene, ChangesPanel &panel, QObject *parent)
    : QObject(parent)
    , m_document(document)
    , m_panel(panel)
    , m_overlay(new ChangeOverlay(scene, this))
{
    // After the scene has placed the edited devices (it is connected first), the marks follow.
    connect(&m_document, &PlanDocument::planChanged, this, &CompareController::update);
    connect(&m_document, &PlanDocument::planReset, this, &CompareController::update);
    connect(&m_panel, &ChangesPanel::closeRequested, this, &CompareController::stop);
}

bool CompareController::compareWith(const QString &fileName, QString *error)
{
    Plan other;
    LoadError loadError;
    if (!loadPlanFile(fileName, other, &loadError, PlanLoadOptions{&m_document.catalog(), nullptr})) {
        *error = loadError.toString();
        return false;
    }
    m_other = std::move(other);
    m_fileName = fileName;
    update();
    return true;
}

void CompareController::stop()
{
    m_fileName.clear();
    m_other = Plan();
    m_overlay->clear();
    m_panel.clear();
}

bool CompareController::exportChange(const QString &folder, QString *error) const
{
    if (!active()) {
        *error = tr("No comparison is open.");
        return false;
    }
    const Plan &current = m_document.plan();
    SiteProfile oldSite;
    SiteProfile newSite;
    if (!ResolvedPlan::resolveSite(m_other, m_document.catalog(), oldSite, error) ||
        !ResolvedPlan::resolveSite(current, m_document.catalog(), newSite, error))
        return false;
    const ResolvedPlan before(m_other, m_document.catalog(), oldSite);
    const ResolvedPlan after(current, m_document.catalog(), newSite);
    const DiffReport report =
        buildDiffReport(m_other, current, diffPlans(m_other, current), m_fileName, m_document.fileName());
    const BomDelta delta = buildBomDelta(ExportContext(before), ExportContext(after), report, m_fileName);
    OutputFolder out(folder);
    return out.prepare(error) && out.write(QStringLiteral("change-bom.csv"), BomDeltaWriter::csv(delta), error) &&
        out.write(QStringLiteral("change-bom.md"), BomDeltaWriter::markdown(delta), error);
}

void CompareController::update()
{
    if (!active())
        return;
    const Plan &current = m_document.plan();
    const PlanDiff diff = diffPlans(m_other, current);
    DiffReport report = buildDiffReport(m_other, current, diff, m_fileName, m_document.fileName());
    SiteProfile oldSite;
    SiteProfile newSite;
    if (ResolvedPlan::resolveSite(m_other, m_document.catalog(), oldSite, nullptr) &&
        ResolvedPlan::resolveSite(current, m_document.catalog(), newSite, nullptr)) {
        report.figures = compareFigures(ResolvedPlan(m_other, m_document.catalog(), oldSite),
                                        ResolvedPlan(current, m_document.catalog(), newSite));
        report.hasFigures = true;
    }
    m_panel.setReport(report);
    m_overlay->show(report, m_other);
}

} // namespace pp::gui
