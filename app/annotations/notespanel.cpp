#include "app/annotations/notespanel.h"

#include "app/annotations/annotationdocument.h"
#include "app/annotations/notelistmodel.h"
#include "core/export/safemarkdown.h"

#include <QEvent>
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
    m_add->setEnabled(m_blockId > 0);
}

void NotesPanel::showNote(qint64 noteId)
{
    if (noteId != m_noteId)
        ++m_session;
    m_noteId = noteId;
    const std::optional<Note> note =
        noteId > 0 && m_document.hasLibrary() ? m_document.annotations().note(noteId) : std::nullopt;
    m_loading = true;
    // Never reset text the user is typing: only when it differs from what is stored (another note, or undo).
    const QString text = note ? note->text : QString();
    if (m_editor->toPlainText() != text)
        m_editor->setPlainText(text);
    m_editor->setEnabled(note.has_value());
    m_loading = false;
    updatePreview();
    m_delete->setEnabled(note.has_value());
    m_tag->setEnabled(note.has_value());
    if (!note) {
        m_details->clear();
        return;
    }
    const QLocale locale;
    QStringList tags;
    for (const Tag &tag : m_document.tags().tagsOfNote(noteId))
        tags << tag.path;
    QString details = tr("Created %1 · modified %2")
                          .arg(locale.toString(note->createdAt.toLocalTime(), QLocale::ShortFormat),
                               locale.toString(note->modifiedAt.toLocalTime(), QLocale::ShortFormat));
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
    if (m_noteId > 0 && m_document.hasLibrary())
        m_document.editNote(m_noteId, m_editor->toPlainText(), m_session);
    if (endSession)
        ++m_session;
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
    if (m_noteId <= 0)
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
