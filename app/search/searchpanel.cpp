#include "app/search/searchpanel.h"

#include "app/reader/readerview.h"
#include "app/search/querycompleter.h"
#include "app/search/searchresultsmodel.h"
#include "app/shell/language.h"
#include "core/jobs/searchjob.h"

#include <QApplication>
#include <QComboBox>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QLocale>
#include <QPainter>
#include <QPushButton>
#include <QStyle>
#include <QStyleOptionButton>
#include <QStyledItemDelegate>
#include <QTextLayout>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

namespace dubao {

namespace {

/// One hit: the article's title (bold) and the issue date on the first line, then up to three lines of the
/// snippet with every match painted in the reader's search colour.
class SearchHitDelegate final : public QStyledItemDelegate
{
public:
    static constexpr int SnippetLines = 3;
    static constexpr int Margin = 6;

    using QStyledItemDelegate::QStyledItemDelegate;

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const override
    {
        QFont bold = option.font;
        bold.setBold(true);
        const int title = QFontMetrics(bold).height();
        const int line = QFontMetrics(option.font).lineSpacing();
        return {200, 2 * Margin + title + 4 + SnippetLines * line};
    }

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QStyleOptionViewItem opt = option;
        initStyleOption(&opt, index);
        opt.text.clear();
        const QWidget *widget = option.widget;
        QStyle *style = widget ? widget->style() : QApplication::style();
        style->drawPrimitive(QStyle::PE_PanelItemViewItem, &opt, painter, widget);

        const bool selected = option.state & QStyle::State_Selected;
        const QPalette &pal = option.palette;
        const QColor text = pal.color(selected ? QPalette::HighlightedText : QPalette::Text);
        QColor muted = text;
        muted.setAlphaF(0.65);

        painter->save();
        const QRect r = option.rect.adjusted(Margin, Margin, -Margin, -Margin);
        QFont bold = option.font;
        bold.setBold(true);
        const QFontMetrics boldMetrics(bold);
        const QFontMetrics metrics(option.font);

        // First line: title, date at the right.
        const QString date = index.data(SearchResultsModel::DateRole).toString();
        const int dateWidth = date.isEmpty() ? 0 : metrics.horizontalAdvance(date) + Margin;
        painter->setFont(option.font);
        painter->setPen(muted);
        painter->drawText(QRect(r.left(), r.top(), r.width(), boldMetrics.height()), Qt::AlignRight | Qt::AlignVCenter,
                          date);
        painter->setFont(bold);
        painter->setPen(text);
        const QString title =
            boldMetrics.elidedText(index.data(Qt::DisplayRole).toString(), Qt::ElideRight, r.width() - dateWidth);
        painter->drawText(QRect(r.left(), r.top(), r.width() - dateWidth, boldMetrics.height()),
                          Qt::AlignLeft | Qt::AlignVCenter, title);

        // The snippet, wrapped, with the matches highlighted.
        const QString snippet = index.data(SearchResultsModel::SnippetRole).toString();
        QList<QTextLayout::FormatRange> formats;
        const QVariantList ranges = index.data(SearchResultsModel::SnippetRangesRole).toList();
        for (const QVariant &v : ranges) {
            const QPoint p = v.toPoint();
            QTextLayout::FormatRange range;
            range.start = p.x();
            range.length = p.y();
            range.format.setBackground(ReaderView::searchMatchColor(pal, false));
            range.format.setForeground(ReaderView::searchMatchTextColor(pal, false));
            formats << range;
        }
        QTextLayout layout(snippet, option.font, painter->device());
        QTextOption textOption;
        textOption.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
        layout.setTextOption(textOption);
        layout.setFormats(formats);
        layout.beginLayout();
        qreal y = 0;
        int lines = 0;
        while (lines < SnippetLines) {
            QTextLine line = layout.createLine();
            if (!line.isValid())
                break;
            line.setLineWidth(r.width());
            line.setPosition(QPointF(0, y));
            y += metrics.lineSpacing();
            ++lines;
        }
        layout.endLayout();
        painter->setPen(text);
        painter->setClipRect(r);
        layout.draw(painter, QPointF(r.left(), r.top() + boldMetrics.height() + 4));
        painter->restore();
    }
};

} // namespace

