#pragma once

#include "planner/model/plandocument.h"

#include <QWidget>

class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QSpinBox;
class QStackedWidget;

namespace pp::gui {

class PlanEditor;

// The inspector: the selected device's properties (hostname, type, rack, U, face, PSU feeds) or
// the selected rack's (name, height). Every change goes through the PlanEditor, so it is undoable;
// a refused change shows the planner's reason and the field returns to the plan's value.
class InspectorPanel : public QWidget {
    Q_OBJECT
public:
    InspectorPanel(PlanEditor &editor, QWidget *parent = nullptr);

    // What to show: one device, several, or a rack (empty lists show a hint).
    void showSelection(const QStringList &deviceIds, const QString &rackId);
    void refresh();
    void focusHostname();

    QLineEdit *hostnameEdit() const { return m_hostname; }
    QComboBox *typeBox() const { return m_type; }
    QComboBox *rackBox() const { return m_rack; }
    QSpinBox *uBox() const { return m_u; }
    QComboBox *faceBox() const { return m_face; }
    QLineEdit *feedsEdit() const { return m_feeds; }
    QLineEdit *rackNameEdit() const { return m_rackName; }
    QLabel *errorLabel() const { return m_error; }

private:
    void commitDevice(const QString &what);
    void connectEditors();
    void commitRackName();
    void commitRackHeight();
    void showResult(const ops::OpResult &result);

    PlanEditor &m_editor;
    QStringList m_deviceIds;
    QString m_rackId;
    bool m_updating = false;

    QStackedWidget *m_pages;
    QLabel *m_hint;
    QLabel *m_deviceTitle;
    QLineEdit *m_hostname;
    QComboBox *m_type;
    QComboBox *m_rack;
    QSpinBox *m_u;
    QComboBox *m_face;
    QLineEdit *m_feeds;
    QLabel *m_facts;
    QLineEdit *m_rackName;
    QSpinBox *m_rackHeight;
    QLabel *m_rackFacts;
    QLabel *m_error;
};

} // namespace pp::gui
