#include "catalogportstable.h"

#include "catalog/model/devicetypevalidation.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHash>
#include <QHeaderView>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>
#include <algorithm>

namespace pp::gui {

namespace {

const QString kNumber = QStringLiteral("{n}");

QString nameText(const PortGroup &g)
{
    return g.names.isEmpty() ? g.pattern : g.names.join(QStringLiteral(", "));
}

QString speedText(double speedGbps)
{
    return QString::number(speedGbps);
}

bool sameShownFields(const PortGroup &a, const PortGroup &b)
{
    return a.pattern == b.pattern && a.names == b.names && a.count == b.count && a.speedGbps == b.speedGbps &&
        a.media == b.media && a.purpose == b.purpose && a.roceCapable == b.roceCapable;
}

QStringList splitNames(const QString &text)
{
    QStringList names;
    for (const QString &part : text.split(QLatin1Char(',')))
        if (!part.trimmed().isEmpty())
            names << part.trimmed();
    return names;
}

} // namespace

CatalogPortsTable::CatalogPortsTable(QWidget *parent)
    : QWidget(parent)
    , m_table(new QTableWidget(0, ColumnCount, this))
{
    m_table->setObjectName(QStringLiteral("portsTable"));
    m_table->setHorizontalHeaderLabels(
        {tr("Name or prefix"), tr("Count"), tr("Gbit/s"), tr("Media"), tr("Purpose"), tr("RoCE")});
    m_table->horizontalHeaderItem(Name)->setToolTip(
        tr("A prefix (swp: swp1, swp2, …), a pattern (eth{n}), one name, or names separated by commas"));
    QHeaderView *header = m_table->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(Name, QHeaderView::Stretch);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 10);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setMinimumHeight(120);

    auto *add = new QPushButton(tr("Add port group"), this);
    add->setObjectName(QStringLiteral("addPortGroup"));
    auto *remove = new QPushButton(tr("Remove port group"), this);
    remove->setObjectName(QStringLiteral("removePortGroup"));
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(add);
    buttons->addWidget(remove);
    buttons->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_table, 1);
    layout->addLayout(buttons);

    connect(add, &QPushButton::clicked, this, [this] { m_table->setCurrentCell(addRow(), Name); });
    connect(remove, &QPushButton::clicked, this, [this] {
        if (m_table->currentRow() >= 0)
            removeRow(m_table->currentRow());
    });
    connect(m_table, &QTableWidget::itemChanged, this, [this](QTableWidgetItem *item) {
        if (m_loading)
            return;
        if (item->column() == Name)
            nameEdited(item->row());
        emit changed();
    });
}

void CatalogPortsTable::setPorts(const std::vector<PortGroup> &ports)
{
    m_loading = true;
    m_loaded = ports;
    m_table->setRowCount(0);
    for (std::size_t i = 0; i < ports.size(); ++i)
        insertRow(ports[i], static_cast<int>(i));
    m_loading = false;
}

void CatalogPortsTable::insertRow(const PortGroup &group, int original)
{
    const bool wasLoading = m_loading;
    m_loading = true;
    const int row = m_table->rowCount();
    m_table->insertRow(row);
    auto *name = new QTableWidgetItem(nameText(group));
    name->setData(Qt::UserRole, original); // index into m_loaded, -1 for a new row
    name->setToolTip(name->text());
    m_table->setItem(row, Name, name);
    m_table->setItem(row, Count, new QTableWidgetItem(QString::number(group.count)));
    m_table->setItem(row, Speed, new QTableWidgetItem(speedText(group.speedGbps)));
    m_table->setItem(row, Media, new QTableWidgetItem(group.media));
    for (Column c : {Count, Speed})
        m_table->item(row, c)->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    auto *purpose = new QComboBox(m_table);
    for (PortPurpose p : {PortPurpose::Data, PortPurpose::Uplink, PortPurpose::Isl, PortPurpose::Mgmt, PortPurpose::Bmc,
                          PortPurpose::Dpu})
        purpose->addItem(purposeId(p), purposeId(p));
    purpose->setCurrentIndex(purpose->findData(purposeId(group.purpose)));
    purpose->setFrame(false);
    connect(purpose, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_loading)
            emit changed();
    });
    m_table->setCellWidget(row, Purpose, purpose);
    auto *roce = new QTableWidgetItem;
    roce->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
    roce->setCheckState(group.roceCapable ? Qt::Checked : Qt::Unchecked);
    roce->setToolTip(tr("RoCE capable (lossless RDMA over this port)"));
    m_table->setItem(row, Roce, roce);
    m_loading = wasLoading;
}

int CatalogPortsTable::addRow()
{
    QStringList used;
    for (int r = 0; r < m_table->rowCount(); ++r) {
        const Row parsed = parseRow(r);
        const int count = std::min(parsed.group.count, DeviceTypeLimits::kMaxPortCount);
        for (int i = 0; parsed.error.isEmpty() && i < count; ++i)
            used << parsed.group.nameAt(i);
    }
    PortGroup g;
    int k = 1;
    while (used.contains(QStringLiteral("port%1").arg(k)))
        ++k;
    g.names = QStringList{QStringLiteral("port%1").arg(k)};
    g.count = 1;
    g.speedGbps = 100;
    insertRow(g, -1);
    emit changed();
    return m_table->rowCount() - 1;
}

