#include "cmdsiteedit.h"

namespace pp::gui {

CmdSiteEdit::CmdSiteEdit(PlanDocument &document, const QString &profile, const Json &overrides)
    : PlanCommand(document, QObject::tr("Edit site (%1)").arg(profile))
    , m_after{profile, overrides}
    , m_before(document.plan().site)
{ }

ops::OpResult CmdSiteEdit::doRedo()
{
    return m_document.apply(PlanChange::only(PlanChange::Site), [this](Plan &plan) {
        return ops::setSite(plan, m_document.catalog(), m_after.profile, m_after.overrides);
    });
}

void CmdSiteEdit::doUndo()
{
    m_document.apply(PlanChange::only(PlanChange::Site), [this](Plan &plan) {
        return ops::setSite(plan, m_document.catalog(), m_before.profile, m_before.overrides);
    });
}

} // namespace pp::gui
