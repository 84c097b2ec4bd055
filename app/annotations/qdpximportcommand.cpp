#include "app/annotations/qdpximportcommand.h"

namespace dubao {

ImportQdpxCommand::ImportQdpxCommand(AnnotationDocument &document, const QString &name, QByteArray archive,
                                     std::optional<QdpxImportReport> *report)
    : AnnotationCommand(document, Tags | Annotations, tr("Import Annotations from “%1”").arg(name))
    , m_archive(std::move(archive))
    , m_report(report)
{}

ImportQdpxCommand::ImportQdpxCommand(AnnotationDocument &document, const QString &name, QByteArray archive,
                                     const QdpxImportReport &done)
    : AnnotationCommand(document, Tags | Annotations, tr("Import Annotations from “%1”").arg(name))
    , m_archive(std::move(archive))
    , m_added(done.added)
    , m_alreadyDone(true)
{}

void ImportQdpxCommand::redo()
{
    if (m_alreadyDone) {
        m_alreadyDone = false;
        m_done = true;
        finish(Result<void>());
        return;
    }
    const Result<QdpxImportReport> imported = QdpxImporter(*m_document.library()).importArchive(m_archive);
    if (imported) {
        m_added = imported->added;
        if (m_report && !m_done)
            *m_report = *imported;
        m_done = true;
    }
    finish(imported);
    // A file that added nothing leaves nothing to undo.
    if (imported && m_added.tags.isEmpty() && m_added.highlights.isEmpty() && m_added.notes.isEmpty() &&
        m_added.taggings.isEmpty())
        setObsolete(true);
}

void ImportQdpxCommand::undo()
{
    finish(QdpxImporter(*m_document.library()).remove(m_added));
}

} // namespace dubao