SearchPanel::SearchPanel(QWidget *parent)
    : QWidget(parent)
    , m_field(new QLineEdit(this))
    , m_order(new QComboBox(this))
    , m_count(new QLabel(this))
    , m_message(new QLabel(this))
    , m_list(new QListView(this))
    , m_more(new QPushButton(tr("Load more"), this))
    , m_debounce(new QTimer(this))
    , m_countDelay(new QTimer(this))
    , m_completer(nullptr)
    , m_model(new SearchResultsModel(this))
{
    setObjectName(QStringLiteral("searchPanel"));
    m_field->setObjectName(QStringLiteral("searchField"));
    m_completer = new QueryCompleter(m_field);
    m_field->setPlaceholderText(tr("Search the library"));
    m_field->setClearButtonEnabled(true);
    m_field->setToolTip(tr("Words and \"phrases\"; OR, -word, title:, reporter:, tag:, publication:, "
                           "from:YYYY-MM-DD, to:YYYY-MM-DD, in:notes"));
    m_order->setObjectName(QStringLiteral("searchOrder"));
    m_order->addItem(tr("Relevance"), int(SearchOrder::Relevance));
    m_order->addItem(tr("Newest"), int(SearchOrder::Newest));
    m_order->addItem(tr("Oldest"), int(SearchOrder::Oldest));
    m_order->setToolTip(tr("Order of the hits"));
    m_count->setObjectName(QStringLiteral("searchCount"));
    // The count line ("More than 5,000 hits · ranked among the newest 5,000") and the Load more button would
    // otherwise make their text the dock's minimum width, and at 1024 px that width is taken from the reading pane
    // (issue 20): the count wraps, the button's text is elided to the width it gets (whole in its tooltip).
    m_count->setWordWrap(true);
    m_message->setObjectName(QStringLiteral("searchMessage"));
    m_message->setWordWrap(true);
    m_message->hide();
    m_list->setObjectName(QStringLiteral("searchResults"));
    m_list->setModel(m_model);
    m_list->setItemDelegate(new SearchHitDelegate(m_list));
    m_list->setUniformItemSizes(true);
    m_list->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->setFrameShape(QFrame::NoFrame);
    m_more->setObjectName(QStringLiteral("searchLoadMore"));
    m_more->setSizePolicy(QSizePolicy::Ignored, m_more->sizePolicy().verticalPolicy());
    m_more->installEventFilter(this);
    m_more->hide();
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(DebounceMs);
    m_countDelay->setSingleShot(true);
    m_countDelay->setInterval(CountDelayMs);

    auto *top = new QHBoxLayout;
    top->addWidget(m_field, 1);
    top->addWidget(m_order);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->setSpacing(4);
    layout->addLayout(top);
    layout->addWidget(m_count);
    layout->addWidget(m_message);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_more);

    connect(m_field, &QLineEdit::textChanged, this, &SearchPanel::scheduleSearch);
    connect(m_field, &QLineEdit::returnPressed, this, [this] {
        // Enter in the field: search now, or open the first hit when the results are current.
        if (m_debounce->isActive() || m_busy || m_field->text() != m_shownText)
            refresh();
        else if (m_model->rowCount() > 0) {
            m_list->setCurrentIndex(m_model->index(0));
            activate(m_model->index(0));
        }
    });
    connect(m_order, &QComboBox::currentIndexChanged, this, [this] { refresh(); });
    connect(m_debounce, &QTimer::timeout, this, &SearchPanel::startSearch);
    connect(m_countDelay, &QTimer::timeout, this, &SearchPanel::countExactly);
    connect(m_model, &SearchResultsModel::moreRequested, this, &SearchPanel::fetchPage);
    connect(m_more, &QPushButton::clicked, this, [this] { m_model->fetchMore({}); });
    connect(m_list, &QListView::activated, this, &SearchPanel::activate);
    connect(m_list, &QListView::clicked, this, &SearchPanel::activate);
    m_field->installEventFilter(this);
    m_list->installEventFilter(this);
    followLanguageChanges(this, [this] { updateCount(); }); // the count composed in the new language
    updateCount();
}

SearchPanel::~SearchPanel() = default;

void SearchPanel::setLibraryPath(const QString &path)
{
    if (path == m_libraryPath)
        return;
    m_runner.reset();
    m_counter.reset();
    m_libraryPath = path;
    m_searchId = m_pageId = 0;
    m_busy = false;
    m_lastSearchMs = -1; // another library: its speed is not known yet
    m_shownText.clear();
    m_shownQuery = {};
    m_model->clear();
    if (!path.isEmpty()) {
        m_runner = std::make_unique<SearchRunner>(path);
        connect(m_runner.get(), &SearchRunner::searchFinished, this, &SearchPanel::onSearchFinished);
        m_counter = std::make_unique<SearchRunner>(path);
        connect(m_counter.get(), &SearchRunner::searchFinished, this, &SearchPanel::onCountFinished);
    }
    refresh();
}

