#include "core/store/changelistener.h"

#include "core/store/dialect.h"
#include "core/store/library.h"
#include "core/store/sql.h"

#include <QAtomicInt>
#include <QSqlError>
#include <QTimer>

namespace dubao {

namespace {

QAtomicInt s_listeners;

} // namespace

ChangeListener::ChangeListener(QObject *parent)
    : QObject(parent)
    , m_check(new QTimer(this))
{
    qRegisterMetaType<changes::ChangeNotice>();
    m_check->setInterval(2000);
    connect(m_check, &QTimer::timeout, this, &ChangeListener::check);
}

ChangeListener::~ChangeListener()
{
    stop();
}

Result<void> ChangeListener::listen(const Library &library)
{
    stop();
    const QSqlDatabase source = library.database();
    if (!dialect::isPostgres(source))
        return Error(sql::Store::tr("only a team library sends change notices"));
    m_libraryConnection = source.connectionName();
    m_connectionName = QStringLiteral("dubao-listener-%1").arg(s_listeners.fetchAndAddRelaxed(1));
    QSqlDatabase db = QSqlDatabase::cloneDatabase(source, m_connectionName);
    if (!db.open() || !subscribe()) {
        const QString why = db.lastError().text();
        stop();
        return Error(sql::Store::tr("cannot listen to the team library's changes: %1").arg(why));
    }
    m_lost = false;
    m_check->start();
    return {};
}

bool ChangeListener::subscribe()
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    QSqlDriver *driver = db.driver();
    if (!driver || !driver->subscribeToNotification(QString::fromLatin1(changes::channel)))
        return false;
    connect(driver, &QSqlDriver::notification, this, &ChangeListener::onNotification, Qt::UniqueConnection);
    return true;
}

void ChangeListener::stop()
{
    m_check->stop();
    if (m_connectionName.isEmpty())
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        if (db.driver())
            disconnect(db.driver(), nullptr, this, nullptr);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
    m_connectionName.clear();
}

bool ChangeListener::isListening() const
{
    return !m_connectionName.isEmpty() && !m_lost;
}

void ChangeListener::setCheckInterval(int milliseconds)
{
    m_check->setInterval(milliseconds);
}

qint64 ChangeListener::listenerPid() const
{
    return m_connectionName.isEmpty() ? 0 : dialect::backendPid(QSqlDatabase::database(m_connectionName, false));
}

void ChangeListener::onNotification(const QString &name, QSqlDriver::NotificationSource, const QVariant &payload)
{
    if (name != QLatin1String(changes::channel))
        return;
    const changes::ChangeNotice notice = changes::ChangeNotice::fromJson(payload.toString().toUtf8());
    if (!notice.isValid())
        return;
    // The library's own connection wrote it (and shows it already). Asked at each notice: a connection made
    // again after a loss has another backend.
    const QSqlDatabase library = QSqlDatabase::database(m_libraryConnection, false);
    if (library.isValid() && notice.pid == dialect::backendPid(library))
        return;
    emit changed(notice);
}

void ChangeListener::check()
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    if (!db.isValid())
        return;
    // libpq learns that the server went away when it reads: a query on an idle connection finds out.
    if (!m_lost && QSqlQuery(db).exec(QStringLiteral("SELECT 1")) && !dialect::connectionLost(db))
        return;
    m_lost = true;
    db.close();
    if (!db.open() || !subscribe())
        return; // the next check tries again
    m_lost = false;
    emit reconnected();
}

} // namespace dubao
