#include "cablingactions.h"

#include "app/gui/commands/cmdplanreplace.h"
#include "portviewdialog.h"

#include "planner/model/resolvedplan.h"

#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QUndoStack>
#include <QWidget>

namespace pp::gui {

CablingActions::CablingActions(QWidget *window, PlanDocument &document, QUndoStack *undoStack,
                               std::function<QString()> selectedDevice)
    : QObject(window)
    , m_window(window)
    , m_document(document)
    , m_undoStack(undoStack)
    , m_selectedDevice(std::move(selectedDevice))
{ }

void CablingActions::addMenu(QMenuBar *menuBar)
{
    QMenu *menu = menuBar->addMenu(tr("&Network"));
    QAction *cable = menu->addAction(tr("&Cable automatically"), this, [this] {
        const CablingReport report = cableAutomatically();
        if (!report.errors.isEmpty())
            QMessageBox::warning(m_window, tr("Cable automatically"),
                                 tr("The plan was cabled, but:\n\n%1").arg(report.errors.join(QLatin1Char('\n'))));
    });
    cable->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_K));
    cable->setObjectName(QStringLiteral("actionCableAutomatically"));
    QAction *ports = menu->addAction(tr("&Ports of device…"), this,
                                     [this] { showPortView(m_selectedDevice ? m_selectedDevice() : QString()); });
    ports->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_P));
    ports->setObjectName(QStringLiteral("actionPortView"));
}

void CablingActions::apply(Plan after, const QString &text)
{
    if (m_undoStack)
        m_undoStack->push(new CmdPlanReplace(m_document, std::move(after), text));
    else
        m_document.edit([&after](Plan &plan) { plan = std::move(after); });
}

CablingReport CablingActions::cableAutomatically()
{
    SiteProfile site;
    QString error;
    if (!ResolvedPlan::resolveSite(m_document.plan(), m_document.catalog(), site, &error)) {
        CablingReport report;
        report.errors << error;
        emit message(error);
        return report;
    }
    Plan plan = m_document.plan();
    const CablingReport report = autoCable(plan, m_document.catalog(), site);
    apply(std::move(plan), tr("Cable automatically"));
    emit message(tr("Cabled: %1 links made, %2 kept by hand, %3 site uplinks%4%5")
                     .arg(report.linksMade)
                     .arg(report.manualKept)
                     .arg(report.uplinks)
                     .arg(report.switchesAdded ? tr(", %1 switches added").arg(report.switchesAdded) : QString())
                     .arg(report.errors.isEmpty() ? QString() : tr(", %1 problems").arg(report.errors.size())));
    return report;
}

void CablingActions::showPortView(const QString &deviceId)
{
    auto *dialog = new PortViewDialog(
        m_document, [this](Plan after, const QString &text) { apply(std::move(after), text); }, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->showDevice(deviceId);
    dialog->show();
}

} // namespace pp::gui
