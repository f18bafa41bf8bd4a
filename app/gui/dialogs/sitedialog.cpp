#include "sitedialog.h"

#include "planner/ops/planops.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace pp::gui {

namespace {

Json *jsonAt(Json &root, const QString &path, bool create)
{
    Json *node = &root;
    for (const QString &part : path.split(QLatin1Char('/'))) {
        const std::string key = part.toStdString();
        if (!node->is_object())
            return nullptr;
        if (!node->contains(key)) {
            if (!create)
                return nullptr;
            (*node)[key] = Json::object();
        }
        node = &(*node)[key];
    }
    return node;
}

} // namespace

// The figures the dialog edits, by group box: a table, one row per field of the site profile.
std::vector<std::pair<QString, std::vector<SiteDialog::Field>>> SiteDialog::sections()
{
    return {
        {tr("Power"),
         {{QStringLiteral("power/budgetKW"), tr("Site budget (kW)"), Field::Number, {}},
          {QStringLiteral("power/rackLimitKW"), tr("Per-rack limit (kW)"), Field::Number, {}},
          {QStringLiteral("power/feeds/voltageV"), tr("Feed voltage (V)"), Field::Number, {}},
          {QStringLiteral("power/feeds/phases"), tr("Phases"), Field::Integer, {}},
          {QStringLiteral("power/feeds/amps"), tr("Feed current (A)"), Field::Number, {}},
          {QStringLiteral("power/feeds/deratePct"), tr("Derating (%)"), Field::Number, {}},
          {QStringLiteral("power/feeds/redundancy"),
           tr("Redundancy"),
           Field::Choice,
           {QStringLiteral("A+B"), QStringLiteral("single")}},
          {QStringLiteral("power/feeds/feedsPerRack"), tr("Feeds per rack"), Field::Integer, {}}}},
        {tr("Cooling"),
         {{QStringLiteral("cooling/type"),
           tr("Type"),
           Field::Choice,
           {QStringLiteral("air"), QStringLiteral("liquid")}},
          {QStringLiteral("cooling/rackLimitKW"), tr("Per rack (kW)"), Field::Number, {}},
          {QStringLiteral("cooling/totalKW"), tr("Site total (kW)"), Field::Number, {}},
          {QStringLiteral("cooling/airDensityLimitKW"), tr("Air density limit (kW/rack)"), Field::Number, {}},
          {QStringLiteral("cooling/inletC"), tr("Inlet (°C)"), Field::Number, {}}}},
        {tr("Rack"),
         {{QStringLiteral("rack/heightU"), tr("Height (U)"), Field::Integer, {}},
          {QStringLiteral("rack/widthMM"), tr("Width (mm)"), Field::Number, {}},
          {QStringLiteral("rack/depthMM"), tr("Depth (mm)"), Field::Number, {}},
          {QStringLiteral("rack/maxStaticKg"), tr("Max static load (kg)"), Field::Number, {}}}},
        {tr("Network and RoCE"),
         {{QStringLiteral("network/uplinkSpeedGbps"), tr("Uplink speed (Gbit/s)"), Field::Number, {}},
          {QStringLiteral("network/uplinksRequired"), tr("Uplinks required"), Field::Integer, {}},
          {QStringLiteral("network/roceRequired"), tr("RoCE required"), Field::Bool, {}},
          {QStringLiteral("network/pfc"), tr("PFC (lossless)"), Field::Bool, {}},
          {QStringLiteral("network/ecn"), tr("ECN"), Field::Bool, {}},
          {QStringLiteral("network/vendorSwitching"), tr("Vendor switching"), Field::Bool, {}},
          {QStringLiteral("network/vlanNotes"), tr("VLAN / SDN notes"), Field::Text, {}}}},
    };
}

