#pragma once

#include "catalog/model/catalog.h"

#include <QDialog>
#include <map>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QHBoxLayout;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QSpinBox;
class QUndoStack;

namespace pp::gui {

class CatalogPortsTable;

// Adds, edits and duplicates device types (figures and port groups) with validation and undo; Save writes the edited
// types into the user catalog layer file and into the live catalog. Shows for the selected
// type which layer it comes from, what it overrides, and the source and confidence of its figures.
class CatalogEditorDialog : public QDialog {
    Q_OBJECT
public:
    CatalogEditorDialog(Catalog &catalog, QString userFile, QWidget *parent = nullptr);

    QUndoStack &undoStack() { return *m_undo; }
    // Selects a type by id; false when the catalog and the pending edits have none.
    bool select(const QString &id);
    QString selectedId() const { return m_selected; }
    // The type as the editor shows it: a pending edit, else the catalog's.
    const DeviceType *current(const QString &id) const;
    const std::map<QString, DeviceType> &pendingEdits() const { return m_edits; }

    // Form access for tests and for the buttons.
    QLineEdit *field(const QString &name) const;
    CatalogPortsTable *portsTable() const { return m_ports; }
    QLabel *layerInfo() const { return m_info; } // layer, overrides, figures with source and confidence
    QString validationMessage() const;           // empty when the form is valid
    bool applyForm();                            // pushes an undoable edit of the selected type
    bool duplicateSelected();                    // new id "<id>-copy", selected
    bool addNew();                               // an empty "new-device" of role other
    bool save(QString *error);                   // writes the pending edits to the user layer

signals:
    void catalogChanged();

private:
    QFormLayout *createForm(QWidget *parent);
    QHBoxLayout *createEditButtons(QWidget *parent); // new, duplicate, apply, undo, redo
    void rebuildList();
    void loadForm();
    void updateValidation();
    void updateInfo();
    DeviceType typeFromForm() const;
    void pendingChanged(const QString &id);
    QString freshId(const QString &base) const;

    Catalog &m_catalog;
    QString m_userFile;
    std::map<QString, DeviceType> m_edits;
    QString m_selected;
    QUndoStack *m_undo = nullptr;
    QListWidget *m_list = nullptr;
    std::map<QString, QLineEdit *> m_fields;
    QComboBox *m_role = nullptr;
    QComboBox *m_airflow = nullptr;
    QComboBox *m_confidence = nullptr;
    QSpinBox *m_uHeight = nullptr;
    QCheckBox *m_fullDepth = nullptr;
    CatalogPortsTable *m_ports = nullptr;
    QLabel *m_info = nullptr;
    QLabel *m_error = nullptr;
    QPushButton *m_apply = nullptr;
    QPushButton *m_save = nullptr;
    bool m_loading = false;
};

} // namespace pp::gui
