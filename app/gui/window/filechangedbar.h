#pragma once

#include <QFrame>

class QLabel;
class QPushButton;

namespace pp::gui {

// The non-blocking banner above the canvas that offers to reload a plan file another program
// changed ("Reload" / "Keep mine"), and says why when the changed file cannot be loaded.
class FileChangedBar : public QFrame {
    Q_OBJECT
public:
    explicit FileChangedBar(QWidget *parent = nullptr);

    void showChanged(const QString &fileName, bool unsavedEdits);
    void showReloadFailed(const QString &fileName, const QString &error);
    void setUnsavedEdits(bool unsavedEdits); // keeps the warning true while the bar is up
    QString text() const;
    QPushButton *reloadButton() const { return m_reload; }
    QPushButton *keepButton() const { return m_keep; }

signals:
    void reloadRequested();
    void keepRequested();

private:
    void setState(bool failed);

    QLabel *m_icon;
    QLabel *m_text;
    QPushButton *m_reload;
    QPushButton *m_keep;
    QString m_fileName;
    bool m_failed = false;
};

} // namespace pp::gui
