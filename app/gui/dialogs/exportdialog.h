#pragma once

#include "catalog/model/catalog.h"
#include "planner/model/plan.h"

#include <QDialog>
#include <QMap>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;

namespace pp::gui {

// File ▸ Export: choose the deliverables and a folder, write them with a progress bar, then
// offer to open the folder. The work is the exporters library's ExportJob, as in `pocplan export`.
class ExportDialog : public QDialog {
    Q_OBJECT
public:
    ExportDialog(const Plan &plan, const Catalog &catalog, const QString &suggestedDir, QWidget *parent = nullptr);

    QString outputDir() const;
    void setOutputDir(const QString &dir);
    // Ticks exactly these formats ("bom:csv", "diagrams:pdf", "netbox", ...); for tests and presets.
    void setChosen(const QStringList &keys);
    QStringList chosen() const;
    QStringList writtenFiles() const { return m_written; }

    // Runs the export now; false (and the message shown in the dialog) on failure.
    bool exportNow();

private:
    void updateButtons();

    const Plan &m_plan;
    const Catalog &m_catalog;
    QMap<QString, QCheckBox *> m_boxes; // "bom:csv" → check box
    QLineEdit *m_dir = nullptr;
    QComboBox *m_page = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_export = nullptr;
    QPushButton *m_openFolder = nullptr;
    QStringList m_written;
};

} // namespace pp::gui
