#include "catalogeditordialog.h"

#include "app/gui/commands/cmdcatalogtypeset.h"
#include "catalogportstable.h"

#include "catalog/io/usercatalogfile.h"
#include "catalog/model/devicetypevalidation.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QSplitter>
#include <QUndoStack>
#include <QVBoxLayout>
#include <algorithm>

namespace pp::gui {

namespace {

const char *const kFigureFields[] = {"typicalW", "maxW", "weightKg"};

QString figureText(const Figure &f)
{
    return f.value ? QString::number(*f.value) : QString();
}

} // namespace

CatalogEditorDialog::CatalogEditorDialog(Catalog &catalog, QString userFile, QWidget *parent)
    : QDialog(parent)
    , m_catalog(catalog)
    , m_userFile(std::move(userFile))
    , m_undo(new QUndoStack(this))
{
    setWindowTitle(tr("Catalog editor"));
    resize(1100, 880);
    auto *splitter = new QSplitter(this);
    m_list = new QListWidget(splitter);
    m_list->setMinimumWidth(300);

    // The form, ports and layer panel scroll together on a screen too short for all of them.
    auto *scroll = new QScrollArea(splitter);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *right = new QWidget(scroll);
    QFormLayout *form = createForm(right);

    m_error = new QLabel(right);
    m_error->setStyleSheet(QStringLiteral("color: #b00020"));
    m_error->setWordWrap(true);
    m_ports = new CatalogPortsTable(right);
    auto *portsBox = new QGroupBox(tr("Ports"), right);
    auto *portsLayout = new QVBoxLayout(portsBox);
    portsLayout->setContentsMargins(6, 4, 6, 6);
    portsLayout->addWidget(m_ports);
    m_info = new QLabel(right);
    m_info->setObjectName(QStringLiteral("layerInfo"));
    m_info->setWordWrap(true);
    m_info->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_info->setAlignment(Qt::AlignTop | Qt::AlignLeft);

    QHBoxLayout *buttons = createEditButtons(right);

    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->addLayout(form);
    rightLayout->addWidget(portsBox, 1);
    rightLayout->addWidget(m_error);
    rightLayout->addLayout(buttons);
    rightLayout->addWidget(m_info, 1);
    scroll->setWidget(right);

    auto *box = new QDialogButtonBox(this);
    m_save = box->addButton(tr("&Save to user catalog"), QDialogButtonBox::AcceptRole);
    box->addButton(QDialogButtonBox::Close);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter, 1);
    auto *where = new QLabel(tr("User catalog file: %1").arg(m_userFile), this);
    where->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(where);
    layout->addWidget(box);

    connect(m_list, &QListWidget::currentItemChanged, this, [this](QListWidgetItem *item) {
        if (item && !m_loading) {
            m_selected = item->data(Qt::UserRole).toString();
            loadForm();
        }
    });
    for (const auto &[name, edit] : m_fields)
        connect(edit, &QLineEdit::textChanged, this, &CatalogEditorDialog::updateValidation);
    connect(m_ports, &CatalogPortsTable::changed, this, &CatalogEditorDialog::updateValidation);
    connect(m_save, &QPushButton::clicked, this, [this] {
        QString error;
        if (!save(&error))
            QMessageBox::warning(this, windowTitle(), error);
    });
    connect(box, &QDialogButtonBox::rejected, this, &QDialog::reject);

    splitter->setSizes({420, 560});
    rebuildList();
    if (m_list->count() > 0)
        m_list->setCurrentRow(0);
}

