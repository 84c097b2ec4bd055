// The outcome of an import: how many files were imported, already present or failed, and why each failed.
#pragma once

#include "core/ingest/importer.h"

#include <QDialog>

class QTreeWidget;

namespace dubao {

class ImportResultDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImportResultDialog)

public:
    ImportResultDialog(const ImportReport &report, const QString &error, QWidget *parent = nullptr);
    ~ImportResultDialog() override;

    /// One line for the status bar or the dialog's heading.
    static QString summary(const ImportReport &report);

    QTreeWidget *fileList() const { return m_files; }

private:
    QTreeWidget *m_files;
};

} // namespace dubao
