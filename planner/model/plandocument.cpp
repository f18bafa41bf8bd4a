#include "planner/model/plandocument.h"

#include "planner/io/planio.h"

namespace pp {

PlanDocument::PlanDocument(const Catalog &catalog, QObject *parent)
    : QObject(parent)
    , m_catalog(catalog)
{ }

void PlanDocument::reset(Plan plan, const QString &fileName)
{
    m_plan = std::move(plan);
    if (m_fileName != fileName) {
        m_fileName = fileName;
        emit fileNameChanged(m_fileName);
    }
    setModified(false);
    emit planReset();
    emit changed(PlanChange());
    emit planChanged();
}

bool PlanDocument::open(const QString &fileName, LoadError *error)
{
    Plan plan;
    PlanLoadOptions options;
    options.catalog = &m_catalog;
    if (!loadPlanFile(fileName, plan, error, options))
        return false;
    reset(std::move(plan), fileName);
    return true;
}

bool PlanDocument::save(const QString &fileName, QString *error)
{
    if (!savePlanFile(m_plan, fileName, error))
        return false;
    if (m_fileName != fileName) {
        m_fileName = fileName;
        emit fileNameChanged(m_fileName);
    }
    setModified(false);
    return true;
}

void PlanDocument::announce(const PlanChange &what)
{
    setModified(true);
    emit changed(what);
    emit planChanged();
}

void PlanDocument::setModified(bool modified)
{
    if (m_modified == modified)
        return;
    m_modified = modified;
    emit modifiedChanged(modified);
}

} // namespace pp
