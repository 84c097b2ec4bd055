// The people index as tables for Stata, R or a spreadsheet: every appearance (person, office, role, order, date,
// article and headline, block, sentence), and the office holders (office, person, first, last, appearances: the
// shape CBDB-style prosopography uses), each as CSV (RFC 4180, UTF-8 with a BOM, CRLF) or JSON. The rows can be
// narrowed as the People view narrows its list (a text the name or an office contains, a period). docs/people.md.
#pragma once

#include "core/analysis/peopleindex.h"
#include "core/model/result.h"

#include <QCoreApplication>
#include <QDate>
#include <QString>

#include <atomic>
#include <optional>

class QIODevice;

namespace dubao {

/// What the People view's filters keep: a person whose name or one of whose offices contains `text` (书记: every
/// secretary) and who appeared between `from` and `to` (either may be invalid: no limit); with `own`, only the
/// appearances in the paper's own text (own:yes) or in shared text (own:no), as PeopleIndex::ownPersons() counts
/// them (docs/reuse.md).
struct PeopleSelection
{
    QString text;
    QDate from;
    QDate to;
    std::optional<PeopleIndex::Own> own;

    bool acceptsPerson(const PersonSummary &person) const;
    /// An appearance of an accepted person on `date` (an undated one only when no period is set).
    bool acceptsDate(const std::optional<QDate> &date) const;
};

struct OfficeHolder
{
    QString office;
    QString person;
    std::optional<QDate> first; ///< the person's first and last dated appearance with this office
    std::optional<QDate> last;
    int appearances = 0;
};

/// Messages are English; an application that installs a translator gets them translated (context
/// "dubao::PeopleExport").
class PeopleExport final
{
    Q_DECLARE_TR_FUNCTIONS(dubao::PeopleExport)

public:
    enum class Table
    {
        Appearances,
        OfficeHolders,
    };
    enum class Format
    {
        Csv,
        Json,
    };
    static QString tableName(Table table); ///< "appearances", "office-holders"
    static std::optional<Table> tableFromName(const QString &name);
    static QString formatName(Format format); ///< "csv", "json": also the file's suffix
    static std::optional<Format> formatFromName(const QString &name);

    /// The office holders of `persons` that `selection` keeps (a holder whose office or name contains the text,
    /// whose tenure meets the period), by office, then first appearance (undated last), then name.
    static QList<OfficeHolder> officeHolders(const QList<PersonSummary> &persons, const PeopleSelection &selection);

    /// Writes the table to `device` (open for writing), reading the appearances one at a time. Gives back the number
    /// of rows written. `cancel` may be null.
    static Result<qint64> write(const PeopleIndex &index, Table table, Format format, const PeopleSelection &selection,
                                QIODevice &device, const std::atomic_bool *cancel = nullptr);
    /// The same into `path` through a QSaveFile: a failure or a cancel leaves an existing file as it was.
    static Result<qint64> writeFile(const PeopleIndex &index, Table table, Format format,
                                    const PeopleSelection &selection, const QString &path,
                                    const std::atomic_bool *cancel = nullptr);
};

} // namespace dubao
