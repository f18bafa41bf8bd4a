#include "netboxpushdialog.h"

#include <QApplication>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProcessEnvironment>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QVBoxLayout>

namespace pp::gui {

static const char *kUrlKey = "netbox/url"; // the URL is remembered, the token never is

NetBoxPushDialog::NetBoxPushDialog(const PlanDocument &document, QWidget *parent)
    : QDialog(parent)
    , m_document(document)
{
    setWindowTitle(tr("Push to NetBox"));
    resize(720, 520);
    m_url = new QLineEdit(QSettings().value(QLatin1String(kUrlKey)).toString(), this);
    m_url->setPlaceholderText(QStringLiteral("https://netbox.example.com"));
    m_token = new QLineEdit(this);
    m_token->setEchoMode(QLineEdit::Password);
    const bool envToken =
        !QProcessEnvironment::systemEnvironment().value(QStringLiteral("POCPLAN_NETBOX_TOKEN")).isEmpty();
    m_token->setPlaceholderText(envToken ? tr("empty: use POCPLAN_NETBOX_TOKEN") : tr("NetBox API token (not saved)"));
    m_dryRun = new QCheckBox(tr("Dry run: show the requests, send nothing"), this);
    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 9);
    m_progress->setValue(0);
    m_summary = new QLabel(this);
    m_report = new QPlainTextEdit(this);
    m_report->setReadOnly(true);
    m_report->setLineWrapMode(QPlainTextEdit::NoWrap);

    auto *form = new QFormLayout;
    form->addRow(tr("NetBox URL"), m_url);
    form->addRow(tr("API token"), m_token);
    form->addRow(QString(), m_dryRun);
    auto *box = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_push = box->addButton(tr("&Push"), QDialogButtonBox::ActionRole);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(
        new QLabel(tr("Creates or updates the site, racks, manufacturers, device roles and types, devices,\n"
                      "power panels and feeds, interfaces and cables of \"%1\". Objects are matched by name.")
                       .arg(document.plan().name),
                   this));
    layout->addLayout(form);
    layout->addWidget(m_progress);
    layout->addWidget(m_summary);
    layout->addWidget(m_report, 1);
    layout->addWidget(box);
    connect(box, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_push, &QPushButton::clicked, this, [this] { push(); });
}

QString NetBoxPushDialog::reportText() const
{
    return m_summary->text() + QLatin1Char('\n') + m_report->toPlainText();
}

NetBoxPushReport NetBoxPushDialog::push()
{
    m_report->clear();
    m_progress->setValue(0);
    const QUrl url(m_url->text().trimmed(), QUrl::StrictMode);
    if (!url.isValid() || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https"))) {
        m_summary->setText(tr("Give the NetBox base URL (http or https)."));
        return {};
    }
    QString token = m_token->text();
    if (token.isEmpty())
        token = QProcessEnvironment::systemEnvironment().value(QStringLiteral("POCPLAN_NETBOX_TOKEN"));
    if (token.isEmpty() && !m_dryRun->isChecked()) {
        m_summary->setText(tr("Enter an API token, or set POCPLAN_NETBOX_TOKEN."));
        return {};
    }
    SiteProfile site;
    QString error;
    if (!ResolvedPlan::resolveSite(m_document.plan(), m_document.catalog(), site, &error)) {
        m_summary->setText(error);
        return {};
    }
    QSettings().setValue(QLatin1String(kUrlKey), url.toString());
    const ResolvedPlan resolved(m_document.plan(), m_document.catalog(), site);
    QString printed;
    QTextStream printedStream(&printed);
    std::unique_ptr<NetBoxTransport> transport;
    if (m_dryRun->isChecked())
        transport = std::make_unique<NetBoxDryRunTransport>(url, printedStream);
    else
        transport = std::make_unique<NetBoxHttpTransport>(url, token);
    NetBoxPusher pusher(resolved, *transport);
    pusher.setProgress([this](int step, int steps, const QString &what) {
        m_progress->setMaximum(steps);
        m_progress->setValue(step - 1);
        m_summary->setText(tr("Pushing %1…").arg(what));
        QApplication::processEvents(QEventLoop::ExcludeUserInputEvents);
    });
    m_push->setEnabled(false);
    const NetBoxPushReport report = pusher.push();
    m_push->setEnabled(true);
    m_progress->setValue(m_progress->maximum());
    printedStream.flush();
    QString text;
    for (const NetBoxPushReport::Entry &e : report.entries)
        text += QStringLiteral("%1 %2 %3%4\n")
                    .arg(e.action, -8)
                    .arg(e.kind, -12)
                    .arg(e.name, e.error.isEmpty() ? QString() : QStringLiteral(": ") + e.error);
    if (!printed.isEmpty())
        text += QStringLiteral("\n# Requests (dry run; the Authorization header is redacted):\n") + printed;
    m_report->setPlainText(text);
    m_summary->setText((m_dryRun->isChecked() ? tr("Dry run, would have: ") : QString()) + report.summary());
    return report;
}

} // namespace pp::gui
