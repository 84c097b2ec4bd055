#include "app/export/exportpart.h"

#include "app/annotations/annotationcontroller.h"
#include "app/annotations/annotationdocument.h"
#include "app/annotations/annotationspanel.h"
#include "app/annotations/notebookview.h"
#include "app/export/exportdialog.h"
#include "app/shell/actionregistry.h"
#include "app/shell/librarysession.h"
#include "app/shell/mainwindow.h"
#include "app/shell/userfeedback.h"
#include "core/store/library.h"

#include <QAction>
#include <QCoreApplication>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QProgressDialog>
#include <QStatusBar>

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
    // The dialog closes when the file is written: the window says where it went.
    QObject::connect(dialog, &ExportDialog::exportFinished, &window, [&window](bool ok, const QString &message) {
        if (ok)
            window.statusBar()->showMessage(message, 15000);
    });
    dialog->open();
}

/// What an import did, in a few lines.
QString summary(const QdpxImportReport &r)
{
    QStringList lines;
    lines.append(ExportPart::tr("Found %1 of the %2 articles in this library.").arg(r.matchedSources).arg(r.sources));
    QStringList added;
    if (r.tagsCreated > 0)
        added.append(ExportPart::tr("new tags: %1").arg(r.tagsCreated));
    if (r.highlightsAdded > 0)
        added.append(ExportPart::tr("highlights: %1").arg(r.highlightsAdded));
    if (r.paragraphTagsAdded > 0)
        added.append(ExportPart::tr("tagged paragraphs: %1").arg(r.paragraphTagsAdded));
    if (r.articleTagsAdded > 0)
        added.append(ExportPart::tr("tagged articles: %1").arg(r.articleTagsAdded));
    if (r.notesAdded > 0)
        added.append(ExportPart::tr("notes: %1").arg(r.notesAdded));
    lines.append(added.isEmpty() ? ExportPart::tr("Nothing new was added.")
                                 : ExportPart::tr("Added: %1.").arg(added.join(ExportPart::tr(", "))));
    if (r.alreadyThere > 0)
        lines.append(ExportPart::tr("Already in the library: %1.").arg(r.alreadyThere));
    if (r.unplaced > 0)
        lines.append(ExportPart::tr("Left out, outside their article's text: %1.").arg(r.unplaced));
    if (!r.authorsNotKept.isEmpty())
        lines.append(ExportPart::tr("Recorded as yours (a team library records who imports): the work of %1.")
                         .arg(r.authorsNotKept.join(ExportPart::tr(", "))));
    if (!r.unmatched.isEmpty()) {
        lines.append(ExportPart::tr("Not found in this library (import those issues first):"));
        for (qsizetype i = 0; i < qMin<qsizetype>(r.unmatched.size(), 10); ++i)
            lines.append(QStringLiteral("  • ") + r.unmatched.at(i));
        if (r.unmatched.size() > 10)
            lines.append(ExportPart::tr("  … and %1 more").arg(r.unmatched.size() - 10));
    }
    return lines.join(u'\n');
}

} // namespace

// File → Export… (Ctrl+E): the export dialog on the open library; enabled once a library is open.
ExportPart::ExportPart(MainWindow &window, ActionRegistry &actions)
    : QObject(&window)
    , m_window(window)
    , m_qdpxRunner(QStringLiteral("qdpxImport"))
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

    QAction *import =
        actions.add(ActionRegistry::Menu::File, ActionRegistry::Section::FileImport, QStringLiteral("actionImportQdpx"),
                    tr("Import &Annotations from REFI-QDA…"), {}, ActionRegistry::Kind::Editing);
    import->setStatusTip(tr("Read the codes, coded passages and notes of a .qdpx project (NVivo, ATLAS.ti, MAXQDA, "
                            "QualCoder) onto the articles it quotes"));
    import->setEnabled(window.hasLibrary());
    connect(&window, &MainWindow::libraryOpened, import, [import] { import->setEnabled(true); });
    connect(import, &QAction::triggered, this, [this] {
        const QString path = QFileDialog::getOpenFileName(&m_window, tr("Import Annotations from REFI-QDA"), {},
                                                          tr("REFI-QDA projects (*.qdpx);;All files (*)"));
        if (!path.isEmpty())
            importQdpx(path);
    });
}

