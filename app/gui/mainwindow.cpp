#include "mainwindow.h"

#include "cablingactions.h"
#include "rackscene.h"

#include "planner/plansummary.h"
#include "planner/templates.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QGraphicsItem>
#include <QGraphicsView>
#include <QInputDialog>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>
#include <QTimer>

namespace pp::gui {

static const QString kPlanFilter = QObject::tr("POC plans (*.pocplan.json *.json);;All files (*)");
static const char *kRecentKey = "recentFiles";
constexpr int kMaxRecent = 8;

MainWindow::MainWindow(const Catalog &catalog, QWidget *parent)
    : QMainWindow(parent), m_catalog(catalog)
{
    m_document = new PlanDocument(catalog, this);
    m_scene = new RackScene(*m_document, this);
    m_view = new QGraphicsView(m_scene, this);
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setDragMode(QGraphicsView::ScrollHandDrag);
    m_view->setBackgroundBrush(QColor(0xe9, 0xec, 0xef));
    setCentralWidget(m_view);

    m_powerLabel = new QLabel(this);
    statusBar()->addPermanentWidget(m_powerLabel);

    createMenus();
    connect(m_document, &PlanDocument::planChanged, this, &MainWindow::updateStatus);
    connect(m_document, &PlanDocument::modifiedChanged, this, &MainWindow::updateTitle);
    connect(m_document, &PlanDocument::fileNameChanged, this, &MainWindow::updateTitle);
    connect(m_document, &PlanDocument::planReset, this, [this] { QTimer::singleShot(0, this, &MainWindow::fitToView); });
    resize(1280, 860);
    updateTitle();
    updateStatus();
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QMenu *newMenu = file->addMenu(tr("&New from template"));
    for (const QString &id : templateIds())
        newMenu->addAction(id, this, [this, id] { if (maybeSave()) newFromTemplate(id); });
    QAction *open = file->addAction(tr("&Open…"), this, [this] {
        if (!maybeSave())
            return;
        const QString name = QFileDialog::getOpenFileName(this, tr("Open plan"), QString(), kPlanFilter);
        if (!name.isEmpty())
            openFile(name);
    });
    open->setShortcut(QKeySequence::Open);
    m_recentMenu = file->addMenu(tr("Open &recent"));
    file->addSeparator();
    file->addAction(tr("&Save"), this, &MainWindow::save)->setShortcut(QKeySequence::Save);
    file->addAction(tr("Save &as…"), this, &MainWindow::saveAs)->setShortcut(QKeySequence::SaveAs);
    file->addSeparator();
    file->addAction(tr("&Quit"), this, &QWidget::close)->setShortcut(QKeySequence::Quit);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    QAction *rear = view->addAction(tr("Show &rear"));
    rear->setCheckable(true);
    rear->setShortcut(QKeySequence(Qt::Key_R));
    connect(rear, &QAction::toggled, this, [this](bool on) { m_scene->setFace(on ? Face::Rear : Face::Front); });
    view->addAction(tr("&Fit to window"), this, &MainWindow::fitToView)->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
    view->addAction(tr("Zoom &in"), this, [this] { m_view->scale(1.25, 1.25); })->setShortcut(QKeySequence::ZoomIn);
    view->addAction(tr("Zoom &out"), this, [this] { m_view->scale(0.8, 0.8); })->setShortcut(QKeySequence::ZoomOut);

    auto *cabling = new CablingActions(this, *m_document, nullptr, [this] {
        const auto items = m_scene->selectedItems();
        return items.isEmpty() ? QString() : items.first()->data(0).toString();
    });
    cabling->addMenu(menuBar());
    connect(cabling, &CablingActions::message, this, [this](const QString &text) { statusBar()->showMessage(text, 6000); });

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About POC Planner"), this, [this] {
        QMessageBox::about(this, tr("About POC Planner"),
                           tr("<b>POC Planner %1</b><p>Plan, check and export AI-storage proof-of-concept kits: racks, power, cooling, network and sizing.</p>")
                               .arg(QStringLiteral(POCPLAN_VERSION)));
    });
    updateRecentMenu();
}

