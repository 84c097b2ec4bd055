#include "app/annotations/noteconflictdialog.h"

#include <QDialogButtonBox>
#include <QGridLayout>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>

namespace dubao {

QString NoteConflictDialog::byline(const QString &author, const QDateTime &when)
{
    const QString who = author.isEmpty() ? tr("unknown") : author;
    if (!when.isValid())
        return who;
    return QStringLiteral("%1 · %2").arg(who, when.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")));
}

NoteConflictDialog::NoteConflictDialog(const QString &mine, const Note &theirs, QWidget *parent)
    : QDialog(parent)
    , m_mine(new QPlainTextEdit(mine))
    , m_theirs(new QPlainTextEdit(theirs.text))
{
    setObjectName(QStringLiteral("noteConflictDialog"));
    setWindowTitle(tr("Note Changed by Someone Else"));
    auto *layout = new QGridLayout(this);
    auto *intro = new QLabel(tr("%1 changed this note while you were editing it. Your text is not saved yet: "
                                "choose which text the note keeps.")
                                 .arg(theirs.changedBy.isEmpty() ? tr("Someone") : theirs.changedBy));
    intro->setWordWrap(true);
    layout->addWidget(intro, 0, 0, 1, 2);
    auto *mineLabel = new QLabel(tr("Yours (unsaved)"));
    auto *theirsLabel = new QLabel(tr("Theirs: %1").arg(byline(theirs.changedBy, theirs.modifiedAt)));
    mineLabel->setBuddy(m_mine);
    theirsLabel->setBuddy(m_theirs);
    layout->addWidget(mineLabel, 1, 0);
    layout->addWidget(theirsLabel, 1, 1);
    for (QPlainTextEdit *view : {m_mine, m_theirs})
        view->setReadOnly(true);
    m_mine->setObjectName(QStringLiteral("mine"));
    m_theirs->setObjectName(QStringLiteral("theirs"));
    layout->addWidget(m_mine, 2, 0);
    layout->addWidget(m_theirs, 2, 1);
    auto *buttons = new QDialogButtonBox;
    m_keep = buttons->addButton(tr("&Keep Theirs"), QDialogButtonBox::RejectRole);
    m_copy = buttons->addButton(tr("&Copy Mine, Keep Theirs"), QDialogButtonBox::ActionRole);
    m_overwrite = buttons->addButton(tr("&Overwrite with Mine"), QDialogButtonBox::AcceptRole);
    m_keep->setDefault(true);
    layout->addWidget(buttons, 3, 0, 1, 2);
    const qint64 noteId = theirs.id;
    const int version = theirs.rowVersion;
    const auto choose = [this, noteId, version](Choice choice) {
        emit chosen(choice, m_mine->toPlainText(), noteId, version);
        done(choice == Choice::OverwriteWithMine ? Accepted : Rejected);
    };
    connect(m_keep, &QPushButton::clicked, this, [choose] { choose(Choice::KeepTheirs); });
    connect(m_copy, &QPushButton::clicked, this, [choose] { choose(Choice::CopyMine); });
    connect(m_overwrite, &QPushButton::clicked, this, [choose] { choose(Choice::OverwriteWithMine); });
    resize(640, 320);
}

QPushButton *NoteConflictDialog::button(Choice choice) const
{
    switch (choice) {
    case Choice::OverwriteWithMine:
        return m_overwrite;
    case Choice::CopyMine:
        return m_copy;
    case Choice::KeepTheirs:
        break;
    }
    return m_keep;
}

} // namespace dubao
