#pragma once

#include "catalog/catalog.h"
#include "planner/plan.h"

#include <QObject>

namespace pp {

// The plan being edited: owns the Plan, its file name and its saved/modified state, and emits
// when it changes. Views observe it; they never own or save plan objects themselves.
class PlanDocument : public QObject {
    Q_OBJECT
public:
    explicit PlanDocument(const Catalog &catalog, QObject *parent = nullptr);

    const Plan &plan() const { return m_plan; }
    const Catalog &catalog() const { return m_catalog; }
    QString fileName() const { return m_fileName; }
    bool isModified() const { return m_modified; }

    // Replaces the whole plan (new, open); resets the modified state.
    void reset(Plan plan, const QString &fileName);
    bool open(const QString &fileName, LoadError *error);
    bool save(const QString &fileName, QString *error);
    void setModified(bool modified);

    // Edits go through here so that every change is announced. The callback mutates the plan.
    template <typename Edit>
    void edit(Edit &&change)
    {
        change(m_plan);
        setModified(true);
        emit planChanged();
    }

signals:
    void planReset();
    void planChanged();
    void modifiedChanged(bool modified);
    void fileNameChanged(const QString &fileName);

private:
    const Catalog &m_catalog;
    Plan m_plan;
    QString m_fileName;
    bool m_modified = false;
};

} // namespace pp
