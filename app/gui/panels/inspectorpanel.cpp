#include "inspectorpanel.h"

#include "app/gui/window/planeditor.h"
#include "explicitcombobox.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QSpinBox>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace pp::gui {

InspectorPanel::InspectorPanel(PlanEditor &editor, QWidget *parent)
    : QWidget(parent)
    , m_editor(editor)
    , m_pages(new QStackedWidget(this))
    , m_hint(new QLabel(this))
    , m_deviceTitle(new QLabel(this))
    , m_hostname(new QLineEdit(this))
    , m_type(new QLabel(this))
    , m_changeType(new QPushButton(tr("Change t&ype…"), this))
    , m_rack(new ExplicitComboBox(this))
    , m_u(new QSpinBox(this))
    , m_face(new ExplicitComboBox(this))
    , m_feeds(new QLineEdit(this))
    , m_facts(new QLabel(this))
    , m_rackName(new QLineEdit(this))
    , m_rackHeight(new QSpinBox(this))
    , m_rackFacts(new QLabel(this))
    , m_error(new QLabel(this))
{
    m_confirm = [this](const QString &title, const QString &text) {
        return QMessageBox::question(this, title, text, QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel) ==
            QMessageBox::Yes;
    };
    m_hint->setWordWrap(true);
    m_hint->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_hint->setContentsMargins(6, 6, 6, 6);
    m_pages->addWidget(m_hint);
    m_pages->addWidget(createDevicePage());
    m_pages->addWidget(createRackPage());

    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b00020"));
    m_error->hide();
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addWidget(m_pages);
    layout->addWidget(m_error);
    layout->addStretch(1);

    connectEditors();
    showSelection({}, QString());
}

// Each editor commits its own field when the user finishes with it; the panel follows the plan.
void InspectorPanel::connectEditors()
{
    connect(m_hostname, &QLineEdit::editingFinished, this, [this] { commitDevice(tr("hostname")); });
    connect(m_changeType, &QPushButton::clicked, this, &InspectorPanel::chooseType);
    connect(m_rack, &QComboBox::activated, this, [this] { commitDevice(tr("rack")); });
    connect(m_u, &QSpinBox::valueChanged, this, [this] { commitDevice(tr("U")); });
    connect(m_face, &QComboBox::activated, this, [this] { commitDevice(tr("face")); });
    connect(m_feeds, &QLineEdit::editingFinished, this, [this] { commitDevice(tr("PSU feeds")); });
    connect(m_rackName, &QLineEdit::editingFinished, this, &InspectorPanel::commitRackName);
    connect(m_rackHeight, &QSpinBox::valueChanged, this, &InspectorPanel::commitRackHeight);
    connect(&m_editor.document(), &PlanDocument::planChanged, this, &InspectorPanel::refresh);
    // Enter in a text or number field commits it and returns to the canvas (see eventFilter).
    for (QWidget *w : std::initializer_list<QWidget *>{m_hostname, m_u, m_feeds, m_rackName, m_rackHeight})
        w->installEventFilter(this);
}

QWidget *InspectorPanel::createDevicePage()
{
    auto *devicePage = new QWidget(this);
    auto *form = new QFormLayout(devicePage);
    m_deviceTitle->setTextFormat(Qt::RichText);
    form->addRow(m_deviceTitle);
    form->addRow(tr("&Hostname"), m_hostname);
    // The type is shown, not edited in place: a type change may leave links on missing ports,
    // so it is a deliberate action that says so first.
    m_type->setWordWrap(true);
    m_type->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *typeRow = new QHBoxLayout;
    typeRow->addWidget(m_type, 1);
    typeRow->addWidget(m_changeType);
    form->addRow(tr("Type"), typeRow);
    form->addRow(tr("&Rack"), m_rack);
    m_u->setRange(0, 100);
    m_u->setKeyboardTracking(false);
    m_u->setFocusPolicy(Qt::StrongFocus); // no wheel edits while scrolling past
    form->addRow(tr("&U (lowest)"), m_u);
    m_face->addItem(tr("front"), static_cast<int>(Face::Front));
    m_face->addItem(tr("rear"), static_cast<int>(Face::Rear));
    form->addRow(tr("&Face"), m_face);
    m_feeds->setPlaceholderText(tr("one feed per PSU, e.g. A, B"));
    m_feeds->setValidator(new QRegularExpressionValidator(
        QRegularExpression(QStringLiteral("^\\s*([ABab](\\s*,\\s*[ABab])*)?\\s*$")), m_feeds));
    form->addRow(tr("&PSU feeds"), m_feeds);
    m_facts->setWordWrap(true);
    m_facts->setTextFormat(Qt::RichText);
    form->addRow(m_facts);
    for (QComboBox *box : {m_rack, m_face})
        box->setFocusPolicy(Qt::StrongFocus);
    return devicePage;
}

