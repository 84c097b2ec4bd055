// The reading pane: one article typeset for reading. Every paragraph is one QTextBlock carrying its block id
// (BlockIdProperty), so highlights and notes can address a paragraph and a span of its cleaned text. The widget
// keeps the cursor, scrolling, keys and mouse; the document is built by articledocument.h, the note markers and
// tags beside the text are readermargins.h's, and the search matches are stepped through by matchstepper.h.
#pragma once

#include "app/reader/articledocument.h"
#include "app/reader/matchstepper.h"
#include "app/reader/readermargins.h"
#include "app/reader/reusemargin.h"
#include "app/reader/scrollanchor.h"
#include "core/model/issue.h"

#include <QColor>
#include <QHash>
#include <QTextBrowser>

#include <functional>
#include <optional>

class QMenu;
class QTimer;

namespace dubao {

struct SearchQuery;

class ReaderView final : public QTextBrowser
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReaderView)

public:
    /// Properties set on each QTextBlockFormat of the document (BlockIdProperty, ...; see articledocument.h).
    using Property = ArticleBlockProperty;
    using enum ArticleBlockProperty;
    using Part = ArticlePart;

    static constexpr int DefaultTextSize = 14; ///< points
    static constexpr int MinTextSize = 8;
    static constexpr int MaxTextSize = 40;

    explicit ReaderView(QWidget *parent = nullptr);
    ~ReaderView() override;

    /// Shows an article; `issue` gives the byline's date and publication.
    void setArticle(const Article &article, const IssueInfo &issue);
    /// Updates the byline's date and publication after the issue's details changed; keeps the position.
    void setIssueInfo(const IssueInfo &issue);
    /// Shows a centred message instead of an article (no library, empty library, ...).
    void showPlaceholder(const QString &message);
    const Article &article() const { return m_article; }
    qint64 articleId() const { return m_hasArticle ? m_article.id : 0; }

    /// The document block of a paragraph, invalid when the article has no such block.
    QTextBlock textBlock(qint64 blockId) const;
    /// Scrolls so the paragraph is at the top and puts the cursor at its start. False if not shown.
    bool scrollToBlock(qint64 blockId);
    /// The paragraph the cursor is in, 0 when it is in the headline or byline.
    qint64 blockIdAt(const QTextCursor &cursor) const;
    /// The first paragraph visible at the top of the viewport (0 when none).
    qint64 topBlockId() const;
    /// The selection as spans of cleaned paragraph text, one per paragraph it touches (headline parts skipped).
    QList<TextSpan> selectedSpans() const;
    /// The selection when it lies within one paragraph.
    std::optional<TextSpan> selectedSpan() const;

    int textSize() const { return m_textSize; }
    void setTextSize(int points);
    /// The width a readable line needs: 28 characters of the text size, the column's margins (the tag gutter when
    /// the article has tags) and the scroll bar. The window's docks give way until the reader has it
    /// (MainWindow::balanceDocks); a window narrower than that still works, with a narrower reader.
    int readableWidth() const;
    void zoomInText() { setTextSize(m_textSize + 1); }
    void zoomOutText() { setTextSize(m_textSize - 1); }
    void resetTextSize() { setTextSize(DefaultTextSize); }

    // ---- annotations (drawn over the article; the reader never reads the store itself)

    /// Draws these highlights (overlaps blend their colours and are underlined). Kept across rebuilds.
    void setHighlights(const QList<HighlightMark> &highlights);
    QList<HighlightMark> highlights() const { return m_highlights; }
    /// Highlights covering the character at a document position (innermost last).
    QList<HighlightMark> highlightsAt(int documentPosition) const;
    /// Paragraphs with notes, and how many: a marker in the left margin for each.
    /// The corrections of the OCR in the shown article: dotted underlines with a tooltip.
    void setCorrectionMarks(const QList<CorrectionMark> &marks);
    QList<CorrectionMark> correctionMarks() const { return m_corrections; }
    /// The correction marked at a document position, if any.
    std::optional<CorrectionMark> correctionAt(int documentPosition) const;
    void setNoteMarkers(const QHash<qint64, int> &notesPerBlock);
    QHash<qint64, int> noteMarkers() const { return m_margins.noteMarkers(); }
    /// The marker's rectangle in viewport coordinates (empty when the paragraph has none or is not shown).
    QRect noteMarkerRect(qint64 blockId) const;
    /// Tags of the article (drawn beside its title) and of its paragraphs (beside each paragraph's first line),
    /// in the right margin: labelled chips where the margin has room, coloured dots where it has not; the
    /// tooltip names them.
    void setTagMarks(const QList<TagMark> &articleTags, const QHash<qint64, QList<TagMark>> &blockTags);
    QList<TagMark> articleTagMarks() const { return m_margins.articleTags(); }
    QHash<qint64, QList<TagMark>> blockTagMarks() const { return m_margins.blockTags(); }
    /// Where the tags of a paragraph (0: of the article) are drawn, in viewport coordinates; empty when none.
    QRect tagMarksRect(qint64 blockId) const;
    /// Whether the margin has room for labelled chips (else dots).
    bool tagMarksLabelled() const;
    /// The passages other articles share: a bar in the left margin beside each (reusemargin.h); clicking one emits
    /// reuseMarkClicked(). Cleared when another article is shown.
    void setReuseMarks(const QList<ReuseMarginMark> &marks);
    QList<ReuseMarginMark> reuseMarks() const { return m_reuse.marks(); }
    /// The bar of a mark in viewport coordinates (empty when not shown).
    QRect reuseMarkRect(int index) const;
    /// The line under the byline saying how much of the article is shared ("83% shared with …"); empty: none.
    void setReuseLine(const QString &line);
    QString reuseLine() const { return m_reuseLine; }
    /// What an annotation pop-up must leave visible, in global coordinates: the selection's lines (the text
    /// column's width), else the paragraph under the cursor (the part on screen), else the cursor's line.
    QRect annotatedRect() const;
    /// Selects [start, end) of a paragraph and scrolls to it. False if the paragraph is not shown.
    bool selectSpan(const TextSpan &span);
    /// Briefly tints a paragraph's background so the eye finds it after a jump.
    void flashBlock(qint64 blockId);
    bool isFlashing() const { return m_flashBlock != 0; }

    // ---- search matches: every match of a query in the article, drawn as extra selections over the
    // annotation highlights (and the flash); one of them is the current match, F3 / Shift+F3 step through them.

    /// Marks every match of `query` in the article's paragraphs (MatchHighlighter, folded, OCR spaces inside);
    /// no match is current yet. Returns how many. An empty query clears them.
    int setSearchQuery(const SearchQuery &query);
    void clearSearchMatches();
    bool hasSearchMatches() const { return !m_matches.isEmpty(); }
    /// The matches in reading order, as spans of the paragraphs' cleaned text.
    QList<TextSpan> searchMatches() const { return m_matches.matches(); }
    /// Index into searchMatches(), -1 when none is current.
    int currentSearchMatch() const { return m_matches.current(); }
    /// The matches and the current one (what the find bar counts).
    const MatchStepper &searchMatchStepper() const { return m_matches; }
    /// Makes a match current (drawn stronger), puts the cursor at its start and scrolls it into view.
    bool setCurrentSearchMatch(int index);
    /// The next / previous match from the current one (or from the cursor when none is current); wraps.
    bool nextSearchMatch();
    bool previousSearchMatch();
    /// The first match in paragraph `blockId` or after it, -1 when none.
    int searchMatchFrom(qint64 blockId) const { return m_matches.firstFrom(blockId); }
    /// The extra selections of the search matches (what is drawn), for tests.
    QList<QTextEdit::ExtraSelection> searchSelections() const;
    /// Colours of a search match, shared with the search results list.
    static QColor searchMatchColor(const QPalette &palette, bool current)
    {
        return searchMatchBackground(palette, current);
    }
    static QColor searchMatchTextColor(const QPalette &palette, bool current)
    {
        return searchMatchForeground(palette, current);
    }

    /// Width of the text column in em (the measure); the column is centred in wider windows.
    static constexpr int MeasureEm = ReaderMargins::MeasureEm;
    /// The right margin in em when the article has tags to label there (readers of 24 em and wider).
    static constexpr qreal TagGutterEm = ReaderMargins::TagGutterEm;

