#include "app/annotations/notespanel.h"

#include "app/annotations/annotationdocument.h"
#include "app/annotations/notelistmodel.h"
#include "core/export/safemarkdown.h"
#include "core/store/library.h"
#include "core/store/teamroles.h"

#include <QClipboard>
#include <QEvent>
#include <QGuiApplication>
#include <QLabel>
#include <QListView>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTextBrowser>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>

namespace dubao {

NotesPanel::NotesPanel(AnnotationDocument &document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_header(new QLabel(this))
    , m_model(new NoteListModel(document, this))
    , m_list(new QListView(this))
    , m_editor(new QPlainTextEdit(this))
    , m_preview(new QTextBrowser(this))
    , m_details(new QLabel(this))
    , m_add(new QPushButton(tr("&Add Note"), this))
    , m_delete(new QPushButton(tr("Delete"), this))
    , m_tag(new QPushButton(tr("Tags…"), this))
    , m_saveTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("notesPanel"));
    m_header->setWordWrap(true);
    m_header->setTextFormat(Qt::RichText);
    m_list->setObjectName(QStringLiteral("notesList"));
    m_list->setModel(m_model);
    m_editor->setObjectName(QStringLiteral("noteEditor"));
    m_editor->setPlaceholderText(tr("Write the note in Markdown…"));
    m_editor->installEventFilter(this);
    m_preview->setObjectName(QStringLiteral("notePreview"));
    // A note may come from a colleague's library: its preview is the exports' sanitised Markdown (no raw HTML, no
    // file:, javascript: or other links), and a click goes through linkActivated(), never straight to the system.
    m_preview->setOpenLinks(false);
    m_preview->setOpenExternalLinks(false);
    connect(m_preview, &QTextBrowser::anchorClicked, this, [this](const QUrl &url) {
        if (markdown::isSafeLink(url.toString()))
            emit linkActivated(url);
    });
    m_details->setWordWrap(true);
    m_details->setStyleSheet(QStringLiteral("color: palette(mid);"));

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_list);
    splitter->addWidget(m_editor);
    splitter->addWidget(m_preview);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 3);
    splitter->setStretchFactor(2, 3);

    // In a tool bar, so that in a narrow dock the buttons that do not fit move into its » menu.
    auto *buttons = new QToolBar(this);
    buttons->setObjectName(QStringLiteral("noteTools"));
    buttons->addWidget(m_add);
    buttons->addWidget(m_tag);
    auto *gap = new QWidget(buttons);
    gap->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    buttons->addWidget(gap);
    buttons->addWidget(m_delete);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_header);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_details);
    layout->addWidget(buttons);

    // A pause in typing saves; the session (one undo step) goes on until focus leaves or the note changes.
    m_saveTimer->setSingleShot(true);
    m_saveTimer->setInterval(1200);
    connect(m_saveTimer, &QTimer::timeout, this, [this] { commitEdit(false); });
    connect(m_editor, &QPlainTextEdit::textChanged, this, [this] {
        updatePreview();
        if (!m_loading && m_noteId > 0)
            m_saveTimer->start();
    });
    connect(m_list->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                if (m_loading)
                    return;
                commitEdit();
                showNote(current.isValid() ? m_model->noteId(current.row()) : 0);
            });
    connect(m_add, &QPushButton::clicked, this, &NotesPanel::addNoteRequested);
    connect(m_delete, &QPushButton::clicked, this, &NotesPanel::deleteCurrentNote);
    connect(m_tag, &QPushButton::clicked, this, [this] {
        if (m_noteId > 0)
            emit tagNoteRequested(m_noteId);
    });
    connect(&m_document, &AnnotationDocument::annotationsChanged, this, &NotesPanel::refresh);
    refresh();
}

NotesPanel::~NotesPanel() = default;

void NotesPanel::setContext(qint64 blockId, qint64 highlightId)
{
    if (blockId == m_blockId && highlightId == m_highlightId)
        return;
    commitEdit();
    m_blockId = blockId;
    m_highlightId = highlightId;
    m_noteId = 0;
    refresh();
}

QList<qint64> NotesPanel::noteIds() const
{
    QList<qint64> ids;
    for (const Note &note : m_model->notes())
        ids << note.id;
    return ids;
}

void NotesPanel::refresh()
{
    m_loading = true;
    m_model->setContext(m_blockId, m_highlightId);
    const QList<Note> notes = m_model->notes();
    QStringList header;
    if (m_document.hasLibrary() && m_blockId > 0) {
        QStringList tags;
        for (const Tag &tag : m_document.tags().tagsOfBlock(m_blockId))
            tags << QStringLiteral("<span style='background:%1'>&nbsp;</span> %2")
                        .arg(tag.color, tag.path.toHtmlEscaped());
        header << tr("<b>Paragraph notes</b> (%n)", nullptr, int(notes.size()));
        if (!tags.isEmpty())
            header << tr("Paragraph tags: %1").arg(tags.join(QStringLiteral(", ")));
    } else {
        header << tr("Put the cursor in a paragraph to see its notes.");
    }
    m_header->setText(header.join(QStringLiteral("<br>")));
    int select = -1;
    for (int row = 0; row < notes.size(); ++row) {
        const Note &note = notes[row];
        if (note.id == m_noteId ||
            (m_noteId == 0 && select < 0 && (m_highlightId == 0 || note.highlightId == m_highlightId)))
            select = row;
    }
    if (select < 0 && !notes.isEmpty())
        select = 0;
    m_list->setCurrentIndex(m_model->index(select));
    m_loading = false;
    showNote(m_model->noteId(select));
    m_add->setEnabled(m_blockId > 0 && m_writeLimit.isEmpty());
    m_add->setToolTip(m_writeLimit);
}

