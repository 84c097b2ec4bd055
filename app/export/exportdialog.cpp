#include "app/export/exportdialog.h"

#include "app/export/exportdefaults.h"
#include "app/export/exportpreview.h"
#include "app/render/exportwriters.h"
#include "core/export/exportformat.h"
#include "core/jobs/exportjob.h"
#include "core/search/searchservice.h"
#include "core/store/issuerepository.h"
#include "core/store/library.h"
#include "core/store/notebookrepository.h"
#include "core/store/tagrepository.h"

#include <QAbstractButton>
#include <QBuffer>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSet>
#include <QStackedWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace dubao {

namespace {

constexpr int kPreviewEntries = 5;

/// The narrowest PDF preview page, in device-independent pixels (A4 at about 45 dpi: the layout, not the text).
constexpr int kPreviewPageWidth = 300;

/// The registered format called `name` (or an alias); an empty description if there is none.
ExportFormat formatNamed(const QString &name)
{
    return findExportFormat(name).value_or(ExportFormat{});
}

} // namespace

ExportDialog::ExportDialog(Library &library, QWidget *parent)
    : QDialog(parent)
    , m_library(library)
{
    build();
    loadLists();
    updateEnabled();
    schedulePreview();
}

ExportDialog::ExportDialog(Library &library, const AnnotationFilter &filter, QWidget *parent)
    : ExportDialog(library, parent)
{
    setFilter(filter);
}

ExportDialog::~ExportDialog()
{
    m_job.reset(); // cancels a running export and waits for it; its finished() does not come
}

