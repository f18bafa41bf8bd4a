#include "mainwindow.h"

#include "app/gui/cabling/cablingactions.h"
#include "app/gui/canvas/rackscene.h"
#include "app/gui/canvas/rackview.h"
#include "app/gui/catalog/catalogpalette.h"
#include "app/gui/dialogs/exportdialog.h"
#include "app/gui/dialogs/sitedialog.h"
#include "app/gui/panels/changespanel.h"
#include "app/gui/panels/dashboardwidget.h"
#include "app/gui/panels/findingspanel.h"
#include "app/gui/panels/inspectorpanel.h"
#include "app/gui/panels/whatifpanel.h"
#include "app/gui/sizing/sizingtab.h"
#include "autosaver.h"
#include "checkrunner.h"
#include "comparecontroller.h"
#include "filechangedbar.h"
#include "filechangewatcher.h"
#include "planeditor.h"

#include "planner/model/plansummary.h"
#include "planner/templates/templates.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QGraphicsItem>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QScreen>
#include <QScrollArea>
#include <QSettings>
#include <QStatusBar>
#include <QTabWidget>
#include <QTimer>
#include <QTreeWidget>
#include <QUndoStack>
#include <QUndoView>
#include <QVBoxLayout>
#include <algorithm>

namespace pp::gui {

static const QString kPlanFilter = QObject::tr("POC plans (*.pocplan.json *.json);;All files (*)");
static const char *kRecentKey = "recentFiles";
constexpr int kMaxRecent = 8;
constexpr int kCheckDelayMs = 40; // coalesces a burst of edits (arrow-key repeats) into one check

MainWindow::MainWindow(const Catalog &catalog, QWidget *parent)
    : QMainWindow(parent)
    , m_catalog(catalog)
{
    m_document = new PlanDocument(catalog, this);
    m_editor = new PlanEditor(*m_document, this);
    m_scene = new RackScene(*m_document, m_editor, this);
    m_view = new RackView(m_scene, this);
    m_checks = new CheckRunner(catalog, this);
    m_autosaver = new Autosaver(*m_document, this);
    createCentralWidget();
    createDocks();
    createActions();
    createMenus();
    createToolHooks();

    m_checkTimer = new QTimer(this);
    m_checkTimer->setSingleShot(true);
    m_checkTimer->setInterval(kCheckDelayMs);
    connect(m_checkTimer, &QTimer::timeout, this, &MainWindow::recheck);
    connect(m_checks, &CheckRunner::reportReady, this, &MainWindow::onReport);
    connectDocument();
    connectPanels();

    restoreWindowLayout();
    updateTitle();
    updateStatus();
    updateActions();
    m_zoomLabel->setText(tr("zoom 100%"));
}

// The tabs (canvas, dashboard) under the "changed on disk" bar, and the status bar's figures.
void MainWindow::createCentralWidget()
{
    m_tabs = new QTabWidget(this);
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_view, tr("Racks"));
    m_dashboard = new DashboardWidget(*m_document, this);
    m_tabs->addTab(scrollable(m_dashboard), tr("Dashboard"));
    // The "changed on disk" bar sits above the tabs, hidden until another program edits our file.
    m_fileChangedBar = new FileChangedBar(this);
    auto *central = new QWidget(this);
    auto *centralLayout = new QVBoxLayout(central);
    centralLayout->setContentsMargins(0, 0, 0, 0);
    centralLayout->setSpacing(0);
    centralLayout->addWidget(m_fileChangedBar);
    centralLayout->addWidget(m_tabs, 1);
    setCentralWidget(central);

    m_powerLabel = new QLabel(this);
    m_findingsLabel = new QLabel(this);
    m_zoomLabel = new QLabel(this);
    statusBar()->addPermanentWidget(m_findingsLabel);
    statusBar()->addPermanentWidget(m_powerLabel);
    statusBar()->addPermanentWidget(m_zoomLabel);
}

// What follows each edit and each new plan: status, checks, title, the file watcher.
void MainWindow::connectDocument()
{
    connect(m_document, &PlanDocument::planChanged, this, [this] {
        updateStatus();
        m_findings->setChecking(true);
        m_checkTimer->start();
    });
    connect(m_document, &PlanDocument::modifiedChanged, this, &MainWindow::updateTitle);
    connect(m_document, &PlanDocument::fileNameChanged, this, &MainWindow::updateTitle);
    connect(m_document, &PlanDocument::planReset, this,
            [this] { QTimer::singleShot(0, this, &MainWindow::fitToView); });
    m_fileWatcher = new FileChangeWatcher(this);
    connect(m_document, &PlanDocument::fileNameChanged, m_fileWatcher, &FileChangeWatcher::setFile);
    connect(m_document, &PlanDocument::planReset, m_fileWatcher, &FileChangeWatcher::acknowledge);
    connect(m_document, &PlanDocument::planReset, m_fileChangedBar, &QWidget::hide);
    connect(m_document, &PlanDocument::modifiedChanged, m_fileChangedBar, &FileChangedBar::setUnsavedEdits);
    connect(m_fileWatcher, &FileChangeWatcher::changedOnDisk, this,
            [this](const QString &file) { m_fileChangedBar->showChanged(file, m_document->isModified()); });
    connect(m_fileChangedBar, &FileChangedBar::reloadRequested, this, &MainWindow::reloadFromDisk);
    connect(m_fileChangedBar, &FileChangedBar::keepRequested, this, &MainWindow::keepMine);
}