void SearchPanel::closeConnection()
{
    if (m_runner)
        m_runner->closeConnection();
    if (m_counter)
        m_counter->closeConnection();
}

void SearchPanel::cancelCount()
{
    if (m_counter && m_countId != 0)
        m_counter->cancel();
    m_countId = 0;
}

void SearchPanel::setSearchEnabled(bool enabled, const QString &message)
{
    m_enabled = enabled;
    m_disabledMessage = enabled ? QString() : message;
    m_field->setEnabled(enabled);
    m_order->setEnabled(enabled);
    if (!enabled) {
        m_debounce->stop();
        if (m_runner)
            m_runner->cancel();
        cancelCount();
        m_searchId = m_pageId = 0;
        m_busy = false;
        m_model->clear();
        m_shownText.clear();
        showMessage(message, false);
        updateCount();
    } else {
        refresh();
    }
}

QString SearchPanel::query() const
{
    return m_field->text();
}

void SearchPanel::setQuery(const QString &text)
{
    m_field->setText(text);
}

SearchOrder SearchPanel::order() const
{
    return SearchOrder(m_order->currentData().toInt());
}

void SearchPanel::setOrder(SearchOrder order)
{
    m_order->setCurrentIndex(m_order->findData(int(order)));
}

void SearchPanel::focusQuery()
{
    m_field->setFocus(Qt::ShortcutFocusReason);
    m_field->selectAll();
}

void SearchPanel::refresh()
{
    m_debounce->stop();
    startSearch();
}

bool SearchPanel::isWaitingForPause() const
{
    return m_debounce->isActive();
}

void SearchPanel::scheduleSearch()
{
    // Cancel the running search at once. While searches come back fast, the new one starts now (the results of a
    // keystroke are on screen before the next one); after a slow one it waits for a pause in typing, so that a
    // fast typist does not queue slow searches one behind the other.
    if (m_runner && m_busy)
        m_runner->cancel();
    m_countDelay->stop();
    cancelCount();
    if (m_lastSearchMs <= FastSearchMs) {
        m_debounce->stop();
        startSearch();
    } else {
        m_debounce->start();
    }
}

void SearchPanel::startSearch()
{
    if (!m_enabled)
        return;
    const QString text = m_field->text().trimmed();
    cancelCount();
    if (!m_runner || text.isEmpty()) {
        if (m_runner)
            m_runner->cancel();
        m_searchId = m_pageId = 0;
        m_busy = false;
        m_model->clear();
        m_shownText = m_field->text();
        m_shownQuery = {};
        showMessage({}, false);
        updateCount();
        emit resultsShown();
        return;
    }
    SearchOptions options;
    options.order = order();
    options.limit = m_pageSize;
    // The first page does not wait for a very common term's hits to be counted; the count follows.
    options.exactTotal = false;
    m_pageId = 0;
    m_searchClock.start();
    m_searchId = m_runner->search(text, options);
    m_busy = true;
    updateCount();
}

void SearchPanel::fetchPage(int offset)
{
    if (!m_runner || m_busy || m_shownText.trimmed().isEmpty()) {
        m_model->setFetching(false);
        return;
    }
    SearchOptions options;
    options.order = order();
    options.offset = offset;
    options.limit = m_pageSize;
    m_pageId = m_runner->search(m_shownText.trimmed(), options);
    m_more->setEnabled(false);
}

void SearchPanel::countExactly()
{
    if (!m_counter || m_busy || m_countId != 0 || !m_model->isTotalLowerBound())
        return;
    SearchOptions options;
    options.order = order();
    options.limit = 0; // the count only
    m_countId = m_counter->search(m_shownText.trimmed(), options);
}

void SearchPanel::onCountFinished(quint64 id, const SearchResult &result)
{
    if (id == 0 || id != m_countId)
        return; // a count dropped by a keystroke: for another text
    m_countId = 0;
    if (result.ok() && m_model->isTotalLowerBound()) {
        m_model->setExactTotal(result.total);
        updateCount();
    }
}

