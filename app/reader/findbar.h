// Find in the current article (Ctrl+F): a small bar under the reader with a field, previous/next and
// "3 of 12". The typed text is parsed like a search query, so matching is the index's (folded, OCR spaces
// ignored); the reader draws the matches and steps through them (F3 / Shift+F3, Enter / Shift+Enter).
#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QToolButton;

namespace dubao {

class ReaderView;

class FindBar final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FindBar)

public:
    explicit FindBar(ReaderView *reader, QWidget *parent = nullptr);

    /// Shows the bar and focuses the field (the reader's selection, if short, becomes the text).
    void activate();
    /// Hides the bar and clears the reader's search matches.
    void close();
    QString text() const;
    void setText(const QString &text);
    /// "3 of 12", "No matches" or "" (empty field).
    QString countText() const;
    QLineEdit *field() const { return m_field; }

    /// Runs the typed text on the article the reader shows (after it changed).
    void reapply();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void updateCount();

    ReaderView *m_reader;
    QLineEdit *m_field;
    QToolButton *m_previous;
    QToolButton *m_next;
    QLabel *m_count;
    QToolButton *m_close;
    bool m_applying = false;
};

} // namespace dubao