QFormLayout *CatalogEditorDialog::createForm(QWidget *parent)
{
    auto *form = new QFormLayout;
    for (const char *name : {"id", "vendor", "model", "partNumber"}) {
        auto *edit = new QLineEdit(parent);
        edit->setObjectName(QString::fromLatin1(name));
        m_fields[QString::fromLatin1(name)] = edit;
    }
    form->addRow(tr("Id"), m_fields[QStringLiteral("id")]);
    form->addRow(tr("Vendor"), m_fields[QStringLiteral("vendor")]);
    form->addRow(tr("Model"), m_fields[QStringLiteral("model")]);
    form->addRow(tr("Part number"), m_fields[QStringLiteral("partNumber")]);
    m_role = new QComboBox(parent);
    m_role->setObjectName(QStringLiteral("role"));
    for (Role r : {Role::CNode, Role::DBox, Role::Switch, Role::Pdu, Role::Cable, Role::Other})
        m_role->addItem(roleDisplayName(r), roleId(r));
    form->addRow(tr("Role"), m_role);
    m_uHeight = new QSpinBox(parent);
    m_uHeight->setRange(0, 60);
    m_uHeight->setSuffix(QStringLiteral(" U"));
    form->addRow(tr("Height"), m_uHeight);
    m_fullDepth = new QCheckBox(tr("occupies front and rear"), parent);
    form->addRow(tr("Full depth"), m_fullDepth);
    m_airflow = new QComboBox(parent);
    for (Airflow a : {Airflow::Unknown, Airflow::FrontToRear, Airflow::RearToFront, Airflow::Passive})
        m_airflow->addItem(airflowId(a), airflowId(a));
    form->addRow(tr("Airflow"), m_airflow);
    const QStringList figureLabels{tr("Typical draw (W)"), tr("Max draw (W)"), tr("Weight (kg)")};
    for (int i = 0; i < 3; ++i) {
        auto *edit = new QLineEdit(parent);
        edit->setObjectName(QString::fromLatin1(kFigureFields[i]));
        edit->setPlaceholderText(tr("unknown"));
        m_fields[QString::fromLatin1(kFigureFields[i])] = edit;
        form->addRow(figureLabels.at(i), edit);
    }
    auto *source = new QLineEdit(parent);
    source->setObjectName(QStringLiteral("source"));
    source->setPlaceholderText(tr("source key of the figures you change, e.g. LABSHEET"));
    m_fields[QStringLiteral("source")] = source;
    form->addRow(tr("Source of changed figures"), source);
    m_confidence = new QComboBox(parent);
    m_confidence->addItems(
        {QStringLiteral("stated"), QStringLiteral("stated-3P"), QStringLiteral("inferred"), QStringLiteral("assumed")});
    form->addRow(tr("Confidence"), m_confidence);
    return form;
}

QHBoxLayout *CatalogEditorDialog::createEditButtons(QWidget *parent)
{
    auto *buttons = new QHBoxLayout;
    auto *newButton = new QPushButton(tr("&New"), parent);
    auto *duplicate = new QPushButton(tr("&Duplicate"), parent);
    m_apply = new QPushButton(tr("&Apply"), parent);
    auto *undo = new QPushButton(tr("&Undo"), parent);
    auto *redo = new QPushButton(tr("&Redo"), parent);
    buttons->addWidget(newButton);
    buttons->addWidget(duplicate);
    buttons->addWidget(m_apply);
    buttons->addStretch();
    buttons->addWidget(undo);
    buttons->addWidget(redo);
    connect(m_apply, &QPushButton::clicked, this, &CatalogEditorDialog::applyForm);
    connect(newButton, &QPushButton::clicked, this, &CatalogEditorDialog::addNew);
    connect(duplicate, &QPushButton::clicked, this, &CatalogEditorDialog::duplicateSelected);
    connect(undo, &QPushButton::clicked, m_undo, &QUndoStack::undo);
    connect(redo, &QPushButton::clicked, m_undo, &QUndoStack::redo);
    connect(m_undo, &QUndoStack::canUndoChanged, undo, &QWidget::setEnabled);
    connect(m_undo, &QUndoStack::canRedoChanged, redo, &QWidget::setEnabled);
    undo->setEnabled(false);
    redo->setEnabled(false);
    return buttons;
}

const DeviceType *CatalogEditorDialog::current(const QString &id) const
{
    const auto it = m_edits.find(id);
    return it != m_edits.end() ? &it->second : m_catalog.deviceType(id);
}

QLineEdit *CatalogEditorDialog::field(const QString &name) const
{
    const auto it = m_fields.find(name);
    return it == m_fields.end() ? nullptr : it->second;
}

