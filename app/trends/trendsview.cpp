// The Trends view (trendsview.h).
//
// Drawn with QPainter rather than Qt Charts: the chart is a few lines or bars, a grid and a legend, and one
// paint() draws it on the screen, into a PNG and through QSvgGenerator into an SVG, in the palette's colours
// (light or dark) and the app's font (Chinese labels measured, never clipped). Qt Charts would add a library
// to the package for this, draws with themes of its own rather than the window's palette, and is in
// maintenance mode upstream (Qt Graphs succeeds it, not packaged for Debian 12).
#include "app/trends/trendsview.h"

#include "app/search/querycompleter.h"
#include "app/trends/trendchart.h"
#include "core/jobs/jobrunner.h"
#include "core/store/library.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPainter>
#include <QPushButton>
#include <QSaveFile>
#include <QSvgGenerator>
#include <QToolBar>
#include <QVBoxLayout>

namespace dubao {

TrendsView::TrendsView(QWidget *parent)
    : QWidget(parent)
    , m_queries(new QLineEdit)
    , m_completer(nullptr)
    , m_period(new QComboBox)
    , m_measure(new QComboBox)
    , m_style(new QComboBox)
    , m_own(new QCheckBox(tr("&Own text beside all")))
    , m_draw(new QPushButton(tr("&Draw")))
    , m_export(new QPushButton(tr("E&xport")))
    , m_message(new QLabel)
    , m_chart(new TrendChart)
    , m_runner(new JobRunner(QStringLiteral("trends"), this))
{
    setObjectName(QStringLiteral("trendsView"));
    setFocusProxy(m_queries);
    m_queries->setObjectName(QStringLiteral("trendQueries"));
    m_queries->setPlaceholderText(tr("Queries, separated by ; (e.g. 乡村振兴; 高质量发展 from:2023-01-01)"));
    m_queries->setClearButtonEnabled(true);
    m_completer = new QueryCompleter(m_queries, QStringLiteral(";；"));
    m_period->setObjectName(QStringLiteral("trendPeriod"));
    m_period->addItem(tr("Per month"), int(TrendPeriod::Month));
    m_period->addItem(tr("Per quarter"), int(TrendPeriod::Quarter));
    m_period->addItem(tr("Per year"), int(TrendPeriod::Year));
    m_measure->setObjectName(QStringLiteral("trendMeasure"));
    m_measure->addItem(tr("Hits per issue"), int(TrendMeasure::PerIssue));
    m_measure->addItem(tr("Hits per 10,000 characters"), int(TrendMeasure::Per10k));
    m_style->setObjectName(QStringLiteral("trendStyle"));
    m_style->addItem(tr("Lines"), int(TrendChart::Style::Lines));
    m_style->addItem(tr("Bars"), int(TrendChart::Style::Bars));
    m_own->setObjectName(QStringLiteral("trendOwn"));
    m_own->setToolTip(tr("Draw each query a second time counting only the paper's own text (own:yes): the paragraphs "
                         "it shares with no other article. Needs the text-reuse index (Tools → Build Reuse Index)."));
    m_draw->setObjectName(QStringLiteral("trendDraw"));
    m_export->setObjectName(QStringLiteral("trendExport"));
    m_export->setEnabled(false);
    m_message->setObjectName(QStringLiteral("trendMessage"));
    m_message->setWordWrap(true);

    // The queries and Draw on one row, the options under them in a tool bar that folds what does not fit into its
    // » menu: the dock gives way to the reading pane on a small screen (MainWindow::balanceDocks).
    auto *controls = new QHBoxLayout;
    controls->addWidget(m_queries, 1);
    controls->addWidget(m_draw);
    auto *options = new QToolBar;
    options->setObjectName(QStringLiteral("trendOptions"));
    options->addWidget(m_period);
    options->addWidget(m_measure);
    options->addWidget(m_style);
    options->addWidget(m_own);
    options->addWidget(m_export);
    m_queries->setMinimumWidth(m_queries->fontMetrics().horizontalAdvance(QStringLiteral("乡村振兴; 高质量发展")));
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(controls);
    layout->addWidget(options);
    layout->addWidget(m_message);
    layout->addWidget(m_chart, 1);

    connect(m_queries, &QLineEdit::returnPressed, this, &TrendsView::draw);
    connect(m_draw, &QPushButton::clicked, this, &TrendsView::draw);
    connect(m_period, &QComboBox::activated, this, &TrendsView::draw);
    connect(m_measure, &QComboBox::activated, this, &TrendsView::draw);
    connect(m_own, &QCheckBox::toggled, this, &TrendsView::draw);
    connect(m_style, &QComboBox::activated, this,
            [this] { m_chart->setStyle(TrendChart::Style(m_style->currentData().toInt())); });
    connect(m_export, &QPushButton::clicked, this, &TrendsView::exportChart);
    connect(m_chart, &TrendChart::pointActivated, this, [this](int series, int bucket) {
        const Trend &trend = m_chart->trend();
        emit hitsRequested(trend.series[series].query, trend.buckets[bucket].start, trend.buckets[bucket].end);
    });
}

TrendsView::~TrendsView() = default;

void TrendsView::setLibraryPath(const QString &path)
{
    m_runner->cancelAndWait();
    m_path = path;
    m_chart->setTrend({});
    m_export->setEnabled(false);
    m_message->clear();
}

void TrendsView::setTagNames(const QStringList &paths)
{
    m_completer->setTagNames(paths);
}

void TrendsView::setAuthorNames(const QStringList &names)
{
    m_completer->setAuthorNames(names);
}

void TrendsView::setQueries(const QString &text)
{
    m_queries->setText(text);
}

void TrendsView::setPeriod(TrendPeriod period)
{
    m_period->setCurrentIndex(m_period->findData(int(period)));
}

void TrendsView::setMeasure(TrendMeasure measure)
{
    m_measure->setCurrentIndex(m_measure->findData(int(measure)));
}

void TrendsView::setOwnTextBeside(bool on)
{
    const QSignalBlocker blocker(m_own);
    m_own->setChecked(on);
}

bool TrendsView::isDrawing() const
{
    return m_runner->isRunning();
}

QString TrendsView::message() const
{
    return m_message->text();
}

void TrendsView::draw()
{
    QStringList queries;
    for (const QString &part : m_queries->text().split(u';'))
        if (!part.trimmed().isEmpty())
            queries.append(part.trimmed());
    if (queries.isEmpty() || m_path.isEmpty()) {
        m_message->setText(m_path.isEmpty() ? tr("No library is open.") : tr("Type one or more queries."));
        return;
    }
    if (m_own->isChecked())
        queries = TermTrends::withOwnText(queries);
    m_runner->cancelAndWait(); // the newest request wins
    m_message->setText(tr("Counting…"));
    const auto period = TrendPeriod(m_period->currentData().toInt());
    const auto measure = TrendMeasure(m_measure->currentData().toInt());
    m_runner->start(
        [path = m_path, queries, period, measure](JobContext &context) -> Result<Trend> {
            Library library; // this thread's own connection
            if (const Result<void> opened = library.open(path); !opened)
                return opened.error();
            return TermTrends(library).compute(queries, period, measure, context.cancelFlag());
        },
        [this](Result<Trend> trend) { onFinished(trend); });
}

void TrendsView::onFinished(const Result<Trend> &trend)
{
    if (!trend) {
        m_message->setText(trend.error().message());
        emit finished();
        return;
    }
    m_chart->setTrend(*trend);
    m_export->setEnabled(!trend->buckets.isEmpty());
    QStringList notes;
    for (const TrendSeries &series : trend->series) {
        qint64 total = series.undatedHits;
        for (qint64 h : series.hits)
            total += h;
        notes.append(tr("%1: %n hit(s)", nullptr, int(std::min<qint64>(total, INT_MAX))).arg(series.query));
        if (series.undatedHits > 0)
            notes.last() += u' ' + tr("(%n in undated issues, not drawn)", nullptr, int(series.undatedHits));
    }
    m_message->setText(notes.join(QStringLiteral(" · ")) + QStringLiteral(" · ") +
                       tr("Shaded periods have no issue in the library. Click a point to see its hits."));
    emit finished();
}

Result<void> TrendsView::exportTo(const QString &path, Format format, const QSize &size) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error(tr("%1: %2").arg(path, file.errorString()));
    const QRect rect(QPoint(0, 0), size);
    bool written = true;
    if (format == Format::Csv) {
        written = file.write(TermTrends::toCsv(m_chart->trend())) >= 0;
    } else if (format == Format::Png) {
        QImage image(size, QImage::Format_ARGB32_Premultiplied);
        QPainter painter(&image);
        m_chart->paint(painter, rect, m_chart->palette(), m_chart->font());
        painter.end();
        written = image.save(&file, "PNG");
    } else {
        QSvgGenerator svg;
        svg.setOutputDevice(&file);
        svg.setSize(size);
        svg.setViewBox(rect);
        svg.setTitle(tr("Trends"));
        QPainter painter(&svg);
        m_chart->paint(painter, rect, m_chart->palette(), m_chart->font());
        painter.end();
    }
    if (!written || !file.commit())
        return Error(tr("%1: %2").arg(path, file.errorString()));
    return {};
}

void TrendsView::exportChart()
{
    const QString png = tr("PNG images (*.png)");
    const QString svg = tr("SVG drawings (*.svg)");
    const QString csv = tr("CSV files (*.csv)");
    QString filter;
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Export Trend"), tr("trend.png"),
                                     png + QStringLiteral(";;") + svg + QStringLiteral(";;") + csv, &filter);
    if (path.isEmpty())
        return;
    const Format format = path.endsWith(QLatin1String(".svg"), Qt::CaseInsensitive)   ? Format::Svg
                          : path.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive) ? Format::Csv
                          : path.endsWith(QLatin1String(".png"), Qt::CaseInsensitive) ? Format::Png
                          : filter == svg                                             ? Format::Svg
                          : filter == csv                                             ? Format::Csv
                                                                                      : Format::Png;
    if (const Result<void> done = exportTo(path, format); !done)
        m_message->setText(done.error().message());
    else
        m_message->setText(tr("Exported to %1.").arg(path));
}

} // namespace dubao
