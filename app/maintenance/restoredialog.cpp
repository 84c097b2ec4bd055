#include "app/maintenance/restoredialog.h"

#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace dubao {

namespace {

QString reasonText(const QString &reason)
{
    if (reason == QLatin1String("daily"))
        return RestoreDialog::tr("daily");
    if (reason == QLatin1String("manual"))
        return RestoreDialog::tr("backed up by hand");
    if (reason == QLatin1String("sent"))
        return RestoreDialog::tr("to send (holds everything)");
    if (reason == QLatin1String("before-restore"))
        return RestoreDialog::tr("before a restore");
    if (reason.startsWith(QLatin1String("migration-v")))
        return RestoreDialog::tr("before upgrading to schema %1").arg(reason.mid(11));
    return reason;
}

} // namespace

RestoreDialog::RestoreDialog(const QList<BackupInfo> &backups, QWidget *parent)
    : QDialog(parent)
    , m_list(new QTreeWidget(this))
{
    setObjectName(QStringLiteral("restoreDialog"));
    setWindowTitle(tr("Restore from Backup"));
    auto *label = new QLabel(tr("The library is replaced by the backup you choose. What it holds now is kept as "
                                "another backup, so a restore can be undone by restoring that one."),
                             this);
    label->setWordWrap(true);
    m_list->setObjectName(QStringLiteral("backupList"));
    m_list->setRootIsDecorated(false);
    m_list->setHeaderLabels({tr("Made"), tr("Why"), tr("Size"), tr("File")});
    const QLocale locale;
    for (const BackupInfo &b : backups) {
        auto *item = new QTreeWidgetItem(m_list, {locale.toString(b.created.toLocalTime(), QLocale::ShortFormat),
                                                  reasonText(b.reason), locale.formattedDataSize(b.size),
                                                  QFileInfo(b.path).fileName()});
        item->setData(0, Qt::UserRole, b.path);
        item->setToolTip(3, b.path);
    }
    m_list->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    if (m_list->topLevelItemCount() > 0)
        m_list->setCurrentItem(m_list->topLevelItem(0));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    QPushButton *restore = buttons->addButton(tr("&Restore"), QDialogButtonBox::AcceptRole);
    // A backup from elsewhere: a self-contained file someone sent (Back Up to File…), or one on another disk.
    QPushButton *other = buttons->addButton(tr("&Other File…"), QDialogButtonBox::ActionRole);
    other->setObjectName(QStringLiteral("otherFileButton"));
    connect(other, &QPushButton::clicked, this, [this] {
        const QString file = QFileDialog::getOpenFileName(this, tr("Restore from Backup File"), QString(),
                                                          tr("Dubao backups (*.dubao-backup *.sqlite)"));
        if (!file.isEmpty())
            chooseOtherFile(file);
    });
    restore->setEnabled(m_list->topLevelItemCount() > 0);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_list, &QTreeWidget::itemDoubleClicked, this, &QDialog::accept);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(label);
    layout->addWidget(m_list);
    if (backups.isEmpty())
        layout->addWidget(new QLabel(tr("There are no backups of this library yet."), this));
    layout->addWidget(buttons);
    resize(640, 360);
}

void RestoreDialog::chooseOtherFile(const QString &file)
{
    m_otherFile = file;
    accept();
}

QString RestoreDialog::selectedPath() const
{
    if (!m_otherFile.isEmpty())
        return m_otherFile;
    const QTreeWidgetItem *item = m_list->currentItem();
    return item ? item->data(0, Qt::UserRole).toString() : QString();
}

} // namespace dubao