void CatalogEditorDialog::rebuildList()
{
    m_loading = true;
    QStringList ids;
    for (const DeviceType *t : m_catalog.deviceTypes())
        ids << t->id;
    for (const auto &[id, t] : m_edits)
        if (!ids.contains(id))
            ids << id;
    ids.sort();
    m_list->clear();
    for (const QString &id : ids) {
        const DeviceType *t = current(id);
        const bool pending = m_edits.count(id) > 0;
        const bool overrides = m_catalog.definitions(id).size() > 1;
        auto *item = new QListWidgetItem(QStringLiteral("%1 — %2 %3  [%4%5]%6")
                                             .arg(id, t->vendor, t->model, pending ? tr("edited") : t->layer,
                                                  overrides ? tr(", overrides") : QString(),
                                                  pending ? QStringLiteral(" *") : QString()),
                                         m_list);
        item->setData(Qt::UserRole, id);
        if (pending) {
            QFont f = item->font();
            f.setItalic(true);
            item->setFont(f);
        }
        if (id == m_selected)
            m_list->setCurrentItem(item);
    }
    m_loading = false;
}

bool CatalogEditorDialog::select(const QString &id)
{
    for (int i = 0; i < m_list->count(); ++i)
        if (m_list->item(i)->data(Qt::UserRole).toString() == id) {
            m_selected = id;
            m_loading = true;
            m_list->setCurrentRow(i);
            m_loading = false;
            loadForm();
            return true;
        }
    return false;
}

void CatalogEditorDialog::loadForm()
{
    const DeviceType *t = current(m_selected);
    if (!t)
        return;
    m_loading = true;
    m_fields[QStringLiteral("id")]->setText(t->id);
    m_fields[QStringLiteral("vendor")]->setText(t->vendor);
    m_fields[QStringLiteral("model")]->setText(t->model);
    m_fields[QStringLiteral("partNumber")]->setText(t->partNumber);
    m_role->setCurrentIndex(m_role->findData(roleId(t->role)));
    m_uHeight->setValue(t->uHeight);
    m_fullDepth->setChecked(t->fullDepth);
    m_airflow->setCurrentIndex(m_airflow->findData(airflowId(t->airflow)));
    m_fields[QStringLiteral("typicalW")]->setText(figureText(t->typicalW));
    m_fields[QStringLiteral("maxW")]->setText(figureText(t->maxW));
    m_fields[QStringLiteral("weightKg")]->setText(figureText(t->weightKg));
    m_fields[QStringLiteral("source")]->clear();
    m_ports->setPorts(t->ports);
    // The id of a type that exists in the catalog is its identity: edit a duplicate to rename.
    m_fields[QStringLiteral("id")]->setReadOnly(m_catalog.deviceType(t->id) != nullptr);
    m_loading = false;
    updateValidation();
    updateInfo();
}

void CatalogEditorDialog::updateInfo()
{
    const DeviceType *t = current(m_selected);
    if (!t) {
        m_info->clear();
        return;
    }
    QString html = QStringLiteral("<b>%1</b>: layer <b>%2</b> (%3)")
                       .arg(t->id.toHtmlEscaped(), m_edits.count(t->id) ? tr("edited, not saved") : t->layer,
                            t->originFile.toHtmlEscaped());
    const auto defs = m_catalog.definitions(t->id);
    if (defs.size() > 1) {
        QStringList below;
        for (std::size_t i = 0; i + 1 < defs.size(); ++i)
            below << QStringLiteral("%1 (%2)").arg(defs[i].layer, defs[i].file.toHtmlEscaped());
        html += QStringLiteral("<br>overrides: %1").arg(below.join(QStringLiteral(", ")));
    }
    html += QStringLiteral("<table cellspacing=4><tr><th align=left>figure</th><th align=left>value</th><th "
                           "align=left>confidence</th><th align=left>source</th></tr>");
    const std::pair<QString, std::pair<const Figure *, QString>> figures[] = {
        {QStringLiteral("typical draw"), {&t->typicalW, QStringLiteral("W")}},
        {QStringLiteral("max draw"), {&t->maxW, QStringLiteral("W")}},
        {QStringLiteral("weight"), {&t->weightKg, QStringLiteral("kg")}},
        {QStringLiteral("PSUs"), {&t->psu.count, QString()}},
        {QStringLiteral("raw capacity"), {&t->storage.rawTB, QStringLiteral("TB")}}};
    for (const auto &[name, fig] : figures) {
        const Figure &f = *fig.first;
        const SourceInfo *s = m_catalog.source(f.source);
        html +=
            QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td><td>%4</td></tr>")
                .arg(name, f.display(fig.second, 1), f.confidence.toHtmlEscaped(),
                     (s ? s->title : f.source).toHtmlEscaped() +
                         (f.note.isEmpty() ? QString() : QStringLiteral("<br><i>%1</i>").arg(f.note.toHtmlEscaped())));
    }
    html += QStringLiteral("</table>");
    int ports = 0;
    for (const PortGroup &g : t->ports)
        ports += g.count;
    html += QStringLiteral("<br>%1 ports in %2 group(s)").arg(ports).arg(t->ports.size());
    m_info->setText(html);
}

