// Reading a REFI-QDA project's annotations into the library as one undo step (Edit → Undo removes everything it
// added; Redo reads the file again). Private to the annotation document, like the other commands.
#pragma once

#include "app/annotations/annotationcommands.h"
#include "core/export/qdpximporter.h"

namespace dubao {

class ImportQdpxCommand final : public AnnotationCommand
{
    Q_DECLARE_TR_FUNCTIONS(dubao::ImportQdpxCommand) // the context lupdate files its strings under

public:
    /// `report` receives the first import's report (the command may be dropped by the stack right after it, when
    /// the file added nothing or failed).
    ImportQdpxCommand(AnnotationDocument &document, const QString &name, QByteArray archive,
                      std::optional<QdpxImportReport> *report);
    /// An import already done (on a worker, by `done`): the first redo only tells the views; undo removes what it
    /// added, and a later redo reads the file again.
    ImportQdpxCommand(AnnotationDocument &document, const QString &name, QByteArray archive,
                      const QdpxImportReport &done);

    void redo() override;
    void undo() override;

private:
    QByteArray m_archive;
    QdpxAdditions m_added;
    std::optional<QdpxImportReport> *m_report = nullptr;
    bool m_alreadyDone = false; ///< the first redo finds the import done
};

} // namespace dubao