signals:
    /// readableWidth() changed (the text size, or the tag gutter came or went).
    void readableWidthChanged();
    void textSizeChanged(int points);
    /// The cursor moved into another paragraph (0 = headline or byline).
    void currentBlockChanged(qint64 blockId);
    /// Page Down (or Space) at the end of the article / Page Up at its top.
    void nextArticleRequested();
    void previousArticleRequested();
    /// A note marker in the margin was clicked.
    void noteMarkerClicked(qint64 blockId);
    /// A text-reuse mark in the margin was clicked: `index` into reuseMarks().
    void reuseMarkClicked(int index);
    /// The search matches or the current one changed (or were cleared).
    void searchMatchesChanged();
    /// Bare H with a selection: highlight it with the last tag used.
    void highlightWithLastTagRequested();
    /// The context menu is about to show: add actions to `menu` for the text at `documentPosition`.
    void contextMenuAboutToShow(QMenu *menu, int documentPosition);

protected:
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    bool viewportEvent(QEvent *event) override;

private:
    void rebuild();
    void rebuildKeepingPosition();
    void updateMargins();
    void onCursorMoved();
    void scrollTo(qint64 blockId);
    /// Runs a change that reflows the text (resize, margins, rebuild), then puts the anchored line back.
    void reflow(const std::function<void()> &change);
    /// Anchors the view on the line of `cursor` (after a jump to it).
    void anchorAt(const QTextCursor &cursor);
    void applyHighlights();
    /// The text size in pixels.
    qreal em() const;
    ArticleStyle articleStyle() const;
    ReaderMargins::View marginView() const;
    void updateExtraSelections();  ///< the flash, then the search matches
    void clearSearchMatchesOnly(); ///< forgets the matches (the document is about to be rebuilt)
    void clearMarks();             ///< forgets the highlights, margin marks and matches of the last article

    Article m_article;
    IssueInfo m_issue;
    QString m_placeholder;
    bool m_hasArticle = false;
    int m_textSize = DefaultTextSize;
    qint64 m_currentBlock = -1;
    bool m_rebuilding = false;
    ScrollAnchor m_anchor; ///< where the view is scrolled to, in the text (scrollanchor.h)
    int m_reflowing = 0;   ///< inside reflow(): scrolling does not move the anchor
    QList<HighlightMark> m_highlights;
    QList<CorrectionMark> m_corrections;
    ReaderMargins m_margins;
    ReuseMargin m_reuse;
    QString m_reuseLine;
    QTimer *m_flashTimer = nullptr;
    qint64 m_flashBlock = 0;
    MatchStepper m_matches;
};

} // namespace dubao
