#include "app/gui/panels/changespanel.h"

#include "exporters/common/textescape.h"

#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace pp::gui {

ChangesPanel::ChangesPanel(QWidget *parent)
    : QWidget(parent)
    , m_tree(new QTreeWidget(this))
    , m_status(new QLabel(tr("No comparison. File > Compare with… opens another version of the plan."), this))
    , m_close(new QPushButton(tr("Close comparison"), this))
    , m_export(new QPushButton(tr("Export change BOM…"), this))
{
    m_tree->setColumnCount(4);
    m_tree->setHeaderLabels({tr("Change"), tr("Object"), tr("Before"), tr("After")});
    m_tree->setRootIsDecorated(false);
    m_tree->setUniformRowHeights(true);
    m_tree->header()->setSectionResizeMode(QHeaderView::Interactive);
    m_status->setWordWrap(true);
    m_close->setEnabled(false);
    m_export->setEnabled(false);
    m_export->setToolTip(tr("Parts to order and return, and the change runbook (as pocplan export --since)"));
    auto *top = new QHBoxLayout;
    top->addWidget(m_status, 1);
    top->addWidget(m_export);
    top->addWidget(m_close);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(top);
    layout->addWidget(m_tree);
    connect(m_close, &QPushButton::clicked, this, &ChangesPanel::closeRequested);
    connect(m_export, &QPushButton::clicked, this, &ChangesPanel::exportRequested);
    connect(m_tree, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *item) {
        if (item && !item->data(0, Qt::UserRole).toString().isEmpty())
            emit subjectsActivated({item->data(0, Qt::UserRole).toString()});
    });
}

QString ChangesPanel::summary() const
{
    return m_status->text();
}

void ChangesPanel::setReport(const DiffReport &report)
{
    m_tree->clear();
    QList<QTreeWidgetItem *> rows;
    for (const DiffEntry &e : report.entries) {
        const QString object = e.hostname.isEmpty() || e.hostname == e.key
            ? QStringLiteral("%1 %2").arg(e.kind, e.key)
            : QStringLiteral("%1 %2 (%3)").arg(e.kind, e.key, e.hostname);
        auto *row = new QTreeWidgetItem({e.change, object, e.before, e.after});
        if (e.kind == QLatin1String("device") && e.change != QLatin1String("removed"))
            row->setData(0, Qt::UserRole, e.key);
        if (e.change == QLatin1String("added"))
            row->setForeground(0, QColor(0x1f, 0x9d, 0x3a));
        else if (e.change == QLatin1String("removed"))
            row->setForeground(0, QColor(0xc6, 0x28, 0x28));
        else if (e.change == QLatin1String("moved"))
            row->setForeground(0, QColor(0x1f, 0x6f, 0xd0));
        rows << row;
    }
    for (const FigureChange &f : report.figures.figures) {
        const auto text = [&f](const std::optional<double> &v) {
            return v ? textescape::number(*v, 3) + QLatin1Char(' ') + f.unit : tr("unknown");
        };
        rows << new QTreeWidgetItem({tr("figure"), f.name, text(f.before), text(f.after)});
    }
    for (const Finding &f : report.figures.opened)
        rows << new QTreeWidgetItem({tr("finding opened"), f.rule, QString(), f.message});
    for (const Finding &f : report.figures.closed)
        rows << new QTreeWidgetItem({tr("finding closed"), f.rule, f.message, QString()});
    m_tree->addTopLevelItems(rows);
    for (int c = 0; c < 3; ++c)
        m_tree->resizeColumnToContents(c);
    int added = 0;
    int removed = 0;
    int moved = 0;
    int other = 0;
    for (const DiffEntry &e : report.entries) {
        if (e.kind == QLatin1String("device") && e.change == QLatin1String("added"))
            ++added;
        else if (e.kind == QLatin1String("device") && e.change == QLatin1String("removed"))
            ++removed;
        else if (e.kind == QLatin1String("device") && e.change == QLatin1String("moved"))
            ++moved;
        else
            ++other;
    }
    m_status->setText(report.empty() ? tr("Compared with %1: no changes.").arg(QFileInfo(report.oldName).fileName())
                                     : tr("Compared with %1: %2 devices added, %3 removed, %4 moved; %5 other changes.")
                                           .arg(QFileInfo(report.oldName).fileName())
                                           .arg(added)
                                           .arg(removed)
                                           .arg(moved)
                                           .arg(other));
    m_close->setEnabled(true);
    m_export->setEnabled(true);
}

void ChangesPanel::clear()
{
    m_tree->clear();
    m_status->setText(tr("No comparison. File > Compare with… opens another version of the plan."));
    m_close->setEnabled(false);
    m_export->setEnabled(false);
}

} // namespace pp::gui
