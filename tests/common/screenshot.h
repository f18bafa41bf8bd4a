#pragma once

#include <QDir>
#include <QImage>
#include <QPixmap>
#include <QString>
#include <QWidget>

// A picture of a widget for a person to look at. Saved only when POCPLAN_SCREENSHOT_DIR names a
// folder (e.g. docs/screenshots): tests write nowhere else than their own temporary folders.
// The widget is painted either way; false when painting gave nothing or the file was not written.
namespace pp::test {

inline bool grabForScreenshot(QWidget &widget, const QString &fileName)
{
    const QPixmap picture = widget.grab();
    if (picture.isNull())
        return false;
    const QString dir = qEnvironmentVariable("POCPLAN_SCREENSHOT_DIR");
    return dir.isEmpty() || picture.save(QDir(dir).filePath(fileName));
}

} // namespace pp::test
