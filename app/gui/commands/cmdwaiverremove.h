#pragma once

#include "plancommand.h"

namespace pp::gui {

// Withdraws a waiver, so that its finding counts again.
class CmdWaiverRemove : public PlanCommand {
public:
    CmdWaiverRemove(PlanDocument &document, const QString &rule, const QString &subject);

private:
    ops::OpResult doRedo() override;
    void doUndo() override;

    QString m_rule;
    QString m_subject;
    Waiver m_removed;
    int m_index = -1;
};

} // namespace pp::gui