// The canvas, the editor and the panels talking to each other and to the status bar.
void MainWindow::connectPanels()
{
    connect(m_scene, &QGraphicsScene::selectionChanged, this, &MainWindow::onSelectionChanged);
    connect(m_scene, &RackScene::message, this, &MainWindow::showMessage);
    connect(m_scene, &RackScene::contextMenuRequested, this, &MainWindow::showContextMenu);
    connect(m_scene, &RackScene::deviceActivated, this, &MainWindow::editProperties);
    connect(m_scene, &RackScene::rackActivated, this, &MainWindow::renameRack);
    connect(m_editor, &PlanEditor::refused, this,
            [this](const QString &why) { showMessage(tr("Refused: %1").arg(why)); });
    connect(m_editor, &PlanEditor::noted, this, &MainWindow::showMessage);
    connect(m_view, &RackView::zoomChanged, this,
            [this](double zoom) { m_zoomLabel->setText(tr("zoom %1%").arg(qRound(zoom * 100))); });
    connect(m_findings, &FindingsPanel::subjectsActivated, this, [this](const QStringList &subjects) {
        const QRectF bounds = m_scene->selectSubjects(subjects);
        if (!bounds.isNull()) {
            m_tabs->setCurrentWidget(m_view);
            m_view->centreOn(bounds);
        }
    });
    connect(m_palette, &CatalogPalette::addRequested, this, &MainWindow::addTypeToCurrentRack);
    connect(m_whatIf, &WhatIfPanel::overlayChanged, m_scene, &RackScene::setWhatIf);
    connect(m_whatIf, &WhatIfPanel::failSelectedRequested, this,
            [this] { m_whatIf->failDevices(m_scene->selectedDeviceIds()); });
    connect(&m_editor->undoStack(), &QUndoStack::indexChanged, this, &MainWindow::updateActions);
}

MainWindow::~MainWindow()
{
    // Tear down without signals: children are deleted in creation order, so the document, the
    // undo stack and the scene would otherwise call into panels that are already gone.
    m_checkTimer->stop();
    m_scene->disconnect();
    m_document->disconnect();
    m_editor->undoStack().disconnect();
    delete m_undoView;
    m_undoView = nullptr;
}

// ---- actions and menus ---------------------------------------------------------------------

QAction *MainWindow::makeAction(const QString &name, const QString &text, const QKeySequence &shortcut,
                                void (MainWindow::*slot)())
{
    auto *a = new QAction(text, this);
    a->setObjectName(name);
    if (!shortcut.isEmpty())
        a->setShortcut(shortcut);
    if (slot)
        connect(a, &QAction::triggered, this, slot);
    return a;
}

QAction *MainWindow::action(const QString &name) const
{
    return findChild<QAction *>(name);
}

QMenu *MainWindow::menu(Menu which) const
{
    return m_menus[static_cast<int>(which)];
}

void MainWindow::createActions()
{
    createFileEditActions();
    createCanvasActions();
    createRackViewActions();
}

// File and Edit actions that work wherever the focus is.
void MainWindow::createFileEditActions()
{
    makeAction(QStringLiteral("file.save"), tr("&Save"), QKeySequence::Save, nullptr);
    connect(action(QStringLiteral("file.save")), &QAction::triggered, this, &MainWindow::save);
    makeAction(QStringLiteral("file.saveAs"), tr("Save &as…"), QKeySequence::SaveAs, nullptr);
    connect(action(QStringLiteral("file.saveAs")), &QAction::triggered, this, &MainWindow::saveAs);

    QAction *undo = m_editor->undoStack().createUndoAction(this, tr("&Undo"));
    undo->setObjectName(QStringLiteral("edit.undo"));
    undo->setShortcut(QKeySequence::Undo);
    QAction *redo = m_editor->undoStack().createRedoAction(this, tr("&Redo"));
    redo->setObjectName(QStringLiteral("edit.redo"));
    redo->setShortcuts({QKeySequence::Redo, QKeySequence(Qt::CTRL | Qt::Key_Y)});

    makeAction(QStringLiteral("edit.addDevice"), tr("&Add device…"), QKeySequence(Qt::Key_Insert),
               &MainWindow::addDeviceByKeyboard);
    makeAction(QStringLiteral("edit.duplicate"), tr("D&uplicate"), QKeySequence(Qt::CTRL | Qt::Key_D),
               &MainWindow::duplicateSelection);
    makeAction(QStringLiteral("edit.properties"), tr("&Properties"), QKeySequence(Qt::Key_F2),
               &MainWindow::editProperties);
    makeAction(QStringLiteral("edit.selectAll"), tr("Select a&ll devices"), QKeySequence::SelectAll, nullptr);
    connect(action(QStringLiteral("edit.selectAll")), &QAction::triggered, this, [this] {
        for (QGraphicsItem *item : m_scene->items())
            if (!item->data(0).toString().isEmpty())
                item->setSelected(true);
    });
}

