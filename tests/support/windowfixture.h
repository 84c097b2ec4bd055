// Shared by the widget tests: a main window on a library, shown and active, as a user would have it.
#pragma once

#include "app/shell/mainwindow.h"
#include "tests/support/recordingfeedback.h"

#include <QDebug>
#include <QSize>
#include <QString>
#include <QTest>

#include <memory>

namespace dubao::test {

/// Opens `path` in a new window that records what it says (no message boxes), resized to `size` when given, shown and
/// activated. Failures are warned about; the callers' assertions then say what went wrong.
inline std::unique_ptr<MainWindow> openShownWindow(const QString &path, QSize size = {})
{
    auto window = std::make_unique<MainWindow>();
    window->setFeedback(std::make_unique<RecordingFeedback>());
    if (size.isValid())
        window->resize(size);
    if (const Result<void> opened = window->openLibrary(path); !opened)
        qWarning() << opened.error().message();
    window->show();
    window->activateWindow();
    if (!QTest::qWaitForWindowActive(window.get()))
        qWarning() << "window not active";
    return window;
}

} // namespace dubao::test
