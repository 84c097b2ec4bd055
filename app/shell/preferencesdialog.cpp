#include "app/shell/preferencesdialog.h"

#include "app/shell/appsettings.h"
#include "core/ingest/corrector.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

namespace dubao {

PreferencesDialog::PreferencesDialog(QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("preferencesDialog"));
    setWindowTitle(tr("Preferences"));
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    m_author = new QLineEdit(AppSettings::correctionAuthorSetting());
    m_author->setObjectName(QStringLiteral("correctionAuthor"));
    m_author->setPlaceholderText(Corrector::defaultAuthor());
    m_author->setClearButtonEnabled(true);
    m_author->setMinimumWidth(280);
    form->addRow(tr("&Your name:"), m_author);
    auto *hint = new QLabel(tr("Recorded with each correction of the OCR, highlight, note, tag and notebook you make "
                               "in a personal library. Left empty, your name as the system knows it (%1) is "
                               "recorded. A team library records your server login instead.")
                                .arg(Corrector::defaultAuthor()));
    hint->setWordWrap(true);
    hint->setEnabled(false);
    form->addRow(QString(), hint);
    layout->addLayout(form);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

void PreferencesDialog::accept()
{
    AppSettings::setCorrectionAuthor(m_author->text());
    QDialog::accept();
}

} // namespace dubao