// The editor of one field, which refreshes the preview whenever it changes.
void SiteDialog::createEditor(Field &f, QWidget *parent)
{
    switch (f.kind) {
    case Field::Number: {
        auto *spin = new QDoubleSpinBox(parent);
        spin->setRange(0, 1e7);
        spin->setDecimals(1);
        connect(spin, &QDoubleSpinBox::valueChanged, this, &SiteDialog::updatePreview);
        f.editor = spin;
        break;
    }
    case Field::Integer: {
        auto *spin = new QSpinBox(parent);
        spin->setRange(0, 100000);
        connect(spin, &QSpinBox::valueChanged, this, &SiteDialog::updatePreview);
        f.editor = spin;
        break;
    }
    case Field::Bool: {
        auto *check = new QCheckBox(parent);
        connect(check, &QCheckBox::toggled, this, &SiteDialog::updatePreview);
        f.editor = check;
        break;
    }
    case Field::Choice: {
        auto *combo = new QComboBox(parent);
        combo->addItems(f.choices);
        connect(combo, &QComboBox::currentIndexChanged, this, &SiteDialog::updatePreview);
        f.editor = combo;
        break;
    }
    case Field::Text: {
        auto *edit = new QLineEdit(parent);
        connect(edit, &QLineEdit::textChanged, this, &SiteDialog::updatePreview);
        f.editor = edit;
        break;
    }
    }
}

// One group box per section, two to a row.
QGridLayout *SiteDialog::createFieldGroups()
{
    auto *grid = new QGridLayout;
    int cell = 0;
    for (const auto &[title, fields] : sections()) {
        auto *box = new QGroupBox(title, this);
        auto *form = new QFormLayout(box);
        for (Field f : fields) {
            createEditor(f, box);
            form->addRow(f.label, f.editor);
            m_fields.push_back(f);
        }
        grid->addWidget(box, cell / 2, cell % 2);
        ++cell;
    }
    return grid;
}

SiteDialog::SiteDialog(const Catalog &catalog, const SiteRef &current, QWidget *parent)
    : QDialog(parent)
    , m_catalog(catalog)
    , m_profile(new QComboBox(this))
    , m_preview(new QLabel(this))
{
    setWindowTitle(tr("Site"));
    for (const SiteProfile *s : catalog.sites())
        m_profile->addItem(QStringLiteral("%1 (%2)").arg(s->name, s->id), s->id);
    m_profile->setCurrentIndex(std::max(0, m_profile->findData(current.profile)));

    QGridLayout *grid = createFieldGroups();

    m_preview->setWordWrap(true);
    m_preview->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_preview->setStyleSheet(QStringLiteral("font-family: monospace; color: #37474f"));
    auto *buttons =
        new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel | QDialogButtonBox::Reset, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(buttons->button(QDialogButtonBox::Reset), &QPushButton::clicked, this,
            [this] { loadFields(profileJson(m_profile->currentData().toString())); });
    buttons->button(QDialogButtonBox::Reset)->setText(tr("Profile values"));

    auto *profileRow = new QFormLayout;
    profileRow->addRow(tr("Site &profile"), m_profile);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(profileRow);
    layout->addLayout(grid);
    layout->addWidget(new QLabel(tr("Plan overrides (merge patch over the profile):"), this));
    layout->addWidget(m_preview);
    layout->addWidget(buttons);

    Json start = profileJson(current.profile);
    start.merge_patch(current.overrides);
    loadFields(start);
    // Switching the profile starts from its own values: overrides belong to one profile.
    connect(m_profile, &QComboBox::currentIndexChanged, this,
            [this] { loadFields(profileJson(m_profile->currentData().toString())); });
}

Json SiteDialog::profileJson(const QString &id) const
{
    const SiteProfile *p = m_catalog.site(id);
    if (!p)
        return Json::object();
    return p->raw.is_null() ? p->toJson() : p->raw;
}

