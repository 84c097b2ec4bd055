// Listens to a team library's change notices (changenotice.h) on a connection of its own, in the thread that made
// it: the desktop window, `dubao-cli team listen`, the tests and bench_team. The window shows a colleague's note
// within a second of its commit (issue 13).
#pragma once

#include "core/model/result.h"
#include "core/store/changenotice.h"

#include <QObject>
#include <QSqlDatabase>
#include <QSqlDriver>
#include <QString>

class QTimer;

namespace dubao {

class Library;

class ChangeListener final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChangeListener)

public:
    explicit ChangeListener(QObject *parent = nullptr);
    ~ChangeListener() override;

    /// Opens a second connection to `library`'s server (same address and user) and subscribes to its notices.
    /// `library` must outlive the listener (or stop() be called first): a notice of its own connection's backend is
    /// not emitted, the writer already shows what it wrote. An error on SQLite or when the server refuses.
    Result<void> listen(const Library &library);
    void stop();
    bool isListening() const;

    /// How often the connection is checked, and made again with its subscription when it was lost (ms).
    void setCheckInterval(int milliseconds);
    /// The server backend of the listening connection (0 when not connected).
    qint64 listenerPid() const;

signals:
    /// Another client (another process, or another connection of this one) committed a change.
    void changed(const dubao::changes::ChangeNotice &notice);
    /// The listening connection was lost and is back: notices sent meanwhile were missed, so whatever is shown
    /// should be read again.
    void reconnected();

private:
    void onNotification(const QString &name, QSqlDriver::NotificationSource source, const QVariant &payload);
    void check();
    bool subscribe();

    QString m_connectionName;
    QString m_libraryConnection;
    QTimer *m_check;
    bool m_lost = false;
};

} // namespace dubao

Q_DECLARE_METATYPE(dubao::changes::ChangeNotice)
