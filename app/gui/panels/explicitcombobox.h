#pragma once

#include <QComboBox>

namespace pp::gui {

// A combo box whose value changes only through its open list: while it is closed, arrow, page,
// Home/End and letter keys and the mouse wheel do nothing, so that tabbing through the inspector
// and pressing ↓ or scrolling past it never edits the plan. Space, F4 and Alt+↓ still open it.
class ExplicitComboBox : public QComboBox {
    Q_OBJECT
public:
    using QComboBox::QComboBox;

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
};

} // namespace pp::gui
