#include "exportdialog.h"

#include "exporters/common/exportjob.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QUrl>
#include <QVBoxLayout>

namespace pp::gui {

namespace {

struct Kind {
    const char *id;
    const char *title;
};

const Kind kKinds[] = {
    {"bom", QT_TRANSLATE_NOOP("ExportDialog", "Bill of materials")},
    {"diagrams", QT_TRANSLATE_NOOP("ExportDialog", "Rack diagrams")},
    {"cables", QT_TRANSLATE_NOOP("ExportDialog", "Cable plan")},
    {"runbook", QT_TRANSLATE_NOOP("ExportDialog", "Install runbook")},
    {"report", QT_TRANSLATE_NOOP("ExportDialog", "Check report")},
};

} // namespace

ExportDialog::ExportDialog(const Plan &plan, const Catalog &catalog, const QString &suggestedDir, QWidget *parent)
    : QDialog(parent)
    , m_plan(plan)
    , m_catalog(catalog)
{
    setWindowTitle(tr("Export deliverables"));
    auto *layout = new QVBoxLayout(this);

    auto *what = new QGroupBox(tr("What to write"), this);
    auto *grid = new QGridLayout(what);
    int row = 0;
    for (const Kind &kind : kKinds) {
        const QString id = QString::fromLatin1(kind.id);
        grid->addWidget(new QLabel(tr(kind.title), what), row, 0);
        int col = 1;
        for (const QString &format : ExportOptions::knownFormats(id)) {
            auto *box = new QCheckBox(format.toUpper(), what);
            box->setChecked(true);
            box->setObjectName(id + QLatin1Char(':') + format);
            connect(box, &QCheckBox::toggled, this, &ExportDialog::updateButtons);
            grid->addWidget(box, row, col++);
            m_boxes.insert(id + QLatin1Char(':') + format, box);
        }
        ++row;
    }
    auto *netbox = new QCheckBox(tr("NetBox import CSVs"), what);
    netbox->setChecked(true);
    netbox->setObjectName(QStringLiteral("netbox"));
    connect(netbox, &QCheckBox::toggled, this, &ExportDialog::updateButtons);
    grid->addWidget(netbox, row, 0, 1, 3);
    m_boxes.insert(QStringLiteral("netbox"), netbox);
    layout->addWidget(what);

    auto *form = new QFormLayout;
    auto *dirRow = new QHBoxLayout;
    m_dir = new QLineEdit(suggestedDir, this);
    m_dir->setObjectName(QStringLiteral("outputDir"));
    connect(m_dir, &QLineEdit::textChanged, this, &ExportDialog::updateButtons);
    auto *browse = new QPushButton(tr("Browse…"), this);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Export into"), m_dir->text());
        if (!dir.isEmpty())
            m_dir->setText(dir);
    });
    dirRow->addWidget(m_dir, 1);
    dirRow->addWidget(browse);
    form->addRow(tr("Folder:"), dirRow);
    m_page = new QComboBox(this);
    m_page->addItem(tr("A4"), static_cast<int>(QPageSize::A4));
    m_page->addItem(tr("Letter"), static_cast<int>(QPageSize::Letter));
    form->addRow(tr("PDF page size:"), m_page);
    layout->addLayout(form);

    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    layout->addWidget(m_progress);
    m_status = new QLabel(tr("Runbook track: %1").arg(plan.track), this);
    m_status->setWordWrap(true);
    m_status->setObjectName(QStringLiteral("status"));
    layout->addWidget(m_status);

    auto *buttons = new QDialogButtonBox(this);
    m_export = buttons->addButton(tr("Export"), QDialogButtonBox::AcceptRole);
    m_openFolder = buttons->addButton(tr("Open folder"), QDialogButtonBox::ActionRole);
    m_openFolder->setEnabled(false);
    buttons->addButton(QDialogButtonBox::Close);
    connect(m_export, &QPushButton::clicked, this, [this] { exportNow(); });
    connect(m_openFolder, &QPushButton::clicked, this,
            [this] { QDesktopServices::openUrl(QUrl::fromLocalFile(outputDir())); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    updateButtons();
}

QString ExportDialog::outputDir() const
{
    return m_dir->text().trimmed();
}

void ExportDialog::setOutputDir(const QString &dir)
{
    m_dir->setText(dir);
}

void ExportDialog::setChosen(const QStringList &keys)
{
    for (auto it = m_boxes.begin(); it != m_boxes.end(); ++it)
        it.value()->setChecked(keys.contains(it.key()));
}

QStringList ExportDialog::chosen() const
{
    QStringList keys;
    for (auto it = m_boxes.cbegin(); it != m_boxes.cend(); ++it)
        if (it.value()->isChecked())
            keys << it.key();
    return keys;
}

void ExportDialog::updateButtons()
{
    m_export->setEnabled(!chosen().isEmpty() && !outputDir().isEmpty());
}

bool ExportDialog::exportNow()
{
    ExportOptions options;
    for (const QString &key : chosen()) {
        if (key == QLatin1String("netbox")) {
            options.netbox = true;
            continue;
        }
        const QString kind = key.section(QLatin1Char(':'), 0, 0);
        const QString format = key.section(QLatin1Char(':'), 1);
        if (kind == QLatin1String("bom"))
            options.bom << format;
        else if (kind == QLatin1String("diagrams"))
            options.diagrams << format;
        else if (kind == QLatin1String("cables"))
            options.cables << format;
        else if (kind == QLatin1String("runbook"))
            options.runbook << format;
        else if (kind == QLatin1String("report"))
            options.report << format;
    }
    options.pageSize = static_cast<QPageSize::PageSizeId>(m_page->currentData().toInt());

    m_openFolder->setEnabled(false);
    m_written.clear();
    SiteProfile site;
    QString error;
    if (!ResolvedPlan::resolveSite(m_plan, m_catalog, site, &error)) {
        m_status->setText(tr("Cannot export: %1").arg(error));
        return false;
    }
    const ResolvedPlan resolved(m_plan, m_catalog, site);
    OutputFolder folder(outputDir());
    ExportJob job(resolved, options);
    m_export->setEnabled(false);
    const bool ok = job.run(folder, &error, [this](int done, int total, const QString &file) {
        m_progress->setRange(0, std::max(1, total));
        m_progress->setValue(done);
        if (!file.isEmpty())
            m_status->setText(tr("Writing %1…").arg(file));
        QCoreApplication::processEvents(QEventLoop::ExcludeUserInputEvents);
        return true;
    });
    m_written = folder.written();
    updateButtons();
    if (!ok) {
        m_status->setText(tr("Export failed: %1").arg(error));
        return false;
    }
    QString text = tr("%n file(s) written to %1.", nullptr, static_cast<int>(m_written.size()))
                       .arg(QDir::toNativeSeparators(outputDir()));
    if (job.unresolvedErrors() > 0)
        text += QLatin1Char(' ') +
            tr("The plan has %n unresolved error(s): diagrams and runbook are marked DRAFT.", nullptr,
               job.unresolvedErrors());
    m_status->setText(text);
    m_openFolder->setEnabled(true);
    return true;
}

} // namespace pp::gui