bool MainWindow::openFile(const QString &fileName)
{
    LoadError error;
    if (!m_document->open(fileName, &error)) {
        QMessageBox::critical(this, tr("Cannot open plan"), error.toString());
        return false;
    }
    addRecentFile(fileName);
    statusBar()->showMessage(tr("Opened %1").arg(fileName), 4000);
    return true;
}

bool MainWindow::newFromTemplate(const QString &templateId)
{
    Plan plan;
    LoadError error;
    if (!loadTemplate(templateId, m_catalog, plan, &error)) {
        QMessageBox::critical(this, tr("Cannot create plan"), error.toString());
        return false;
    }
    m_document->reset(std::move(plan), QString());
    return true;
}

bool MainWindow::save()
{
    if (m_document->fileName().isEmpty())
        return saveAs();
    QString error;
    if (!m_document->save(m_document->fileName(), &error)) {
        QMessageBox::critical(this, tr("Save failed"), tr("%1\n\nThe previous file on disk is unchanged.").arg(error));
        return false;
    }
    statusBar()->showMessage(tr("Saved %1").arg(m_document->fileName()), 4000);
    return true;
}

bool MainWindow::saveAs()
{
    QString name = QFileDialog::getSaveFileName(this, tr("Save plan"), m_document->fileName(), kPlanFilter);
    if (name.isEmpty())
        return false;
    if (!name.endsWith(QLatin1String(".json")))
        name += QStringLiteral(".pocplan.json");
    QString error;
    if (!m_document->save(name, &error)) {
        QMessageBox::critical(this, tr("Save failed"), tr("%1\n\nThe previous file on disk is unchanged.").arg(error));
        return false;
    }
    addRecentFile(name);
    return true;
}

bool MainWindow::maybeSave()
{
    if (!m_document->isModified())
        return true;
    const auto answer = QMessageBox::warning(this, tr("Unsaved changes"), tr("The plan has unsaved changes. Save them?"),
                                             QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel);
    if (answer == QMessageBox::Save)
        return save();
    return answer == QMessageBox::Discard;
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (maybeSave())
        event->accept();
    else
        event->ignore();
}

void MainWindow::updateTitle()
{
    const QString name = m_document->fileName().isEmpty() ? tr("Untitled") : QFileInfo(m_document->fileName()).fileName();
    setWindowTitle(QStringLiteral("%1[*] — POC Planner").arg(name));
    setWindowModified(m_document->isModified());
}

void MainWindow::updateStatus()
{
    SiteProfile site;
    QString error;
    if (!ResolvedPlan::resolveSite(m_document->plan(), m_catalog, site, &error)) {
        m_powerLabel->setText(error);
        return;
    }
    const ResolvedPlan resolved(m_document->plan(), m_catalog, site);
    const PlanSummary summary = summarize(resolved);
    const double budgetKW = site.power.budgetKW;
    const double typicalKW = summary.typicalW / 1000.0;
    const bool over = budgetKW > 0 && typicalKW > budgetKW;
    m_powerLabel->setText(tr("%1 — power %2 kW typical / %3 kW max of %4 kW budget")
                              .arg(site.name).arg(typicalKW, 0, 'f', 2).arg(summary.maxW / 1000.0, 0, 'f', 2).arg(budgetKW, 0, 'f', 1));
    m_powerLabel->setStyleSheet(over ? QStringLiteral("color: #b00020; font-weight: bold") : QString());
}

void MainWindow::updateRecentMenu()
{
    m_recentMenu->clear();
    const QStringList files = QSettings().value(QLatin1String(kRecentKey)).toStringList();
    for (const QString &f : files)
        m_recentMenu->addAction(f, this, [this, f] { if (maybeSave()) openFile(f); });
    m_recentMenu->setEnabled(!files.isEmpty());
}

void MainWindow::addRecentFile(const QString &fileName)
{
    QSettings settings;
    QStringList files = settings.value(QLatin1String(kRecentKey)).toStringList();
    const QString path = QFileInfo(fileName).absoluteFilePath();
    files.removeAll(path);
    files.prepend(path);
    while (files.size() > kMaxRecent)
        files.removeLast();
    settings.setValue(QLatin1String(kRecentKey), files);
    updateRecentMenu();
}

void MainWindow::fitToView()
{
    m_view->fitInView(m_scene->sceneRect(), Qt::KeepAspectRatio);
}

} // namespace pp::gui
