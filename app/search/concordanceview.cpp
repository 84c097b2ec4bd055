#include "app/search/concordanceview.h"

#include "app/export/exportdefaults.h"
#include "app/search/concordancemodel.h"
#include "core/jobs/searchjob.h"

#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSpinBox>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace dubao {

namespace {

/// The left context is cut at its left end (the words next to the term stay), everything else at the right.
class ElideDelegate final : public QStyledItemDelegate
{
public:
    ElideDelegate(Qt::TextElideMode mode, QObject *parent)
        : QStyledItemDelegate(parent)
        , m_mode(mode)
    {}

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        option->textElideMode = m_mode;
    }

private:
    Qt::TextElideMode m_mode;
};

} // namespace

ConcordanceView::ConcordanceView(QWidget *parent)
    : QWidget(parent)
    , m_term(new QLineEdit(this))
    , m_width(new QSpinBox(this))
    , m_export(new QPushButton(tr("Export CSV…"), this))
    , m_status(new QLabel(this))
    , m_table(new QTableView(this))
    , m_debounce(new QTimer(this))
    , m_model(new ConcordanceModel(this))
{
    setObjectName(QStringLiteral("concordanceView"));
    m_term->setObjectName(QStringLiteral("concordanceTerm"));
    m_term->setPlaceholderText(tr("Term (a word or phrase)"));
    m_term->setClearButtonEnabled(true);
    m_width->setObjectName(QStringLiteral("concordanceWidth"));
    m_width->setRange(2, 200);
    m_width->setValue(20);
    m_width->setSuffix(tr(" characters"));
    m_width->setToolTip(tr("Characters of context on each side"));
    m_export->setObjectName(QStringLiteral("concordanceExport"));
    m_status->setObjectName(QStringLiteral("concordanceStatus"));
    m_table->setObjectName(QStringLiteral("concordanceTable"));
    m_table->setModel(m_model);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(ConcordanceModel::DateColumn, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideRight);
    m_table->setItemDelegateForColumn(ConcordanceModel::LeftColumn, new ElideDelegate(Qt::ElideLeft, m_table));
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionsClickable(true);
    m_table->setColumnWidth(ConcordanceModel::DateColumn,
                            m_table->fontMetrics().horizontalAdvance(QStringLiteral("0000-00-00")) + 16);
    fitContextColumns();
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(300);

    auto *top = new QHBoxLayout;
    top->addWidget(m_term, 1);
    top->addWidget(m_width);
    top->addWidget(m_export);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->setSpacing(4);
    layout->addLayout(top);
    layout->addWidget(m_status);
    layout->addWidget(m_table, 1);

    connect(m_term, &QLineEdit::textChanged, this, [this] {
        if (m_runner && m_busy)
            m_runner->cancel();
        m_debounce->start();
    });
    connect(m_term, &QLineEdit::returnPressed, this, &ConcordanceView::refresh);
    connect(m_width, &QSpinBox::valueChanged, this, [this] {
        fitContextColumns();
        m_debounce->start();
    });
    connect(m_debounce, &QTimer::timeout, this, &ConcordanceView::refresh);
    connect(m_export, &QPushButton::clicked, this, &ConcordanceView::exportDialog);
    connect(m_table, &QTableView::activated, this, [this](const QModelIndex &index) {
        if (index.isValid())
            emit lineActivated(m_model->line(index.row()));
    });
    connect(m_table, &QTableView::clicked, this, [this](const QModelIndex &index) {
        if (index.isValid())
            emit lineActivated(m_model->line(index.row()));
    });
    updateActions();
}

ConcordanceView::~ConcordanceView() = default;

void ConcordanceView::setLibraryPath(const QString &path)
{
    if (path == m_libraryPath)
        return;
    m_runner.reset();
    m_libraryPath = path;
    m_id = 0;
    m_busy = false;
    m_model->clear();
    if (!path.isEmpty()) {
        m_runner = std::make_unique<SearchRunner>(path);
        connect(m_runner.get(), &SearchRunner::concordanceFinished, this, &ConcordanceView::onFinished);
    }
    refresh();
}

void ConcordanceView::closeConnection()
{
    if (m_runner)
        m_runner->closeConnection();
}