QString CatalogEditorDialog::validationMessage() const
{
    // What the form cannot turn into a type is the form's to report: figure text that is no number,
    // port rows that do not parse. Everything else is the catalog's rules, the same the loader applies.
    for (const char *name : kFigureFields) {
        const QString text = m_fields.at(QString::fromLatin1(name))->text().trimmed();
        if (text.isEmpty())
            continue;
        bool ok = false;
        text.toDouble(&ok);
        if (!ok)
            return tr("%1: a number ≥ 0, or empty for unknown.").arg(QString::fromLatin1(name));
    }
    const DeviceType type = typeFromForm();
    const std::vector<DeviceTypeProblem> problems = validateDeviceType(type);
    const auto firstField =
        std::find_if(problems.begin(), problems.end(), [](const DeviceTypeProblem &p) { return p.portRow < 0; });
    if (firstField != problems.end() && firstField->path == QLatin1String("id"))
        return firstField->text;
    // Uniqueness is the catalog's, not the type's: a file may override a type of a lower layer.
    if (type.id != m_selected && current(type.id))
        return tr("Id: \"%1\" already exists.").arg(type.id);
    if (firstField != problems.end())
        return firstField->text;
    if (const QString rows = m_ports->validationMessage(); !rows.isEmpty())
        return rows;
    return problems.empty() ? QString() : problems.front().text;
}

void CatalogEditorDialog::updateValidation()
{
    if (m_loading)
        return;
    const QString message = validationMessage();
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty()); // no blank line between the ports and the buttons
    m_apply->setEnabled(message.isEmpty() && current(m_selected));
}

DeviceType CatalogEditorDialog::typeFromForm() const
{
    const DeviceType *selected = current(m_selected);
    DeviceType t = selected ? *selected : DeviceType();
    t.id = m_fields.at(QStringLiteral("id"))->text().trimmed();
    t.vendor = m_fields.at(QStringLiteral("vendor"))->text().trimmed();
    t.model = m_fields.at(QStringLiteral("model"))->text().trimmed();
    t.partNumber = m_fields.at(QStringLiteral("partNumber"))->text().trimmed();
    t.role = roleFromId(m_role->currentData().toString()).value_or(Role::Other);
    t.uHeight = m_uHeight->value();
    t.fullDepth = m_fullDepth->isChecked();
    t.airflow = airflowFromId(m_airflow->currentData().toString()).value_or(Airflow::Unknown);
    const QString source = m_fields.at(QStringLiteral("source"))->text().trimmed();
    Figure *targets[] = {&t.typicalW, &t.maxW, &t.weightKg};
    for (int i = 0; i < 3; ++i) {
        const QString text = m_fields.at(QString::fromLatin1(kFigureFields[i]))->text().trimmed();
        Figure &f = *targets[i];
        const std::optional<double> value = text.isEmpty() ? std::nullopt : std::optional<double>(text.toDouble());
        if (value == f.value)
            continue; // unchanged figures keep their source and confidence
        f.value = value;
        f.source = value ? source : QString();
        f.confidence = value ? m_confidence->currentText() : QStringLiteral("not-found");
        f.note = value ? tr("edited in the catalog editor") : QString();
    }
    t.ports = m_ports->ports(source, m_confidence->currentText());
    t.layer = Catalog::kUserLayer;
    t.originFile = m_userFile;
    return t;
}

