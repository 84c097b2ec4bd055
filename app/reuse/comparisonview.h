// The side-by-side comparison of two articles that share passages (issue 22): the open article on the left, the
// other copy on the right, each typeset as the reader sets it. The passages ReuseIndex::compare() found are tinted;
// inside them a character-level difference from the alignment's matched characters shows what was reworded (both
// sides differ), inserted (only the later copy has it) or cut (only the earlier has it); outside them the later
// copy's own text is marked as inserted and what it left out of the earlier as cut. Scrolling one side scrolls the
// other so that the shared passages stay side by side; "Save as HTML…" writes both sides with their marks as one web
// page, "Save as PDF…" as pages with two columns (app/render/sidebysidepdf.h). Everything comes from the core's
// alignment: this view aligns nothing itself.
#pragma once

#include "core/model/issue.h"
#include "core/model/result.h"
#include "core/reuse/reuseindex.h"

#include <QHash>
#include <QWidget>

class QLabel;
class QPushButton;
class QTextBrowser;
class QTextDocument;

namespace dubao {

struct ArticleStyle;

class ComparisonView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ComparisonView)

public:
    /// One side: the article with its issue's publication and date.
    struct Side
    {
        Article article;
        IssueInfo issue;
    };

    /// What a character of either side is in the comparison.
    enum class Mark
    {
        None,     ///< not Han text, or outside passages in an undated pair
        Shared,   ///< matched by the alignment
        Reworded, ///< inside a passage, where both sides differ
        Inserted, ///< only the later copy has it
        Cut,      ///< only the earlier copy has it
    };

    explicit ComparisonView(QWidget *parent = nullptr);
    ~ComparisonView() override;

    /// Shows `left` and `right` compared: `pair` is ReuseIndex::compare(left, right) (a == left).
    void setComparison(const Side &left, const Side &right, const ReusePair &pair);
    const ReusePair &pair() const { return m_pair; }

    QTextBrowser *leftText() const { return m_left; }
    QTextBrowser *rightText() const { return m_right; }
    /// The mark of one character of a side's paragraph (`offset` in UTF-16 code units of Block::text).
    Mark markAt(bool left, qint64 blockId, int offset) const;
    /// The document position of a paragraph's character in a side's text, -1 when it does not show it.
    int documentPosition(bool left, qint64 blockId, int offset) const;
    /// Where a side's text starts passage `index` of the pair, in its document's coordinates (y).
    qreal passageTop(bool left, int index) const;
    /// The comparison as one HTML page (UTF-8): the heading, the legend and both sides with their marks, in black on
    /// white whatever the window's colours.
    QString toHtml() const;
    /// Writes toHtml() to `path` (replaced whole or left as it was).
    Result<void> exportHtml(const QString &path) const;
    /// Writes the comparison as a PDF to `path` (replaced whole or left as it was): the heading and the legend, then
    /// both sides in two columns with their marks — tinted, inserted text underlined, cut text struck through — and
    /// a text layer that gives back both articles' text.
    Result<void> exportPdf(const QString &path) const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void rebuild();
    void retranslateButtons();
    void typeset(QTextDocument &document, int side, const ArticleStyle &style) const;
    void exportDialog(bool pdf);
    void collectAnchors();
    void follow(bool fromLeft);

    QLabel *m_heading;
    QLabel *m_legend;
    QPushButton *m_save;
    QPushButton *m_savePdf;
    QTextBrowser *m_left;
    QTextBrowser *m_right;
    Side m_sides[2];
    ReusePair m_pair;
    bool m_leftIsLater = false;
    QHash<qint64, QList<Mark>> m_marks[2]; ///< per side, per paragraph: one mark per UTF-16 code unit
    QList<QPair<qreal, qreal>> m_anchors;  ///< (y on the left, y on the right) of passages' starts, both ascending
    bool m_following = false;
};

} // namespace dubao