QWidget *InspectorPanel::createRackPage()
{
    auto *rackPage = new QWidget(this);
    auto *rackForm = new QFormLayout(rackPage);
    rackForm->addRow(new QLabel(tr("<b>Rack</b>"), rackPage));
    rackForm->addRow(tr("&Name"), m_rackName);
    m_rackHeight->setRange(1, 100);
    m_rackHeight->setSuffix(QStringLiteral(" U"));
    m_rackHeight->setKeyboardTracking(false);
    m_rackHeight->setFocusPolicy(Qt::StrongFocus);
    rackForm->addRow(tr("&Height"), m_rackHeight);
    m_rackFacts->setWordWrap(true);
    rackForm->addRow(m_rackFacts);
    return rackPage;
}

bool InspectorPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() != QEvent::KeyPress)
        return QWidget::eventFilter(watched, event);
    const int key = static_cast<QKeyEvent *>(event)->key();
    if (key != Qt::Key_Return && key != Qt::Key_Enter)
        return QWidget::eventFilter(watched, event);
    // Commit now, synchronously, so that the next key already goes to the canvas.
    m_error->hide();
    if (watched == m_rackName) {
        commitRackName();
    } else if (auto *spin = qobject_cast<QSpinBox *>(watched)) {
        spin->interpretText(); // emits valueChanged, which commits
    } else if (auto *edit = qobject_cast<QLineEdit *>(watched)) {
        if (!edit->hasAcceptableInput())
            return false; // the validator keeps the field; nothing to commit
        commitDevice(edit == m_hostname ? tr("hostname") : tr("PSU feeds"));
    }
    if (m_error->isHidden()) // a refused edit keeps the focus so that the reason can be read
        emit editCommitted();
    return true;
}

void InspectorPanel::showSelection(const QStringList &deviceIds, const QString &rackId)
{
    m_deviceIds = deviceIds;
    m_rackId = deviceIds.isEmpty() ? rackId : QString();
    m_error->hide();
    refresh();
}

void InspectorPanel::focusHostname()
{
    if (m_pages->currentIndex() == 1) {
        m_hostname->setFocus();
        m_hostname->selectAll();
    } else if (m_pages->currentIndex() == 2) {
        m_rackName->setFocus();
        m_rackName->selectAll();
    }
}

