#include "app/reuse/comparisonview.h"

#include "app/export/exportdefaults.h"
#include "app/reader/articledocument.h"
#include "app/render/sidebysidepdf.h"
#include "core/model/issuedate.h"

#include <QAbstractTextDocumentLayout>
#include <QCoreApplication>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QSaveFile>
#include <QScrollBar>
#include <QSplitter>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextDocument>
#include <QTextLayout>
#include <QVBoxLayout>

#include <algorithm>

namespace dubao {

namespace {

using Mark = ComparisonView::Mark;

/// UTF-16 offset of every code point of `text`, and the text's length at the end.
QList<int> codePointOffsets(const QString &text)
{
    QList<int> offsets;
    offsets.reserve(text.size() + 1);
    for (int i = 0; i < text.size(); ++i) {
        offsets.append(i);
        if (text[i].isHighSurrogate() && i + 1 < text.size() && text[i + 1].isLowSurrogate())
            ++i;
    }
    offsets.append(int(text.size()));
    return offsets;
}

bool isHan(const QString &text, int offset)
{
    char32_t c = text[offset].unicode();
    if (text[offset].isHighSurrogate() && offset + 1 < text.size())
        c = QChar::surrogateToUcs4(text[offset], text[offset + 1]);
    return QChar::script(c) == QChar::Script_Han;
}

/// Sets `mark` on the Han characters of [from, to) code points of a paragraph.
void markRange(QList<Mark> &marks, const QString &text, const QList<int> &offsets, int from, int to, Mark mark)
{
    from = std::clamp(from, 0, int(offsets.size()) - 1);
    to = std::clamp(to, from, int(offsets.size()) - 1);
    for (int cp = from; cp < to; ++cp)
        if (isHan(text, offsets[cp]))
            marks[offsets[cp]] = mark;
}

bool hasHan(const QString &text, const QList<int> &offsets, int from, int to)
{
    for (int cp = std::max(0, from); cp < std::min(to, int(offsets.size()) - 1); ++cp)
        if (isHan(text, offsets[cp]))
            return true;
    return false;
}

QTextCharFormat markFormat(Mark mark)
{
    QTextCharFormat format;
    switch (mark) {
    case Mark::None:
        break;
    case Mark::Shared:
        format.setBackground(QColor(0x1f, 0x7a, 0x8c, 46));
        break;
    case Mark::Reworded:
        format.setBackground(QColor(0xf0, 0xa2, 0x2e, 120));
        break;
    case Mark::Inserted:
        format.setBackground(QColor(0x3c, 0xb3, 0x71, 90));
        format.setFontUnderline(true);
        break;
    case Mark::Cut:
        format.setBackground(QColor(0xe0, 0x5a, 0x4f, 80));
        format.setFontStrikeOut(true);
        break;
    }
    return format;
}

QString swatch(Mark mark, const QString &label)
{
    const QColor c = markFormat(mark).background().color();
    return QStringLiteral("<span style=\"background-color: rgba(%1,%2,%3,%4)\">&nbsp;&nbsp;&nbsp;</span>&nbsp;%5")
        .arg(c.red())
        .arg(c.green())
        .arg(c.blue())
        .arg(c.alphaF())
        .arg(label.toHtmlEscaped());
}

/// A stretch of a side with `mark`, as the PDF draws it: the window's tint laid on white, insertions underlined,
/// cuts struck through.
SideBySidePdf::Run pdfRun(const QString &text, Mark mark)
{
    SideBySidePdf::Run run{text};
    const QTextCharFormat format = markFormat(mark);
    if (format.hasProperty(QTextFormat::BackgroundBrush)) {
        const QColor c = format.background().color();
        const double alpha = c.alphaF();
        run.background = QColor::fromRgbF(float(1 - alpha + alpha * c.redF()), float(1 - alpha + alpha * c.greenF()),
                                          float(1 - alpha + alpha * c.blueF()));
    }
    run.underline = format.fontUnderline();
    run.strikeOut = format.fontStrikeOut();
    return run;
}

QString sideTitle(const ComparisonView::Side &side)
{
    QStringList parts;
    if (!side.issue.publication.isEmpty())
        parts << side.issue.publication;
    if (side.issue.date.isValid())
        parts << issueDateText(side.issue);
    return parts.join(QLatin1Char(' '));
}

} // namespace

ComparisonView::ComparisonView(QWidget *parent)
    : QWidget(parent)
    , m_heading(new QLabel(this))
    , m_legend(new QLabel(this))
    , m_save(new QPushButton(this))
    , m_savePdf(new QPushButton(this))
    , m_left(new QTextBrowser(this))
    , m_right(new QTextBrowser(this))
{
    m_heading->setObjectName(QStringLiteral("comparisonHeading"));
    m_heading->setWordWrap(true);
    m_legend->setObjectName(QStringLiteral("comparisonLegend"));
    m_legend->setTextFormat(Qt::RichText);
    m_legend->setWordWrap(true);
    m_save->setObjectName(QStringLiteral("comparisonSaveHtml"));
    connect(m_save, &QPushButton::clicked, this, [this] { exportDialog(false); });
    m_savePdf->setObjectName(QStringLiteral("comparisonSavePdf"));
    retranslateButtons();
    connect(m_savePdf, &QPushButton::clicked, this, [this] { exportDialog(true); });
    m_left->setObjectName(QStringLiteral("comparisonLeft"));
    m_right->setObjectName(QStringLiteral("comparisonRight"));
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(m_left);
    splitter->addWidget(m_right);
    splitter->setChildrenCollapsible(false);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_heading);
    auto *legendRow = new QHBoxLayout;
    legendRow->addWidget(m_legend, 1);
    legendRow->addWidget(m_save);
    legendRow->addWidget(m_savePdf);
    layout->addLayout(legendRow);
    layout->addWidget(splitter, 1);
    for (QTextBrowser *side : {m_left, m_right}) {
        side->setOpenLinks(false);
        side->setLineWrapMode(QTextEdit::WidgetWidth);
    }
    connect(m_left->verticalScrollBar(), &QScrollBar::valueChanged, this, [this] { follow(true); });
    connect(m_right->verticalScrollBar(), &QScrollBar::valueChanged, this, [this] { follow(false); });
}

