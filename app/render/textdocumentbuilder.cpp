#include "app/render/textdocumentbuilder.h"

#include "core/export/exporttext.h"

#include <QCoreApplication>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextList>

namespace dubao {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("dubao", text); // the context lupdate gives a free function in dubao
}

// XML 1.0 cannot carry C0 controls (ODT's content.xml); a text document has no use for them either.
QString clean(const QString &text)
{
    QString out = text;
    out.remove(u'\r');
    for (QChar &c : out) {
        if (c.unicode() < 0x20 && c != u'\n' && c != u'\t')
            c = u' ';
    }
    return out;
}

class Builder
{
public:
    Builder(QTextDocument &doc, const QString &family)
        : m_cursor(&doc)
        , m_family(family)
    {
        QFont font(family);
        font.setPointSizeF(11);
        doc.setDefaultFont(font);
        m_body.setLineHeight(150, QTextBlockFormat::ProportionalHeight);
        m_body.setBottomMargin(4);
    }

    void paragraph(const QString &text, qreal pointSize = 11, bool bold = false, const QColor &color = Qt::black,
                   qreal topMargin = 0, qreal leftMargin = 0, const QColor &background = QColor())
    {
        QTextBlockFormat block = m_body;
        block.setTopMargin(topMargin);
        block.setLeftMargin(leftMargin);
        if (background.isValid())
            block.setBackground(background);
        QTextCharFormat chars = base();
        chars.setFontPointSize(pointSize);
        chars.setFontWeight(bold ? QFont::Bold : QFont::Normal);
        chars.setForeground(color);
        newBlock(block, chars);
        m_cursor.insertText(clean(text), chars);
    }

    void link(const QString &href)
    {
        QTextCharFormat chars = base();
        chars.setFontPointSize(9);
        chars.setAnchor(true);
        chars.setAnchorHref(href);
        chars.setForeground(QColor(0x33, 0x66, 0xcc));
        chars.setFontUnderline(true);
        newBlock(m_body, chars);
        m_cursor.insertText(href, chars);
    }

    void list(const QStringList &items)
    {
        QTextListFormat format;
        format.setStyle(QTextListFormat::ListDisc);
        format.setIndent(1);
        QTextList *list = nullptr;
        for (const QString &item : items) {
            QTextCharFormat chars = base();
            chars.setFontPointSize(10.5);
            newBlock(m_body, chars);
            if (!list)
                list = m_cursor.createList(format);
            else
                list->add(m_cursor.block());
            m_cursor.insertText(clean(item).replace(u'\n', QChar::LineSeparator), chars);
        }
    }

private:
    // Every run names the family: the ODF writer writes a run's own family, not the document's default font.
    QTextCharFormat base() const
    {
        QTextCharFormat chars;
        chars.setFontFamilies({m_family});
        // Qt 6.4's ODF writer reads only the single-family property (else it writes "Sans").
        chars.setProperty(QTextFormat::FontFamily, m_family);
        return chars;
    }

    void newBlock(const QTextBlockFormat &block, const QTextCharFormat &chars)
    {
        if (m_first) {
            m_cursor.setBlockFormat(block);
            m_cursor.setBlockCharFormat(chars);
            m_first = false;
        } else {
            m_cursor.insertBlock(block, chars);
        }
    }

    QTextCursor m_cursor;
    QString m_family;
    QTextBlockFormat m_body;
    bool m_first = true;
};

} // namespace

QString defaultExportFontFamily()
{
    return QStringLiteral("Noto Serif CJK SC");
}

Result<std::unique_ptr<QTextDocument>> buildTextDocument(const ExportDocument &document, const ExportOptions &options,
                                                         const ExportProgress &progress)
{
    auto doc = std::make_unique<QTextDocument>();
    doc->setMetaInformation(QTextDocument::DocumentTitle, clean(document.title));
    doc->setUndoRedoEnabled(false);
    Builder b(*doc, options.fontFamily.isEmpty() ? defaultExportFontFamily() : options.fontFamily);
    const QColor grey(0x66, 0x66, 0x66);
    b.paragraph(document.title, 20, true);
    b.paragraph(exporttext::aboutLine(document), 9, false, grey);
    const Result<void> grouped = exporttext::forEachGrouped(
        document, options.grouping, progress,
        [&](const QString &heading) { b.paragraph(heading, 15, true, Qt::black, 18); },
        [&](const Excerpt &e) {
            if (e.isText()) {
                b.paragraph(e.text, 11, false, Qt::black, 8);
                return;
            }
            b.paragraph(exporttext::articleTitle(e), 13, true, Qt::black, 14);
            const QString meta = exporttext::sourceLine(e);
            if (!meta.isEmpty())
                b.paragraph(meta, 9, false, grey);
            b.paragraph(e.quote, 11, false, QColor(0x22, 0x22, 0x22), 4, 18, QColor(0xfa, 0xf7, 0xf2));
            if (!e.tags.isEmpty())
                b.paragraph(tr("Tags: %1").arg(e.tags.join(QStringLiteral(", "))), 9, false, grey);
            if (!e.notes.isEmpty()) {
                QStringList notes;
                for (const ExportNote &n : e.notes)
                    notes.append(n.text);
                b.list(notes);
            }
            if (!e.link().isEmpty())
                b.link(e.link());
            if (e.orphan)
                b.paragraph(exporttext::orphanNotice(), 9, false, QColor(0xaa, 0x66, 0x00));
        });
    if (!grouped)
        return grouped.error();
    return doc;
}

} // namespace dubao
