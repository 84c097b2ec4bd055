#include "core/store/walcheck.h"

#include "core/store/sql.h"

#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QUrl>
#include <QtEndian>

#include <sqlite3.h>

#include <array>

namespace dubao::walcheck {

namespace {

constexpr qsizetype kWalHeader = 32;
constexpr qsizetype kFrameHeader = 24;

QLatin1String identityPrefix()
{
    return QLatin1String("identity:");
}

quint32 bigEndian(const char *p)
{
    const auto *u = reinterpret_cast<const unsigned char *>(p);
    return (quint32(u[0]) << 24) | (quint32(u[1]) << 16) | (quint32(u[2]) << 8) | quint32(u[3]);
}

/// SQLite's WAL checksum (https://www.sqlite.org/fileformat2.html#walformat), continued from `s`.
void checksum(const char *data, qsizetype size, bool bigEndianWords, std::array<quint32, 2> &s)
{
    for (qsizetype i = 0; i + 8 <= size; i += 8) {
        quint32 x0 = bigEndian(data + i);
        quint32 x1 = bigEndian(data + i + 4);
        if (!bigEndianWords) {
            x0 = qbswap(x0);
            x1 = qbswap(x1);
        }
        s[0] += x0 + s[1];
        s[1] += x1 + s[0];
    }
}

struct MainFile
{
    QByteArray identity; ///< "identity:…", empty when the library has none
    quint32 identityPage = 0;
};

/// The identity and its page, read from the file alone: immutable=1 makes SQLite ignore the -wal and take no lock.
MainFile readMainFile(const QString &path)
{
    MainFile main;
    const QByteArray uri = QUrl::fromLocalFile(QFileInfo(path).absoluteFilePath()).toEncoded() + "?immutable=1";
    sqlite3 *db = nullptr;
    if (sqlite3_open_v2(uri.constData(), &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, nullptr) != SQLITE_OK) {
        sqlite3_close(db);
        return main;
    }
    sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, 1, nullptr);
    sqlite3_db_config(db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, nullptr);
    auto first = [db](const char *sql) {
        QByteArray value;
        sqlite3_stmt *statement = nullptr;
        if (sqlite3_prepare_v2(db, sql, -1, &statement, nullptr) == SQLITE_OK && sqlite3_step(statement) == SQLITE_ROW)
            value = QByteArray(reinterpret_cast<const char *>(sqlite3_column_text(statement, 0)));
        sqlite3_finalize(statement);
        return value;
    };
    // Only a table of that name: a view or anything else is the schema check's to report, not read here.
    const QByteArray page =
        first("SELECT rootpage FROM sqlite_master WHERE type = 'table' AND name = 'change_counter'");
    if (!page.isEmpty()) {
        main.identityPage = page.toUInt();
        main.identity = first("SELECT name FROM change_counter WHERE name LIKE 'identity:%' ORDER BY name LIMIT 1");
    }
    sqlite3_close(db);
    return main;
}

} // namespace

Result<void> verify(const QString &libraryPath)
{
    QFile wal(libraryPath + QStringLiteral("-wal"));
    if (!wal.exists() || wal.size() < kWalHeader + kFrameHeader)
        return {};
    const MainFile main = readMainFile(libraryPath);
    if (main.identity.isEmpty() || main.identityPage == 0)
        return {};
    if (!wal.open(QIODevice::ReadOnly))
        return {}; // SQLite will say why it cannot use it

    const QByteArray header = wal.read(kWalHeader);
    const quint32 magic = bigEndian(header.constData());
    if (header.size() < kWalHeader || (magic & 0xFFFFFFFEu) != 0x377f0682u)
        return {}; // not a valid -wal: SQLite ignores it
    const bool bigEndianWords = magic & 1;
    const quint32 pageSize = bigEndian(header.constData() + 8);
    if (pageSize < 512 || pageSize > 65536 || (pageSize & (pageSize - 1)) != 0)
        return {};
    std::array<quint32, 2> sum{0, 0};
    checksum(header.constData(), 24, bigEndianWords, sum);
    if (sum[0] != bigEndian(header.constData() + 24) || sum[1] != bigEndian(header.constData() + 28))
        return {}; // SQLite ignores a -wal whose header does not check out

    // Walk the frames as SQLite's recovery does: valid while the salts match and the running checksum holds; only
    // frames up to the last commit count, and of a page the latest of those is what SQLite reads. (Older frames of
    // the identity's page may predate the identity: a new library's first transactions.)
    enum class Page
    {
        Absent,
        WithIdentity,
        Foreign
    };
    Page committed = Page::Absent;
    Page pending = Page::Absent;
    int commits = 0;
    QByteArray frame;
    for (;;) {
        frame = wal.read(kFrameHeader + pageSize);
        if (frame.size() < kFrameHeader + qsizetype(pageSize))
            break;
        const char *h = frame.constData();
        if (bigEndian(h + 8) != bigEndian(header.constData() + 16) ||
            bigEndian(h + 12) != bigEndian(header.constData() + 20))
            break;
        checksum(h, 8, bigEndianWords, sum);
        checksum(h + kFrameHeader, pageSize, bigEndianWords, sum);
        if (sum[0] != bigEndian(h + 16) || sum[1] != bigEndian(h + 20))
            break;
        if (bigEndian(h) == main.identityPage) {
            pending = QByteArrayView(h + kFrameHeader, pageSize).contains(QByteArrayView(main.identity))
                          ? Page::WithIdentity
                          : Page::Foreign;
        }
        if (bigEndian(h + 4) != 0) { // a commit: what came before it SQLite applies
            ++commits;
            if (pending != Page::Absent)
                committed = pending;
            pending = Page::Absent;
        }
    }
    // Every write transaction of Dubao's rewrites the identity's page (sql::WriteScope), so commits that never
    // wrote it are another database's too: one that shares no page with this library's identity.
    const bool foreign = committed == Page::Foreign || (commits > 0 && committed == Page::Absent);
    if (!foreign)
        return {};
    return Error(sql::Store::tr("the file %1 beside it belongs to another database: opening the library would write "
                                "that database's changes into it. Nothing was changed. Move %1 away (it is not this "
                                "library's journal) and open the library again.")
                     .arg(QFileInfo(wal.fileName()).fileName()));
}

Result<void> ensureIdentity(QSqlDatabase db)
{
    const QVariant has =
        sql::scalar(db, QStringLiteral("SELECT count(*) FROM change_counter WHERE name LIKE 'identity:%'"));
    if (!has.isValid() || has.toInt() > 0)
        return {};
    std::array<quint64, 2> random{};
    QRandomGenerator::system()->fillRange(random.data(), random.size());
    const QString identity =
        identityPrefix() +
        QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(random.data()), sizeof random).toHex());
    return sql::exec(db, QStringLiteral("INSERT INTO change_counter (name, value) VALUES (?, 0)"), {identity});
}

} // namespace dubao::walcheck