ComparisonView::~ComparisonView() = default;

void ComparisonView::setComparison(const Side &left, const Side &right, const ReusePair &pair)
{
    m_sides[0] = left;
    m_sides[1] = right;
    m_pair = pair;
    // The later copy is the one that inserted and cut; on the same day (or undated) the open article, on the left.
    m_leftIsLater = !(left.issue.date.isValid() && right.issue.date.isValid() && left.issue.date < right.issue.date);

    for (int s = 0; s < 2; ++s) {
        const bool later = (s == 0) == m_leftIsLater;
        m_marks[s].clear();
        for (const Block &block : std::as_const(m_sides[s].article.blocks)) {
            QList<Mark> marks(block.text.size(), Mark::None);
            const QList<int> offsets = codePointOffsets(block.text);
            markRange(marks, block.text, offsets, 0, int(offsets.size()) - 1, later ? Mark::Inserted : Mark::Cut);
            m_marks[s].insert(block.id, marks);
        }
    }
    auto text = [this](int s, qint64 blockId) {
        for (const Block &block : std::as_const(m_sides[s].article.blocks))
            if (block.id == blockId)
                return block.text;
        return QString();
    };
    for (const ReusePassage &p : std::as_const(m_pair.passages)) {
        if (!m_marks[0].contains(p.aBlock) || !m_marks[1].contains(p.bBlock))
            continue;
        const QString textA = text(0, p.aBlock), textB = text(1, p.bBlock);
        const QList<int> offsetsA = codePointOffsets(textA), offsetsB = codePointOffsets(textB);
        QList<Mark> &marksA = m_marks[0][p.aBlock];
        QList<Mark> &marksB = m_marks[1][p.bBlock];
        for (int k = 0; k < p.matched.size(); ++k) {
            const auto [a, b] = p.matched[k];
            markRange(marksA, textA, offsetsA, a, a + 1, Mark::Shared);
            markRange(marksB, textB, offsetsB, b, b + 1, Mark::Shared);
            if (k + 1 == p.matched.size())
                break;
            // Between two matched characters: changed on both sides is a rewording; on one side only an insertion
            // or a cut (already marked so).
            const auto [nextA, nextB] = p.matched[k + 1];
            if (hasHan(textA, offsetsA, a + 1, nextA) && hasHan(textB, offsetsB, b + 1, nextB)) {
                markRange(marksA, textA, offsetsA, a + 1, nextA, Mark::Reworded);
                markRange(marksB, textB, offsetsB, b + 1, nextB, Mark::Reworded);
            }
        }
    }
    rebuild();
}

