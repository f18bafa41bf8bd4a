#pragma once

#include "catalog/catalog.h"

#include <QObject>

class QMenu;

namespace pp::gui {

class MainWindow;

// The catalog-ecosystem actions of the File menu: import NetBox device types, update the
// catalog from a URL, the catalog editor, and push to NetBox. They change the live layered
// catalog the window shows and tell the window to redraw.
class CatalogMenus : public QObject {
    Q_OBJECT
public:
    CatalogMenus(MainWindow &window, Catalog &catalog);

    // Imports YAML files into the user layer; returns the message shown to the user.
    QString importNetBox(const QStringList &files, bool *ok);

private:
    QMenu *fileMenu() const;
    void updateFromUrl();
    void openEditor();
    void openPush();
    void catalogChanged();

    MainWindow &m_window;
    Catalog &m_catalog;
};

} // namespace pp::gui
