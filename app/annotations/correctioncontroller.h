// Correcting the OCR in the reader (docs/corrections.md): Annotate → Correct… (Ctrl+Shift+E) with a small editor
// beside the selection, join / split / kind of a paragraph, the reader's marks and tooltips of the corrections, and
// Annotate → Corrections, the list (go to one, remove one). Every change goes through the annotation document, so it
// is undoable. Made by the AnnotationController.
#pragma once

#include "core/model/article.h"

#include <QObject>
#include <QPointer>

class QDialog;
class QMenu;
class QTreeWidget;

namespace dubao {

class AnnotationController;
class AnnotationDocument;
class MainWindow;
class ReaderView;
class UserFeedback;

class CorrectionController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CorrectionController)

public:
    CorrectionController(MainWindow *window, AnnotationController *annotations, AnnotationDocument &document,
                         UserFeedback &feedback);

    // The actions without their dialogs (tests). Each is one undoable change; 0 / false when it failed (reported).
    /// The reader's selection (inside one paragraph) reads `text`.
    qint64 correctSelection(const QString &text);
    qint64 joinWithNext();
    qint64 splitAtCursor();
    qint64 setKind(BlockKind kind);
    bool removeCorrection(qint64 correctionId);

    /// Annotate → Corrections: the list, shown (non-modal); the same dialog again when it is open.
    QDialog *showCorrections();
    QTreeWidget *correctionsList() const { return m_list; }
    /// Re-reads the marks of the shown article (after any change, and when an article is shown).
    void refreshMarks();

private:
    void registerActions();
    void correctDialog();
    void onContextMenu(QMenu *menu, int position);
    void fillList();
    void report(const QString &message);
    ReaderView *reader() const;
    /// The paragraph of the cursor, 0 for none.
    qint64 cursorBlock() const;

    MainWindow *m_window;
    AnnotationController *m_annotations;
    AnnotationDocument &m_document;
    UserFeedback &m_feedback;
    QPointer<QDialog> m_dialog;
    QTreeWidget *m_list = nullptr;
};

} // namespace dubao
