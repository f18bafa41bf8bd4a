#include "explicitcombobox.h"

#include <QKeyEvent>
#include <QWheelEvent>

namespace pp::gui {

void ExplicitComboBox::keyPressEvent(QKeyEvent *event)
{
    const bool alt = event->modifiers() & Qt::AltModifier;
    switch (event->key()) {
    case Qt::Key_Up:
    case Qt::Key_Down:
        if (alt) // Alt+↑/↓ open the list
            break;
        [[fallthrough]];
    case Qt::Key_Left:
    case Qt::Key_Right:
    case Qt::Key_PageUp:
    case Qt::Key_PageDown:
    case Qt::Key_Home:
    case Qt::Key_End:
        event->ignore(); // let the panel or window have it; the value stays
        return;
    default:
        // QComboBox selects by typed letters (keyboard search) even while closed.
        if (!event->text().isEmpty() && event->text().at(0).isPrint() && event->key() != Qt::Key_Space) {
            event->ignore();
            return;
        }
    }
    QComboBox::keyPressEvent(event);
}

void ExplicitComboBox::wheelEvent(QWheelEvent *event)
{
    event->ignore(); // scrolls the panel instead of changing the value
}

} // namespace pp::gui
