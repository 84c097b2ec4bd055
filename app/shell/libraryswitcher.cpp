#include "app/shell/libraryswitcher.h"

#include "app/shell/actionregistry.h"
#include "app/shell/appsettings.h"
#include "app/shell/mainwindow.h"
#include "core/store/library.h"

#include <QAction>
#include <QCoreApplication>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>

namespace dubao {

LibrarySwitcher::LibrarySwitcher(MainWindow &window, ActionRegistry &actions)
    : QObject(&window)
    , m_window(window)
{
    using Menu = ActionRegistry::Menu;
    using Section = ActionRegistry::Section;
    QAction *create = actions.add(Menu::File, Section::FileLibrary, QStringLiteral("actionNewLibrary"),
                                  QCoreApplication::translate("dubao::MainWindow", "&New Library…"));
    connect(create, &QAction::triggered, this, &LibrarySwitcher::newLibrary);
    QAction *open = actions.add(Menu::File, Section::FileLibrary, QStringLiteral("actionOpenLibrary"),
                                QCoreApplication::translate("dubao::MainWindow", "Open &Library…"),
                                QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L));
    connect(open, &QAction::triggered, this, &LibrarySwitcher::openLibraryDialog);
    m_recentMenu = actions.addMenu(Menu::File, Section::FileLibrary, QStringLiteral("menuRecent"),
                                   QCoreApplication::translate("dubao::MainWindow", "Open &Recent"));
    connect(m_recentMenu, &QMenu::aboutToShow, this, &LibrarySwitcher::updateRecentMenu);
}

void LibrarySwitcher::warn(const QString &title, const QString &message)
{
    m_window.feedback().warn(&m_window, title, message);
}

void LibrarySwitcher::newLibrary()
{
    const QString path = QFileDialog::getSaveFileName(
        &m_window, QCoreApplication::translate("dubao::MainWindow", "New Library"),
        QFileInfo(Library::defaultPath()).absolutePath() + QStringLiteral("/library.sqlite"),
        QCoreApplication::translate("dubao::MainWindow", "Dubao libraries (*.sqlite)"));
    if (path.isEmpty())
        return;
    if (QFileInfo::exists(path)) {
        // The file dialog already asked before overwriting; a library is never overwritten, only opened.
        warn(QCoreApplication::translate("dubao::MainWindow", "New Library"),
             QCoreApplication::translate("dubao::MainWindow", "“%1” already exists; it was opened instead of replaced.")
                 .arg(QDir::toNativeSeparators(path)));
    }
    if (const Result<void> opened = m_window.openLibrary(path); !opened)
        warn(QCoreApplication::translate("dubao::MainWindow", "New Library"), opened.error().message());
    else
        m_window.offerFirstImport();
}

void LibrarySwitcher::openLibraryDialog()
{
    const QString path = QFileDialog::getOpenFileName(
        &m_window, QCoreApplication::translate("dubao::MainWindow", "Open Library"),
        QFileInfo(m_window.libraryPath()).absolutePath(),
        QCoreApplication::translate("dubao::MainWindow", "Dubao libraries (*.sqlite);;All files (*)"));
    if (path.isEmpty())
        return;
    if (const Result<void> opened = m_window.openLibrary(path); !opened)
        warn(QCoreApplication::translate("dubao::MainWindow", "Open Library"), opened.error().message());
}

void LibrarySwitcher::updateRecentMenu()
{
    m_recentMenu->clear();
    const QStringList recent = AppSettings::recentLibraries();
    for (const QString &path : recent) {
        QAction *action = m_recentMenu->addAction(QDir::toNativeSeparators(path));
        action->setCheckable(true);
        action->setChecked(path == m_window.libraryPath());
        connect(action, &QAction::triggered, this, [this, path] {
            if (!QFileInfo::exists(path)) {
                AppSettings::removeRecentLibrary(path);
                warn(QCoreApplication::translate("dubao::MainWindow", "Open Library"),
                     QCoreApplication::translate("dubao::MainWindow", "“%1” no longer exists.")
                         .arg(QDir::toNativeSeparators(path)));
            } else if (const Result<void> opened = m_window.openLibrary(path); !opened) {
                warn(QCoreApplication::translate("dubao::MainWindow", "Open Library"), opened.error().message());
            }
        });
    }
    if (recent.isEmpty())
        m_recentMenu->addAction(QCoreApplication::translate("dubao::MainWindow", "No recent libraries"))
            ->setEnabled(false);
}

} // namespace dubao