void MainWindow::createCanvasActions()
{
    // Canvas keys only act while the canvas has focus, so that Delete and the arrows still edit
    // text in the inspector and the search box.
    const auto canvasAction = [this](const QString &name, const QString &text, const QKeySequence &key,
                                     void (MainWindow::*slot)()) {
        QAction *a = makeAction(name, text, key, slot);
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        m_view->addAction(a);
        return a;
    };
    canvasAction(QStringLiteral("edit.delete"), tr("&Delete"), QKeySequence::Delete, &MainWindow::deleteSelection)
        ->setShortcuts({QKeySequence::Delete, QKeySequence(Qt::Key_Backspace)});
    canvasAction(QStringLiteral("edit.moveUp"), tr("Move up 1U"), QKeySequence(Qt::Key_Up), &MainWindow::nudgeUp);
    canvasAction(QStringLiteral("edit.moveDown"), tr("Move down 1U"), QKeySequence(Qt::Key_Down),
                 &MainWindow::nudgeDown);
    canvasAction(QStringLiteral("edit.moveLeft"), tr("Move to rack on the left"), QKeySequence(Qt::Key_Left),
                 &MainWindow::moveToLeftRack);
    canvasAction(QStringLiteral("edit.moveRight"), tr("Move to rack on the right"), QKeySequence(Qt::Key_Right),
                 &MainWindow::moveToRightRack);
    canvasAction(QStringLiteral("edit.selectNext"), tr("Select &next device"), QKeySequence(Qt::Key_Tab),
                 &MainWindow::selectNext);
    canvasAction(QStringLiteral("edit.selectPrevious"), tr("Select pre&vious device"),
                 QKeySequence(Qt::SHIFT | Qt::Key_Backtab), &MainWindow::selectPrevious);
}

// Rack, View and Plan actions, with the keys that reach every panel for keyboard-only use.
void MainWindow::createRackViewActions()
{
    makeAction(QStringLiteral("rack.add"), tr("&Add rack"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N),
               &MainWindow::addRack);
    makeAction(QStringLiteral("rack.remove"), tr("&Remove rack…"), QKeySequence(), &MainWindow::removeRack);
    makeAction(QStringLiteral("rack.rename"), tr("Re&name rack…"), QKeySequence(Qt::SHIFT | Qt::Key_F2),
               &MainWindow::renameRack);
    makeAction(QStringLiteral("rack.moveLeft"), tr("Move rack &left"),
               QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Left), &MainWindow::moveRackLeft);
    makeAction(QStringLiteral("rack.moveRight"), tr("Move rack ri&ght"),
               QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Right), &MainWindow::moveRackRight);

    QAction *rear = makeAction(QStringLiteral("view.rear"), tr("Show &rear"), QKeySequence(Qt::Key_R), nullptr);
    rear->setCheckable(true);
    connect(rear, &QAction::toggled, this, [this](bool on) { m_scene->setFace(on ? Face::Rear : Face::Front); });
    makeAction(QStringLiteral("view.fit"), tr("&Fit to window"), QKeySequence(Qt::CTRL | Qt::Key_0),
               &MainWindow::fitToView);
    makeAction(QStringLiteral("view.zoomIn"), tr("Zoom &in"), QKeySequence::ZoomIn, nullptr);
    connect(action(QStringLiteral("view.zoomIn")), &QAction::triggered, this, [this] { m_view->zoomBy(1.25); });
    makeAction(QStringLiteral("view.zoomOut"), tr("Zoom &out"), QKeySequence::ZoomOut, nullptr);
    connect(action(QStringLiteral("view.zoomOut")), &QAction::triggered, this, [this] { m_view->zoomBy(0.8); });
    makeAction(QStringLiteral("view.zoom100"), tr("&Actual size"), QKeySequence(Qt::CTRL | Qt::Key_1), nullptr);
    connect(action(QStringLiteral("view.zoom100")), &QAction::triggered, this, [this] { m_view->resetZoom(); });
    makeAction(QStringLiteral("view.canvas"), tr("Go to &canvas"), QKeySequence(Qt::Key_F6), nullptr);
    connect(action(QStringLiteral("view.canvas")), &QAction::triggered, this, [this] {
        m_tabs->setCurrentWidget(m_view);
        m_view->setFocus();
    });

    // Keyboard-only use: every panel is one key away (Tab on the canvas walks the devices).
    makeAction(QStringLiteral("view.catalog"), tr("Go to catalog &search"), QKeySequence::Find, nullptr);
    connect(action(QStringLiteral("view.catalog")), &QAction::triggered, this, [this] {
        findChild<QDockWidget *>(QStringLiteral("dock.catalog"))->show();
        m_palette->searchBox()->setFocus();
        m_palette->searchBox()->selectAll();
    });
    makeAction(QStringLiteral("view.findings"), tr("Go to fi&ndings"), QKeySequence(Qt::Key_F9), nullptr);
    connect(action(QStringLiteral("view.findings")), &QAction::triggered, this, [this] {
        findChild<QDockWidget *>(QStringLiteral("dock.findings"))->show();
        m_findings->tree()->setFocus();
    });
    makeAction(QStringLiteral("plan.site"), tr("&Site…"), QKeySequence(Qt::CTRL | Qt::Key_T), &MainWindow::editSite);
    makeAction(QStringLiteral("plan.check"), tr("&Check now"), QKeySequence(Qt::Key_F5), &MainWindow::recheck);
}

void MainWindow::createMenus()
{
    createFileMenu();
    createEditMenus();
    createHelpMenu();
    updateRecentMenu();
}