void ExportDialog::build()
{
    setWindowTitle(tr("Export"));
    setObjectName(QStringLiteral("exportDialog"));
    auto *layout = new QVBoxLayout(this);
    auto *columns = new QHBoxLayout;
    layout->addLayout(columns, 1);

    // What
    auto *what = new QGroupBox(tr("What to export"));
    auto *whatLayout = new QVBoxLayout(what);
    m_excerpts = new QRadioButton(tr("&Excerpts"));
    m_excerpts->setChecked(true);
    m_notebookChoice = new QRadioButton(tr("A &notebook:"));
    m_notebook = new QComboBox;
    m_notebook->setObjectName(QStringLiteral("notebook"));
    auto *notebookRow = new QHBoxLayout;
    notebookRow->addWidget(m_notebookChoice);
    notebookRow->addWidget(m_notebook, 1);
    whatLayout->addWidget(m_excerpts);
    auto *form = new QFormLayout;
    m_tags = new QListWidget;
    m_tags->setObjectName(QStringLiteral("tags"));
    m_tags->setMinimumHeight(120);
    form->addRow(tr("&Tags:"), m_tags);
    m_tagMatch = new QComboBox;
    m_tagMatch->setObjectName(QStringLiteral("tagMatch"));
    m_tagMatch->addItem(tr("Any of the checked tags"));
    m_tagMatch->addItem(tr("All of the checked tags"));
    m_childTags = new QCheckBox(tr("Include child tags"));
    m_childTags->setObjectName(QStringLiteral("childTags"));
    m_childTags->setChecked(true);
    auto *matchRow = new QHBoxLayout;
    matchRow->addWidget(m_tagMatch);
    matchRow->addWidget(m_childTags);
    form->addRow(QString(), matchRow);
    m_fromOn = new QCheckBox(tr("From"));
    m_from = new QDateEdit; // the library's range, set by loadLists()
    m_from->setCalendarPopup(true);
    m_from->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    m_toOn = new QCheckBox(tr("to"));
    m_to = new QDateEdit;
    m_to->setCalendarPopup(true);
    m_to->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    // A widget, not a layout, so the row's label has a buddy and its mnemonic works (a label without one shows
    // its '&').
    auto *datesRow = new QWidget;
    auto *dates = new QHBoxLayout(datesRow);
    dates->setContentsMargins(0, 0, 0, 0);
    dates->addWidget(m_fromOn);
    dates->addWidget(m_from);
    dates->addWidget(m_toOn);
    dates->addWidget(m_to);
    form->addRow(tr("Issue &dates:"), datesRow);
    datesRow->setFocusProxy(m_fromOn);
    m_publication = new QComboBox;
    m_publication->setObjectName(QStringLiteral("publication"));
    form->addRow(tr("&Publication:"), m_publication);
    m_author = new QComboBox;
    m_author->setObjectName(QStringLiteral("author"));
    m_author->setToolTip(tr("Only what this person highlighted, noted or tagged"));
    form->addRow(tr("A&uthor:"), m_author);
    m_query = new QLineEdit;
    m_query->setObjectName(QStringLiteral("query"));
    m_query->setPlaceholderText(tr("Only excerpts in paragraphs this search finds"));
    m_query->setClearButtonEnabled(true);
    form->addRow(tr("&Search:"), m_query);
    whatLayout->addLayout(form);
    whatLayout->addLayout(notebookRow);
    columns->addWidget(what, 1);

    // How, and the preview
    auto *right = new QVBoxLayout;
    auto *how = new QGroupBox(tr("Format"));
    auto *howForm = new QFormLayout(how);
    m_format = new QComboBox;
    m_format->setObjectName(QStringLiteral("format"));
    for (const ExportFormat &f : exportFormats())
        m_format->addItem(f.displayLabel(), f.name);
    howForm->addRow(tr("&Format:"), m_format);
    m_grouping = new QComboBox;
    m_grouping->setObjectName(QStringLiteral("grouping"));
    m_grouping->addItem(tr("Not grouped"), int(ExportOptions::Grouping::None));
    m_grouping->addItem(tr("By tag"), int(ExportOptions::Grouping::Tag));
    m_grouping->addItem(tr("By issue date"), int(ExportOptions::Grouping::Date));
    howForm->addRow(tr("&Group:"), m_grouping);
    m_asNotes = new QCheckBox(tr("Attach each excerpt as a note"));
    m_asNotes->setObjectName(QStringLiteral("excerptsAsNotes"));
    howForm->addRow(QString(), m_asNotes);
    m_withLinks = new QCheckBox(tr("Give each citation its dubao:// link"));
    m_withLinks->setObjectName(QStringLiteral("withLinks"));
    m_withLinks->setToolTip(tr("A private link that opens the article in Dubao; off, the citation has no URL."));
    howForm->addRow(QString(), m_withLinks);
    right->addWidget(how);
    auto *previewBox = new QGroupBox(tr("Preview of the first entries"));
    auto *previewLayout = new QVBoxLayout(previewBox);
    m_preview = new QPlainTextEdit;
    m_preview->setObjectName(QStringLiteral("preview"));
    m_preview->setReadOnly(true);
    m_preview->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_preview->setMinimumSize(380, 220);
    m_previewStatus = new QLabel;
    m_previewStatus->setObjectName(QStringLiteral("previewStatus"));
    m_previewStatus->setWordWrap(true);
    m_previewPage = new QLabel;
    m_previewPage->setObjectName(QStringLiteral("previewPage"));
    m_previewPage->setAlignment(Qt::AlignHCenter | Qt::AlignTop);
    auto *pageScroll = new QScrollArea;
    pageScroll->setWidget(m_previewPage);
    pageScroll->setWidgetResizable(true);
    pageScroll->setBackgroundRole(QPalette::Dark);
    pageScroll->setMinimumSize(380, 220);
    pageScroll->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOn); // the page's width does not depend on its height
    m_previewPages = new QStackedWidget;
    m_previewPages->addWidget(m_preview);
    m_previewPages->addWidget(pageScroll);
    previewLayout->addWidget(m_previewPages, 1);
    previewLayout->addWidget(m_previewStatus);
    right->addWidget(previewBox, 1);
    columns->addLayout(right, 1);

    // Where
    auto *fileRow = new QHBoxLayout;
    m_path = new QLineEdit;
    m_path->setObjectName(QStringLiteral("outputPath"));
    m_browse = new QPushButton(tr("&Browse…"));
    auto *saveAs = new QLabel(tr("Save &as:"));
    saveAs->setBuddy(m_path);
    fileRow->addWidget(saveAs);
    fileRow->addWidget(m_path, 1);
    fileRow->addWidget(m_browse);
    layout->addLayout(fileRow);
    m_progress = new QProgressBar;
    m_progress->setObjectName(QStringLiteral("progress"));
    m_progress->setVisible(false);
    layout->addWidget(m_progress);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Cancel);
    m_exportButton = m_buttons->addButton(tr("&Export"), QDialogButtonBox::AcceptRole);
    m_exportButton->setObjectName(QStringLiteral("exportButton"));
    m_exportButton->setDefault(true);
    layout->addWidget(m_buttons);

    m_previewTimer = new QTimer(this);
    m_previewTimer->setSingleShot(true);
    m_previewTimer->setInterval(250);
    connect(m_previewTimer, &QTimer::timeout, this, &ExportDialog::updatePreview);

    auto changed = [this] {
        updateEnabled();
        schedulePreview();
    };
    for (QAbstractButton *button :
         std::initializer_list<QAbstractButton *>{m_excerpts, m_childTags, m_fromOn, m_toOn, m_asNotes, m_withLinks})
        connect(button, &QAbstractButton::toggled, this, changed);
    for (QComboBox *box : {m_notebook, m_tagMatch, m_publication, m_author, m_grouping})
        connect(box, &QComboBox::currentIndexChanged, this, changed);
    for (QDateEdit *date : {m_from, m_to})
        connect(date, &QDateEdit::dateChanged, this, changed);
    connect(m_tags, &QListWidget::itemChanged, this, changed);
    connect(m_query, &QLineEdit::textChanged, this, changed);
    connect(m_format, &QComboBox::currentIndexChanged, this, [this, changed] {
        // Keep the chosen name, with the new format's suffix.
        const QString path = m_path->text();
        if (!path.isEmpty()) {
            const QFileInfo info(path);
            m_path->setText(info.dir().filePath(info.completeBaseName() + u'.' + formatNamed(format()).suffix));
        }
        changed();
    });
    connect(m_browse, &QPushButton::clicked, this, &ExportDialog::browse);
    connect(m_exportButton, &QPushButton::clicked, this, &ExportDialog::startExport);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ExportDialog::reject);
}

