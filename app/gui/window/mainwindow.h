#pragma once

#include "planner/model/plandocument.h"
#include "planner/rules/finding.h"

#include <QMainWindow>

class QAction;
class QDockWidget;
class QLabel;
class QMenu;
class QTabWidget;
class QTimer;
class QUndoView;

namespace pp::gui {

class Autosaver;
class CatalogPalette;
class ChangesPanel;
class CheckRunner;
class CompareController;
class DashboardWidget;
class FileChangeWatcher;
class FileChangedBar;
class FindingsPanel;
class WhatIfPanel;
class InspectorPanel;
class PlanEditor;
class RackScene;
class RackView;

// The editor window around one PlanDocument: the rack canvas and the dashboard as tabs, docks for
// the catalog palette, inspector, findings and undo history, and the menus. Every edit goes
// through the PlanEditor (undoable); checks and autosave run after each edit without blocking.
//
// Where other tools plug in: menu(Menu::…) for one action, addTab() for a page, addDock() for a
// panel. Keep each hook to a line or two in createToolHooks().
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    enum class Menu { File, Edit, Rack, View, Plan, Tools, Help };

    explicit MainWindow(const Catalog &catalog, QWidget *parent = nullptr);
    ~MainWindow() override;

    PlanDocument &document() { return *m_document; }
    PlanEditor &editor() { return *m_editor; }
    RackScene &scene() { return *m_scene; }
    RackView &view() { return *m_view; }
    CatalogPalette &palette() { return *m_palette; }
    InspectorPanel &inspector() { return *m_inspector; }
    FindingsPanel &findings() { return *m_findings; }
    WhatIfPanel &whatIf() { return *m_whatIf; }
    // Opens the what-if panel in what-if mode with these failure domains failed.
    void showWhatIf(const QStringList &failedIds);
    DashboardWidget &dashboard() { return *m_dashboard; }
    CheckRunner &checks() { return *m_checks; }
    Autosaver &autosaver() { return *m_autosaver; }
    FileChangeWatcher &fileWatcher() { return *m_fileWatcher; }
    FileChangedBar &fileChangedBar() { return *m_fileChangedBar; }
    QTabWidget &tabs() { return *m_tabs; }
    CompareController &compare() { return *m_compare; }
    ChangesPanel &changes() { return *m_changes; }
    // File > Compare with…: shows what changed since another version of the plan; false (and
    // a message) when that file cannot be read.
    bool compareWith(const QString &fileName);
    // A named action ("edit.delete", "rack.add", "view.rear", …), for menus, shortcuts and tests.
    QAction *action(const QString &name) const;

    QMenu *menu(Menu which) const;
    int addTab(QWidget *page, const QString &title);
    // The page inside a scroll area, so that its minimum size does not widen the window.
    QWidget *scrollable(QWidget *page);
    QDockWidget *addDock(QWidget *panel, const QString &title, Qt::DockWidgetArea area);

    bool openFile(const QString &fileName);
    bool newFromTemplate(const QString &templateId);
    // After a crash: offers the newest recovery file, if any (called once at start-up). Without
    // asking (`pocplanner --restore`) it restores straight away.
    void offerRecovery(bool askFirst = true);
    // "File changed on disk": load the file again (the bar's Reload), or keep ours (Keep mine).
    bool reloadFromDisk();
    void keepMine();
    // Re-runs the checks now (normally they follow each edit after a short pause).
    void recheck();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void restoreWindowLayout();
    void saveWindowLayout();
    QAction *makeAction(const QString &name, const QString &text, const QKeySequence &shortcut,
                        void (MainWindow::*slot)());
    void createCentralWidget();
    void connectDocument();
    void connectPanels();
    void createActions();
    void createFileEditActions();
    void createCanvasActions();
    void createRackViewActions();
    void createMenus();
    void createFileMenu();
    void createEditMenus();
    void createHelpMenu();
    void createDocks();
    void createToolHooks();
    void updateTitle();
    void updateStatus();
    void updateActions();
    void updateRecentMenu();
    void addRecentFile(const QString &fileName);
    void onSelectionChanged();
    void onReport(const CheckReport &report);
    void showMessage(const QString &text);
    void showContextMenu(const QPoint &screenPos);
    bool save();
    bool saveAs();
    bool maybeSave();

    void fitToView();
    void deleteSelection();
    void duplicateSelection();
    void addDeviceByKeyboard();
    void addTypeToCurrentRack(const QString &typeId);
    void nudgeUp();
    void nudgeDown();
    void moveToLeftRack();
    void moveToRightRack();
    void selectNext();
    void selectPrevious();
    void selectStep(int step);
    void addRack();
    void removeRack();
    void renameRack();
    void moveRackLeft();
    void moveRackRight();
    void editSite();
    void editProperties();

    const Catalog &m_catalog;
    PlanDocument *m_document = nullptr;
    PlanEditor *m_editor = nullptr;
    RackScene *m_scene = nullptr;
    RackView *m_view = nullptr;
    QTabWidget *m_tabs = nullptr;
    CatalogPalette *m_palette = nullptr;
    InspectorPanel *m_inspector = nullptr;
    FindingsPanel *m_findings = nullptr;
    WhatIfPanel *m_whatIf = nullptr;
    DashboardWidget *m_dashboard = nullptr;
    QUndoView *m_undoView = nullptr;
    CheckRunner *m_checks = nullptr;
    Autosaver *m_autosaver = nullptr;
    FileChangeWatcher *m_fileWatcher = nullptr;
    FileChangedBar *m_fileChangedBar = nullptr;
    CompareController *m_compare = nullptr;
    ChangesPanel *m_changes = nullptr;
    QTimer *m_checkTimer = nullptr;
    QLabel *m_powerLabel = nullptr;
    QLabel *m_findingsLabel = nullptr;
    QLabel *m_zoomLabel = nullptr;
    QMenu *m_menus[7] = {};
    QMenu *m_recentMenu = nullptr;
    QMenu *m_docksMenu = nullptr;
};

} // namespace pp::gui
