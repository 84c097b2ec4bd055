// The reading pane: one article typeset for reading. Every paragraph is one QTextBlock carrying its block id
// (BlockIdProperty), so highlights and notes can address a paragraph and a span of its cleaned text.
#pragma once

#include "model/issue.h"

#include <QTextBrowser>

#include <optional>

namespace dubao {

/// A span of one paragraph's cleaned text: [start, end) in UTF-16 code units of Block::text.
struct TextSpan
{
    qint64 blockId = 0;
    int start = 0;
    int end = 0;

    friend bool operator==(const TextSpan &, const TextSpan &) = default;
};

class ReaderView final : public QTextBrowser
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReaderView)

public:
    /// Properties set on each QTextBlockFormat of the document.
    enum Property
    {
        BlockIdProperty = QTextFormat::UserProperty + 1, ///< qint64 Block::id; absent on headline/byline
        BlockKindProperty,                               ///< int(BlockKind), on paragraphs
        PartProperty,                                    ///< int(Part)
    };
    enum class Part
    {
        Kicker,
        Title,
        Subtitle,
        Byline,
        Paragraph,
        Placeholder
    };

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
    void zoomInText() { setTextSize(m_textSize + 1); }
    void zoomOutText() { setTextSize(m_textSize - 1); }
    void resetTextSize() { setTextSize(DefaultTextSize); }

    /// Width of the text column in em (the measure); the column is centred in wider windows.
    static constexpr int MeasureEm = 40;

signals:
    void textSizeChanged(int points);
    /// The cursor moved into another paragraph (0 = headline or byline).
    void currentBlockChanged(qint64 blockId);
    /// Page Down (or Space) at the end of the article / Page Up at its top.
    void nextArticleRequested();
    void previousArticleRequested();

protected:
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    void rebuild();
    void rebuildKeepingPosition();
    void updateMargins();
    void onCursorMoved();
    void scrollTo(qint64 blockId);

    Article m_article;
    IssueInfo m_issue;
    QString m_placeholder;
    bool m_hasArticle = false;
    int m_textSize = DefaultTextSize;
    qint64 m_currentBlock = -1;
    bool m_rebuilding = false;
    qint64 m_anchorBlock = 0; ///< scrollToBlock() target kept until the view is shown and sized
};

} // namespace dubao

Q_DECLARE_METATYPE(dubao::TextSpan)
