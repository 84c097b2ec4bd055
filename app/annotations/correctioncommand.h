// The undoable corrections of the OCR (docs/corrections.md): making one (text, join, split, kind) and taking one
// back. Private to the annotation document, like the other annotation commands.
#pragma once

#include "app/annotations/annotationcommands.h"
#include "core/ingest/corrector.h"

#include <functional>
#include <optional>

namespace dubao {

class CorrectionCommand final : public AnnotationCommand
{
public:
    using Make = std::function<Result<qint64>(Corrector &)>;

    /// Makes a correction with `make` (its first redo); undo takes it back, a later redo puts it back with its id.
    CorrectionCommand(AnnotationDocument &document, const QString &text, Make make);
    /// Takes correction `id` back; undo puts it back.
    CorrectionCommand(AnnotationDocument &document, qint64 id, const QString &text);

    void redo() override;
    void undo() override;
    qint64 createdId() const { return m_id; }

private:
    Result<void> add();
    Result<void> remove();

    Make m_make;
    qint64 m_id = 0;
    bool m_removing = false;
    std::optional<Correction> m_removed; ///< what uncorrect() returned: what restore() puts back
};

} // namespace dubao
