#include "app/reader/findbar.h"

#include "app/reader/readerview.h"
#include "core/search/queryparser.h"

#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QStyle>
#include <QTextCursor>
#include <QToolButton>

namespace dubao {

FindBar::FindBar(ReaderView *reader, QWidget *parent)
    : QWidget(parent)
    , m_reader(reader)
    , m_field(new QLineEdit(this))
    , m_previous(new QToolButton(this))
    , m_next(new QToolButton(this))
    , m_count(new QLabel(this))
    , m_close(new QToolButton(this))
{
    setObjectName(QStringLiteral("findBar"));
    m_field->setObjectName(QStringLiteral("findField"));
    m_field->setPlaceholderText(tr("Find in article"));
    m_field->setClearButtonEnabled(true);
    m_previous->setObjectName(QStringLiteral("findPrevious"));
    m_previous->setArrowType(Qt::UpArrow);
    m_previous->setToolTip(tr("Previous match (Shift+F3)"));
    m_previous->setAutoRaise(true);
    m_next->setObjectName(QStringLiteral("findNext"));
    m_next->setArrowType(Qt::DownArrow);
    m_next->setToolTip(tr("Next match (F3)"));
    m_next->setAutoRaise(true);
    m_count->setObjectName(QStringLiteral("findCount"));
    m_count->setMinimumWidth(fontMetrics().horizontalAdvance(QStringLiteral("0000 of 0000")));
    m_close->setObjectName(QStringLiteral("findClose"));
    m_close->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    m_close->setToolTip(tr("Close (Esc)"));
    m_close->setAutoRaise(true);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(6, 3, 6, 3);
    layout->addWidget(m_field, 1);
    layout->addWidget(m_previous);
    layout->addWidget(m_next);
    layout->addWidget(m_count);
    layout->addWidget(m_close);

    connect(m_field, &QLineEdit::textChanged, this, &FindBar::reapply);
    connect(m_next, &QToolButton::clicked, m_reader, &ReaderView::nextSearchMatch);
    connect(m_previous, &QToolButton::clicked, m_reader, &ReaderView::previousSearchMatch);
    connect(m_close, &QToolButton::clicked, this, &FindBar::close);
    connect(m_reader, &ReaderView::searchMatchesChanged, this, &FindBar::updateCount);
    m_field->installEventFilter(this);
    hide();
}

void FindBar::activate()
{
    const QTextCursor cursor = m_reader->textCursor();
    if (cursor.hasSelection()) {
        const QString selected = cursor.selectedText().trimmed();
        if (!selected.isEmpty() && selected.size() <= 40 && !selected.contains(QChar::ParagraphSeparator))
            m_field->setText(selected);
    }
    show();
    m_field->setFocus(Qt::ShortcutFocusReason);
    m_field->selectAll();
    if (!m_field->text().isEmpty() && !m_reader->hasSearchMatches())
        reapply();
}

void FindBar::close()
{
    hide();
    m_reader->clearSearchMatches();
    m_reader->setFocus(Qt::OtherFocusReason);
}

QString FindBar::text() const
{
    return m_field->text();
}

void FindBar::setText(const QString &text)
{
    m_field->setText(text);
}

QString FindBar::countText() const
{
    return m_count->text();
}

void FindBar::reapply()
{
    if (!isVisible() && m_field->text().isEmpty())
        return;
    const QString text = m_field->text().trimmed();
    m_applying = true;
    if (text.isEmpty()) {
        m_reader->clearSearchMatches();
    } else {
        const SearchQuery query = QueryParser::parse(text);
        if (m_reader->setSearchQuery(query) > 0)
            m_reader->nextSearchMatch(); // the first at or after the cursor
    }
    m_applying = false;
    updateCount();
}

void FindBar::updateCount()
{
    const MatchStepper &matches = m_reader->searchMatchStepper();
    QString text;
    if (!m_field->text().trimmed().isEmpty()) {
        const int count = matches.count();
        const int current = matches.current();
        if (count == 0)
            text = tr("No matches");
        else if (current >= 0)
            text = tr("%1 of %2").arg(current + 1).arg(count);
        else
            text = count == 1 ? tr("1 match") : tr("%1 matches").arg(count);
    }
    m_count->setText(text);
    m_previous->setEnabled(!matches.isEmpty());
    m_next->setEnabled(!matches.isEmpty());
}

bool FindBar::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_field && event->type() == QEvent::KeyPress) {
        auto *key = static_cast<QKeyEvent *>(event);
        switch (key->key()) {
        case Qt::Key_Return:
        case Qt::Key_Enter:
            if (key->modifiers() & Qt::ShiftModifier)
                m_reader->previousSearchMatch();
            else
                m_reader->nextSearchMatch();
            return true;
        case Qt::Key_Escape:
            close();
            return true;
        default:
            break;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace dubao
