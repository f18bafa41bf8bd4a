#include "findingspanel.h"

#include "app/gui/canvas/rackitems.h"
#include "app/gui/window/planeditor.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QPainter>
#include <QPushButton>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <algorithm>

namespace pp::gui {

namespace {

QIcon severityIcon(Severity s, bool waived)
{
    QPixmap pm(14, 14);
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    p.setRenderHint(QPainter::Antialiasing);
    QColor c = waived ? QColor(0x9e, 0x9e, 0x9e) : markerColor(markerFor(s));
    p.setPen(Qt::NoPen);
    p.setBrush(c);
    p.drawEllipse(QRectF(1, 1, 12, 12));
    return QIcon(pm);
}

QString number(const std::optional<double> &v, const QString &unit)
{
    if (!v)
        return QString();
    return QStringLiteral("%1 %2").arg(QString::number(*v, 'g', 6), unit).trimmed();
}

} // namespace

FindingsPanel::FindingsPanel(PlanEditor &editor, QWidget *parent)
    : QWidget(parent)
    , m_editor(editor)
    , m_tree(new QTreeWidget(this))
    , m_showErrors(new QToolButton(this))
    , m_showWarnings(new QToolButton(this))
    , m_showInfo(new QToolButton(this))
    , m_waive(new QPushButton(tr("&Waive…"), this))
    , m_unwaive(new QPushButton(tr("Withdraw wai&ver"), this))
    , m_status(new QLabel(this))
{
    m_tree->setHeaderLabels({tr("Severity"), tr("Rule"), tr("Subjects"), tr("Message"), tr("Measured"), tr("Limit")});
    m_tree->setRootIsDecorated(false);
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->header()->setSectionResizeMode(3, QHeaderView::Stretch);
    m_tree->setColumnWidth(0, 90);
    m_tree->setColumnWidth(1, 170);
    m_tree->setColumnWidth(2, 120);
    for (auto [button, text, s] : {std::tuple{m_showErrors, tr("Errors"), Severity::Error},
                                   std::tuple{m_showWarnings, tr("Warnings"), Severity::Warning},
                                   std::tuple{m_showInfo, tr("Info / waived"), Severity::Info}}) {
        button->setCheckable(true);
        button->setChecked(true);
        button->setText(text);
        button->setIcon(severityIcon(s, s == Severity::Info));
        button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        connect(button, &QToolButton::toggled, this, &FindingsPanel::rebuildRows);
    }
    auto *bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Show:"), this));
    bar->addWidget(m_showErrors);
    bar->addWidget(m_showWarnings);
    bar->addWidget(m_showInfo);
    bar->addSpacing(12);
    bar->addWidget(m_status, 1);
    bar->addWidget(m_waive);
    bar->addWidget(m_unwaive);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 2, 4, 4);
    layout->addLayout(bar);
    layout->addWidget(m_tree);

    connect(m_tree, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *item) {
        updateButtons();
        if (const Finding *f = item ? currentFinding() : nullptr)
            emit subjectsActivated(f->subjects);
    });
    // Clicking the current row again centres its subjects again (the canvas may have moved).
    connect(m_tree, &QTreeWidget::itemClicked, this, [this] {
        if (const Finding *f = currentFinding())
            emit subjectsActivated(f->subjects);
    });
    connect(m_waive, &QPushButton::clicked, this, [this] {
        const Finding *f = currentFinding();
        if (!f)
            return;
        bool ok = false;
        const QString reason = QInputDialog::getText(
            this, tr("Waive %1").arg(f->rule),
            tr("Why is this acceptable for %1?\nThe reason is kept in the plan and printed in the check report.")
                .arg(f->subjects.isEmpty() ? tr("the whole plan") : f->subjects.front()),
            QLineEdit::Normal, QString(), &ok);
        if (ok)
            waiveCurrent(reason);
    });
    connect(m_unwaive, &QPushButton::clicked, this, &FindingsPanel::withdrawCurrentWaiver);
    updateButtons();
    setChecking(false);
}