void SiteDialog::loadFields(const Json &values)
{
    m_loading = true;
    const Json defaults = SiteProfile().toJson();
    for (Field &f : m_fields) {
        Json copy = values;
        Json fallback = defaults;
        const Json *v = jsonAt(copy, f.path, false);
        if (!v || v->is_null() || v->is_object())
            v = jsonAt(fallback, f.path, false);
        switch (f.kind) {
        case Field::Number:
            static_cast<QDoubleSpinBox *>(f.editor)->setValue(v && v->is_number() ? v->get<double>() : 0);
            break;
        case Field::Integer:
            static_cast<QSpinBox *>(f.editor)->setValue(v && v->is_number() ? v->get<int>() : 0);
            break;
        case Field::Bool:
            static_cast<QCheckBox *>(f.editor)->setChecked(v && v->is_boolean() && v->get<bool>());
            break;
        case Field::Choice: {
            auto *combo = static_cast<QComboBox *>(f.editor);
            combo->setCurrentIndex(std::max(
                0, combo->findText(v && v->is_string() ? QString::fromStdString(v->get<std::string>()) : QString())));
            break;
        }
        case Field::Text:
            static_cast<QLineEdit *>(f.editor)->setText(
                v && v->is_string() ? QString::fromStdString(v->get<std::string>()) : QString());
            break;
        }
    }
    m_loading = false;
    updatePreview();
}

Json SiteDialog::editedJson() const
{
    Json edited = profileJson(m_profile->currentData().toString());
    Json defaults = SiteProfile().toJson();
    for (const Field &f : m_fields) {
        Json now;
        switch (f.kind) {
        case Field::Number:
            now = static_cast<QDoubleSpinBox *>(f.editor)->value();
            break;
        case Field::Integer:
            now = static_cast<QSpinBox *>(f.editor)->value();
            break;
        case Field::Bool:
            now = static_cast<QCheckBox *>(f.editor)->isChecked();
            break;
        case Field::Choice:
            now = static_cast<QComboBox *>(f.editor)->currentText().toStdString();
            break;
        case Field::Text:
            now = static_cast<QLineEdit *>(f.editor)->text().toStdString();
            break;
        }
        // A field that shows what the profile (or, where it is silent, the default) says is not an override.
        const Json *before = jsonAt(edited, f.path, false);
        if (!before || before->is_null())
            before = jsonAt(defaults, f.path, false);
        const bool same = before &&
            ((before->is_number() && now.is_number() && std::abs(before->get<double>() - now.get<double>()) < 1e-9) ||
             *before == now);
        if (same || (!before && f.kind == Field::Text && now.get<std::string>().empty()))
            continue;
        if (Json *slot = jsonAt(edited, f.path, true))
            *slot = now;
    }
    return edited;
}

SiteRef SiteDialog::siteRef() const
{
    const QString id = m_profile->currentData().toString();
    return SiteRef{id, ops::mergePatchDiff(profileJson(id), editedJson())};
}

bool SiteDialog::setField(const QString &path, const QVariant &value)
{
    for (Field &f : m_fields) {
        if (f.path != path)
            continue;
        switch (f.kind) {
        case Field::Number:
            static_cast<QDoubleSpinBox *>(f.editor)->setValue(value.toDouble());
            break;
        case Field::Integer:
            static_cast<QSpinBox *>(f.editor)->setValue(value.toInt());
            break;
        case Field::Bool:
            static_cast<QCheckBox *>(f.editor)->setChecked(value.toBool());
            break;
        case Field::Choice:
            static_cast<QComboBox *>(f.editor)->setCurrentText(value.toString());
            break;
        case Field::Text:
            static_cast<QLineEdit *>(f.editor)->setText(value.toString());
            break;
        }
        return true;
    }
    return false;
}

void SiteDialog::updatePreview()
{
    if (m_loading)
        return;
    const Json patch = siteRef().overrides;
    m_preview->setText(patch.empty() ? tr("(none: the profile as it is)") : QString::fromStdString(patch.dump()));
}

} // namespace pp::gui
