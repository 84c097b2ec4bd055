#include "app/issues/importresultdialog.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace dubao {

ImportResultDialog::ImportResultDialog(const ImportReport &report, const QString &error, QWidget *parent)
    : QDialog(parent)
    , m_files(new QTreeWidget(this))
{
    setObjectName(QStringLiteral("importResultDialog"));
    setWindowTitle(tr("Import Results"));
    auto *heading =
        new QLabel(error.isEmpty() ? summary(report) : tr("The import could not start: %1").arg(error), this);
    heading->setWordWrap(true);

    m_files->setColumnCount(3);
    m_files->setHeaderLabels({tr("File"), tr("Result"), tr("Details")});
    m_files->setRootIsDecorated(false);
    m_files->setAlternatingRowColors(true);
    auto addRow = [this](const QString &path, const QString &result, const QString &details) {
        auto *item = new QTreeWidgetItem(m_files, {QFileInfo(path).fileName(), result, details});
        item->setToolTip(0, QDir::toNativeSeparators(path));
        item->setToolTip(2, details);
    };
    for (const auto &failure : report.failed)
        addRow(failure.path, tr("Failed"), failure.reason);
    for (const auto &imported : report.imported)
        addRow(imported.path, tr("Imported"), tr("Articles: %1").arg(imported.articleCount));
    for (const auto &present : report.alreadyPresent)
        addRow(present.path, tr("Already in the library"), QString());
    m_files->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_files->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    const bool listed = m_files->topLevelItemCount() > 0;
    m_files->setVisible(listed);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(heading);
    layout->addWidget(m_files, 1);
    layout->addWidget(buttons);
    // (isVisible() is false for every child until the dialog is shown.)
    resize(640, listed ? 420 : 120);
}

ImportResultDialog::~ImportResultDialog() = default;

QString ImportResultDialog::summary(const ImportReport &report)
{
    int articles = 0;
    for (const auto &imported : report.imported)
        articles += imported.articleCount;
    QString text = tr("Issues imported: %1 (articles: %2). Already in the library: %3. Failed: %4.")
                       .arg(report.imported.size())
                       .arg(articles)
                       .arg(report.alreadyPresent.size())
                       .arg(report.failed.size());
    if (report.cancelled)
        text += QLatin1Char(' ') + tr("The import was cancelled.");
    return text;
}

} // namespace dubao
