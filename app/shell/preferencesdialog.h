// Edit → Preferences… (Ctrl+,): the settings that are the user's rather than a view's, remembered in QSettings
// (AppSettings). Today: the author name the reader's corrections of the OCR record.
#pragma once

#include <QDialog>

class QLineEdit;

namespace dubao {

class PreferencesDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PreferencesDialog)

public:
    explicit PreferencesDialog(QWidget *parent = nullptr);

    /// Saves what the dialog shows, then closes it.
    void accept() override;

private:
    QLineEdit *m_author;
};

} // namespace dubao
