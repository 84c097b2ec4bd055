// The original OCR text of an article, each line with its line number in the source file, so a reader can
// check the cleaned text against what the file says.
#pragma once

#include "core/model/article.h"

#include <QList>
#include <QPlainTextEdit>

namespace dubao {

class OriginalView final : public QPlainTextEdit
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OriginalView)

public:
    explicit OriginalView(QWidget *parent = nullptr);
    ~OriginalView() override;

    void setArticle(const Article &article);
    void clearArticle();

    /// The source line number shown beside a text line (0 for the spacer between non-adjacent blocks).
    int lineNumber(int textLine) const { return m_lineNumbers.value(textLine); }
    /// The text line showing a source line, -1 when not shown.
    int textLineOf(int sourceLine) const { return m_lineNumbers.indexOf(sourceLine); }
    /// Marks the lines of one block (the paragraph the reader is in) and scrolls them into view.
    void highlightBlock(qint64 blockId);
    qint64 highlightedBlock() const { return m_highlighted; }

    void setTextSize(int points);
    int lineNumberAreaWidth() const;

protected:
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    class LineNumberArea;
    friend class LineNumberArea;
    void paintLineNumbers(QPaintEvent *event);
    void updateLineNumberArea(const QRect &rect, int dy);

    LineNumberArea *m_lineNumberArea = nullptr;
    QList<int> m_lineNumbers;                    ///< per text line: the source line, 0 for spacers
    QList<std::pair<qint64, int>> m_blockStarts; ///< (block id, first text line)
    QList<int> m_blockLengths;
    qint64 m_highlighted = 0;
};

} // namespace dubao