void CatalogPortsTable::removeRow(int row)
{
    if (row < 0 || row >= m_table->rowCount())
        return;
    m_table->removeRow(row);
    emit changed();
}

void CatalogPortsTable::setText(int row, Column column, const QString &text)
{
    if (QTableWidgetItem *item = m_table->item(row, column))
        item->setText(text);
}

void CatalogPortsTable::setPurpose(int row, PortPurpose purpose)
{
    if (auto *combo = qobject_cast<QComboBox *>(m_table->cellWidget(row, Purpose)))
        combo->setCurrentIndex(combo->findData(purposeId(purpose)));
}

void CatalogPortsTable::setRoce(int row, bool roce)
{
    if (QTableWidgetItem *item = m_table->item(row, Roce))
        item->setCheckState(roce ? Qt::Checked : Qt::Unchecked);
}

QString CatalogPortsTable::text(int row, Column column) const
{
    const QTableWidgetItem *item = m_table->item(row, column);
    return item ? item->text().trimmed() : QString();
}

const PortGroup *CatalogPortsTable::original(int row) const
{
    const QTableWidgetItem *item = m_table->item(row, Name);
    const int index = item ? item->data(Qt::UserRole).toInt() : -1;
    return index >= 0 && index < static_cast<int>(m_loaded.size()) ? &m_loaded[static_cast<std::size_t>(index)]
                                                                   : nullptr;
}

void CatalogPortsTable::nameEdited(int row)
{
    // A list of names fixes the count; keep the count cell in step so the row stays valid.
    const QString name = text(row, Name);
    m_table->item(row, Name)->setToolTip(name);
    if (name.contains(QLatin1Char(',')))
        setText(row, Count, QString::number(splitNames(name).size()));
}

CatalogPortsTable::Row CatalogPortsTable::parseRow(int row) const
{
    Row out;
    const PortGroup *was = original(row);
    PortGroup &g = out.group;
    if (was)
        g = *was;
    const QString where = tr("Ports row %1").arg(row + 1);

    const QString name = text(row, Name);
    bool ok = false;
    const int count = text(row, Count).toInt(&ok);
    if (!ok) {
        out.error = tr("%1, count: a whole number from 1 to %2.").arg(where).arg(DeviceTypeLimits::kMaxPortCount);
        return out;
    }
    if (was && name == nameText(*was) && count == was->count) {
        // unchanged: keep the pattern or names as loaded
    } else if (name.isEmpty()) {
        g.names.clear(); // validateDeviceType() asks for a name
        g.pattern.clear();
    } else if (name.contains(QLatin1Char(','))) {
        g.names = splitNames(name); // validateDeviceType() compares them with the count
        g.pattern.clear();
    } else if (name.contains(kNumber)) {
        g.pattern = name;
        g.names.clear();
    } else if (count == 1) {
        g.names = QStringList{name};
        g.pattern.clear();
    } else {
        g.pattern = name + kNumber; // a prefix: swp → swp1, swp2, …
        g.names.clear();
    }
    g.count = count;

    const QString speed = text(row, Speed);
    const double speedGbps = speed.toDouble(&ok);
    // A speed of 0 is refused when typed; a row loaded with 0 (an import without a known
    // speed) may stay as it is so that the rest of the type can still be edited.
    const bool keptZero = was && ok && speedGbps == 0 && was->speedGbps == 0;
    if (!ok || (!keptZero && speedGbps == 0)) {
        out.error = tr("%1, speedGbps: a speed in Gbit/s above 0, e.g. 400.").arg(where);
        return out;
    }
    g.speedGbps = speedGbps;
    g.media = text(row, Media);
    if (const auto *combo = qobject_cast<const QComboBox *>(m_table->cellWidget(row, Purpose)))
        g.purpose = purposeFromId(combo->currentData().toString()).value_or(PortPurpose::Data);
    if (const QTableWidgetItem *roce = m_table->item(row, Roce))
        g.roceCapable = roce->checkState() == Qt::Checked;
    return out;
}

QString CatalogPortsTable::validationMessage() const
{
    for (int r = 0; r < m_table->rowCount(); ++r) {
        const Row parsed = parseRow(r);
        if (!parsed.error.isEmpty())
            return parsed.error;
    }
    return QString();
}

std::vector<PortGroup> CatalogPortsTable::ports(const QString &source, const QString &confidence) const
{
    std::vector<PortGroup> out;
    for (int r = 0; r < m_table->rowCount(); ++r) {
        PortGroup g = parseRow(r).group;
        const PortGroup *was = original(r);
        if (!was || !sameShownFields(g, *was)) {
            g.source = source;
            g.confidence = confidence;
        }
        out.push_back(std::move(g));
    }
    return out;
}

} // namespace pp::gui
