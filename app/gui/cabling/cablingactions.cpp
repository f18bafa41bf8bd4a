#include "cablingactions.h"

#include "app/gui/window/planeditor.h"
#include "portviewdialog.h"

#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QWidget>

namespace pp::gui {

CablingActions::CablingActions(QWidget *window, PlanEditor &editor, std::function<QString()> selectedDevice)
    : QObject(window)
    , m_window(window)
    , m_editor(editor)
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

CablingReport CablingActions::cableAutomatically()
{
    CablingReport report;
    if (!m_editor.cableAutomatically(&report)) {
        if (!report.errors.isEmpty())
            emit message(report.errors.constLast());
        return report;
    }
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
    auto *dialog = new PortViewDialog(m_editor, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->showDevice(deviceId);
    dialog->show();
}

} // namespace pp::gui
