#include "whatifpanel.h"

#include "exporters/reports/whatifreportwriter.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace pp::gui {

namespace {

constexpr int kIdRole = Qt::UserRole;

QString kindTitle(FailureKind kind)
{
    switch (kind) {
    case FailureKind::SiteFeed:
        return QObject::tr("Site feeds");
    case FailureKind::RackFeed:
        return QObject::tr("Rack feeds");
    case FailureKind::Pdu:
        return QObject::tr("PDUs");
    case FailureKind::LeafSwitch:
        return QObject::tr("Leaf switches");
    case FailureKind::SpineSwitch:
        return QObject::tr("Spine switches");
    case FailureKind::MgmtSwitch:
        return QObject::tr("Management switches");
    case FailureKind::LeafPair:
        return QObject::tr("Leaf pairs");
    case FailureKind::Rack:
        return QObject::tr("Racks");
    case FailureKind::CNode:
        return QObject::tr("C-nodes");
    case FailureKind::DBox:
        return QObject::tr("D-boxes");
    case FailureKind::Dpu:
        return QObject::tr("DPUs");
    case FailureKind::Uplink:
        return QObject::tr("Site uplinks");
    case FailureKind::Device:
        return QObject::tr("Other devices");
    case FailureKind::Group:
        return QObject::tr("Groups");
    }
    return QString();
}

QStringList idsOf(const FailureModel &model, const std::vector<int> &devices)
{
    QStringList ids;
    for (int i : devices)
        ids << model.resolved().plan().devices[static_cast<std::size_t>(i)].id;
    return ids;
}

} // namespace

WhatIfPanel::WhatIfPanel(PlanDocument &document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_active(new QCheckBox(tr("What-if mode"), this))
    , m_tree(new QTreeWidget(this))
    , m_failSelected(new QPushButton(tr("Fail selected"), this))
    , m_undo(new QPushButton(tr("Undo"), this))
    , m_redo(new QPushButton(tr("Redo"), this))
    , m_clear(new QPushButton(tr("Restore all"), this))
    , m_summary(new QLabel(this))
{
    m_active->setToolTip(tr("Fail parts of the plan to see what remains; nothing is saved into the plan"));
    m_failSelected->setToolTip(tr("Fail the devices selected on the canvas"));
    m_tree->setHeaderLabels({tr("Failure domain"), tr("What")});
    m_tree->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_tree->setUniformRowHeights(true);
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::RichText);
    m_summary->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *scroll = new QScrollArea(this);
    scroll->setWidget(m_summary);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *buttons = new QHBoxLayout;
    for (QPushButton *b : {m_failSelected, m_undo, m_redo, m_clear})
        buttons->addWidget(b);
    // What remains first: it is what the customer asks about; the domains to fail below it.
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(scroll);
    split->addWidget(m_tree);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    split->setSizes({600, 250});
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_active);
    layout->addLayout(buttons);
    layout->addWidget(split, 1);

    connect(m_active, &QCheckBox::toggled, this, [this] { evaluate(); });
    connect(m_failSelected, &QPushButton::clicked, this, &WhatIfPanel::failSelectedRequested);
    connect(m_undo, &QPushButton::clicked, this, &WhatIfPanel::undo);
    connect(m_redo, &QPushButton::clicked, this, &WhatIfPanel::redo);
    connect(m_clear, &QPushButton::clicked, this, [this] { setFailed({}); });
    connect(m_tree, &QTreeWidget::itemChanged, this, [this](QTreeWidgetItem *item, int column) {
        if (m_syncing || column != 0 || item->data(0, kIdRole).toString().isEmpty())
            return;
        QStringList ids = failed();
        const QString id = item->data(0, kIdRole).toString();
        const bool on = item->checkState(0) == Qt::Checked;
        if (on == ids.contains(id))
            return;
        on ? ids.append(id) : static_cast<void>(ids.removeAll(id));
        push(ids);
    });
    connect(&m_document, &PlanDocument::planChanged, this, [this] {
        m_stale = true;
        if (active())
            evaluate();
    });
    connect(&m_document, &PlanDocument::planReset, this, [this] {
        m_history = {QStringList()};
        m_at = 0;
        m_stale = true;
        evaluate();
    });
    evaluate();
}

WhatIfPanel::~WhatIfPanel() = default;

bool WhatIfPanel::active() const
{
    return m_active->isChecked();
}

void WhatIfPanel::setActive(bool on)
{
    m_active->setChecked(on);
}

void WhatIfPanel::rebuildModel()
{
    m_engine.reset();
    m_model.reset();
    m_resolved.reset();
    m_plan = m_document.plan();
    m_error.clear();
    if (!ResolvedPlan::resolveSite(m_plan, m_document.catalog(), m_site, &m_error))
        return;
    m_resolved = std::make_unique<ResolvedPlan>(m_plan, m_document.catalog(), m_site);
    m_model = std::make_unique<FailureModel>(*m_resolved);
    m_engine = std::make_unique<WhatIfEngine>(*m_model);
    rebuildTree();
    m_stale = false;
}

