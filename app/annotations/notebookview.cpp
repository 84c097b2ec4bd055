#include "app/annotations/notebookview.h"

#include "app/annotations/annotationdocument.h"
#include "app/annotations/annotationlinks.h"
#include "app/annotations/notebookentrymodel.h"
#include "app/annotations/noteeditor.h"
#include "app/shell/userfeedback.h"
#include "core/store/library.h"
#include "core/store/teamroles.h"

#include <QAbstractTextDocumentLayout>
#include <QComboBox>
#include <QDropEvent>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QListView>
#include <QMenu>
#include <QMouseEvent>
#include <QPainter>
#include <QPlainTextEdit>
#include <QStyledItemDelegate>
#include <QTextDocument>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

namespace dubao {

namespace {

using Role = NotebookEntryModel::Role;
constexpr int Padding = 10;

void layoutDocument(QTextDocument &document, const QString &html, const QFont &font, int width)
{
    document.setDefaultFont(font);
    document.setDocumentMargin(Padding);
    document.setHtml(html);
    document.setTextWidth(std::max(80, width));
}

/// Paints each entry's HTML as a piece of the document.
class EntryDelegate final : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QStyleOptionViewItem opt = option;
        initStyleOption(&opt, index);
        opt.text.clear();
        opt.widget->style()->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget);
        QTextDocument document;
        layoutDocument(document, index.data(Role::HtmlRole).toString(), option.font, option.rect.width());
        painter->save();
        painter->translate(option.rect.topLeft());
        QAbstractTextDocumentLayout::PaintContext context;
        context.palette = option.palette;
        if (option.state & QStyle::State_Selected)
            context.palette.setColor(QPalette::Text, option.palette.color(QPalette::HighlightedText));
        document.documentLayout()->draw(painter, context);
        painter->setPen(option.palette.color(QPalette::Midlight));
        painter->drawLine(Padding, option.rect.height() - 1, option.rect.width() - Padding, option.rect.height() - 1);
        painter->restore();
    }

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        const auto *view = qobject_cast<const QAbstractItemView *>(option.widget);
        const int width = view ? view->viewport()->width() : 400;
        QTextDocument document;
        layoutDocument(document, index.data(Role::HtmlRole).toString(), option.font, width);
        return QSize(width, int(std::ceil(document.size().height())));
    }

    // Free text is edited in place, as Markdown: double-click, F2 or Enter opens the editor over the entry;
    // leaving it (or Tab) keeps the edit as one undoable step (the model's setData), Esc drops it.

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &, const QModelIndex &) const override
    {
        auto *editor = new QPlainTextEdit(parent);
        editor->setObjectName(QStringLiteral("notebookTextEditor"));
        editor->setTabChangesFocus(true);
        editor->setPlaceholderText(NotebookView::tr("Your text (Markdown)…"));
        return editor;
    }
    void setEditorData(QWidget *editor, const QModelIndex &index) const override
    {
        static_cast<QPlainTextEdit *>(editor)->setPlainText(index.data(Role::MarkdownRole).toString());
    }
    void setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const override
    {
        model->setData(index, static_cast<QPlainTextEdit *>(editor)->toPlainText(), Qt::EditRole);
    }
    void updateEditorGeometry(QWidget *editor, const QStyleOptionViewItem &option, const QModelIndex &) const override
    {
        // At least a few lines high, whatever the entry's own height.
        QRect rect = option.rect;
        rect.setHeight(std::max(rect.height(), 6 * option.fontMetrics.lineSpacing()));
        editor->setGeometry(rect);
    }
};

/// Drops become moveEntry() calls; the list is rebuilt from the document afterwards.
class EntryList final : public QListView
{
public:
    std::function<void(int from, int to)> onMove;
    std::function<void(const QUrl &)> onLink;

protected:
    void dropEvent(QDropEvent *event) override
    {
        const int from = currentIndex().row();
        const int count = model()->rowCount();
        if (event->source() != this || from < 0) {
            event->ignore();
            return;
        }
        const QModelIndex target = indexAt(event->position().toPoint());
        int to = target.isValid() ? target.row() : count - 1;
        if (target.isValid() && dropIndicatorPosition() == BelowItem)
            ++to;
        if (to > from)
            --to; // the entry leaves its old place first
        to = std::clamp(to, 0, count - 1);
        event->setDropAction(Qt::IgnoreAction);
        event->accept();
        if (to != from && onMove)
            onMove(from, to);
    }

    void resizeEvent(QResizeEvent *event) override
    {
        QListView::resizeEvent(event);
        doItemsLayout(); // heights follow the width
    }

