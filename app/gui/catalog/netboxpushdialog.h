#pragma once

#include "exporters/netbox/netboxpush.h"
#include "planner/model/plandocument.h"

#include <QDialog>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;

namespace pp::gui {

// Pushes the open plan to NetBox: URL, token (a password field, or POCPLAN_NETBOX_TOKEN; never
// saved), dry run, a progress bar and the final report of what was created, updated or failed.
class NetBoxPushDialog : public QDialog {
    Q_OBJECT
public:
    explicit NetBoxPushDialog(const PlanDocument &document, QWidget *parent = nullptr);

    QLineEdit *urlEdit() const { return m_url; }
    QLineEdit *tokenEdit() const { return m_token; }
    QCheckBox *dryRunBox() const { return m_dryRun; }
    QProgressBar *progressBar() const { return m_progress; }
    QString reportText() const;
    // Runs the push with what the fields say; returns the report (also shown in the dialog).
    NetBoxPushReport push();

private:
    const PlanDocument &m_document;
    QLineEdit *m_url = nullptr;
    QLineEdit *m_token = nullptr;
    QCheckBox *m_dryRun = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_summary = nullptr;
    QPlainTextEdit *m_report = nullptr;
    QPushButton *m_push = nullptr;
};

} // namespace pp::gui