void FindingsPanel::setReport(const CheckReport &report)
{
    m_report = report;
    m_showErrors->setText(tr("Errors (%1)").arg(report.count(Severity::Error)));
    m_showWarnings->setText(tr("Warnings (%1)").arg(report.count(Severity::Warning)));
    m_showInfo->setText(tr("Info / waived (%1)").arg(report.count(Severity::Info)));
    rebuildRows();
    setChecking(false);
}

void FindingsPanel::setChecking(bool busy)
{
    m_status->setText(busy ? tr("checking…")
                           : (m_report.findings.empty() ? tr("No findings: the plan passes every rule.") : QString()));
}

void FindingsPanel::setSeverityShown(Severity severity, bool shown)
{
    (severity == Severity::Error         ? m_showErrors
         : severity == Severity::Warning ? m_showWarnings
                                         : m_showInfo)
        ->setChecked(shown);
}

void FindingsPanel::rebuildRows()
{
    // Keep the current finding selected across refreshes when it is still reported.
    QString currentKey;
    if (const Finding *f = currentFinding())
        currentKey = f->rule + QLatin1Char('|') + f->subjects.join(QLatin1Char(','));
    m_tree->blockSignals(true);
    m_tree->clear();
    QTreeWidgetItem *current = nullptr;
    // Errors first, then warnings, then info and waived; report order within each.
    std::vector<std::size_t> order(m_report.findings.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::stable_sort(order.begin(), order.end(), [this](std::size_t a, std::size_t b) {
        return static_cast<int>(m_report.findings[a].severity) < static_cast<int>(m_report.findings[b].severity);
    });
    for (std::size_t i : order) {
        const Finding &f = m_report.findings[i];
        const bool shown = f.severity == Severity::Error ? m_showErrors->isChecked()
            : f.severity == Severity::Warning            ? m_showWarnings->isChecked()
                                                         : m_showInfo->isChecked();
        if (!shown)
            continue;
        auto *item = new QTreeWidgetItem(m_tree,
                                         {f.waived ? tr("waived") : severityId(f.severity), f.rule,
                                          f.subjects.join(QStringLiteral(", ")),
                                          f.waived ? tr("%1 — waived: %2").arg(f.message, f.reason) : f.message,
                                          number(f.measured, f.unit), number(f.limit, f.unit)});
        item->setIcon(0, severityIcon(f.severity, f.waived));
        item->setData(0, Qt::UserRole, static_cast<int>(i));
        item->setToolTip(3, item->text(3));
        if (f.rule + QLatin1Char('|') + f.subjects.join(QLatin1Char(',')) == currentKey)
            current = item;
    }
    if (current)
        m_tree->setCurrentItem(current);
    m_tree->blockSignals(false);
    updateButtons();
}

const Finding *FindingsPanel::currentFinding() const
{
    const QTreeWidgetItem *item = m_tree->currentItem();
    if (!item)
        return nullptr;
    const int i = item->data(0, Qt::UserRole).toInt();
    return i >= 0 && i < static_cast<int>(m_report.findings.size()) ? &m_report.findings[static_cast<std::size_t>(i)]
                                                                    : nullptr;
}

void FindingsPanel::updateButtons()
{
    const Finding *f = currentFinding();
    m_waive->setEnabled(f && !f->waived);
    m_unwaive->setEnabled(f && f->waived);
}

bool FindingsPanel::waiveCurrent(const QString &reason)
{
    const Finding *f = currentFinding();
    if (!f || f->waived)
        return false;
    return m_editor
        .addWaiver(Waiver{f->rule, f->subjects.isEmpty() ? QString() : f->subjects.front(), reason.trimmed()})
        .ok;
}

bool FindingsPanel::withdrawCurrentWaiver()
{
    const Finding *f = currentFinding();
    if (!f || !f->waived)
        return false;
    for (const Waiver &w : m_editor.document().plan().waivers)
        if (w.rule == f->rule && (w.subject.isEmpty() || f->subjects.contains(w.subject)))
            return m_editor.removeWaiver(w.rule, w.subject).ok;
    return false;
}

} // namespace pp::gui