void ExportDialog::loadLists()
{
    for (const Tag &t : TagRepository(m_library).list()) {
        auto *item = new QListWidgetItem(t.path, m_tags);
        item->setData(Qt::UserRole, t.id);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Unchecked);
        item->setForeground(QColor(t.color));
    }
    m_notebook->clear();
    for (const Notebook &n : NotebookRepository(m_library).list())
        m_notebook->addItem(n.name, n.id);
    m_notebookChoice->setEnabled(m_notebook->count() > 0);
    m_publication->addItem(tr("Any publication"), QString());
    QStringList publications;
    QSet<QString> seen;
    for (const IssueSummary &s : IssueRepository(m_library).issueDates()) {
        if (!s.info.publication.isEmpty() && !seen.contains(s.info.publication)) {
            seen.insert(s.info.publication);
            publications.append(s.info.publication);
        }
    }
    publications.sort();
    for (const QString &p : std::as_const(publications))
        m_publication->addItem(p, p);
    m_author->addItem(tr("All authors"), QString());
    for (const QString &name : SearchService(m_library).authors().valueOr(QStringList()))
        m_author->addItem(name, name);
    // The whole library by default: a first export of old issues must not come out empty.
    const IssueDateRange range = libraryDateRange(m_library);
    m_from->setDate(range.isValid() ? range.first : QDate(QDate::currentDate().year(), 1, 1));
    m_to->setDate(range.isValid() ? range.last : QDate::currentDate());
    m_path->setText(
        QDir(defaultExportFolder()).filePath(safeExportFileName(tr("Dubao excerpts"), formatNamed(format()).suffix)));
}

void ExportDialog::setFilter(const AnnotationFilter &filter)
{
    m_preset = ExportSelection::fromFilter(filter);
    m_excerpts->setChecked(true);
    const QSet<qint64> tags(filter.tagIds.begin(), filter.tagIds.end());
    for (int i = 0; i < m_tags->count(); ++i) {
        QListWidgetItem *item = m_tags->item(i);
        item->setCheckState(tags.contains(item->data(Qt::UserRole).toLongLong()) ? Qt::Checked : Qt::Unchecked);
    }
    m_tagMatch->setCurrentIndex(0); // the panel's filter is "any of"
    m_childTags->setChecked(filter.includeChildTags);
    m_fromOn->setChecked(filter.from.isValid());
    if (filter.from.isValid())
        m_from->setDate(filter.from);
    m_toOn->setChecked(filter.to.isValid());
    if (filter.to.isValid())
        m_to->setDate(filter.to);
    m_author->setCurrentIndex(std::max(0, m_author->findData(filter.author)));
    updateEnabled();
    schedulePreview();
}