void CatalogEditorDialog::pendingChanged(const QString &id)
{
    if (!current(m_selected))
        m_selected = id;
    rebuildList();
    if (!current(m_selected) && m_list->count() > 0)
        m_selected = m_list->item(0)->data(Qt::UserRole).toString();
    select(current(id) ? id : m_selected);
}

bool CatalogEditorDialog::applyForm()
{
    if (!validationMessage().isEmpty() || !current(m_selected))
        return false;
    const DeviceType edited = typeFromForm();
    auto changed = [this](const QString &id) { pendingChanged(id); };
    if (edited.id != m_selected && !m_catalog.deviceType(m_selected)) {
        // Renaming a type that exists only as a pending edit: one step that removes and adds.
        m_undo->beginMacro(tr("Rename %1 to %2").arg(m_selected, edited.id));
        const QString old = m_selected;
        m_undo->push(new CmdCatalogTypeSet(m_edits, edited.id, edited, QString(), changed));
        m_undo->push(new CmdCatalogTypeSet(m_edits, old, std::nullopt, QString(), changed));
        m_undo->endMacro();
    } else {
        m_undo->push(new CmdCatalogTypeSet(m_edits, edited.id, edited, tr("Edit %1").arg(edited.id), changed));
    }
    select(edited.id);
    return true;
}

QString CatalogEditorDialog::freshId(const QString &base) const
{
    QString id = base;
    for (int n = 2; current(id); ++n)
        id = QStringLiteral("%1-%2").arg(base).arg(n);
    return id;
}

bool CatalogEditorDialog::duplicateSelected()
{
    const DeviceType *t = current(m_selected);
    if (!t)
        return false;
    DeviceType copy = *t;
    copy.id = freshId(t->id + QStringLiteral("-copy"));
    copy.model = t->model + tr(" (copy)");
    copy.layer = Catalog::kUserLayer;
    copy.originFile = m_userFile;
    m_undo->push(new CmdCatalogTypeSet(m_edits, copy.id, copy, tr("Duplicate %1").arg(t->id),
                                       [this](const QString &id) { pendingChanged(id); }));
    return select(copy.id);
}

bool CatalogEditorDialog::addNew()
{
    DeviceType t;
    t.id = freshId(QStringLiteral("new-device"));
    t.vendor = tr("Generic");
    t.model = tr("New device");
    t.layer = Catalog::kUserLayer;
    t.originFile = m_userFile;
    for (Figure *f : {&t.typicalW, &t.maxW, &t.weightKg})
        f->confidence = QStringLiteral("not-found");
    m_undo->push(new CmdCatalogTypeSet(m_edits, t.id, t, tr("New %1").arg(t.id),
                                       [this](const QString &id) { pendingChanged(id); }));
    return select(t.id);
}

bool CatalogEditorDialog::save(QString *error)
{
    if (m_edits.empty())
        return true;
    UserCatalogFile file(m_userFile);
    LoadError loadError;
    if (!file.load(&loadError)) {
        *error = tr("The user catalog is broken and was left as it is:\n%1").arg(loadError.toString());
        return false;
    }
    for (const auto &[id, t] : m_edits) {
        // The file carries the sources its figures and ports name, so that it stands on its own.
        QStringList keys;
        for (const Figure *f : {&t.typicalW, &t.maxW, &t.weightKg, &t.psu.count})
            keys << f->source;
        for (const PortGroup &g : t.ports)
            keys << g.source;
        keys.removeDuplicates();
        for (const QString &key : keys) {
            if (key.isEmpty())
                continue;
            if (const SourceInfo *s = m_catalog.source(key))
                file.addSource(*s);
            else
                file.addSource({key, tr("%1 (entered in the catalog editor)").arg(key), QString()});
        }
        file.upsert(t);
    }
    if (!file.save(error))
        return false;
    for (const auto &[id, t] : m_edits)
        m_catalog.addDeviceType(t);
    m_edits.clear();
    m_undo->clear();
    rebuildList();
    loadForm();
    emit catalogChanged();
    return true;
}

} // namespace pp::gui
