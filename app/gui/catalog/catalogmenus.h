#pragma once

#include "catalog/model/catalog.h"

#include <QObject>
#include <functional>

class QMenu;
class QUrl;

namespace pp::gui {

class MainWindow;

// The catalog-ecosystem actions of the File menu: import NetBox device types, update the
// catalog from a URL, the catalog editor, and push to NetBox. They change the live layered
// catalog the window shows and tell the window to redraw.
class CatalogMenus : public QObject {
    Q_OBJECT
public:
    CatalogMenus(MainWindow &window, Catalog &catalog);

    // How an outcome reaches the user: a message box, unless replaced (tests, a status bar).
    using Notifier = std::function<void(bool ok, const QString &title, const QString &text)>;
    void setNotifier(Notifier notifier) { m_notify = std::move(notifier); }

    // Imports YAML files into the user layer; returns the message shown to the user.
    QString importNetBox(const QStringList &files, bool *ok);
    // Downloads a catalog into the fetched layer with a progress dialog, then notifies. The live
    // catalog and palette change only when a new catalog arrived; a failure keeps the last good
    // one and the message says why. File ▸ Update catalog from URL asks for url and pin first.
    void updateFromUrl(const QUrl &url, const QString &sha256);

private:
    QMenu *fileMenu() const;
    void askAndUpdateFromUrl();
    void openEditor();
    void openPush();
    void catalogChanged();

    MainWindow &m_window;
    Catalog &m_catalog;
    Notifier m_notify;
};

} // namespace pp::gui