void InspectorPanel::refresh()
{
    const Plan &plan = m_editor.document().plan();
    const Catalog &catalog = m_editor.document().catalog();
    m_updating = true;
    const Device *device = m_deviceIds.size() == 1 ? plan.findDevice(m_deviceIds.front()) : nullptr;
    const Rack *rack = m_rackId.isEmpty() ? nullptr : plan.findRack(m_rackId);
    if (device) {
        m_pages->setCurrentIndex(1);
        const DeviceType *type = catalog.deviceType(device->type);
        m_deviceTitle->setText(tr("<b>%1</b> &nbsp;<span style='color:#5f6368'>id %2</span>")
                                   .arg(device->hostname.toHtmlEscaped(), device->id.toHtmlEscaped()));
        if (!m_hostname->hasFocus() || m_hostname->text() == device->hostname)
            m_hostname->setText(device->hostname);
        m_type->setText(type ? QStringLiteral("%1 %2 (%3)").arg(type->vendor, type->model, type->id)
                             : tr("%1 (not in the catalog)").arg(device->type));
        m_rack->clear();
        for (const Rack &r : plan.racks)
            m_rack->addItem(QStringLiteral("%1 (%2)").arg(r.name, r.id), r.id);
        m_rack->setCurrentIndex(m_rack->findData(device->rack));
        const bool mounted = type && type->isRackMounted();
        const int rackU =
            device->rack.isEmpty() || !plan.findRack(device->rack) ? 100 : plan.findRack(device->rack)->heightU;
        m_u->setRange(mounted ? 1 : 0, mounted ? rackU : 0);
        m_u->setValue(device->u);
        m_u->setEnabled(mounted);
        m_face->setCurrentIndex(device->face == Face::Front ? 0 : 1);
        if (!m_feeds->hasFocus())
            m_feeds->setText(device->psuFeeds.join(QStringLiteral(", ")));
        if (type)
            m_facts->setText(
                tr("%1 %2 · %3U · %4<br>power %5 typical, %6 max · weight %7<br>PSUs %8 × %9")
                    .arg(type->vendor.toHtmlEscaped(), type->model.toHtmlEscaped())
                    .arg(type->uHeight)
                    .arg(type->fullDepth ? tr("full depth") : tr("half depth"),
                         type->typicalW.display(QStringLiteral("W")), type->maxW.display(QStringLiteral("W")),
                         type->weightKg.display(QStringLiteral("kg"), 1), type->psu.count.display(QString()),
                         type->psu.connector.isEmpty() ? tr("unknown") : type->psu.connector));
    } else if (rack) {
        m_pages->setCurrentIndex(2);
        if (!m_rackName->hasFocus())
            m_rackName->setText(rack->name);
        m_rackHeight->setValue(rack->heightU);
        int devices = 0;
        for (const Device &d : plan.devices)
            devices += d.rack == rack->id ? 1 : 0;
        m_rackFacts->setText(tr("id %1 · %n device(s)", nullptr, devices).arg(rack->id));
    } else {
        m_pages->setCurrentIndex(0);
        m_hint->setText(
            m_deviceIds.size() > 1
                ? tr("%n devices selected.\n\nDelete, Duplicate, the arrow keys and dragging act on all of them.",
                     nullptr, static_cast<int>(m_deviceIds.size()))
                : tr("Select a device or a rack header to see and edit its properties."));
    }
    m_updating = false;
}

void InspectorPanel::showResult(const ops::OpResult &result)
{
    m_error->setVisible(!result.ok);
    m_error->setText(result.ok ? QString() : tr("Not changed: %1").arg(result.error));
    if (!result.ok)
        refresh();
}

void InspectorPanel::commitDevice(const QString &what)
{
    if (m_updating || m_deviceIds.size() != 1)
        return;
    const Device *current = m_editor.document().plan().findDevice(m_deviceIds.front());
    if (!current)
        return;
    Device d = *current;
    d.hostname = m_hostname->text().trimmed();
    d.rack = m_rack->currentData().toString();
    d.u = m_u->value();
    d.face = m_face->currentIndex() == 0 ? Face::Front : Face::Rear;
    d.psuFeeds.clear();
    for (const QString &f : m_feeds->text().split(QLatin1Char(','), Qt::SkipEmptyParts))
        d.psuFeeds << f.trimmed().toUpper();
    const DeviceType *type = m_editor.document().catalog().deviceType(d.type);
    if (type && !type->isRackMounted())
        d.u = 0;
    else if (type && d.u == 0)
        d.u = 1;
    if (d.hostname == current->hostname && d.type == current->type && d.rack == current->rack && d.u == current->u &&
        d.face == current->face && d.psuFeeds == current->psuFeeds)
        return;
    showResult(m_editor.setDevice(d, what));
}