void MainWindow::createFileMenu()
{
    QMenu *file = m_menus[static_cast<int>(Menu::File)] = menuBar()->addMenu(tr("&File"));
    QMenu *newMenu = file->addMenu(tr("&New from template"));
    for (const QString &id : templateIds())
        newMenu->addAction(id, this, [this, id] {
            if (maybeSave())
                newFromTemplate(id);
        });
    QAction *open = file->addAction(tr("&Open…"), this, [this] {
        if (!maybeSave())
            return;
        const QString name = QFileDialog::getOpenFileName(this, tr("Open plan"), QString(), kPlanFilter);
        if (!name.isEmpty())
            openFile(name);
    });
    open->setObjectName(QStringLiteral("file.open"));
    open->setShortcut(QKeySequence::Open);
    m_recentMenu = file->addMenu(tr("Open &recent"));
    file->addSeparator();
    file->addAction(action(QStringLiteral("file.save")));
    file->addAction(action(QStringLiteral("file.saveAs")));
    file->addSeparator(); // exports go below this line (see createToolHooks)
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    quit->setObjectName(QStringLiteral("file.quit"));
}

// Edit, Rack, View, Plan and the (empty until hooked) Tools menu, from the named actions.
void MainWindow::createEditMenus()
{
    QMenu *edit = m_menus[static_cast<int>(Menu::Edit)] = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(action(QStringLiteral("edit.undo")));
    edit->addAction(action(QStringLiteral("edit.redo")));
    edit->addSeparator();
    for (const char *name : {"edit.addDevice", "edit.duplicate", "edit.delete", "edit.properties"})
        edit->addAction(action(QLatin1String(name)));
    edit->addSeparator();
    for (const char *name : {"edit.moveUp", "edit.moveDown", "edit.moveLeft", "edit.moveRight", "edit.selectNext",
                             "edit.selectPrevious", "edit.selectAll"})
        edit->addAction(action(QLatin1String(name)));

    QMenu *rack = m_menus[static_cast<int>(Menu::Rack)] = menuBar()->addMenu(tr("&Rack"));
    for (const char *name : {"rack.add", "rack.rename", "rack.moveLeft", "rack.moveRight", "rack.remove"})
        rack->addAction(action(QLatin1String(name)));

    QMenu *view = m_menus[static_cast<int>(Menu::View)] = menuBar()->addMenu(tr("&View"));
    for (const char *name : {"view.rear", "view.fit", "view.zoomIn", "view.zoomOut", "view.zoom100", "view.canvas",
                             "view.catalog", "view.findings"})
        view->addAction(action(QLatin1String(name)));
    view->addSeparator();
    m_docksMenu = view->addMenu(tr("&Panels"));
    for (QDockWidget *dock : findChildren<QDockWidget *>())
        m_docksMenu->addAction(dock->toggleViewAction());

    QMenu *plan = m_menus[static_cast<int>(Menu::Plan)] = menuBar()->addMenu(tr("&Plan"));
    plan->addAction(action(QStringLiteral("plan.site")));
    plan->addAction(action(QStringLiteral("plan.check")));
    plan->addSeparator(); // cabling and sizing actions go below this line

    m_menus[static_cast<int>(Menu::Tools)] = menuBar()->addMenu(tr("&Tools"));
}

void MainWindow::createHelpMenu()
{
    QMenu *help = m_menus[static_cast<int>(Menu::Help)] = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&Keyboard shortcuts"), this, [this] {
        QMessageBox::information(
            this, tr("Keyboard shortcuts"),
            tr("<table>"
               "<tr><td><b>Insert</b></td><td>add a device (type from the palette) to the current rack</td></tr>"
               "<tr><td><b>Tab / Shift+Tab</b></td><td>select next / previous device on the canvas</td></tr>"
               "<tr><td><b>↑ ↓</b></td><td>move the selection 1U; <b>← →</b> to the neighbouring rack</td></tr>"
               "<tr><td><b>Delete</b>, <b>Ctrl+D</b></td><td>delete, duplicate</td></tr>"
               "<tr><td><b>F2</b> / <b>Shift+F2</b></td><td>edit properties / rename rack</td></tr>"
               "<tr><td><b>Ctrl+Shift+N</b></td><td>add a rack; Ctrl+Shift+← → reorder</td></tr>"
               "<tr><td><b>R</b></td><td>front / rear</td></tr>"
               "<tr><td><b>Ctrl + / − / 0 / 1</b></td><td>zoom in / out / fit / 100%</td></tr>"
               "<tr><td><b>F6</b> / <b>Ctrl+F</b> / <b>F9</b></td><td>go to the canvas / catalog search / findings; F5 "
               "re-check</td></tr>"
               "<tr><td><b>Space + drag</b>, middle drag</td><td>pan; wheel zooms</td></tr>"
               "</table>"));
    });
    help->addAction(tr("&About POC Planner"), this, [this] {
        QMessageBox::about(this, tr("About POC Planner"),
                           tr("<b>POC Planner %1</b><p>Plan, check and export AI-storage proof-of-concept kits: racks, "
                              "power, cooling, network and sizing.</p>")
                               .arg(QStringLiteral(POCPLAN_VERSION)));
    });
}

