// The lines of an issue's source text by number, shared by IssueRepository's writes and reads: a block's raw text
// is stored as '' when it is exactly its lines first_line..last_line joined with '\n' (nearly always), and read
// back from the source bytes the library keeps, instead of storing the same text twice.
#pragma once

#include <QList>
#include <QString>
#include <QStringView>

#include <optional>

namespace dubao {

class SourceLines final
{
public:
    explicit SourceLines(const QString &text)
        : m_text(text)
    {
        if (text.isEmpty())
            return;
        m_starts.append(0);
        const QChar *data = text.constData();
        for (qsizetype i = 0; i < text.size(); ++i) {
            if (data[i] == u'\n')
                m_starts.append(i + 1);
        }
    }

    bool isEmpty() const { return m_starts.isEmpty(); }

    /// Lines first..last (1-based) joined with '\n'; nullopt when out of range.
    std::optional<QStringView> lines(int first, int last) const
    {
        if (first < 1 || last < first || last > m_starts.size())
            return std::nullopt;
        const qsizetype begin = m_starts[first - 1];
        const qsizetype end = last < m_starts.size() ? m_starts[last] - 1 : m_text.size();
        return QStringView(m_text).mid(begin, end - begin);
    }

private:
    QString m_text;
    QList<qsizetype> m_starts;
};

} // namespace dubao
