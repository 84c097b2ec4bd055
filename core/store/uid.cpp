// Version 7 UUIDs for the uid columns, and their text form.
#include "core/store/uid.h"

#include <QDateTime>
#include <QRandomGenerator>

#include <sqlite3.h>

#include <mutex>

namespace dubao::uid {

QByteArray make()
{
    static std::mutex mutex;
    static qint64 lastMs = 0;
    static quint32 counter = 0;

    qint64 ms = QDateTime::currentMSecsSinceEpoch();
    quint32 sequence = 0;
    {
        const std::lock_guard lock(mutex);
        if (ms <= lastMs) {
            // Same millisecond (or the clock went back): count on; when the 12 bits run out, borrow the next
            // millisecond so the order still holds.
            ms = lastMs;
            if (++counter > 0xfff) {
                ++ms;
                counter = QRandomGenerator::global()->bounded(0x400u);
            }
        } else {
            // A random start (in the lower part of the range) leaves room to count within the millisecond.
            counter = QRandomGenerator::global()->bounded(0x400u);
        }
        lastMs = ms;
        sequence = counter;
    }

    QByteArray bytes(16, Qt::Uninitialized);
    auto *b = reinterpret_cast<unsigned char *>(bytes.data());
    for (int k = 0; k < 6; ++k)
        b[k] = static_cast<unsigned char>(ms >> (8 * (5 - k)));
    b[6] = static_cast<unsigned char>(0x70 | ((sequence >> 8) & 0x0f));
    b[7] = static_cast<unsigned char>(sequence & 0xff);
    const quint64 random = QRandomGenerator::global()->generate64();
    for (int k = 0; k < 8; ++k)
        b[8 + k] = static_cast<unsigned char>(random >> (8 * k));
    b[8] = static_cast<unsigned char>(0x80 | (b[8] & 0x3f));
    return bytes;
}

QString toText(const QByteArray &uid)
{
    if (uid.size() != 16)
        return {};
    const QString hex = QString::fromLatin1(uid.toHex());
    return hex.left(8) + u'-' + hex.mid(8, 4) + u'-' + hex.mid(12, 4) + u'-' + hex.mid(16, 4) + u'-' + hex.mid(20);
}

std::optional<QByteArray> fromText(QStringView text)
{
    text = text.trimmed();
    if (text.startsWith(u'{') && text.endsWith(u'}'))
        text = text.mid(1, text.size() - 2);
    QByteArray hex;
    hex.reserve(32);
    for (const QChar c : text) {
        if (c == u'-')
            continue;
        if (!((c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f') || (c >= u'A' && c <= u'F')))
            return std::nullopt;
        hex.append(char(c.toLatin1()));
    }
    if (hex.size() != 32 || (text.size() != 32 && text.size() != 36))
        return std::nullopt;
    if (text.size() == 36 && (text[8] != u'-' || text[13] != u'-' || text[18] != u'-' || text[23] != u'-'))
        return std::nullopt;
    return QByteArray::fromHex(hex);
}

namespace {

void sqlUid(sqlite3_context *context, int, sqlite3_value **)
{
    const QByteArray bytes = make();
    sqlite3_result_blob(context, bytes.constData(), int(bytes.size()), SQLITE_TRANSIENT);
}

} // namespace

bool registerSqlFunction(sqlite3 *db)
{
    // Not SQLITE_DETERMINISTIC: every call is a new uid. Not SQLITE_DIRECTONLY either: the triggers call it.
    // SQLITE_INNOCUOUS: it reads and writes nothing (a random value), so even an untrusted schema may call it.
    return db && sqlite3_create_function_v2(db, "dubao_uid", 0, SQLITE_UTF8 | SQLITE_INNOCUOUS, nullptr, sqlUid,
                                            nullptr, nullptr, nullptr) == SQLITE_OK;
}

} // namespace dubao::uid
