#include "app/annotations/correctioncommand.h"

#include "core/store/library.h"

namespace dubao {

CorrectionCommand::CorrectionCommand(AnnotationDocument &document, const QString &text, Make make)
    : AnnotationCommand(document, Annotations | Text, text)
    , m_make(std::move(make))
{}

CorrectionCommand::CorrectionCommand(AnnotationDocument &document, qint64 id, const QString &text)
    : AnnotationCommand(document, Annotations | Text, text)
    , m_id(id)
    , m_removing(true)
{}

Result<void> CorrectionCommand::add()
{
    Corrector corrector(*m_document.library());
    if (m_removed) {
        if (Result<void> restored = corrector.restore(*m_removed); !restored)
            return restored;
        m_removed.reset();
        return {};
    }
    const Result<qint64> id = m_make(corrector);
    if (!id)
        return id.error();
    m_id = *id;
    return {};
}

Result<void> CorrectionCommand::remove()
{
    const Result<Correction> removed = Corrector(*m_document.library()).uncorrect(m_id);
    if (!removed)
        return removed.error();
    m_removed = *removed;
    return {};
}

void CorrectionCommand::redo()
{
    if (!m_document.library())
        return finish(false, QString());
    finish(m_removing ? remove() : add());
}

void CorrectionCommand::undo()
{
    finish(m_removing ? add() : remove());
}

} // namespace dubao
