// Where the window opens the export dialog: File → Export…, and the Export… buttons of the annotations panel (its
// current filter) and the notebook view (the open notebook). And the way back in: File → Import Annotations from
// REFI-QDA… reads a .qdpx (what QDA programs exchange) onto the articles it quotes, as one undo step.
#pragma once

#include "core/export/qdpximporter.h"
#include "core/jobs/jobrunner.h"

#include <QObject>
#include <QPointer>

class QProgressDialog;

namespace dubao {

class ActionRegistry;
class MainWindow;
struct AnnotationFilter;

class ExportPart final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExportPart)

public:
    ExportPart(MainWindow &window, ActionRegistry &actions);

    /// Connects the annotations panel's and the notebook view's Export… (once the annotations part made them).
    void connectPanelExports();

    /// Reads the annotations of the REFI-QDA project at `path` into the open library on a worker thread, with a
    /// progress dialog whose Cancel rolls the import back; then says what it added (or that it was cancelled).
    /// The import is one undo step. False when nothing started (no library, an import running, an unreadable file).
    bool importQdpx(const QString &path);
    bool isImportingQdpx() const { return m_qdpxRunner.isRunning(); }
    /// Stops a running import: it rolls back and says so.
    void cancelQdpxImport() { m_qdpxRunner.cancel(); }

private:
    void qdpxImported(const QString &libraryPath, const QString &name, const QByteArray &archive,
                      const Result<QdpxImportReport> &imported);

    MainWindow &m_window;
    JobRunner m_qdpxRunner;
    QPointer<QProgressDialog> m_qdpxProgress;
};

} // namespace dubao
