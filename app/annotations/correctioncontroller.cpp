#include "app/annotations/correctioncontroller.h"

#include "app/annotations/annotationcontroller.h"
#include "app/annotations/annotationdocument.h"
#include "app/reader/readerview.h"
#include "app/shell/actionregistry.h"
#include "app/shell/mainwindow.h"
#include "app/shell/popupplacement.h"
#include "app/shell/userfeedback.h"
#include "core/annotate/correcting.h"
#include "core/store/library.h"

#include <QAction>
#include <QDialog>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QTextBlock>
#include <QTreeWidget>
#include <QUrl>
#include <QVBoxLayout>

#include <algorithm>
#include <tuple>

namespace dubao {

namespace {

/// The small editor of Correct…: the OCR's text, and a line to type the right one in.
class CorrectionEditor final : public QDialog
{
public:
    CorrectionEditor(const QString &ocr, QWidget *parent)
        : QDialog(parent)
    {
        setWindowTitle(CorrectionController::tr("Correct the OCR"));
        auto *layout = new QVBoxLayout(this);
        layout->addWidget(new QLabel(CorrectionController::tr("The OCR reads: %1").arg(ocr)));
        m_text = new QLineEdit(ocr);
        m_text->setObjectName(QStringLiteral("correctionText"));
        m_text->selectAll();
        layout->addWidget(m_text);
        auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
        buttons->button(QDialogButtonBox::Ok)->setText(CorrectionController::tr("Correct"));
        connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
        connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
        layout->addWidget(buttons);
    }
    QString text() const { return m_text->text(); }

private:
    QLineEdit *m_text;
};

QString describe(const Correction &c)
{
    switch (c.kind) {
    case CorrectionKind::Text:
        return c.text;
    case CorrectionKind::Join:
        return CorrectionController::tr("joined with the next paragraph");
    case CorrectionKind::Split:
        return CorrectionController::tr("split in two");
    case CorrectionKind::Kind:
        break;
    }
    return CorrectionController::tr("marked as %1").arg(c.text);
}

/// Up to `count` characters of `text` before / after `at`, with an ellipsis where it goes on.
QString before(const QString &text, qsizetype at, int count = 12)
{
    const qsizetype from = std::max<qsizetype>(0, at - count);
    return (from > 0 ? QStringLiteral("…") : QString()) + text.mid(from, at - from);
}
QString after(const QString &text, qsizetype at, int count = 12)
{
    return text.mid(at, count) + (at + count < text.size() ? QStringLiteral("…") : QString());
}

/// The tooltip of a correction's mark: who and when, and what the OCR had there: its text, or its layout (the
/// paragraph end a join removed, the one paragraph a split cut).
QString markToolTip(const Correction &c, const QString &when, const QString &shown)
{
    switch (c.kind) {
    case CorrectionKind::Text:
        return CorrectionController::tr("%1. The OCR read: %2").arg(when, c.original);
    case CorrectionKind::Join:
        return CorrectionController::tr("%1: joined with the next paragraph. The OCR had two paragraphs here:\n%2\n%3")
            .arg(when, before(shown, c.shownStart), after(shown, c.shownStart));
    case CorrectionKind::Split: {
        const qsizetype cut = correcting::utf16Offset(c.original, c.start);
        return CorrectionController::tr("%1: split here. The OCR had one paragraph:\n%2%3")
            .arg(when, before(c.original, cut), after(c.original, cut));
    }
    case CorrectionKind::Kind:
        break;
    }
    return CorrectionController::tr("%1: marked as %2.").arg(when, c.text);
}

} // namespace

CorrectionController::CorrectionController(MainWindow *window, AnnotationController *annotations,
                                           AnnotationDocument &document, UserFeedback &feedback)
    : QObject(annotations)
    , m_window(window)
    , m_annotations(annotations)
    , m_document(document)
    , m_feedback(feedback)
{
    registerActions();
    connect(reader(), &ReaderView::contextMenuAboutToShow, this, &CorrectionController::onContextMenu);
    connect(window, &MainWindow::articleShown, this, &CorrectionController::refreshMarks);
    connect(&document, &AnnotationDocument::annotationsChanged, this, [this] {
        refreshMarks();
        fillList();
    });
    // A correction changed paragraphs: the article is read again (and its marks with it), at the same place.
    connect(&document, &AnnotationDocument::textChanged, this, [this] {
        const qint64 top = reader()->topBlockId();
        m_window->reloadLibrary();
        if (top > 0)
            reader()->scrollToBlock(top);
    });
}

ReaderView *CorrectionController::reader() const
{
    return m_window->reader();
}

void CorrectionController::report(const QString &message)
{
    m_feedback.warn(m_window, tr("Correction"), message);
}

qint64 CorrectionController::cursorBlock() const
{
    return reader()->articleId() > 0 ? reader()->blockIdAt(reader()->textCursor()) : 0;
}

void CorrectionController::registerActions()
{
    using Section = ActionRegistry::Section;
    ActionRegistry &actions = m_window->actions();
    constexpr auto Editing = ActionRegistry::Kind::Editing;
    connect(actions.add(ActionRegistry::Menu::Annotate, Section::AnnotateNote, QStringLiteral("actionCorrect"),
                        tr("&Correct…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E), Editing),
            &QAction::triggered, this, &CorrectionController::correctDialog);
    connect(actions.add(ActionRegistry::Menu::Annotate, Section::AnnotateNote, QStringLiteral("actionJoinParagraph"),
                        tr("&Join with Next Paragraph"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_J), Editing),
            &QAction::triggered, this, &CorrectionController::joinWithNext);
    connect(actions.add(ActionRegistry::Menu::Annotate, Section::AnnotateNote, QStringLiteral("actionSplitParagraph"),
                        tr("S&plit Paragraph at Cursor"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Return), Editing),
            &QAction::triggered, this, &CorrectionController::splitAtCursor);
    const std::tuple<BlockKind, const char *, QString> kinds[] = {
        {BlockKind::Heading, "actionMarkHeading", tr("Mark Paragraph as &Heading")},
        {BlockKind::Caption, "actionMarkCaption", tr("Mark Paragraph as C&aption")},
        {BlockKind::Body, "actionMarkBody", tr("Mark Paragraph as &Body Text")}};
    for (const auto &[kind, id, text] : kinds) {
        connect(actions.add(ActionRegistry::Menu::Annotate, Section::AnnotateNote, QLatin1String(id), text,
                            QKeySequence(), Editing),
                &QAction::triggered, this, [this, kind = kind] { setKind(kind); });
    }
    connect(actions.add(ActionRegistry::Menu::Annotate, Section::AnnotateNote, QStringLiteral("actionCorrections"),
                        tr("C&orrections"), QKeySequence(), ActionRegistry::Kind::Reading),
            &QAction::triggered, this, &CorrectionController::showCorrections);
}

qint64 CorrectionController::correctSelection(const QString &text)
{
    const std::optional<TextSpan> span = reader()->selectedSpan();
    if (!span || span->start >= span->end) {
        report(tr("Select the text to correct inside one paragraph first."));
        return 0;
    }
    const QString shown = reader()->textBlock(span->blockId).text();
    return m_document.correctText(span->blockId, correcting::codePoints(shown, span->start),
                                  correcting::codePoints(shown, span->end), text);
}

qint64 CorrectionController::joinWithNext()
{
    const qint64 block = cursorBlock();
    return block > 0 ? m_document.joinParagraph(block) : 0;
}

qint64 CorrectionController::splitAtCursor()
{
    const QTextCursor cursor = reader()->textCursor();
    const qint64 block = cursorBlock();
    if (block <= 0)
        return 0;
    return m_document.splitParagraph(block, correcting::codePoints(cursor.block().text(), cursor.positionInBlock()));
}

qint64 CorrectionController::setKind(BlockKind kind)
{
    const qint64 block = cursorBlock();
    return block > 0 ? m_document.setParagraphKind(block, kind) : 0;
}

bool CorrectionController::removeCorrection(qint64 correctionId)
{
    return m_document.uncorrect(correctionId);
}

void CorrectionController::correctDialog()
{
    if (!m_document.hasLibrary() || reader()->articleId() <= 0)
        return;
    const std::optional<TextSpan> span = reader()->selectedSpan();
    if (!span || span->start >= span->end) {
        report(tr("Select the text to correct inside one paragraph first."));
        return;
    }
    const QString shown = reader()->textBlock(span->blockId).text();
    CorrectionEditor editor(shown.mid(span->start, span->end - span->start), m_window);
    placePopupBeside(&editor, reader()->annotatedRect());
    if (editor.exec() != QDialog::Accepted)
        return;
    correctSelection(editor.text());
}

void CorrectionController::onContextMenu(QMenu *menu, int position)
{
    if (!m_document.hasLibrary() || reader()->articleId() <= 0 || m_document.library()->isReadOnly())
        return;
    menu->addSeparator();
    if (reader()->textCursor().hasSelection())
        menu->addAction(tr("Correct…"), this, &CorrectionController::correctDialog);
    if (const std::optional<CorrectionMark> mark = reader()->correctionAt(position))
        menu->addAction(tr("Remove Correction"), this, [this, id = mark->id] { removeCorrection(id); });
    // The Annotate menu's actions: the same shortcuts, and off with them while the library is read-only.
    QMenu *paragraph = menu->addMenu(tr("Paragraph"));
    for (const char *id :
         {"actionJoinParagraph", "actionSplitParagraph", "actionMarkBody", "actionMarkHeading", "actionMarkCaption"})
        paragraph->addAction(m_window->actions().action(QLatin1String(id)));
}

void CorrectionController::refreshMarks()
{
    QList<CorrectionMark> marks;
    // bound(): while the window switches libraries the document still points at the old one (a restore's reopen).
    if (m_annotations->bound() && reader()->articleId() > 0) {
        QList<qint64> ids;
        for (const Block &block : reader()->article().blocks)
            ids << block.id;
        const Result<QList<Correction>> corrections = m_document.corrections().ofBlocks(ids);
        if (corrections) {
            for (const Correction &c : *corrections) {
                const QString when = c.author.isEmpty()
                                         ? tr("Corrected on %1").arg(c.createdAt.left(10))
                                         : tr("Corrected by %1 on %2").arg(c.author, c.createdAt.left(10));
                marks.append({c.id, c.blockId, c.shownStart, c.shownEnd,
                              markToolTip(c, when, reader()->textBlock(c.blockId).text())});
            }
        }
    }
    reader()->setCorrectionMarks(marks);
}

QDialog *CorrectionController::showCorrections()
{
    if (!m_dialog) {
        m_dialog = new QDialog(m_window);
        m_dialog->setObjectName(QStringLiteral("correctionsDialog"));
        m_dialog->setWindowTitle(tr("Corrections"));
        m_dialog->setAttribute(Qt::WA_DeleteOnClose);
        m_dialog->resize(720, 360);
        auto *layout = new QVBoxLayout(m_dialog);
        m_list = new QTreeWidget;
        m_list->setObjectName(QStringLiteral("correctionsList"));
        m_list->setRootIsDecorated(false);
        m_list->setHeaderLabels({tr("OCR text"), tr("Correction"), tr("Paragraph"), tr("Author"), tr("Date")});
        m_list->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
        layout->addWidget(m_list);
        auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
        QPushButton *remove = buttons->addButton(tr("Remove"), QDialogButtonBox::ActionRole);
        connect(buttons, &QDialogButtonBox::rejected, m_dialog, &QDialog::close);
        connect(remove, &QPushButton::clicked, this, [this] {
            if (QTreeWidgetItem *item = m_list->currentItem())
                removeCorrection(item->data(0, Qt::UserRole).toLongLong());
        });
        connect(m_list, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
            const qint64 block = item->data(1, Qt::UserRole).toLongLong();
            if (block > 0)
                m_annotations->openLink(QUrl(QStringLiteral("dubao://block/%1?start=%2&end=%3")
                                                 .arg(block)
                                                 .arg(item->data(2, Qt::UserRole).toInt())
                                                 .arg(item->data(3, Qt::UserRole).toInt())));
        });
        connect(m_dialog, &QObject::destroyed, this, [this] { m_list = nullptr; });
        layout->addWidget(buttons);
    }
    fillList();
    // Shown where the feedback shows dialogs (the app); a test reads the list of the hidden dialog.
    if (m_feedback.showsDialogs()) {
        m_dialog->show();
        m_dialog->raise();
        m_dialog->activateWindow();
    }
    return m_dialog;
}

void CorrectionController::fillList()
{
    if (!m_list)
        return;
    m_list->clear();
    if (!m_document.hasLibrary())
        return;
    const Result<QList<Correction>> corrections = m_document.corrections().list();
    if (!corrections)
        return;
    for (const Correction &c : *corrections) {
        auto *item = new QTreeWidgetItem(
            m_list, {c.kind == CorrectionKind::Text ? c.original : QString(), describe(c),
                     c.orphan ? tr("orphan (%1)").arg(c.anchor.articleTitle) : QString::number(c.blockId), c.author,
                     c.createdAt.left(10)});
        item->setData(0, Qt::UserRole, c.id);
        item->setData(1, Qt::UserRole, c.orphan ? 0 : c.blockId);
        item->setData(2, Qt::UserRole, c.shownStart);
        item->setData(3, Qt::UserRole, std::max(c.shownEnd, c.shownStart + 1));
    }
}

} // namespace dubao
