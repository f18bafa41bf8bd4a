#pragma once

#include "planner/model/plandocument.h"

#include <QDialog>
#include <functional>

class QComboBox;
class QLabel;
class QPushButton;
class QTableWidget;

namespace pp::gui {

// The ports of one device: what each is connected to, with cable, length and label; connect a
// free port to a free port of another device, or disconnect a port. Edits go through `apply`
// (an undo command in the main window), so the dialog never changes the plan itself.
class PortViewDialog : public QDialog {
    Q_OBJECT
public:
    using Apply = std::function<void(Plan after, const QString &text)>;

    PortViewDialog(PlanDocument &document, Apply apply, QWidget *parent = nullptr);

    void showDevice(const QString &deviceId);
    QString device() const;
    QTableWidget &table() { return *m_table; }

    // The actions behind the buttons, for the buttons and for tests.
    bool connectSelected(const QString &targetDevice, const QString &targetPort, QString *why = nullptr);
    bool disconnectSelected(QString *why = nullptr);
    void selectPort(const QString &port);

private:
    void refresh();
    void updateTargets();
    QString selectedPort() const;

    PlanDocument &m_document;
    Apply m_apply;
    QComboBox *m_device = nullptr;
    QTableWidget *m_table = nullptr;
    QComboBox *m_targetDevice = nullptr;
    QComboBox *m_targetPort = nullptr;
    QPushButton *m_connect = nullptr;
    QPushButton *m_disconnect = nullptr;
    QLabel *m_status = nullptr;
};

} // namespace pp::gui
