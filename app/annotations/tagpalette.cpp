#include "app/annotations/tagpalette.h"

#include "app/annotations/tagswatch.h"

#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPainter>
#include <QVBoxLayout>

namespace dubao {

namespace {

class FilterEdit final : public QLineEdit
{
public:
    QListWidget *list = nullptr;

protected:
    void keyPressEvent(QKeyEvent *event) override
    {
        // Up and Down move in the list while typing continues in the field.
        if (list && (event->key() == Qt::Key_Up || event->key() == Qt::Key_Down)) {
            const int row = list->currentRow() + (event->key() == Qt::Key_Down ? 1 : -1);
            if (row >= 0 && row < list->count())
                list->setCurrentRow(row);
            return;
        }
        QLineEdit::keyPressEvent(event);
    }
};

} // namespace

TagPalette::TagPalette(const QList<Tag> &tags, const QString &title, QWidget *parent)
    : QDialog(parent, Qt::Popup | Qt::FramelessWindowHint)
    , m_tags(tags)
    , m_list(new QListWidget(this))
{
    setObjectName(QStringLiteral("tagPalette"));
    setWindowTitle(title);
    auto *edit = new FilterEdit;
    edit->list = m_list;
    m_filter = edit;
    m_filter->setPlaceholderText(tr("Tag name — Enter applies, a new name creates the tag"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    auto *heading = new QLabel(QStringLiteral("<b>%1</b>").arg(title.toHtmlEscaped()), this);
    layout->addWidget(heading);
    layout->addWidget(m_filter);
    layout->addWidget(m_list);
    resize(360, 320);
    connect(m_filter, &QLineEdit::textChanged, this, &TagPalette::filter);
    connect(m_filter, &QLineEdit::returnPressed, this, &TagPalette::accept);
    connect(m_list, &QListWidget::itemActivated, this, &TagPalette::accept);
    filter({});
    m_filter->setFocus(Qt::PopupFocusReason);
}

TagPalette::~TagPalette() = default;

void TagPalette::filter(const QString &text)
{
    m_list->clear();
    const QString needle = text.trimmed();
    for (const Tag &tag : std::as_const(m_tags)) {
        if (!needle.isEmpty() && !tag.path.contains(needle, Qt::CaseInsensitive))
            continue;
        auto *item = new QListWidgetItem(tagSwatch(QColor(tag.color)), tag.path, m_list);
        item->setData(Qt::UserRole, tag.id);
    }
    if (m_list->count() > 0)
        m_list->setCurrentRow(0);
}

void TagPalette::accept()
{
    const QString typed = m_filter->text().trimmed();
    if (QListWidgetItem *item = m_list->currentItem())
        m_tagId = item->data(Qt::UserRole).toLongLong();
    else if (!typed.isEmpty())
        m_newName = typed;
    else
        return;
    QDialog::accept();
}

} // namespace dubao