void ComparisonView::typeset(QTextDocument &document, int side, const ArticleStyle &style) const
{
    const ArticleLabels labels{
        QCoreApplication::translate("dubao::ReaderView", "(untitled)"),
        QCoreApplication::translate("dubao::ReaderView", "Reporters: %1"), QString(),
        QCoreApplication::translate("dubao::ReaderView", "Page %1", "a newspaper's page (版次) as printed: 第%1版")};
    buildArticleDocument(document, m_sides[side].article, m_sides[side].issue, style, labels);
    document.setDocumentMargin(style.em());
    for (auto it = m_marks[side].cbegin(); it != m_marks[side].cend(); ++it) {
        const QTextBlock block = findArticleBlock(document, it.key());
        if (!block.isValid())
            continue;
        const QList<Mark> &marks = it.value();
        for (int start = 0; start < marks.size();) {
            int end = start + 1;
            while (end < marks.size() && marks[end] == marks[start])
                ++end;
            if (marks[start] != Mark::None) {
                QTextCursor cursor = blockSpanCursor(block, start, end);
                cursor.mergeCharFormat(markFormat(marks[start]));
            }
            start = end;
        }
    }
}

void ComparisonView::retranslateButtons()
{
    m_save->setText(tr("&Save as HTML…"));
    m_save->setToolTip(tr("Save both sides with their marks as a web page, to print or to archive"));
    m_savePdf->setText(tr("Save as &PDF…"));
    m_savePdf->setToolTip(tr("Save both sides with their marks as A4 pages in two columns, to print or to cite"));
}

void ComparisonView::rebuild()
{
    retranslateButtons();
    for (int s = 0; s < 2; ++s) {
        QTextBrowser *view = s == 0 ? m_left : m_right;
        const ArticleStyle style{12, view->logicalDpiY(), view->palette().color(QPalette::Text),
                                 view->palette().color(QPalette::Base)};
        typeset(*view->document(), s, style);
        // The view's cursor moved along with the text inserted before it: back to the top, where reading starts.
        view->setTextCursor(QTextCursor(view->document()));
        view->verticalScrollBar()->setValue(0);
    }
    const QString later = m_leftIsLater ? sideTitle(m_sides[0]) : sideTitle(m_sides[1]);
    const QString earlier = m_leftIsLater ? sideTitle(m_sides[1]) : sideTitle(m_sides[0]);
    m_heading->setText(tr("%1 characters shared: %2% of the left article (%3), %4% of the right (%5). Changes are "
                          "those of the later copy (%6) against the earlier (%7).")
                           .arg(m_pair.sharedChars)
                           .arg(qRound(m_pair.coverageA * 100))
                           .arg(sideTitle(m_sides[0]))
                           .arg(qRound(m_pair.coverageB * 100))
                           .arg(sideTitle(m_sides[1]), later, earlier));
    m_legend->setText(QStringList{swatch(Mark::Shared, tr("Shared")), swatch(Mark::Reworded, tr("Reworded")),
                                  swatch(Mark::Inserted, tr("Inserted by the later copy")),
                                  swatch(Mark::Cut, tr("Cut from the earlier copy"))}
                          .join(QStringLiteral("&nbsp;&nbsp;&nbsp;&nbsp;")));
}

