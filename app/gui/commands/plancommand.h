#pragma once

#include "planner/model/plandocument.h"

#include <QUndoCommand>

namespace pp::gui {

// QUndoCommand::id() of the commands that merge: a run of the same small edit is one undo step.
enum class MergeId { NudgeDevices = 1, DeviceU = 2 };

// Base of every undo command: it runs planner operations on the document and remembers the
// outcome of its first redo, so that the editor can report a refusal instead of pushing a no-op.
class PlanCommand : public QUndoCommand {
public:
    PlanCommand(PlanDocument &document, const QString &text)
        : QUndoCommand(text)
        , m_document(document)
    { }

    // Where the first redo reports its outcome; push() may delete a refused command, so the
    // editor reads the outcome from here instead of from the command.
    void setResultSink(ops::OpResult *sink) { m_sink = sink; }

    void redo() final
    {
        const ops::OpResult r = doRedo();
        if (m_firstRedo) {
            if (m_sink)
                *m_sink = r;
            m_sink = nullptr;
            m_firstRedo = false;
            if (!r)
                setObsolete(true); // QUndoStack::push() then drops it
        }
    }
    void undo() final { doUndo(); }

protected:
    virtual ops::OpResult doRedo() = 0;
    virtual void doUndo() = 0;

    PlanDocument &m_document;

private:
    ops::OpResult *m_sink = nullptr;
    bool m_firstRedo = true;
};

} // namespace pp::gui
