#include "portviewdialog.h"

#include "app/gui/window/planeditor.h"

#include "planner/topology/linkedit.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace pp::gui {

PortViewDialog::PortViewDialog(PlanEditor &editor, QWidget *parent)
    : QDialog(parent)
    , m_editor(editor)
    , m_document(editor.document())
{
    setWindowTitle(tr("Ports"));
    auto *layout = new QVBoxLayout(this);
    auto *top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Device:"), this));
    m_device = new QComboBox(this);
    m_device->setMinimumWidth(220);
    top->addWidget(m_device, 1);
    layout->addLayout(top);

    m_table = new QTableWidget(0, 7, this);
    m_table->setHorizontalHeaderLabels(
        {tr("Port"), tr("Purpose"), tr("Speed"), tr("Connected to"), tr("Cable"), tr("Length"), tr("Label")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    layout->addWidget(m_table, 1);

    auto *edit = new QHBoxLayout;
    edit->addWidget(new QLabel(tr("Connect to:"), this));
    m_targetDevice = new QComboBox(this);
    m_targetPort = new QComboBox(this);
    m_connect = new QPushButton(tr("&Connect"), this);
    m_disconnect = new QPushButton(tr("&Disconnect"), this);
    edit->addWidget(m_targetDevice, 1);
    edit->addWidget(m_targetPort);
    edit->addWidget(m_connect);
    edit->addSpacing(16);
    edit->addWidget(m_disconnect);
    layout->addLayout(edit);
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    layout->addWidget(m_status);
    auto *close = new QPushButton(tr("Close"), this);
    connect(close, &QPushButton::clicked, this, &QDialog::accept);
    auto *bottom = new QHBoxLayout;
    bottom->addStretch();
    bottom->addWidget(close);
    layout->addLayout(bottom);

    connect(m_device, &QComboBox::currentIndexChanged, this, [this] { refresh(); });
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &PortViewDialog::updateTargets);
    connect(m_table, &QTableWidget::cellChanged, this, &PortViewDialog::cellEdited);
    connect(m_targetDevice, &QComboBox::currentIndexChanged, this, &PortViewDialog::updateTargets);
    connect(m_connect, &QPushButton::clicked, this, [this] {
        QString why;
        if (!connectSelected(m_targetDevice->currentData().toString(), m_targetPort->currentText(), &why))
            m_status->setText(why);
    });
    connect(m_disconnect, &QPushButton::clicked, this, [this] {
        QString why;
        if (!disconnectSelected(&why))
            m_status->setText(why);
    });
    connect(&m_document, &PlanDocument::planChanged, this, &PortViewDialog::refresh);
    resize(900, 520);
    showDevice(QString());
}

QString PortViewDialog::device() const
{
    return m_device->currentData().toString();
}

void PortViewDialog::showDevice(const QString &deviceId)
{
    const QSignalBlocker block(m_device);
    m_device->clear();
    for (const Device &d : m_document.plan().devices) {
        const DeviceType *t = m_document.catalog().deviceType(d.type);
        if (!t || t->ports.empty())
            continue;
        m_device->addItem(QStringLiteral("%1 (%2, %3)").arg(d.hostname.isEmpty() ? d.id : d.hostname, d.id, t->model),
                          d.id);
    }
    const int at = m_device->findData(deviceId);
    m_device->setCurrentIndex(at >= 0 ? at : 0);
    m_status->clear();
    refresh();
}

void PortViewDialog::refresh()
{
    const QString keep = selectedPort();
    const QSignalBlocker block(m_table);
    const auto ports = linkedit::portsOf(m_document.plan(), m_document.catalog(), device());
    m_table->setRowCount(static_cast<int>(ports.size()));
    for (int row = 0; row < static_cast<int>(ports.size()); ++row) {
        const PortStatus &p = ports[static_cast<std::size_t>(row)];
        const QString peer = p.uplink ? tr("site uplink") : p.peer;
        const QStringList cells{p.port,
                                purposeId(p.purpose),
                                QStringLiteral("%1G").arg(p.speedGbps),
                                peer + (p.manual ? tr(" (by hand)") : QString()),
                                p.cable,
                                p.lengthM > 0 ? QStringLiteral("%1 m").arg(p.lengthM, 0, 'f', 1) : QString(),
                                p.label};
        for (int c = 0; c < cells.size(); ++c) {
            auto *item = new QTableWidgetItem(cells.at(c));
            if (peer.isEmpty())
                item->setForeground(QColor(0x88, 0x88, 0x88));
            // Only a link's cable, length and label can be changed in place.
            if (p.linkIndex < 0 || c < CableColumn)
                item->setFlags(item->flags() & ~Qt::ItemIsEditable);
            m_table->setItem(row, c, item);
        }
    }
    m_table->resizeColumnsToContents();
    if (!keep.isEmpty())
        selectPort(keep);
    {
        const QString current = m_targetDevice->currentData().toString();
        const QSignalBlocker b(m_targetDevice);
        m_targetDevice->clear();
        for (const Device &d : m_document.plan().devices)
            if (d.id != device())
                m_targetDevice->addItem(
                    d.hostname.isEmpty() ? d.id : d.hostname + QStringLiteral(" (") + d.id + QLatin1Char(')'), d.id);
        const int at = m_targetDevice->findData(current);
        if (at >= 0)
            m_targetDevice->setCurrentIndex(at);
    }
    updateTargets();
}

QString PortViewDialog::selectedPort() const
{
    const auto rows = m_table->selectionModel() ? m_table->selectionModel()->selectedRows() : QModelIndexList();
    return rows.isEmpty() ? QString() : m_table->item(rows.first().row(), 0)->text();
}

void PortViewDialog::selectPort(const QString &port)
{
    for (int row = 0; row < m_table->rowCount(); ++row)
        if (m_table->item(row, 0)->text() == port) {
            m_table->selectRow(row);
            return;
        }
}

void PortViewDialog::updateTargets()
{
    const QString port = selectedPort();
    bool used = false;
    double speed = 0;
    for (const PortStatus &p : linkedit::portsOf(m_document.plan(), m_document.catalog(), device()))
        if (p.port == port) {
            used = !p.peer.isEmpty() || p.uplink;
            speed = p.speedGbps;
        }
    m_targetPort->clear();
    if (!port.isEmpty() && !used)
        m_targetPort->addItems(linkedit::freePortsFor(m_document.plan(), m_document.catalog(),
                                                      m_targetDevice->currentData().toString(), speed));
    m_connect->setEnabled(!port.isEmpty() && !used && m_targetPort->count() > 0);
    m_disconnect->setEnabled(used);
}

bool PortViewDialog::connectSelected(const QString &targetDevice, const QString &targetPort, QString *why)
{
    const QString port = selectedPort();
    if (port.isEmpty()) {
        if (why)
            *why = tr("Select a port first.");
        return false;
    }
    QString reason;
    const ops::OpResult done =
        m_editor.connectPorts(Endpoint{device(), port}, Endpoint{targetDevice, targetPort}, &reason);
    if (!done) {
        if (why)
            *why = done.error;
        return false;
    }
    m_status->setText(reason.isEmpty() ? tr("Connected %1 to %2:%3.").arg(port, targetDevice, targetPort) : reason);
    return true;
}

bool PortViewDialog::disconnectSelected(QString *why)
{
    const QString port = selectedPort();
    if (port.isEmpty() || !m_editor.disconnectPort(Endpoint{device(), port})) {
        if (why)
            *why = tr("The selected port is not connected.");
        return false;
    }
    m_status->setText(tr("Disconnected %1.").arg(port));
    return true;
}

bool PortViewDialog::editSelected(const QString &cable, double lengthM, const QString &label, QString *why)
{
    const QString port = selectedPort();
    const auto fail = [&](const QString &text) {
        if (why)
            *why = text;
        m_status->setText(text);
        refresh(); // puts back what the cells showed before the refused edit
        return false;
    };
    int linkIndex = -1;
    for (const PortStatus &p : linkedit::portsOf(m_document.plan(), m_document.catalog(), device()))
        if (p.port == port)
            linkIndex = p.linkIndex;
    if (linkIndex < 0)
        return fail(tr("The selected port has no link to change."));
    Link updated = m_document.plan().links[static_cast<std::size_t>(linkIndex)];
    QStringList what;
    if (updated.cable != cable)
        what << tr("cable");
    if (updated.lengthM != lengthM)
        what << tr("length");
    if (updated.label != label)
        what << tr("label");
    if (what.isEmpty())
        return true;
    updated.cable = cable;
    updated.lengthM = lengthM;
    updated.label = label;
    const ops::OpResult done = m_editor.setLink(updated, what.join(QStringLiteral(", ")));
    if (!done)
        return fail(done.error);
    m_status->setText(tr("Changed the %1 of %2.").arg(what.join(QStringLiteral(", ")), port));
    return true;
}

void PortViewDialog::cellEdited(int row, int column)
{
    if (column < CableColumn || !m_table->item(row, PortColumn) || !m_table->item(row, column))
        return;
    const QString port = m_table->item(row, PortColumn)->text();
    selectPort(port);
    // Only the edited cell counts: the others show rounded figures ("2.5 m") that must not
    // overwrite the link's own.
    PortStatus link;
    for (const PortStatus &p : linkedit::portsOf(m_document.plan(), m_document.catalog(), device()))
        if (p.port == port)
            link = p;
    const QString text = m_table->item(row, column)->text().trimmed();
    if (column == CableColumn)
        link.cable = text;
    else if (column == LabelColumn)
        link.label = text;
    else {
        QString number = text;
        number.remove(QLatin1Char('m'));
        bool ok = true;
        link.lengthM = number.trimmed().isEmpty() ? 0 : number.trimmed().toDouble(&ok);
        if (!ok) {
            m_status->setText(tr("\"%1\" is not a length in metres.").arg(text));
            refresh();
            return;
        }
    }
    editSelected(link.cable, link.lengthM, link.label);
}

} // namespace pp::gui
