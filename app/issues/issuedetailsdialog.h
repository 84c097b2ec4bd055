// Issue → Edit Details…: the publication and date of an issue, e.g. to date an issue whose year the text omits.
#pragma once

#include "core/model/issue.h"

#include <QDialog>

class QCheckBox;
class QDateEdit;
class QLineEdit;

namespace dubao {

class IssueDetailsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(IssueDetailsDialog)

public:
    explicit IssueDetailsDialog(const IssueInfo &info, QWidget *parent = nullptr);
    ~IssueDetailsDialog() override;

    /// The edited details: date invalid when "Date known" is off; month/day follow the date when it is set.
    IssueInfo info() const;

    QLineEdit *publicationEdit() const { return m_publication; }
    QCheckBox *dateKnownBox() const { return m_dateKnown; }
    QDateEdit *dateEdit() const { return m_date; }

private:
    IssueInfo m_original;
    QLineEdit *m_publication;
    QCheckBox *m_dateKnown;
    QDateEdit *m_date;
};

} // namespace dubao
