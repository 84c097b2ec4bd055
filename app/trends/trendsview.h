// The Trends view: one or more queries (the search language, filters included; separated by ';'), drawn per
// month, quarter or year as hits per issue or per 10,000 characters, as lines or bars; "Own text beside all" draws
// each query a second time in the paper's own text (own:yes, docs/reuse.md). The counting runs on a
// worker thread with its own connection; a click on a point asks for those hits (pointActivated); the chart
// exports as PNG and SVG, its numbers as CSV.
#pragma once

#include "core/analysis/termtrends.h"

#include <QDate>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace dubao {

class JobRunner;
class QueryCompleter;
class TrendChart;

class TrendsView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TrendsView)

public:
    enum class Format
    {
        Png,
        Svg,
        Csv,
    };

    explicit TrendsView(QWidget *parent = nullptr);
    ~TrendsView() override;

    void setLibraryPath(const QString &path);
    /// Queries as typed in the field: ';'-separated.
    void setQueries(const QString &text);
    /// The library's tag paths, which `tag:` completes in the queries.
    void setTagNames(const QStringList &paths);
    /// The people who annotated the library, which `author:` completes in the queries.
    void setAuthorNames(const QStringList &names);
    QueryCompleter *completer() const { return m_completer; }
    void setPeriod(TrendPeriod period);
    void setMeasure(TrendMeasure measure);
    /// Draws each query a second time in own text (TermTrends::withOwnText()).
    void setOwnTextBeside(bool on);
    /// Counts on the worker thread; finished() when the chart shows the result (or the error).
    void draw();
    bool isDrawing() const;
    TrendChart *chart() const { return m_chart; }
    QString message() const;

    /// Writes the chart (PNG, SVG; `size` in pixels) or its numbers (CSV) to `path`; the error when it cannot.
    Result<void> exportTo(const QString &path, Format format, const QSize &size = QSize(1200, 600)) const;

signals:
    void finished();
    /// The hits of `query` from `from` to `to` were asked for (a click on a point).
    void hitsRequested(const QString &query, const QDate &from, const QDate &to);

private:
    void onFinished(const Result<Trend> &trend);
    void exportChart();

    QString m_path;
    QLineEdit *m_queries;
    QueryCompleter *m_completer;
    QComboBox *m_period;
    QComboBox *m_measure;
    QComboBox *m_style;
    QCheckBox *m_own;
    QPushButton *m_draw;
    QPushButton *m_export;
    QLabel *m_message;
    TrendChart *m_chart;
    JobRunner *m_runner;
};

} // namespace dubao
