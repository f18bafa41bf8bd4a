#pragma once

#include "planner/model/plandocument.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QPushButton;
class QTableWidget;

namespace pp::gui {

class PlanEditor;

// The ports of one device: what each is connected to, with cable, length and label; connect a
// free port to a free port of another device, disconnect a port, or change a link's cable,
// length or label in its cells. Edits go through the PlanEditor as undo commands (CmdLinkAdd,
// CmdLinkRemove, CmdLinkEdit), so the dialog never changes the plan itself.
class PortViewDialog : public QDialog {
    Q_OBJECT
public:
    enum Column { PortColumn, PurposeColumn, SpeedColumn, PeerColumn, CableColumn, LengthColumn, LabelColumn };

    explicit PortViewDialog(PlanEditor &editor, QWidget *parent = nullptr);

    void showDevice(const QString &deviceId);
    QString device() const;
    QTableWidget &table() { return *m_table; }

    // The actions behind the buttons, for the buttons and for tests.
    bool connectSelected(const QString &targetDevice, const QString &targetPort, QString *why = nullptr);
    bool disconnectSelected(QString *why = nullptr);
    // Sets the cable, length (metres, 0 = to choose) and label of the selected port's link.
    bool editSelected(const QString &cable, double lengthM, const QString &label, QString *why = nullptr);
    void selectPort(const QString &port);

private:
    void refresh();
    void updateTargets();
    QString selectedPort() const;
    void cellEdited(int row, int column);

    PlanEditor &m_editor;
    PlanDocument &m_document;
    QComboBox *m_device = nullptr;
    QTableWidget *m_table = nullptr;
    QComboBox *m_targetDevice = nullptr;
    QComboBox *m_targetPort = nullptr;
    QPushButton *m_connect = nullptr;
    QPushButton *m_disconnect = nullptr;
    QLabel *m_status = nullptr;
};

} // namespace pp::gui