    void mouseReleaseEvent(QMouseEvent *event) override
    {
        QListView::mouseReleaseEvent(event);
        const QModelIndex index = indexAt(event->position().toPoint());
        if (!index.isValid() || event->button() != Qt::LeftButton || !onLink)
            return;
        const QRect rect = visualRect(index);
        QTextDocument document;
        layoutDocument(document, index.data(Role::HtmlRole).toString(), font(), rect.width());
        const QString anchor = document.documentLayout()->anchorAt(event->position() - QPointF(rect.topLeft()));
        if (!anchor.isEmpty())
            onLink(QUrl(anchor));
    }
};

} // namespace

NotebookView::NotebookView(AnnotationDocument &document, UserFeedback &feedback, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_feedback(feedback)
    , m_model(new NotebookEntryModel(document, this))
    , m_notebooks(new QComboBox(this))
    , m_rename(new QToolButton(this))
    , m_delete(new QToolButton(this))
    , m_addText(new QToolButton(this))
    , m_share(new QToolButton(this))
{
    setObjectName(QStringLiteral("notebookView"));
    auto *list = new EntryList;
    list->onMove = [this](int from, int to) {
        moveEntry(from, to);
    };
    list->onLink = [this](const QUrl &url) {
        emit linkActivated(url);
    };
    m_list = list;
    m_list->setParent(this);
    m_list->setObjectName(QStringLiteral("notebookEntries"));
    m_list->setModel(m_model);
    m_list->setItemDelegate(new EntryDelegate(m_list));
    m_list->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
    m_list->setDragDropMode(QAbstractItemView::InternalMove);
    m_list->setDefaultDropAction(Qt::MoveAction);
    m_list->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_list->setResizeMode(QListView::Adjust);
    m_list->setWordWrap(true);
    m_list->setContextMenuPolicy(Qt::CustomContextMenu);
    m_list->setFrameShape(QFrame::NoFrame);
    m_notebooks->setObjectName(QStringLiteral("notebookChooser"));
    m_notebooks->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_notebooks->setMinimumContentsLength(8);

    auto *newButton = new QToolButton(this);
    newButton->setText(tr("New…"));
    m_rename->setText(tr("Rename"));
    m_delete->setText(tr("Delete"));
    m_addText->setText(tr("Add &Text"));
    m_addText->setToolTip(tr("Add your own text after the selected entry"));
    m_share->setObjectName(QStringLiteral("shareNotebook"));
    m_share->setText(tr("Shared"));
    m_share->setCheckable(true);
    m_share->setToolButtonStyle(Qt::ToolButtonTextOnly);
    auto *exportButton = new QToolButton(this);
    exportButton->setObjectName(QStringLiteral("exportNotebook"));
    exportButton->setText(tr("Export…"));
    exportButton->setToolTip(tr("Export this notebook as a document"));
    // The buttons sit in a tool bar: in a narrow dock those that do not fit move into its » menu, so the dock never
    // makes the window wider than a small screen.
    auto *tools = new QToolBar(this);
    tools->setObjectName(QStringLiteral("notebookTools"));
    for (QToolButton *button : {newButton, m_rename, m_delete, m_addText, m_share, exportButton}) {
        button->setAutoRaise(true);
        tools->addWidget(button);
    }
    auto *bar = new QHBoxLayout;
    bar->addWidget(m_notebooks, 1);
    bar->addWidget(tools);
    connect(exportButton, &QToolButton::clicked, this, [this] {
        if (m_notebookId > 0)
            emit exportRequested(m_notebookId);
    });
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addLayout(bar);
    layout->addWidget(m_list, 1);

    connect(newButton, &QToolButton::clicked, this, &NotebookView::newNotebookDialog);
    connect(m_rename, &QToolButton::clicked, this, &NotebookView::renameDialog);
    connect(m_delete, &QToolButton::clicked, this, &NotebookView::deleteDialog);
    connect(m_share, &QToolButton::clicked, this, [this](bool checked) {
        if (!setShared(checked))
            refresh(); // refused: the button shows what is stored
    });
    connect(m_addText, &QToolButton::clicked, this,
            [this] { addTextDialog(currentRow() >= 0 ? currentRow() + 1 : -1); });
    connect(m_notebooks, &QComboBox::currentIndexChanged, this,
            [this] { setNotebook(m_notebooks->currentData().toLongLong()); });
    connect(m_list, &QListView::customContextMenuRequested, this, &NotebookView::showContextMenu);
    connect(&m_document, &AnnotationDocument::notebooksChanged, this, &NotebookView::reloadNotebooks);
    reloadNotebooks();
}

NotebookView::~NotebookView() = default;

void NotebookView::reloadNotebooks()
{
    const QSignalBlocker blocker(m_notebooks);
    m_notebooks->clear();
    const QList<Notebook> notebooks = m_document.hasLibrary() ? m_document.notebooks().list() : QList<Notebook>{};
    const QString user = m_document.hasLibrary() ? m_document.library()->teamAccess().user : QString();
    const bool team = m_document.hasLibrary() && m_document.library()->isTeamLibrary();
    for (const Notebook &notebook : notebooks) {
        // A colleague's notebook (shared with the user, or older than authorship) says whose it is.
        const bool theirs = team && notebook.createdBy != user;
        m_notebooks->addItem(
            theirs
                ? tr("%1 (%2's)").arg(notebook.name, notebook.createdBy.isEmpty() ? tr("unknown") : notebook.createdBy)
                : notebook.name,
            notebook.id);
    }
    int index = m_notebooks->findData(m_notebookId);
    if (index < 0 && m_notebooks->count() > 0)
        index = 0;
    m_notebooks->setCurrentIndex(index);
    m_notebookId = index >= 0 ? m_notebooks->itemData(index).toLongLong() : 0;
    refresh();
}

void NotebookView::setNotebook(qint64 notebookId)
{
    m_notebookId = notebookId;
    {
        const QSignalBlocker blocker(m_notebooks);
        m_notebooks->setCurrentIndex(m_notebooks->findData(notebookId));
    }
    refresh();
}

QList<qint64> NotebookView::entryIds() const
{
    QList<qint64> ids;
    for (const NotebookItem &item : m_model->items())
        ids << item.entry.id;
    return ids;
}

QString NotebookView::entryHtml(int row) const
{
    return m_model->index(row).data(Role::HtmlRole).toString();
}

int NotebookView::currentRow() const
{
    return m_list->currentIndex().isValid() ? m_list->currentIndex().row() : -1;
}

void NotebookView::refresh()
{
    const int row = currentRow();
    m_model->setNotebook(m_notebookId);
    const int count = m_model->rowCount();
    if (row >= 0 && count > 0)
        m_list->setCurrentIndex(m_model->index(std::min(row, count - 1)));
    // What the user may do with this notebook, as the server decides it (core/store/teampolicies.cpp): an annotator
    // changes only their own; sharing is the creator's; a reader changes nothing.
    const std::optional<Notebook> notebook =
        m_notebookId > 0 && m_document.hasLibrary() ? m_document.notebooks().notebook(m_notebookId) : std::nullopt;
    const team::Access access = m_document.hasLibrary() ? m_document.library()->teamAccess() : team::Access();
    const bool team = m_document.hasLibrary() && m_document.library()->isTeamLibrary();
    const bool own = notebook && (!team || notebook->createdBy == access.user || access.role == u"owner");
    m_readOnlyReason.clear();
    if (notebook && !access.mayAnnotate)
        m_readOnlyReason = team::describe(access);
    else if (notebook && !team::mayChange(access, notebook->createdBy))
        m_readOnlyReason = team::refusal(team::Owned::Notebook, notebook->createdBy);
    const bool writable = notebook && m_readOnlyReason.isEmpty();
    for (QToolButton *button : {m_rename, m_delete, m_addText}) {
        button->setEnabled(writable);
        button->setToolTip(m_readOnlyReason);
    }
    if (m_readOnlyReason.isEmpty())
        m_addText->setToolTip(tr("Add your own text after the selected entry"));
    m_list->setEditTriggers(writable ? QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
                                     : QAbstractItemView::NoEditTriggers);
    m_list->setDragDropMode(writable ? QAbstractItemView::InternalMove : QAbstractItemView::NoDragDrop);
    const QSignalBlocker blocker(m_share);
    m_share->setChecked(notebook && notebook->shared);
    m_share->setEnabled(own && access.mayAnnotate);
    if (!notebook)
        m_share->setToolTip({});
    else if (!access.mayAnnotate)
        m_share->setToolTip(team::describe(access));
    else if (!own)
        m_share->setToolTip(tr("This notebook is %1's: only its creator shares it or makes it private")
                                .arg(notebook->createdBy.isEmpty() ? tr("unknown") : notebook->createdBy));
    else if (!team)
        m_share->setToolTip(tr("Shared: everyone of a team library this library is copied into reads it. Private: "
                               "only you see it there"));
    else
        m_share->setToolTip(notebook->shared ? tr("Everyone of the team library reads this notebook; only you (and "
                                                  "editors) change it. Click to make it private again")
                                             : tr("Only you see this notebook. Click to share it with everyone of the "
                                                  "team library (they read it; only you and editors change it)"));
}

bool NotebookView::setShared(bool shared)
{
    return m_notebookId > 0 && m_document.setNotebookShared(m_notebookId, shared);
}

qint64 NotebookView::createNotebook(const QString &name)
{
    const qint64 id = m_document.createNotebook(name);
    if (id > 0)
        setNotebook(id);
    return id;
}

bool NotebookView::moveEntry(int fromRow, int toRow)
{
    const QList<NotebookItem> items = m_model->items();
    if (fromRow < 0 || fromRow >= items.size() || fromRow == toRow)
        return false;
    const bool ok = m_document.moveNotebookEntry(items[fromRow].entry.id, toRow);
    if (ok)
        m_list->setCurrentIndex(m_model->index(std::clamp(toRow, 0, m_model->rowCount() - 1)));
    return ok;
}

qint64 NotebookView::addText(const QString &text, int position)
{
    return m_document.addTextToNotebook(m_notebookId, text, position);
}

bool NotebookView::editText(qint64 entryId, const QString &text)
{
    return m_document.editNotebookText(entryId, text);
}

bool NotebookView::removeEntry(qint64 entryId)
{
    return m_document.removeNotebookEntry(entryId);
}

bool NotebookView::renameNotebook(const QString &name)
{
    return m_document.renameNotebook(m_notebookId, name);
}

bool NotebookView::deleteNotebook()
{
    return m_document.deleteNotebook(m_notebookId);
}

void NotebookView::newNotebookDialog()
{
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("New Notebook"), tr("Name:"), QLineEdit::Normal, {}, &ok);
    if (ok && !name.trimmed().isEmpty())
        createNotebook(name);
}