void ConcordanceView::setSearchEnabled(bool enabled, const QString &message)
{
    m_enabled = enabled;
    m_term->setEnabled(enabled);
    m_width->setEnabled(enabled);
    if (!enabled) {
        m_debounce->stop();
        if (m_runner)
            m_runner->cancel();
        m_id = 0;
        m_busy = false;
        m_model->clear();
        m_status->setText(message);
    } else {
        refresh();
    }
    updateActions();
}

QString ConcordanceView::term() const
{
    return m_term->text();
}

void ConcordanceView::setTerm(const QString &term)
{
    m_term->setText(term);
    refresh();
}

int ConcordanceView::contextWidth() const
{
    return m_width->value();
}

void ConcordanceView::setContextWidth(int width)
{
    m_width->setValue(width);
    refresh();
}

void ConcordanceView::focusTerm()
{
    m_term->setFocus(Qt::ShortcutFocusReason);
    m_term->selectAll();
}

QString ConcordanceView::statusText() const
{
    return m_status->text();
}

void ConcordanceView::refresh()
{
    m_debounce->stop();
    if (!m_enabled)
        return;
    const QString term = m_term->text().trimmed();
    if (!m_runner || term.isEmpty()) {
        if (m_runner)
            m_runner->cancel();
        m_id = 0;
        m_busy = false;
        m_model->clear();
        m_status->setText(m_runner ? tr("Type a word or phrase to see every occurrence in context.")
                                   : tr("No library is open."));
        updateActions();
        emit linesShown();
        return;
    }
    ConcordanceOptions options;
    options.width = m_width->value();
    options.limit = LineLimit;
    m_id = m_runner->concordance(term, options);
    m_busy = true;
    m_status->setText(tr("Searching…"));
    updateActions();
}

void ConcordanceView::onFinished(quint64 id, const ConcordanceResult &result)
{
    if (id != m_id || id == 0)
        return; // superseded
    m_id = 0;
    m_busy = false;
    if (result.cancelled) {
        updateActions();
        return;
    }
    if (!result.error.isEmpty()) {
        m_model->clear();
        m_status->setText(result.error);
    } else {
        m_model->setLines(result.lines);
        const QLocale locale;
        QString text = result.lines.isEmpty() ? tr("No occurrences")
                                              : tr("%1 occurrences in %2 paragraphs")
                                                    .arg(locale.toString(qlonglong(result.lines.size())),
                                                         locale.toString(result.paragraphs));
        if (result.truncated)
            text += QStringLiteral(" · ") + tr("only the first %1 (oldest) are listed").arg(locale.toString(LineLimit));
        m_status->setText(text);
    }
    updateActions();
    emit linesShown();
}

void ConcordanceView::fitContextColumns()
{
    // Wide enough for `width` Chinese characters and the "…" the cut adds, within reason.
    const QFontMetrics metrics = m_table->fontMetrics();
    const int em = metrics.horizontalAdvance(QChar(0x6C38));
    const int context = std::clamp((m_width->value() + 1) * em + 12, 6 * em, 40 * em);
    m_table->setColumnWidth(ConcordanceModel::LeftColumn, context);
    m_table->setColumnWidth(ConcordanceModel::RightColumn, context);
    m_table->setColumnWidth(ConcordanceModel::KeywordColumn, 6 * em);
}

void ConcordanceView::updateActions()
{
    m_export->setEnabled(m_enabled && !m_busy && m_model->rowCount() > 0);
}

Result<void> ConcordanceView::exportCsv(const QString &path) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error(file.errorString());
    const QByteArray csv = Concordance::toCsv(m_model->lines());
    if (file.write(csv) != csv.size() || !file.commit()) {
        const QString error = file.errorString();
        file.cancelWriting();
        return Error(error);
    }
    return {};
}

void ConcordanceView::exportDialog()
{
    if (m_model->rowCount() == 0)
        return;
    QString name = m_term->text().trimmed();
    name.replace(QRegularExpression(QStringLiteral("[\\\\/:*?\"<>|\\s]+")), QStringLiteral("_"));
    const QString suggested = QDir(defaultExportFolder()).filePath(tr("concordance-%1.csv").arg(name));
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Export Concordance"), suggested, tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    if (const Result<void> written = exportCsv(path); !written)
        QMessageBox::warning(this, tr("Export Concordance"),
                             tr("Could not write %1: %2").arg(path, written.error().message()));
}

} // namespace dubao