void MainWindow::createDocks()
{
    setDockOptions(QMainWindow::AnimatedDocks | QMainWindow::AllowTabbedDocks);
    m_palette = new CatalogPalette(m_catalog, this);
    m_palette->setMinimumWidth(250); // model names stay readable
    addDock(m_palette, tr("Catalog"), Qt::LeftDockWidgetArea)->setObjectName(QStringLiteral("dock.catalog"));
    m_inspector = new InspectorPanel(*m_editor, this);
    // After Enter in the inspector the next keys (arrows, Tab, Delete) act on the canvas again.
    connect(m_inspector, &InspectorPanel::editCommitted, this, [this] { m_view->setFocus(Qt::OtherFocusReason); });
    QDockWidget *inspector = addDock(m_inspector, tr("Inspector"), Qt::RightDockWidgetArea);
    inspector->setObjectName(QStringLiteral("dock.inspector"));
    m_undoView = new QUndoView(&m_editor->undoStack(), this);
    m_undoView->setEmptyLabel(tr("<opened plan>"));
    QDockWidget *history = addDock(m_undoView, tr("History"), Qt::RightDockWidgetArea);
    history->setObjectName(QStringLiteral("dock.history"));
    splitDockWidget(inspector, history, Qt::Vertical);
    m_whatIf = new WhatIfPanel(*m_document, this);
    QDockWidget *whatIf = addDock(m_whatIf, tr("What-if"), Qt::RightDockWidgetArea);
    whatIf->setObjectName(QStringLiteral("dock.whatif"));
    tabifyDockWidget(inspector, whatIf);
    inspector->raise();
    m_findings = new FindingsPanel(*m_editor, this);
    addDock(m_findings, tr("Findings"), Qt::BottomDockWidgetArea)->setObjectName(QStringLiteral("dock.findings"));
    resizeDocks({findChild<QDockWidget *>(QStringLiteral("dock.catalog"))}, {250}, Qt::Horizontal);
    resizeDocks({inspector}, {300}, Qt::Horizontal);
    resizeDocks({findChild<QDockWidget *>(QStringLiteral("dock.findings"))}, {190}, Qt::Vertical);
}

// A page whose charts or forms need more room than a small screen has scrolls inside its tab
// instead of making the whole window wider than the screen.
QWidget *MainWindow::scrollable(QWidget *page)
{
    auto *scroll = new QScrollArea(this);
    scroll->setWidget(page);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    return scroll;
}

static constexpr const char *kGeometryKey = "window/geometry";
static constexpr const char *kDockStateKey = "window/docks";

// The size and dock layout of the last session; the first start fills most of the screen it opens
// on, never more than the screen (a 1366×768 laptop or a 1920×1080 screen at 150 %).
void MainWindow::restoreWindowLayout()
{
    QSettings settings;
    if (restoreGeometry(settings.value(QLatin1String(kGeometryKey)).toByteArray())) {
        restoreState(settings.value(QLatin1String(kDockStateKey)).toByteArray());
        return;
    }
    const QRect screen = QGuiApplication::primaryScreen() ? QGuiApplication::primaryScreen()->availableGeometry()
                                                          : QRect(0, 0, 1440, 900);
    resize(QSize(1440, 900).boundedTo(screen.size() * 0.95));
}

void MainWindow::saveWindowLayout()
{
    QSettings settings;
    settings.setValue(QLatin1String(kGeometryKey), saveGeometry());
    settings.setValue(QLatin1String(kDockStateKey), saveState());
}

void MainWindow::showWhatIf(const QStringList &failedIds)
{
    if (QDockWidget *dock = findChild<QDockWidget *>(QStringLiteral("dock.whatif"))) {
        dock->show();
        dock->raise();
        // The figures need room: the history below gives most of its height while what-if is shown.
        if (QDockWidget *history = findChild<QDockWidget *>(QStringLiteral("dock.history")))
            resizeDocks({dock, history}, {4, 1}, Qt::Vertical);
    }
    m_whatIf->setActive(true);
    m_whatIf->setFailed(failedIds);
}

QDockWidget *MainWindow::addDock(QWidget *panel, const QString &title, Qt::DockWidgetArea area)
{
    auto *dock = new QDockWidget(title, this);
    dock->setWidget(panel);
    addDockWidget(area, dock);
    if (m_docksMenu)
        m_docksMenu->addAction(dock->toggleViewAction());
    return dock;
}

bool MainWindow::compareWith(const QString &fileName)
{
    QString error;
    if (!m_compare->compareWith(fileName, &error)) {
        QMessageBox::warning(this, tr("Compare with"), error);
        return false;
    }
    if (auto *dock = findChild<QDockWidget *>(QStringLiteral("dock.changes"))) {
        dock->show();
        dock->raise();
        resizeDocks({dock}, {320}, Qt::Vertical); // room for the list under the canvas
    }
    showMessage(m_changes->summary());
    return true;
}

int MainWindow::addTab(QWidget *page, const QString &title)
{
    return m_tabs->addTab(page, title);
}

