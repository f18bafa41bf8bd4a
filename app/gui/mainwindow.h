#pragma once

#include "planner/plandocument.h"

#include <QMainWindow>

class QGraphicsView;
class QLabel;
class QMenu;

namespace pp::gui {

class RackScene;

// The application window: menus, the rack canvas and the status bar around one PlanDocument.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(const Catalog &catalog, QWidget *parent = nullptr);

    PlanDocument &document() { return *m_document; }
    RackScene &scene() { return *m_scene; }
    QGraphicsView &view() { return *m_view; }

    bool openFile(const QString &fileName);
    bool newFromTemplate(const QString &templateId);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createMenus();
    void updateTitle();
    void updateStatus();
    void updateRecentMenu();
    void addRecentFile(const QString &fileName);
    bool save();
    bool saveAs();
    bool maybeSave();
    void fitToView();

    const Catalog &m_catalog;
    PlanDocument *m_document = nullptr;
    RackScene *m_scene = nullptr;
    QGraphicsView *m_view = nullptr;
    QLabel *m_powerLabel = nullptr;
    QMenu *m_recentMenu = nullptr;
};

} // namespace pp::gui