void SearchPanel::onSearchFinished(quint64 id, const SearchResult &result)
{
    if (id != 0 && id == m_pageId) {
        m_pageId = 0;
        m_more->setEnabled(true);
        if (result.ok())
            m_model->appendPage(result);
        else
            m_model->setFetching(false);
        updateCount();
        m_countDelay->start();
        return;
    }
    if (id != m_searchId || id == 0)
        return; // superseded: a stale result is never shown
    m_searchId = 0;
    m_busy = false;
    if (result.cancelled)
        return;
    m_lastSearchMs = m_searchClock.elapsed();
    m_shownText = m_field->text();
    m_shownQuery = result.query;
    if (!result.error.isEmpty()) {
        m_model->clear();
        showMessage(result.error, true);
    } else {
        m_model->setResult(result);
        showMessage(result.query.messages.join(QLatin1Char(' ')), false);
        if (m_model->rowCount() > 0)
            m_list->scrollToTop();
    }
    updateCount();
    emit resultsShown();
    m_countDelay->start();
}

void SearchPanel::showMessage(const QString &text, bool error)
{
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
    QPalette pal = palette();
    if (error) {
        const bool dark = pal.color(QPalette::Base).lightness() < 128;
        pal.setColor(QPalette::WindowText, dark ? QColor(0xFF8A80) : QColor(0xB00020));
    }
    m_message->setPalette(pal);
}

QString SearchPanel::countText() const
{
    return m_count->text();
}

QString SearchPanel::messageText() const
{
    return m_message->isVisible() ? m_message->text() : QString();
}

void SearchPanel::updateCount()
{
    QString text;
    if (!m_enabled)
        text = QString();
    else if (m_busy)
        text = tr("Searching…");
    else if (!m_shownText.trimmed().isEmpty() && m_message->text().isEmpty() && m_model->total() == 0)
        text = tr("No hits");
    else if (m_model->total() > 0) {
        const QString number = QLocale().toString(m_model->total());
        text = m_model->isTotalLowerBound() ? tr("More than %1 hits").arg(number)
               : m_model->total() == 1      ? tr("1 hit")
                                            : tr("%1 hits").arg(number);
        if (m_model->isRankCapped())
            text += QStringLiteral(" · ") +
                    tr("ranked among the newest %1").arg(QLocale().toString(SearchService::kRankedHits));
    } else if (!m_shownText.trimmed().isEmpty())
        text = tr("No hits");
    m_count->setText(text);
    m_count->setVisible(!text.isEmpty());
    const bool more = m_model->rowCount() < m_model->total();
    m_more->setVisible(more && !m_busy);
    if (more) {
        m_moreText = (m_model->isTotalLowerBound() ? tr("Load more (%1 of more than %2 shown)")
                                                   : tr("Load more (%1 of %2 shown)"))
                         .arg(QLocale().toString(m_model->rowCount()), QLocale().toString(m_model->total()));
        elideLoadMore();
    }
}

void SearchPanel::elideLoadMore()
{
    // The room for the text: the button's width less what its frame and margins take (the style's size for an
    // empty label).
    QStyleOptionButton option;
    option.initFrom(m_more);
    const int frame = m_more->style()->sizeFromContents(QStyle::CT_PushButton, &option, QSize(0, 0), m_more).width();
    const QString shown =
        m_more->fontMetrics().elidedText(m_moreText, Qt::ElideRight, std::max(0, m_more->width() - frame));
    m_more->setText(shown);
    m_more->setToolTip(shown == m_moreText ? QString() : m_moreText);
}

bool SearchPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_more && event->type() == QEvent::Resize && !m_moreText.isEmpty())
        elideLoadMore();
    if (event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        // Down in the field walks into the hits; Esc in the hits clears the reader's highlighting.
        if (watched == m_field && key->key() == Qt::Key_Down && m_model->rowCount() > 0) {
            m_list->setFocus(Qt::TabFocusReason);
            if (!m_list->currentIndex().isValid())
                m_list->setCurrentIndex(m_model->index(0));
            return true;
        }
        if (watched == m_list && key->key() == Qt::Key_Escape) {
            emit clearHighlightingRequested();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void SearchPanel::setTagNames(const QStringList &paths)
{
    m_completer->setTagNames(paths);
}

void SearchPanel::setAuthorNames(const QStringList &names)
{
    m_completer->setAuthorNames(names);
}

void SearchPanel::activate(const QModelIndex &index)
{
    if (!index.isValid() || index.row() >= m_model->rowCount())
        return;
    emit hitActivated(m_model->hit(index.row()), m_shownQuery);
}

} // namespace dubao