void MainWindow::createToolHooks()
{
    // Other tools plug in here, one or two lines each, e.g.:
    //   menu(Menu::File)->insertAction(action("file.quit"), exportAction);   // Export dialog
    //   addTab(new SizingWidget(...), tr("Sizing"));                         // Sizing tab
    //   menu(Menu::Tools)->addAction(tr("Catalog editor…"), ...);            // Catalog editor
    //   addDock(new PortView(...), tr("Ports"), Qt::RightDockWidgetArea);    // a panel

    // File > Export: the deliverables dialog (exporters library).
    QAction *exportAction = new QAction(tr("&Export…"), this);
    exportAction->setObjectName(QStringLiteral("file.export"));
    exportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    connect(exportAction, &QAction::triggered, this, [this] {
        const QFileInfo planFile(m_document->fileName());
        const QString suggested = planFile.fileName().isEmpty()
            ? QDir::homePath() + QStringLiteral("/pocplan-export")
            : planFile.absolutePath() + QLatin1Char('/') + planFile.completeBaseName() + QStringLiteral("-export");
        ExportDialog dialog(m_document->plan(), m_catalog, suggested, this);
        dialog.exec();
    });
    menu(Menu::File)->insertAction(action(QStringLiteral("file.quit")), exportAction);

    // Network menu: "Cable automatically" and the port view, undoable on the editor's stack.
    auto *cabling = new CablingActions(this, *m_editor, [this] {
        const QStringList ids = m_scene->selectedDeviceIds();
        return ids.isEmpty() ? QString() : ids.front();
    });
    cabling->addMenu(menuBar());
    connect(cabling, &CablingActions::message, this, &MainWindow::showMessage);

    // Sizing & Compare tab; a plan created from a design opens like a template.
    auto *sizing = new SizingTab(m_catalog, this);
    addTab(scrollable(sizing), tr("Sizing && Compare"));
    connect(sizing, &SizingTab::planCreated, this, [this](const Plan &plan) {
        if (maybeSave())
            m_document->reset(plan, QString());
    });

    // File > Compare with…: another version of the plan against this one, on the canvas and in a list.
    m_changes = new ChangesPanel(this);
    QDockWidget *changes = addDock(m_changes, tr("Changes"), Qt::BottomDockWidgetArea);
    changes->setObjectName(QStringLiteral("dock.changes"));
    QDockWidget *findings = findChild<QDockWidget *>(QStringLiteral("dock.findings"));
    tabifyDockWidget(findings, changes);
    findings->raise(); // the Changes list comes to the front when a comparison opens
    m_compare = new CompareController(*m_document, *m_scene, *m_changes, this);
    connect(m_changes, &ChangesPanel::subjectsActivated, this,
            [this](const QStringList &subjects) { m_view->centreOn(m_scene->selectSubjects(subjects)); });
    connect(m_changes, &ChangesPanel::exportRequested, this, [this] {
        const QString folder = QFileDialog::getExistingDirectory(this, tr("Export the change BOM to"),
                                                                 QFileInfo(m_document->fileName()).absolutePath());
        QString error;
        if (!folder.isEmpty() && !m_compare->exportChange(folder, &error))
            QMessageBox::warning(this, tr("Export change BOM"), error);
        else if (!folder.isEmpty())
            showMessage(tr("Wrote change-bom.csv and change-bom.md to %1").arg(folder));
    });
    QAction *compareAction = new QAction(tr("Compare &with…"), this);
    compareAction->setObjectName(QStringLiteral("file.compare"));
    connect(compareAction, &QAction::triggered, this, [this] {
        const QString file = QFileDialog::getOpenFileName(this, tr("Compare with another version"),
                                                          QFileInfo(m_document->fileName()).absolutePath(),
                                                          tr("POC plans (*.pocplan.json *.json)"));
        if (!file.isEmpty())
            compareWith(file);
    });
    menu(Menu::File)->insertAction(action(QStringLiteral("file.quit")), compareAction);

    // Help stays the last menu whatever was added above.
    menuBar()->removeAction(menu(Menu::Help)->menuAction());
    menuBar()->addMenu(menu(Menu::Help));
}

// ---- files ----------------------------------------------------------------------------------

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
    m_fileWatcher->acknowledge(); // our own write is not a change "by another program"
    m_fileChangedBar->hide();
    m_autosaver->discardRecovery();
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
    m_autosaver->discardRecovery();
    if (!m_document->save(name, &error)) {
        QMessageBox::critical(this, tr("Save failed"), tr("%1\n\nThe previous file on disk is unchanged.").arg(error));
        return false;
    }
    m_fileWatcher->acknowledge();
    m_fileChangedBar->hide();
    addRecentFile(name);
    return true;
}

bool MainWindow::reloadFromDisk()
{
    // The normal load path; on an error the plan in the editor stays as it was.
    const QString fileName = m_document->fileName();
    LoadError error;
    if (fileName.isEmpty() || !m_document->open(fileName, &error)) {
        m_fileChangedBar->showReloadFailed(fileName, error.toString());
        return false;
    }
    m_autosaver->discardRecovery(); // the user chose the disk version over the unsaved edits
    statusBar()->showMessage(tr("Reloaded %1").arg(fileName), 4000);
    return true;
}

void MainWindow::keepMine()
{
    // The disk now differs from the editor: mark the plan unsaved so that closing asks, and
    // write a recovery copy since the file on disk no longer holds this version.
    m_fileWatcher->acknowledge();
    m_fileChangedBar->hide();
    m_editor->undoStack().resetClean(); // undoing can no longer reach "same as on disk"
    m_document->setModified(true);
    m_autosaver->saveNow();
}

bool MainWindow::maybeSave()
{
    if (!m_document->isModified())
        return true;
    const auto answer =
        QMessageBox::warning(this, tr("Unsaved changes"), tr("The plan has unsaved changes. Save them?"),
                             QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel);
    if (answer == QMessageBox::Save)
        return save();
    return answer == QMessageBox::Discard;
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (maybeSave()) {
        m_autosaver->discardRecovery(); // closed on purpose: nothing to recover
        saveWindowLayout();
        event->accept();
    } else {
        event->ignore();
    }
}