void ExportDialog::setNotebook(qint64 notebookId)
{
    const int index = m_notebook->findData(notebookId);
    if (index < 0)
        return;
    m_notebook->setCurrentIndex(index);
    m_notebookChoice->setChecked(true);
    const QFileInfo info(m_path->text());
    m_path->setText(info.dir().filePath(safeExportFileName(m_notebook->currentText(), formatNamed(format()).suffix)));
    updateEnabled();
    schedulePreview();
}

void ExportDialog::setFormat(const QString &name)
{
    m_format->setCurrentIndex(m_format->findData(formatNamed(name).name));
}

void ExportDialog::setOutputPath(const QString &path)
{
    m_path->setText(path);
}

ExportSelection ExportDialog::selection() const
{
    if (m_notebookChoice->isChecked() && m_notebook->currentIndex() >= 0)
        return ExportSelection::forNotebook(m_notebook->currentData().toLongLong());
    ExportSelection s;
    s.articleIds = m_preset.articleIds;
    s.issueId = m_preset.issueId;
    s.text = m_preset.text;
    s.includeOrphans = m_preset.includeOrphans;
    for (int i = 0; i < m_tags->count(); ++i) {
        if (m_tags->item(i)->checkState() == Qt::Checked)
            s.tagIds.append(m_tags->item(i)->data(Qt::UserRole).toLongLong());
    }
    s.allTags = m_tagMatch->currentIndex() == 1;
    s.includeChildTags = m_childTags->isChecked();
    if (m_fromOn->isChecked())
        s.from = m_from->date();
    if (m_toOn->isChecked())
        s.to = m_to->date();
    s.publication = m_publication->currentData().toString();
    s.query = m_query->text().trimmed();
    if (const QString author = m_author->currentData().toString(); !author.isEmpty())
        s.authors = {author};
    return s;
}

QString ExportDialog::format() const
{
    return m_format->currentData().toString();
}

ExportOptions ExportDialog::options() const
{
    ExportOptions o;
    o.grouping = ExportOptions::Grouping(m_grouping->currentData().toInt());
    o.excerptsAsNotes = m_asNotes->isChecked();
    o.withLinks = m_withLinks->isChecked();
    return o;
}

QString ExportDialog::outputPath() const
{
    return m_path->text().trimmed();
}

QString ExportDialog::previewText() const
{
    return m_preview->toPlainText();
}

bool ExportDialog::isExporting() const
{
    return m_job && m_job->isRunning();
}

void ExportDialog::updateEnabled()
{
    const bool excerpts = m_excerpts->isChecked();
    m_notebook->setEnabled(!excerpts);
    for (QWidget *w : std::initializer_list<QWidget *>{m_tags, m_tagMatch, m_childTags, m_fromOn, m_toOn, m_publication,
                                                       m_author, m_query})
        w->setEnabled(excerpts);
    m_from->setEnabled(excerpts && m_fromOn->isChecked());
    m_to->setEnabled(excerpts && m_toOn->isChecked());
    const ExportFormat f = formatNamed(format());
    m_grouping->setEnabled(f.grouping && excerpts);
    m_asNotes->setEnabled(f.listsArticles());
    m_withLinks->setEnabled(f.optionalLinks);
}

void ExportDialog::schedulePreview()
{
    m_previewTimer->start();
}

