// File → Restore from Backup…: the backups of the open library, newest first, with their dates, reasons and
// sizes (Other File…: a backup from elsewhere, such as one made with Back Up to File…); the chosen one replaces the
// library (MainWindow closes and reopens it around the restore).
#pragma once

#include "core/store/backup.h"

#include <QDialog>

class QTreeWidget;

namespace dubao {

class RestoreDialog final : public QDialog
{
    Q_OBJECT

public:
    RestoreDialog(const QList<BackupInfo> &backups, QWidget *parent = nullptr);
    QString selectedPath() const; ///< empty when none is selected
    QTreeWidget *list() const { return m_list; }
    /// Other File…'s choice, as if picked from the list (what the button's file dialog does).
    void chooseOtherFile(const QString &file);

private:
    QTreeWidget *m_list;
    QString m_otherFile;
};

} // namespace dubao
