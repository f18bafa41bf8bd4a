#pragma once

#include "catalog/model/devicetype.h"

#include <QWidget>
#include <vector>

class QTableWidget;

namespace pp::gui {

// The catalog editor's compact port table: one row per port group (name or prefix, count, speed,
// media, purpose, RoCE). Rows keep the fields the table does not show (first index, breakouts,
// DPU number) from the group they were loaded from; the editor reads the groups back on Apply.
class CatalogPortsTable : public QWidget {
    Q_OBJECT
public:
    enum Column { Name, Count, Speed, Media, Purpose, Roce, ColumnCount };

    explicit CatalogPortsTable(QWidget *parent = nullptr);

    QTableWidget *table() const { return m_table; }
    // Shows a type's groups; emits no changed().
    void setPorts(const std::vector<PortGroup> &ports);
    // The groups as the rows say; a row that differs from what was loaded takes the given source
    // and confidence. Only meaningful when validationMessage() is empty.
    std::vector<PortGroup> ports(const QString &source, const QString &confidence) const;
    // Empty when every row parses (a whole count, a number for the speed, no newly typed 0 Gbit/s);
    // names row and field. The rules for the groups themselves are validateDeviceType()'s.
    QString validationMessage() const;

    int addRow(); // a new row of one 100 Gbit/s data port; returns its index
    void removeRow(int row);
    // Cell access for the editor's tests (the same as typing into the table).
    void setText(int row, Column column, const QString &text);
    void setPurpose(int row, PortPurpose purpose);
    void setRoce(int row, bool roce);

signals:
    void changed();

private:
    struct Row {
        PortGroup group; // as parsed; valid only when error is empty
        QString error;
    };
    void insertRow(const PortGroup &group, int original);
    Row parseRow(int row) const;
    QString text(int row, Column column) const;
    const PortGroup *original(int row) const;
    void nameEdited(int row);

    QTableWidget *m_table = nullptr;
    std::vector<PortGroup> m_loaded;
    bool m_loading = false;
};

} // namespace pp::gui
