#include "app/shell/libraryswitcher.h"

#include "app/shell/actionregistry.h"
#include "app/shell/appsettings.h"
#include "app/shell/librarysession.h"
#include "app/shell/mainwindow.h"
#include "app/shell/teamlibrarydialog.h"
#include "app/shell/userfeedback.h"
#include "core/store/dialect.h"
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
    QAction *team = actions.add(Menu::File, Section::FileLibrary, QStringLiteral("actionOpenTeamLibrary"),
                                QCoreApplication::translate("dubao::MainWindow", "Open &Team Library…"));
    connect(team, &QAction::triggered, this, [this] { openTeamLibrary(); });
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
        const bool team = dialect::isServerUrl(path);
        QAction *action =
            m_recentMenu->addAction(team ? QCoreApplication::translate("dubao::MainWindow", "%1 (team library)")
                                               .arg(LibrarySession::teamLibraryName(path))
                                         : QDir::toNativeSeparators(path));
        action->setCheckable(true);
        action->setChecked(path == m_window.libraryPath());
        connect(action, &QAction::triggered, this, [this, path, team] {
            if (team) {
                openTeamLibraryAt(path);
            } else if (!QFileInfo::exists(path)) {
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

bool LibrarySwitcher::openTeamLibraryAt(const QString &url)
{
    // The password the keychain keeps for it (if any), else ~/.pgpass; when that does not do, the dialog asks.
    if (const QString kept = teamkeychain::read(url); !kept.isEmpty())
        Library::setServerPassword(url, kept);
    const Result<void> opened = m_window.openLibrary(url);
    if (opened)
        return true;
    return openTeamLibrary(url, opened.error().message());
}

bool LibrarySwitcher::openTeamLibrary(const QString &url, const QString &problem)
{
    if (!m_window.feedback().showsDialogs())
        return false;
    TeamLibraryDialog dialog(url.isEmpty() ? lastTeamLibrary() : url, problem, &m_window);
    while (dialog.exec() == QDialog::Accepted) {
        const QString address = dialog.url();
        if (!dialog.password().isEmpty())
            Library::setServerPassword(address, dialog.password());
        const Result<void> opened = m_window.openLibrary(address);
        if (!opened) {
            dialog.showProblem(opened.error().message()); // the dialog stays, with what was typed
            continue;
        }
        if (dialog.rememberPassword() && !dialog.password().isEmpty()) {
            if (const QString failed = teamkeychain::write(address, dialog.password()); !failed.isEmpty())
                warn(QCoreApplication::translate("dubao::MainWindow", "Open Team Library"),
                     QCoreApplication::translate("dubao::MainWindow",
                                                 "The library is open, but the keychain did not keep the password: %1")
                         .arg(failed));
        } else if (!dialog.rememberPassword()) {
            teamkeychain::remove(address);
        }
        return true;
    }
    return false;
}

QString LibrarySwitcher::lastTeamLibrary()
{
    const QStringList recent = AppSettings::recentLibraries();
    for (const QString &path : recent)
        if (dialect::isServerUrl(path))
            return path;
    return {};
}

} // namespace dubao
