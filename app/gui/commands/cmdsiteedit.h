#pragma once

#include "plancommand.h"

namespace pp::gui {

// Picks the site profile and sets the plan's overrides (a merge patch over the profile).
class CmdSiteEdit : public PlanCommand {
public:
    CmdSiteEdit(PlanDocument &document, const QString &profile, const Json &overrides);

private:
    ops::OpResult doRedo() override;
    void doUndo() override;

    SiteRef m_after;
    SiteRef m_before;
};

} // namespace pp::gui