QString ComparisonView::toHtml() const
{
    // Typeset again in black on white whatever the window's colours: a page to print or to archive.
    QString columns;
    for (int s = 0; s < 2; ++s) {
        QTextDocument document;
        typeset(document, s, ArticleStyle{12, 96, Qt::black, Qt::white});
        const QString html = document.toHtml();
        const qsizetype bodyTag = html.indexOf(QLatin1String("<body"));
        const qsizetype open = bodyTag < 0 ? -1 : html.indexOf(u'>', bodyTag);
        const qsizetype close = html.lastIndexOf(QLatin1String("</body>"));
        columns += QStringLiteral("<td style=\"vertical-align: top; width: 50%; padding: 0 1em;\">") +
                   (open >= 0 && close > open ? html.mid(open + 1, close - open - 1) : QString()) +
                   QStringLiteral("</td>");
    }
    const QString title = tr("Compare: %1 — %2").arg(m_sides[0].article.title, m_sides[1].article.title);
    return QStringLiteral(
               "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>%1</title></head>\n"
               "<body style=\"font-family: 'Noto Serif CJK SC', serif;\">\n<p>%2</p>\n<p>%3</p>\n"
               "<table style=\"width: 100%; border-collapse: collapse;\"><tr>%4</tr></table>\n</body></html>\n")
        .arg(title.toHtmlEscaped(), m_heading->text().toHtmlEscaped(), m_legend->text(), columns);
}

Result<void> ComparisonView::exportHtml(const QString &path) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error(file.errorString());
    const QByteArray html = toHtml().toUtf8();
    if (file.write(html) != html.size() || !file.commit()) {
        const QString error = file.errorString();
        file.cancelWriting();
        return Error(error);
    }
    return {};
}

Result<void> ComparisonView::exportPdf(const QString &path) const
{
    SideBySidePdf document;
    document.title = tr("Compare: %1 — %2").arg(m_sides[0].article.title, m_sides[1].article.title);
    document.header.append({{m_heading->text()}});
    SideBySidePdf::Paragraph legend;
    for (const auto &[mark, label] : {std::pair{Mark::Shared, tr("Shared")}, std::pair{Mark::Reworded, tr("Reworded")},
                                      std::pair{Mark::Inserted, tr("Inserted by the later copy")},
                                      std::pair{Mark::Cut, tr("Cut from the earlier copy")}}) {
        SideBySidePdf::Run swatch = pdfRun(QStringLiteral("\u3000\u3000"), mark);
        swatch.underline = swatch.strikeOut = false;
        legend << swatch << SideBySidePdf::Run{QStringLiteral(" %1    ").arg(label)};
    }
    document.header.append(legend);
    for (int s = 0; s < 2; ++s) {
        QList<SideBySidePdf::Paragraph> &column = document.columns[s];
        column.append({{sideTitle(m_sides[s]), {}, false, false, true}});
        column.append({{m_sides[s].article.title, {}, false, false, true}});
        for (const Block &block : std::as_const(m_sides[s].article.blocks)) {
            const QList<Mark> marks = m_marks[s].value(block.id, QList<Mark>(block.text.size(), Mark::None));
            SideBySidePdf::Paragraph paragraph;
            for (int start = 0; start < block.text.size();) {
                int end = start + 1;
                while (end < block.text.size() && marks.value(end) == marks.value(start))
                    ++end;
                paragraph.append(pdfRun(block.text.mid(start, end - start), marks.value(start)));
                start = end;
            }
            column.append(paragraph);
        }
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error(file.errorString());
    if (const Result<void> written = writeSideBySidePdf(document, file); !written) {
        file.cancelWriting();
        return written;
    }
    if (!file.commit())
        return Error(file.errorString());
    return {};
}

void ComparisonView::exportDialog(bool pdf)
{
    QString name = m_sides[0].article.title.left(30);
    name.replace(QRegularExpression(QStringLiteral("[\\\\/:*?\"<>|\\s]+")), QStringLiteral("_"));
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Save Comparison"),
        QDir(defaultExportFolder())
            .filePath(pdf ? tr("comparison-%1.pdf").arg(name) : tr("comparison-%1.html").arg(name)),
        pdf ? tr("PDF documents (*.pdf)") : tr("HTML pages (*.html *.htm)"));
    if (path.isEmpty())
        return;
    if (const Result<void> written = pdf ? exportPdf(path) : exportHtml(path); !written)
        QMessageBox::warning(this, tr("Save Comparison"),
                             tr("Could not write %1: %2").arg(path, written.error().message()));
}