void MainWindow::offerRecovery(bool askFirst)
{
    Autosaver::Recovery found;
    if (!m_autosaver->findRecovery(&found)) {
        if (!askFirst)
            statusBar()->showMessage(tr("No recovery copy to restore"), 6000);
        return;
    }
    const auto answer = !askFirst
        ? QMessageBox::Yes
        : QMessageBox::question(
              this, tr("Restore unsaved work?"),
              tr("POC Planner did not close normally. A recovery copy of \"%1\" from %2 was found.\n\nRestore it?")
                  .arg(found.originalFile.isEmpty() ? tr("Untitled") : found.originalFile,
                       found.savedAt.toString(Qt::TextDate)),
              QMessageBox::Yes | QMessageBox::Discard, QMessageBox::Yes);
    if (answer == QMessageBox::Yes) {
        QString error;
        if (!m_autosaver->restore(found, &error)) {
            QMessageBox::critical(this, tr("Cannot restore"), error);
            return;
        }
        m_editor->undoStack().resetClean(); // the restored work differs from the file until saved
        statusBar()->showMessage(tr("Restored unsaved work from %1").arg(found.savedAt.toString(Qt::TextDate)), 6000);
    } else {
        Autosaver::removeRecovery(found);
    }
}

void MainWindow::updateTitle()
{
    const QString name =
        m_document->fileName().isEmpty() ? tr("Untitled") : QFileInfo(m_document->fileName()).fileName();
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
                              .arg(site.name)
                              .arg(typicalKW, 0, 'f', 2)
                              .arg(summary.maxW / 1000.0, 0, 'f', 2)
                              .arg(budgetKW, 0, 'f', 1));
    m_powerLabel->setStyleSheet(over ? QStringLiteral("color: #b00020; font-weight: bold") : QString());
}

