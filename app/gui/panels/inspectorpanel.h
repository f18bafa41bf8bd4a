#pragma once

#include "planner/model/plandocument.h"

#include <QWidget>
#include <functional>

class QComboBox;
class QPushButton;
class QFormLayout;
class QLabel;
class QLineEdit;
class QSpinBox;
class QStackedWidget;

namespace pp::gui {

class PlanEditor;

// The inspector: the selected device's properties (hostname, type, rack, U, face, PSU feeds) or
// the selected rack's (name, height). Every change goes through the PlanEditor, so it is undoable;
// a refused change shows the planner's reason and the field returns to the plan's value. Enter
// commits a field and hands focus back to the canvas; closed combo boxes ignore arrows and the
// wheel; the type changes only through "Change type…", which first says which links it removes.
class InspectorPanel : public QWidget {
    Q_OBJECT
public:
    InspectorPanel(PlanEditor &editor, QWidget *parent = nullptr);

    // What to show: one device, several, or a rack (empty lists show a hint).
    void showSelection(const QStringList &deviceIds, const QString &rackId);
    void refresh();
    void focusHostname();

    // Asks before a type change; replaced in tests. Returns whether the user agreed.
    using Confirmer = std::function<bool(const QString &title, const QString &text)>;
    void setConfirmer(Confirmer confirmer) { m_confirm = std::move(confirmer); }
    // The selected device's links that end on a port the type does not have ("cnode-1:p1 – leaf-a:swp1s0").
    QStringList linksWithoutPort(const QString &typeId) const;
    // Changes the selected device's type after confirming the links listed above; false when
    // declined or refused (the reason is shown).
    bool changeType(const QString &typeId);

    QLineEdit *hostnameEdit() const { return m_hostname; }
    QLabel *typeLabel() const { return m_type; }
    QPushButton *changeTypeButton() const { return m_changeType; }
    QComboBox *rackBox() const { return m_rack; }
    QSpinBox *uBox() const { return m_u; }
    QComboBox *faceBox() const { return m_face; }
    QLineEdit *feedsEdit() const { return m_feeds; }
    QLineEdit *rackNameEdit() const { return m_rackName; }
    QLabel *errorLabel() const { return m_error; }

signals:
    // Enter committed an edit: the window gives focus back to the canvas.
    void editCommitted();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QWidget *createDevicePage();
    QWidget *createRackPage();
    void chooseType();
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
    QLabel *m_type;
    QPushButton *m_changeType;
    QComboBox *m_rack;
    QSpinBox *m_u;
    QComboBox *m_face;
    QLineEdit *m_feeds;
    QLabel *m_facts;
    QLineEdit *m_rackName;
    QSpinBox *m_rackHeight;
    QLabel *m_rackFacts;
    QLabel *m_error;
    Confirmer m_confirm;
};

} // namespace pp::gui