void ComparisonView::collectAnchors()
{
    m_anchors.clear();
    QList<QPair<qreal, qreal>> starts;
    for (int i = 0; i < m_pair.passages.size(); ++i) {
        const qreal left = passageTop(true, i), right = passageTop(false, i);
        if (left >= 0 && right >= 0)
            starts.append({left, right});
    }
    std::sort(starts.begin(), starts.end());
    // Passages in another order on the right cannot all stay side by side: keep those in the same order.
    m_anchors.append({0, 0});
    for (const auto &anchor : std::as_const(starts))
        if (anchor.first > m_anchors.back().first && anchor.second > m_anchors.back().second)
            m_anchors.append(anchor);
    const qreal endLeft = m_left->document()->size().height(), endRight = m_right->document()->size().height();
    if (endLeft > m_anchors.back().first && endRight > m_anchors.back().second)
        m_anchors.append({endLeft, endRight});
}

void ComparisonView::follow(bool fromLeft)
{
    if (m_following)
        return;
    collectAnchors(); // the text may have reflowed since (a resize, the splitter)
    if (m_anchors.size() < 2)
        return;
    QScrollBar *from = (fromLeft ? m_left : m_right)->verticalScrollBar();
    QScrollBar *to = (fromLeft ? m_right : m_left)->verticalScrollBar();
    const qreal y = from->value();
    auto key = [fromLeft](const QPair<qreal, qreal> &a) {
        return fromLeft ? a.first : a.second;
    };
    auto value = [fromLeft](const QPair<qreal, qreal> &a) {
        return fromLeft ? a.second : a.first;
    };
    int k = 0;
    while (k + 2 < m_anchors.size() && key(m_anchors[k + 1]) <= y)
        ++k;
    const qreal x0 = key(m_anchors[k]), x1 = key(m_anchors[k + 1]);
    const qreal t = x1 > x0 ? std::clamp((y - x0) / (x1 - x0), 0.0, 1.0) : 0;
    m_following = true;
    to->setValue(qRound(value(m_anchors[k]) + t * (value(m_anchors[k + 1]) - value(m_anchors[k]))));
    m_following = false;
}

ComparisonView::Mark ComparisonView::markAt(bool left, qint64 blockId, int offset) const
{
    const QList<Mark> marks = m_marks[left ? 0 : 1].value(blockId);
    return offset >= 0 && offset < marks.size() ? marks[offset] : Mark::None;
}

int ComparisonView::documentPosition(bool left, qint64 blockId, int offset) const
{
    const QTextBlock block = findArticleBlock(*(left ? m_left : m_right)->document(), blockId);
    return block.isValid() ? block.position() + std::clamp(offset, 0, block.length() - 1) : -1;
}

qreal ComparisonView::passageTop(bool left, int index) const
{
    if (index < 0 || index >= m_pair.passages.size())
        return -1;
    const ReusePassage &p = m_pair.passages[index];
    const qint64 blockId = left ? p.aBlock : p.bBlock;
    const int start = left ? p.aStart : p.bStart;
    QTextDocument *document = (left ? m_left : m_right)->document();
    const QTextBlock block = findArticleBlock(*document, blockId);
    if (!block.isValid() || !block.layout() || block.layout()->lineCount() == 0)
        return -1;
    const QList<int> offsets = codePointOffsets(block.text());
    const int offset = offsets.value(std::clamp(start, 0, int(offsets.size()) - 1));
    const QTextLine line = block.layout()->lineForTextPosition(std::min(offset, block.length() - 1));
    return document->documentLayout()->blockBoundingRect(block).top() + (line.isValid() ? line.y() : 0);
}

void ComparisonView::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::LanguageChange)
        rebuild();
}

} // namespace dubao
