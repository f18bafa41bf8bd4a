#pragma once

#include "catalog/model/catalog.h"

#include <QWidget>

class QLineEdit;
class QTreeWidget;

namespace pp::gui {

// The catalog palette: device types grouped by role, filtered by a search box. A type is dragged
// onto a rack slot, or added to the current rack with Enter / double-click (keyboard use).
class CatalogPalette : public QWidget {
    Q_OBJECT
public:
    explicit CatalogPalette(const Catalog &catalog, QWidget *parent = nullptr);

    void setFilter(const QString &text);
    // Lists the catalog's types again (after an import, fetch or editor save), keeping the
    // search text and the current type.
    void refresh();
    QString currentTypeId() const;
    QTreeWidget *tree() const { return m_tree; }
    QLineEdit *searchBox() const { return m_search; }

signals:
    void addRequested(const QString &typeId);

private:
    void populate();

    const Catalog &m_catalog;
    QLineEdit *m_search;
    QTreeWidget *m_tree;
};

} // namespace pp::gui
