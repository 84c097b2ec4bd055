#include "app/export/exportpart.h"

#include "app/annotations/annotationspanel.h"
#include "app/annotations/notebookview.h"
#include "app/export/exportdialog.h"
#include "app/shell/actionregistry.h"
#include "app/shell/librarysession.h"
#include "app/shell/mainwindow.h"

#include <QAction>
#include <QCoreApplication>

namespace dubao {

namespace {

/// The export dialog on the open library, `preset` choosing what it starts with; null without a library.
template<typename Preset>
void openDialog(MainWindow &window, Preset preset)
{
    LibrarySession *session = window.session();
    if (!session)
        return;
    ExportDialog *dialog = preset(session->library());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

} // namespace

// File → Export… (Ctrl+E): the export dialog on the open library; enabled once a library is open.
ExportPart::ExportPart(MainWindow &window, ActionRegistry &actions)
    : QObject(&window)
    , m_window(window)
{
    // Right after the imports, with no separator between (as the File menu always had it).
    QAction *action =
        actions.add(ActionRegistry::Menu::File, ActionRegistry::Section::FileImport, QStringLiteral("actionExport"),
                    QCoreApplication::translate("dubao::MainWindow", "&Export…"), QKeySequence(Qt::CTRL | Qt::Key_E));
    action->setEnabled(window.hasLibrary());
    connect(&window, &MainWindow::libraryOpened, action, [action] { action->setEnabled(true); });
    connect(action, &QAction::triggered, this, [this] {
        openDialog(m_window, [this](Library &library) { return new ExportDialog(library, &m_window); });
    });
}

// Export from the annotations panel's current filter and from the open notebook.
void ExportPart::connectPanelExports()
{
    if (auto *panel = m_window.findChild<AnnotationsPanel *>()) {
        connect(panel, &AnnotationsPanel::exportRequested, this, [this](const AnnotationFilter &filter) {
            openDialog(m_window,
                       [this, &filter](Library &library) { return new ExportDialog(library, filter, &m_window); });
        });
    }
    if (auto *notebook = m_window.findChild<NotebookView *>()) {
        connect(notebook, &NotebookView::exportRequested, this, [this](qint64 notebookId) {
            openDialog(m_window, [this, notebookId](Library &library) {
                auto *dialog = new ExportDialog(library, &m_window);
                dialog->setNotebook(notebookId);
                return dialog;
            });
        });
    }
}

} // namespace dubao