void NotesPanel::setWriteLimit(const QString &reason)
{
    m_writeLimit = reason;
    for (QPushButton *button : {m_add, m_delete, m_tag})
        button->setToolTip(reason);
    m_editor->setReadOnly(!reason.isEmpty());
    refresh();
}

void NotesPanel::showNote(qint64 noteId)
{
    if (noteId != m_noteId) {
        ++m_session;
        m_unsaved = m_conflict = false;
    }
    m_noteId = noteId;
    const std::optional<Note> note =
        noteId > 0 && m_document.hasLibrary() ? m_document.annotations().note(noteId) : std::nullopt;
    m_loading = true;
    // Never reset text the user is typing: only when it differs from what is stored (another note, or undo), and
    // never text that is not saved yet.
    const QString text = note ? note->text : QString();
    const bool keepEditor = m_saving || m_unsaved || m_conflict;
    if (!keepEditor)
        m_readVersion = note ? note->rowVersion : 0;
    if (!keepEditor && m_editor->toPlainText() != text)
        m_editor->setPlainText(text);
    m_editor->setEnabled(note.has_value());
    m_loading = false;
    updatePreview();
    // A colleague's note, for an annotator of a team library with row-level security: the server would refuse
    // (core/store/teampolicies.cpp), so the panel says why before (the reason on the buttons, the editor reads only).
    QString limit = m_writeLimit;
    if (limit.isEmpty() && note && m_document.hasLibrary() &&
        !team::mayChange(m_document.library()->teamAccess(), note->createdBy))
        limit = team::refusal(team::Owned::Note, note->createdBy);
    m_ownershipLimit = m_writeLimit.isEmpty() ? limit : QString();
    m_editor->setReadOnly(!limit.isEmpty());
    m_delete->setEnabled(note.has_value() && limit.isEmpty());
    m_tag->setEnabled(note.has_value() && limit.isEmpty());
    for (QPushButton *button : {m_delete, m_tag})
        button->setToolTip(limit);
    if (!note) {
        m_details->clear();
        return;
    }
    const QLocale locale;
    QStringList tags;
    for (const Tag &tag : m_document.tags().tagsOfNote(noteId))
        tags << tag.path;
    // Whose note it is ("rita · 2026-12-07 14:03"), and who changed it last.
    QString details = NoteConflictDialog::byline(note->createdBy, note->createdAt);
    if (note->rowVersion > 1)
        details += QStringLiteral(" · ") +
                   tr("changed by %1").arg(NoteConflictDialog::byline(note->changedBy, note->modifiedAt));
    if (m_conflict)
        details =
            tr("Not saved: %1 changed this note since you opened it.").arg(m_conflictBy) + QLatin1Char('\n') + details;
    else if (m_unsaved)
        details =
            tr("Not saved: your text is kept here and saved with your next change.") + QLatin1Char('\n') + details;
    if (!tags.isEmpty())
        details += QLatin1Char('\n') + tr("Tags: %1").arg(tags.join(QStringLiteral(", ")));
    m_details->setText(details);
}

void NotesPanel::updatePreview()
{
    m_preview->setMarkdown(markdown::sanitize(m_editor->toPlainText()));
}

void NotesPanel::selectNote(qint64 noteId)
{
    const qsizetype row = noteIds().indexOf(noteId);
    if (row >= 0)
        m_list->setCurrentIndex(m_model->index(int(row)));
}

void NotesPanel::commitEdit(bool endSession)
{
    m_saveTimer->stop();
    if (m_noteId > 0 && m_document.hasLibrary() && !m_conflict) {
        const QString mine = m_editor->toPlainText();
        std::optional<Note> theirs;
        m_saving = true;
        const bool saved = m_document.editNote(m_noteId, mine, m_session, m_readVersion, &theirs);
        m_saving = false;
        const std::optional<Note> stored = m_document.annotations().note(m_noteId);
        if (theirs) {
            m_conflict = true;
            m_conflictBy = theirs->changedBy.isEmpty() ? NoteConflictDialog::tr("Someone") : theirs->changedBy;
            showNote(m_noteId);
            emit editConflict(mine, *theirs);
        } else {
            m_unsaved = !saved && stored && stored->text != mine;
            if (stored && !m_unsaved)
                m_readVersion = stored->rowVersion;
            showNote(m_noteId);
        }
    }
    if (endSession)
        ++m_session;
}

void NotesPanel::resolveConflict(NoteConflictDialog::Choice choice, const QString &mine, qint64 noteId,
                                 int theirVersion)
{
    if (noteId != m_noteId)
        return;
    m_conflict = m_unsaved = false;
    ++m_session;
    if (choice == NoteConflictDialog::Choice::CopyMine)
        QGuiApplication::clipboard()->setText(mine);
    if (choice == NoteConflictDialog::Choice::OverwriteWithMine) {
        m_readVersion = theirVersion;
        m_editor->setPlainText(mine); // (the timer's save is stopped by commitEdit)
        commitEdit();
        return;
    }
    m_readVersion = 0;
    showNote(noteId); // theirs
}

qint64 NotesPanel::addNote(const QString &text)
{
    if (!m_document.hasLibrary() || m_blockId <= 0)
        return 0;
    commitEdit();
    const qint64 id = m_document.addNote(m_blockId, m_highlightId, text);
    if (id > 0) {
        m_noteId = id;
        refresh();
        selectNote(id);
    }
    return id;
}

void NotesPanel::deleteCurrentNote()
{
    if (m_noteId <= 0 || !m_delete->isEnabled())
        return;
    commitEdit();
    const qint64 id = m_noteId;
    m_noteId = 0;
    m_document.removeNote(id);
}

bool NotesPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_editor && event->type() == QEvent::FocusOut)
        commitEdit();
    return QWidget::eventFilter(watched, event);
}

} // namespace dubao