void NotebookView::renameDialog()
{
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("Rename Notebook"), tr("Name:"), QLineEdit::Normal,
                                               m_notebooks->currentText(), &ok);
    if (ok && !name.trimmed().isEmpty())
        renameNotebook(name);
}

void NotebookView::deleteDialog()
{
    if (m_notebookId <= 0)
        return;
    if (!m_feedback.confirm(this, tr("Delete Notebook"),
                            tr("Delete the notebook “%1” and its %n entries? The highlights and "
                               "notes in it stay. (Edit → Undo brings it back.)",
                               nullptr, m_model->rowCount())
                                .arg(m_notebooks->currentText()),
                            true))
        return;
    deleteNotebook();
}

void NotebookView::addTextDialog(int position)
{
    NoteEditor editor(tr("Add Text"), tr("Your text (Markdown):"), this);
    if (editor.exec() == QDialog::Accepted && !editor.text().trimmed().isEmpty())
        addText(editor.text(), position);
}

void NotebookView::showContextMenu(const QPoint &pos)
{
    const int row = m_list->indexAt(pos).row();
    const QList<NotebookItem> items = m_model->items();
    QMenu menu(this);
    if (row >= 0 && row < items.size()) {
        const NotebookItem item = items[row];
        if (item.entry.isFreeText())
            menu.addAction(tr("Edit Text"), this, [this, row] { m_list->edit(m_model->index(row)); });
        else if (item.source.blockId > 0)
            menu.addAction(tr("Open in Reader"), this,
                           [this, item] { emit linkActivated(AnnotationLinks::blockLink(item.source.blockId)); });
        menu.addAction(tr("Add Text Above…"), this, [this, row] { addTextDialog(row); });
        menu.addAction(tr("Add Text Below…"), this, [this, row] { addTextDialog(row + 1); });
        menu.addSeparator();
        menu.addAction(tr("Move Up"), this, [this, row] { moveEntry(row, row - 1); })->setEnabled(row > 0);
        menu.addAction(tr("Move Down"), this, [this, row] { moveEntry(row, row + 1); })
            ->setEnabled(row + 1 < items.size());
        menu.addSeparator();
        menu.addAction(tr("Remove from Notebook"), this, [this, item] { removeEntry(item.entry.id); });
        // A notebook the user may not change: everything but opening the source is off (the reason on each).
        if (!m_readOnlyReason.isEmpty())
            for (QAction *action : menu.actions())
                if (!action->isSeparator() && action->text() != tr("Open in Reader")) {
                    action->setEnabled(false);
                    action->setToolTip(m_readOnlyReason);
                }
        menu.setToolTipsVisible(true);
    } else if (m_notebookId > 0 && m_readOnlyReason.isEmpty()) {
        menu.addAction(tr("Add Text…"), this, [this] { addTextDialog(-1); });
    }
    if (!menu.isEmpty())
        menu.exec(m_list->viewport()->mapToGlobal(pos));
}

} // namespace dubao
