#pragma once

#include "catalog/model/catalog.h"
#include "planner/model/plan.h"
#include "planner/ops/planops.h"

#include <QObject>

namespace pp {

// What an edit touched, so that views can update only what changed (a moved device is one item,
// not the whole canvas). Scope is a set of flags; deviceIds lists the devices when known.
struct PlanChange {
    enum Scope { Devices = 1, Racks = 2, Site = 4, Waivers = 8, Links = 16, Meta = 32, All = 63 };
    int scope = All;
    QStringList deviceIds; // added, changed or removed devices (scope Devices)

    static PlanChange devices(const QStringList &ids) { return {Devices, ids}; }
    static PlanChange only(int scope) { return {scope, {}}; }
    bool touches(int flags) const { return (scope & flags) != 0; }
};

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

    // The only way to change the plan after reset/open: runs one planner operation (returns
    // ops::OpResult) and announces the change only when it was done. Undo commands call it with
    // the operation they wrap; there is no way to change the plan in place without an operation.
    template<typename Op> ops::OpResult apply(const PlanChange &what, Op &&op)
    {
        const ops::OpResult result = op(m_plan);
        if (result)
            announce(what);
        return result;
    }

signals:
    void planReset();
    // Every edit emits changed() with what it touched, then planChanged().
    void changed(const pp::PlanChange &change);
    void planChanged();
    void modifiedChanged(bool modified);
    void fileNameChanged(const QString &fileName);

private:
    void announce(const PlanChange &what);

    const Catalog &m_catalog;
    Plan m_plan;
    QString m_fileName;
    bool m_modified = false;
};

} // namespace pp
