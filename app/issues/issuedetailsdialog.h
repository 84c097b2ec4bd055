// Issue → Edit Details…: the publication and date of an issue, e.g. to date an issue whose year the text omits.
#pragma once

#include "core/model/issue.h"

#include <QDialog>

class QCheckBox;
class QDateEdit;
class QLabel;
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
    /// What the year was worked out from, and whether the evidence conflicts (hidden when there is none).
    QLabel *evidenceLabel() const { return m_evidence; }
    /// "The year is right: I checked it", offered for an inferred year: checked, the year is the user's.
    QCheckBox *yearCheckedBox() const { return m_yearChecked; }

    /// The evidence for an issue's year as the details list it, one line each.
    static QStringList evidenceLines(const IssueInfo &info);

private:
    IssueInfo m_original;
    QLineEdit *m_publication;
    QCheckBox *m_dateKnown;
    QDateEdit *m_date;
    QLabel *m_evidence;
    QCheckBox *m_yearChecked;
};

} // namespace dubao