void InspectorPanel::commitRackName()
{
    if (m_updating || m_rackId.isEmpty())
        return;
    const Rack *rack = m_editor.document().plan().findRack(m_rackId);
    if (!rack || rack->name == m_rackName->text().trimmed())
        return;
    showResult(m_editor.renameRack(m_rackId, m_rackName->text()));
}

void InspectorPanel::commitRackHeight()
{
    if (m_updating || m_rackId.isEmpty())
        return;
    const Rack *rack = m_editor.document().plan().findRack(m_rackId);
    if (!rack || rack->heightU == m_rackHeight->value())
        return;
    showResult(m_editor.resizeRack(m_rackId, m_rackHeight->value()));
}

QStringList InspectorPanel::linksWithoutPort(const QString &typeId) const
{
    QStringList lost;
    const Plan &plan = m_editor.document().plan();
    const DeviceType *type = m_editor.document().catalog().deviceType(typeId);
    const Device *device = m_deviceIds.size() == 1 ? plan.findDevice(m_deviceIds.front()) : nullptr;
    if (!type || !device)
        return lost;
    auto name = [&plan](const Endpoint &end) {
        const Device *d = plan.findDevice(end.device);
        return (d ? d->hostname : end.device) + QLatin1Char(':') + end.port;
    };
    for (const Link &link : plan.links) {
        const bool atA = link.a.device == device->id && !type->resolvePort(link.a.port).valid();
        const bool atB = link.b.device == device->id && !type->resolvePort(link.b.port).valid();
        if (atA || atB)
            lost << QStringLiteral("%1 – %2").arg(name(link.a), name(link.b));
    }
    return lost;
}

void InspectorPanel::chooseType()
{
    const Device *device =
        m_deviceIds.size() == 1 ? m_editor.document().plan().findDevice(m_deviceIds.front()) : nullptr;
    if (!device)
        return;
    QStringList labels;
    QStringList ids;
    for (const DeviceType *t : m_editor.document().catalog().deviceTypes()) {
        if (t->role == Role::Cable)
            continue;
        labels << QStringLiteral("%1 %2 (%3)").arg(t->vendor, t->model, t->id);
        ids << t->id;
    }
    bool ok = false;
    const QString chosen =
        QInputDialog::getItem(this, tr("Change type"), tr("New type of %1:").arg(device->hostname), labels,
                              std::max(0, static_cast<int>(ids.indexOf(device->type))), false, &ok);
    if (ok && labels.indexOf(chosen) >= 0)
        changeType(ids.at(labels.indexOf(chosen)));
}

bool InspectorPanel::changeType(const QString &typeId)
{
    const Device *current =
        m_deviceIds.size() == 1 ? m_editor.document().plan().findDevice(m_deviceIds.front()) : nullptr;
    if (!current || current->type == typeId)
        return false;
    const DeviceType *type = m_editor.document().catalog().deviceType(typeId);
    if (!type) {
        showResult(ops::OpResult::refused(tr("%1 is not in the catalog").arg(typeId)));
        return false;
    }
    const QStringList lost = linksWithoutPort(typeId);
    QString text = tr("Change %1 from %2 to %3?").arg(current->hostname, current->type, typeId);
    if (lost.isEmpty())
        text += tr("\n\nEvery link of %1 ends on a port %2 also has.").arg(current->hostname, typeId);
    else
        text += tr("\n\nThese %n link(s) end on ports %1 does not have; they will be removed with the change "
                   "(Undo puts them back):\n%2",
                   nullptr, static_cast<int>(lost.size()))
                    .arg(typeId, lost.join(QLatin1Char('\n')));
    if (!m_confirm(tr("Change type"), text))
        return false;
    Device d = *current;
    d.type = typeId;
    if (!type->isRackMounted())
        d.u = 0;
    else if (d.u == 0)
        d.u = 1;
    const ops::OpResult result = m_editor.setDevice(d, tr("type"));
    showResult(result);
    return result.ok;
}

} // namespace pp::gui
