#include "filechangedbar.h"

#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>

namespace pp::gui {

FileChangedBar::FileChangedBar(QWidget *parent)
    : QFrame(parent)
    , m_icon(new QLabel(this))
    , m_text(new QLabel(this))
    , m_reload(new QPushButton(tr("&Reload"), this))
    , m_keep(new QPushButton(tr("&Keep mine"), this))
{
    setObjectName(QStringLiteral("fileChangedBar"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_text->setObjectName(QStringLiteral("fileChangedBar.text"));
    m_reload->setObjectName(QStringLiteral("fileChangedBar.reload"));
    m_keep->setObjectName(QStringLiteral("fileChangedBar.keep"));
    m_reload->setToolTip(tr("Load the plan as it is on disk now"));
    m_keep->setToolTip(tr("Keep the plan in the editor; saving it will overwrite the file on disk"));

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(10, 6, 10, 6);
    layout->addWidget(m_icon, 0, Qt::AlignTop);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_reload, 0, Qt::AlignVCenter);
    layout->addWidget(m_keep, 0, Qt::AlignVCenter);

    connect(m_reload, &QPushButton::clicked, this, &FileChangedBar::reloadRequested);
    connect(m_keep, &QPushButton::clicked, this, &FileChangedBar::keepRequested);
    hide();
}

void FileChangedBar::showChanged(const QString &fileName, bool unsavedEdits)
{
    m_fileName = fileName;
    setState(false);
    setUnsavedEdits(unsavedEdits);
    show();
}

void FileChangedBar::setUnsavedEdits(bool unsavedEdits)
{
    if (m_failed)
        return;
    const QString name = QFileInfo(m_fileName).fileName();
    QString text = tr("<b>%1</b> was changed on disk by another program.").arg(name.toHtmlEscaped());
    text += QLatin1Char(' ');
    text +=
        unsavedEdits ? tr("Reloading it <b>discards your unsaved changes</b>.") : tr("Reload it to see the changes?");
    m_text->setText(text);
    m_text->setToolTip(m_fileName);
}

void FileChangedBar::showReloadFailed(const QString &fileName, const QString &error)
{
    m_fileName = fileName;
    setState(true);
    // The bar already names the file; the folder would only push the reason out of sight.
    const QString name = QFileInfo(fileName).fileName();
    QString reason = error;
    reason.replace(fileName, name);
    m_text->setText(
        tr("Cannot reload <b>%1</b>; your plan is unchanged.<br>%2").arg(name.toHtmlEscaped(), reason.toHtmlEscaped()));
    m_text->setToolTip(error);
    show();
}

QString FileChangedBar::text() const
{
    return m_text->text();
}

void FileChangedBar::setState(bool failed)
{
    m_failed = failed;
    const QStyle::StandardPixmap icon = failed ? QStyle::SP_MessageBoxCritical : QStyle::SP_MessageBoxWarning;
    m_icon->setPixmap(style()->standardIcon(icon).pixmap(24, 24));
    m_reload->setText(failed ? tr("&Retry") : tr("&Reload"));
    // Amber for "changed", red for "cannot load": the same colours the status bar uses for errors.
    setStyleSheet(failed ? QStringLiteral("#fileChangedBar { background: #fde7e9; border: 1px solid #b00020; }")
                         : QStringLiteral("#fileChangedBar { background: #fff4ce; border: 1px solid #c8a400; }"));
}

} // namespace pp::gui