bool ExportPart::importQdpx(const QString &path)
{
    auto *controller = m_window.findChild<AnnotationController *>();
    if (!controller || !m_window.session() || m_qdpxRunner.isRunning())
        return false;
    const QString title = tr("Import Annotations from REFI-QDA");
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        m_window.feedback().warn(&m_window, title, tr("Cannot read %1: %2").arg(path, file.errorString()));
        return false;
    }
    const QByteArray archive = file.readAll();
    const QString name = QFileInfo(path).fileName();
    const QString libraryPath = m_window.session()->path();
    // On a worker with its own connection: one transaction, rolled back by Cancel or a failure.
    m_qdpxRunner.start(
        [libraryPath, archive](JobContext &context) -> Result<QdpxImportReport> {
            Library library;
            if (Result<void> opened = library.open(libraryPath); !opened)
                return opened.error();
            return QdpxImporter(library).importArchive(archive, [&context](qsizetype done, qsizetype total) {
                context.progress(done, total);
                return !context.isCancelled();
            });
        },
        [this, libraryPath, name, archive](const Result<QdpxImportReport> &imported) {
            qdpxImported(libraryPath, name, archive, imported);
        });
    if (m_window.feedback().showsDialogs()) {
        m_qdpxProgress =
            new QProgressDialog(tr("Reading the annotations of “%1”…").arg(name), tr("Cancel"), 0, 0, &m_window);
        m_qdpxProgress->setWindowTitle(title);
        m_qdpxProgress->setWindowModality(Qt::WindowModal);
        m_qdpxProgress->setMinimumDuration(300);
        m_qdpxProgress->setAutoClose(false);
        m_qdpxProgress->setAutoReset(false);
        // Starts the minimum duration's clock: without a value the dialog waited for Qt's default 4 s (a big file's
        // first progress comes only after its project.qde is read) and a shorter import was never seen.
        m_qdpxProgress->setValue(0);
        connect(m_qdpxProgress, &QProgressDialog::canceled, this, [this] {
            m_qdpxRunner.cancel();
            if (m_qdpxProgress)
                m_qdpxProgress->setLabelText(tr("Cancelling: undoing what was read…"));
        });
        connect(&m_qdpxRunner, &JobRunner::progress, m_qdpxProgress, [this](qint64 done, qint64 total) {
            // The label first: setValue() of a shown window-modal dialog processes events, among them perhaps the
            // import's end, which takes the dialog away (m_qdpxProgress null).
            if (m_qdpxProgress && !m_qdpxRunner.isCancelled())
                m_qdpxProgress->setLabelText(tr("Placing the annotations of article %1 of %2…").arg(done).arg(total));
            if (m_qdpxProgress)
                m_qdpxProgress->setMaximum(int(std::max<qint64>(total, 1)));
            if (m_qdpxProgress)
                m_qdpxProgress->setValue(int(done));
        });
    }
    return true;
}

void ExportPart::qdpxImported(const QString &libraryPath, const QString &name, const QByteArray &archive,
                              const Result<QdpxImportReport> &imported)
{
    // Not deleted here: this may run inside the dialog's own setValue() (a window-modal progress dialog processes
    // events there), which would return into a deleted dialog.
    if (m_qdpxProgress) {
        m_qdpxProgress->hide();
        m_qdpxProgress->deleteLater();
        m_qdpxProgress = nullptr;
    }
    const QString title = tr("Import Annotations from REFI-QDA");
    if (!imported) {
        const QString message = imported.error().message();
        if (message == QdpxImporter::cancelledMessage())
            m_window.feedback().inform(&m_window, title, message);
        else
            m_window.feedback().warn(&m_window, title,
                                     tr("“%1” was not imported; the library is unchanged.\n%2").arg(name, message));
        return;
    }
    auto *controller = m_window.findChild<AnnotationController *>();
    if (!controller || !m_window.session() || m_window.session()->path() != libraryPath)
        return; // another library was opened meanwhile: the import stays in the one it was made for
    // The worker's connection wrote the library: take note of it now, so that the check for changes made by
    // other programs does not report this import as one (its status message is cleared at once).
    m_window.pollExternalChanges();
    m_window.statusBar()->clearMessage();
    controller->document().adoptQdpxImport(name, archive, *imported);
    m_window.feedback().inform(&m_window, title, summary(*imported));
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