void MainWindow::updateRecentMenu()
{
    m_recentMenu->clear();
    const QStringList files = QSettings().value(QLatin1String(kRecentKey)).toStringList();
    for (const QString &f : files)
        m_recentMenu->addAction(f, this, [this, f] {
            if (maybeSave())
                openFile(f);
        });
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

// ---- checks, selection, messages ------------------------------------------------------------

void MainWindow::recheck()
{
    m_checkTimer->stop();
    m_checks->request(m_document->plan());
}

void MainWindow::onReport(const CheckReport &report)
{
    m_findings->setReport(report);
    m_scene->setFindings(report);
    const int errors = report.count(Severity::Error);
    const int warnings = report.count(Severity::Warning);
    m_findingsLabel->setText(tr("%1 errors · %2 warnings").arg(errors).arg(warnings));
    m_findingsLabel->setStyleSheet(errors > 0 ? QStringLiteral("color: #b00020; font-weight: bold") : QString());
}

void MainWindow::onSelectionChanged()
{
    m_inspector->showSelection(m_scene->selectedDeviceIds(), m_scene->selectedRackId());
    updateActions();
}

void MainWindow::updateActions()
{
    const bool devices = !m_scene->selectedDeviceIds().isEmpty();
    for (const char *name :
         {"edit.delete", "edit.duplicate", "edit.moveUp", "edit.moveDown", "edit.moveLeft", "edit.moveRight"})
        action(QLatin1String(name))->setEnabled(devices);
    const bool racks = !m_document->plan().racks.empty();
    for (const char *name : {"rack.remove", "rack.rename", "rack.moveLeft", "rack.moveRight", "edit.addDevice"})
        action(QLatin1String(name))->setEnabled(racks);
}

void MainWindow::showMessage(const QString &text)
{
    statusBar()->showMessage(text, 6000);
}

void MainWindow::showContextMenu(const QPoint &screenPos)
{
    QMenu menu(this);
    if (!m_scene->selectedDeviceIds().isEmpty()) {
        for (const char *name : {"edit.properties", "edit.duplicate", "edit.delete"})
            menu.addAction(action(QLatin1String(name)));
        menu.addSeparator();
        for (const char *name : {"edit.moveUp", "edit.moveDown", "edit.moveLeft", "edit.moveRight"})
            menu.addAction(action(QLatin1String(name)));
        menu.addSeparator();
    }
    if (!m_scene->selectedRackId().isEmpty() || !m_scene->selectedDeviceIds().isEmpty()) {
        for (const char *name : {"rack.rename", "rack.moveLeft", "rack.moveRight", "rack.remove"})
            menu.addAction(action(QLatin1String(name)));
        menu.addSeparator();
    }
    menu.addAction(action(QStringLiteral("edit.addDevice")));
    menu.addAction(action(QStringLiteral("rack.add")));
    menu.addAction(action(QStringLiteral("view.rear")));
    menu.addAction(action(QStringLiteral("view.fit")));
    menu.exec(screenPos);
}

// ---- editing --------------------------------------------------------------------------------

void MainWindow::fitToView()
{
    m_view->fitAll();
}

void MainWindow::deleteSelection()
{
    m_editor->removeDevices(m_scene->selectedDeviceIds());
}

void MainWindow::duplicateSelection()
{
    QStringList copies;
    if (m_editor->duplicateDevices(m_scene->selectedDeviceIds(), &copies)) {
        m_scene->clearSelection();
        m_scene->selectSubjects(copies);
    }
}

void MainWindow::addTypeToCurrentRack(const QString &typeId)
{
    const QString rack = m_scene->currentRackId();
    const DeviceType *type = m_catalog.deviceType(typeId);
    if (rack.isEmpty() || !type) {
        showMessage(tr("Refused: add a rack first"));
        return;
    }
    ops::Placement where{rack, 0, type->isRackMounted() ? m_scene->face() : Face::Rear};
    if (type->isRackMounted()) {
        where.u = ops::findFreeU(m_document->plan(), m_catalog, typeId, rack, where.face, 1);
        if (where.u == 0) {
            showMessage(tr("Refused: rack %1 has no free %2U slot").arg(rack).arg(type->uHeight));
            return;
        }
    }
    if (m_editor->addDevice(typeId, where)) {
        m_scene->clearSelection();
        m_scene->selectSubjects({m_document->plan().devices.back().id});
        showMessage(tr("Added %1 to %2 at U%3").arg(type->model, rack).arg(where.u));
    }
}

void MainWindow::addDeviceByKeyboard()
{
    QString typeId = m_palette->currentTypeId();
    if (typeId.isEmpty()) {
        QStringList names;
        QStringList ids;
        for (const DeviceType *t : m_catalog.deviceTypes())
            if (t->role != Role::Cable) {
                names << QStringLiteral("%1 %2 (%3)").arg(t->vendor, t->model, t->id);
                ids << t->id;
            }
        bool ok = false;
        const QString chosen = QInputDialog::getItem(this, tr("Add device"), tr("Device type:"), names, 0, false, &ok);
        if (!ok)
            return;
        typeId = ids.value(names.indexOf(chosen));
    }
    addTypeToCurrentRack(typeId);
}

void MainWindow::nudgeUp()
{
    m_editor->nudgeDevices(m_scene->selectedDeviceIds(), 1);
}
void MainWindow::nudgeDown()
{
    m_editor->nudgeDevices(m_scene->selectedDeviceIds(), -1);
}
void MainWindow::moveToLeftRack()
{
    m_editor->shiftDevicesToRack(m_scene->selectedDeviceIds(), -1);
}
void MainWindow::moveToRightRack()
{
    m_editor->shiftDevicesToRack(m_scene->selectedDeviceIds(), 1);
}
void MainWindow::selectNext()
{
    selectStep(1);
}
void MainWindow::selectPrevious()
{
    selectStep(-1);
}

void MainWindow::selectStep(int step)
{
    // Reading order: rack by rack, top to bottom, then the 0U items.
    const Plan &plan = m_document->plan();
    std::vector<std::pair<std::pair<int, int>, QString>> order;
    for (const Device &d : plan.devices)
        if (m_scene->deviceItem(d.id))
            order.push_back({{plan.rackIndex(d.rack), d.u > 0 ? -d.u : 1000}, d.id});
    if (order.empty())
        return;
    std::sort(order.begin(), order.end());
    const QStringList selected = m_scene->selectedDeviceIds();
    int index = step > 0 ? -1 : 0;
    for (std::size_t i = 0; i < order.size(); ++i)
        if (!selected.isEmpty() && order[i].second == selected.front())
            index = static_cast<int>(i);
    const int n = static_cast<int>(order.size());
    const int next = ((index + step) % n + n) % n;
    const QRectF bounds = m_scene->selectSubjects({order[static_cast<std::size_t>(next)].second});
    m_view->ensureVisible(bounds, 40, 40);
}

void MainWindow::addRack()
{
    int index = -1;
    const QString current = m_scene->currentRackId();
    if (!current.isEmpty())
        index = m_document->plan().rackIndex(current) + 1;
    QString id;
    if (m_editor->addRack(index, &id))
        m_scene->selectSubjects({id});
}

void MainWindow::removeRack()
{
    const QString id = m_scene->currentRackId();
    const Rack *rack = m_document->plan().findRack(id);
    if (!rack)
        return;
    int devices = 0;
    for (const Device &d : m_document->plan().devices)
        devices += d.rack == id ? 1 : 0;
    if (devices > 0 &&
        QMessageBox::question(
            this, tr("Remove rack"),
            tr("Remove rack %1 (%2) and the %3 devices in it? You can undo this.").arg(rack->name, id).arg(devices)) !=
            QMessageBox::Yes)
        return;
    m_editor->removeRack(id);
}

void MainWindow::renameRack()
{
    const QString id = m_scene->currentRackId();
    const Rack *rack = m_document->plan().findRack(id);
    if (!rack)
        return;
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("Rename rack"), tr("Name of rack %1:").arg(id),
                                               QLineEdit::Normal, rack->name, &ok);
    if (ok && name.trimmed() != rack->name)
        m_editor->renameRack(id, name);
}

void MainWindow::moveRackLeft()
{
    const QString id = m_scene->currentRackId();
    const int index = m_document->plan().rackIndex(id);
    if (index > 0)
        m_editor->reorderRack(id, index - 1);
}

void MainWindow::moveRackRight()
{
    const QString id = m_scene->currentRackId();
    const int index = m_document->plan().rackIndex(id);
    if (index >= 0 && index + 1 < static_cast<int>(m_document->plan().racks.size()))
        m_editor->reorderRack(id, index + 1);
}

void MainWindow::editSite()
{
    SiteDialog dialog(m_catalog, m_document->plan().site, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const SiteRef chosen = dialog.siteRef();
    if (chosen.profile == m_document->plan().site.profile && chosen.overrides == m_document->plan().site.overrides)
        return;
    m_editor->setSite(chosen.profile, chosen.overrides);
}

void MainWindow::editProperties()
{
    if (QDockWidget *dock = findChild<QDockWidget *>(QStringLiteral("dock.inspector"))) {
        dock->show();
        dock->raise();
    }
    m_inspector->focusHostname();
}

} // namespace pp::gui