void ExportDialog::updatePreview()
{
    m_previewTimer->stop();
    // The preview runs the same collection as the export, on the UI thread's connection, cut to a few entries.
    const Result<ExportDocument> collected = ExcerptCollector(m_library).collect(selection(), kPreviewEntries);
    if (!collected) {
        m_preview->clear();
        m_previewStatus->setText(collected.error().message());
        return;
    }
    const ExportDocument &document = *collected;
    const ExportFormat f = formatNamed(format());
    m_previewImage = {};
    QString text;
    QString status;
    if (f.name == QLatin1String("pdf")) {
        // The first page itself, drawn by the PDF writer's layout; the outline as the text behind it.
        // As wide as the preview (no sideways scrolling), at least kPreviewPageWidth at the start.
        // (The stack's own width: a page the stack does not show keeps a stale geometry.)
        const auto *scroll = static_cast<const QScrollArea *>(m_previewPages->widget(1));
        const int width = std::max(kPreviewPageWidth, m_previewPages->width() - 2 * scroll->frameWidth() -
                                                          scroll->verticalScrollBar()->sizeHint().width() - 4);
        const qreal ratio = devicePixelRatioF();
        m_previewImage = pdfExportFirstPage(document, options(), int(width * ratio));
        m_previewImage.setDevicePixelRatio(ratio);
        text = ExportPreview::outline(document, options());
        status = tr("Page 1 of the PDF (A4) as it will be written, with the first entries.");
    } else if (f.binary) {
        const auto writer = createExportWriter(f.name);
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        if (f.name == QLatin1String("qdpx") && writer && writer->write(document, options(), buffer)) {
            text = ExportPreview::projectSummary(buffer.data());
            status = tr("What a QDA program will find in the project, for the first entries.");
        } else {
            text = ExportPreview::outline(document, options());
            status = tr("The outline of the %1 document, for the first entries: its headings (the navigator) and "
                        "what each holds.")
                         .arg(f.name.toUpper());
        }
    } else {
        const auto writer = createExportWriter(f.name);
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        if (writer)
            (void)writer->write(document, options(), buffer);
        text = QString::fromUtf8(buffer.data());
        if (text.startsWith(QChar(0xFEFF)))
            text.remove(0, 1);
        status = tr("The first %n entries.", nullptr, int(document.excerpts.size()));
    }
    m_preview->setPlainText(text);
    m_previewPage->setPixmap(QPixmap::fromImage(m_previewImage));
    m_previewPages->setCurrentIndex(m_previewImage.isNull() ? 0 : 1);
    m_previewStatus->setText(document.excerpts.isEmpty() ? tr("Nothing matches this selection.") : status);
}

void ExportDialog::browse()
{
    const ExportFormat f = formatNamed(format());
    const QString filter = tr("%1 files (*.%2)").arg(f.name.toUpper(), f.suffix);
    const QString path = QFileDialog::getSaveFileName(this, tr("Export To"), m_path->text(), filter);
    if (!path.isEmpty())
        m_path->setText(path);
}

bool ExportDialog::startExport()
{
    if (isExporting())
        return false;
    const QString path = outputPath();
    if (path.isEmpty()) {
        m_previewStatus->setText(tr("Choose a file to export to."));
        return false;
    }
    if (const Result<void> folder = prepareExportFolder(path); !folder) {
        onFinished(false, folder.error().message(), 0);
        return false;
    }
    ExportRequest request;
    request.libraryPath = m_library.path();
    request.selection = selection();
    request.format = format();
    request.options = options();
    request.outputPath = path;
    m_job = std::make_unique<ExportJob>(request);
    connect(m_job.get(), &ExportJob::progress, this, [this](qsizetype done, qsizetype total) {
        m_progress->setMaximum(int(std::max<qsizetype>(total, 1)));
        m_progress->setValue(int(done));
    });
    connect(m_job.get(), &ExportJob::finished, this, &ExportDialog::onFinished);
    m_closeWhenCancelled = false;
    m_progress->setValue(0);
    m_progress->setMaximum(0); // busy until the first report
    m_progress->setVisible(true);
    m_exportButton->setEnabled(false);
    m_job->start();
    return true;
}

void ExportDialog::onFinished(bool ok, const QString &error, qsizetype count)
{
    m_progress->setVisible(false);
    m_exportButton->setEnabled(true);
    const QString message =
        ok ? tr("Exported %n entries to %1.", nullptr, int(count)).arg(QDir::toNativeSeparators(outputPath())) : error;
    m_previewStatus->setText(message);
    emit exportFinished(ok, message);
    if (m_closeWhenCancelled) {
        m_closeWhenCancelled = false;
        QDialog::reject();
    } else if (ok && isVisible()) {
        accept();
    } else if (!ok && isVisible()) {
        QMessageBox::warning(this, tr("Export Failed"), error);
    }
}

void ExportDialog::reject()
{
    if (isExporting()) {
        // finished() follows with "cancelled" and closes the dialog; an old file stays as it was.
        m_closeWhenCancelled = true;
        m_job->cancel();
        return;
    }
    QDialog::reject();
}

} // namespace dubao
