#pragma once

#include "catalog/model/catalog.h"
#include "planner/model/plan.h"

#include <QDialog>
#include <utility>
#include <vector>

class QComboBox;
class QGridLayout;
class QLabel;
class QWidget;

namespace pp::gui {

// Picks the plan's site profile and edits its figures (power, feeds, cooling, rack, network,
// RoCE). What differs from the chosen profile becomes the plan's site overrides, a merge patch.
class SiteDialog : public QDialog {
    Q_OBJECT
public:
    SiteDialog(const Catalog &catalog, const SiteRef &current, QWidget *parent = nullptr);

    SiteRef siteRef() const;
    // Sets one field by its JSON path ("power/budgetKW", "network/pfc"); for tests and scripting.
    bool setField(const QString &path, const QVariant &value);
    QComboBox *profileBox() const { return m_profile; }

private:
    struct Field {
        QString path;
        QString label;
        enum Kind { Number, Integer, Bool, Choice, Text } kind;
        QStringList choices;
        QWidget *editor = nullptr;
    };

    static std::vector<std::pair<QString, std::vector<Field>>> sections();
    void createEditor(Field &f, QWidget *parent);
    QGridLayout *createFieldGroups();
    Json profileJson(const QString &id) const;
    void loadFields(const Json &values);
    Json editedJson() const;
    void updatePreview();

    const Catalog &m_catalog;
    QComboBox *m_profile;
    QLabel *m_preview;
    std::vector<Field> m_fields;
    bool m_loading = false;
};

} // namespace pp::gui