void WhatIfPanel::rebuildTree()
{
    m_syncing = true;
    m_tree->clear();
    QHash<int, QTreeWidgetItem *> groups;
    for (const FailureDomain &d : m_model->domains()) {
        QTreeWidgetItem *&group = groups[static_cast<int>(d.kind)];
        if (!group) {
            group = new QTreeWidgetItem(m_tree, {kindTitle(d.kind)});
            group->setFlags(Qt::ItemIsEnabled);
        }
        auto *item = new QTreeWidgetItem(group, {d.id, d.label});
        item->setData(0, kIdRole, d.id);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsSelectable);
        item->setCheckState(0, Qt::Unchecked);
        item->setToolTip(0, d.label);
    }
    m_syncing = false;
}

void WhatIfPanel::push(QStringList ids)
{
    ids.removeDuplicates();
    if (ids == failed())
        return;
    m_history.resize(static_cast<std::size_t>(m_at) + 1);
    m_history.push_back(ids);
    ++m_at;
    evaluate();
}

void WhatIfPanel::setFailed(const QStringList &ids)
{
    if (m_stale)
        rebuildModel();
    QStringList known;
    for (const QString &id : ids)
        if (m_model && m_model->domainIndex(id) >= 0)
            known << id;
    push(known);
}

void WhatIfPanel::toggle(const QString &id)
{
    QStringList ids = failed();
    if (!ids.removeAll(id))
        ids << id;
    setFailed(ids);
}

void WhatIfPanel::failDevices(const QStringList &deviceIds)
{
    setActive(true);
    QStringList ids = failed();
    ids << deviceIds;
    setFailed(ids);
}

bool WhatIfPanel::undo()
{
    if (m_at == 0)
        return false;
    --m_at;
    evaluate();
    return true;
}

bool WhatIfPanel::redo()
{
    if (m_at + 1 >= static_cast<int>(m_history.size()))
        return false;
    ++m_at;
    evaluate();
    return true;
}

void WhatIfPanel::syncChecks()
{
    m_syncing = true;
    const QStringList ids = failed();
    for (int g = 0; g < m_tree->topLevelItemCount(); ++g) {
        QTreeWidgetItem *group = m_tree->topLevelItem(g);
        int on = 0;
        for (int c = 0; c < group->childCount(); ++c) {
            QTreeWidgetItem *item = group->child(c);
            const bool failedNow = ids.contains(item->data(0, kIdRole).toString());
            on += failedNow ? 1 : 0;
            item->setCheckState(0, failedNow ? Qt::Checked : Qt::Unchecked);
        }
        group->setText(1, on ? tr("%1 failed").arg(on) : QString());
        if (on)
            group->setExpanded(true);
    }
    m_syncing = false;
}

void WhatIfPanel::updateButtons()
{
    m_undo->setEnabled(m_at > 0);
    m_redo->setEnabled(m_at + 1 < static_cast<int>(m_history.size()));
    m_clear->setEnabled(!failed().isEmpty());
}

void WhatIfPanel::evaluate()
{
    if (m_stale)
        rebuildModel();
    m_result.reset();
    if (m_engine) {
        std::vector<int> domains;
        for (const QString &id : failed())
            if (const int d = m_model->domainIndex(id); d >= 0)
                domains.push_back(d);
        m_result = std::make_unique<WhatIfResult>(m_engine->evaluate(domains));
    }
    syncChecks();
    updateButtons();
    m_summary->setText(summaryText());
    if (!active() || !m_result) {
        emit overlayChanged({}, {}, {});
        return;
    }
    QStringList failedDevices;
    for (const QString &id : failed())
        if (const int d = m_model->domainIndex(id); d >= 0)
            failedDevices << idsOf(*m_model, m_model->domain(d).devices);
    emit overlayChanged(failedDevices, idsOf(*m_model, m_result->darkDevices),
                        idsOf(*m_model, m_result->degradedDboxes) + idsOf(*m_model, m_result->disconnectedNodes));
}

QString WhatIfPanel::summaryText() const
{
    if (!m_error.isEmpty())
        return tr("<p>No analysis: %1</p>").arg(m_error.toHtmlEscaped());
    if (!m_engine || !m_result)
        return QString();
    QString html;
    if (!active())
        html += tr("<p><i>Tick <b>What-if mode</b> to show failures on the canvas.</i></p>");
    html += tr("<p><b>Failed:</b> %1</p>").arg(WhatIfReportWriter::failedIds(*m_model, *m_result).toHtmlEscaped());
    if (m_result->lostNetworkOrData())
        html += QStringLiteral("<p style='color:#b00020'><b>%1</b></p>").arg(m_engine->harm(*m_result).toHtmlEscaped());
    html += QStringLiteral("<ul style='margin-left:-20px'>");
    for (const QString &line : WhatIfReportWriter::describe(*m_engine, *m_result)) {
        const qsizetype colon = line.indexOf(QLatin1Char(':'));
        html += colon > 0 ? QStringLiteral("<li><b>%1</b>%2</li>")
                                .arg(line.left(colon).toHtmlEscaped(), line.mid(colon).toHtmlEscaped())
                          : QStringLiteral("<li>%1</li>").arg(line.toHtmlEscaped());
    }
    html += QStringLiteral("</ul>");
    return html;
}

} // namespace pp::gui
