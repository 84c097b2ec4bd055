// "Remember the password" of a team library goes to the platform keychain (Secret Service), never to the settings
// (issue 13). The test runs its own D-Bus session bus and a gnome-keyring-daemon on it, unlocked headless with a
// password of its own (scripts/setup.sh installs gnome-keyring), before the application starts, so Qt's session bus
// is that one; then the app's keychain calls (teamkeychain, what File → Open Team Library… uses) keep and read back
// a password, and the Library → Open of a team library whose password is only in the keychain opens it.
#include "app/shell/librarysession.h"
#include "app/shell/libraryswitcher.h"
#include "app/shell/mainwindow.h"
#include "app/shell/teamlibrarydialog.h"
#include "core/store/library.h"
#include "core/store/teamroles.h"
#include "tests/support/isolatedsettings.h"
#include "tests/support/pgserver.h"
#include "tests/support/sampleissue.h"
#include "tests/support/windowfixture.h"

#include <QApplication>
#include <QDirIterator>
#include <QFile>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <memory>

using namespace dubao;
using namespace Qt::StringLiterals;

namespace {

/// A session bus and a Secret Service of the test's own, started before QApplication (whose session bus connection
/// is made once, from DBUS_SESSION_BUS_ADDRESS). `error` says why not, when they did not start.
struct PrivateKeyring
{
    QTemporaryDir home;
    pid_t bus = 0;
    QByteArray error;

    PrivateKeyring()
    {
        if (!home.isValid()) {
            error = "no temporary folder";
            return;
        }
        // The keyring's files under a HOME of the test's; no X display: the keyring is unlocked from stdin.
        qputenv("HOME", home.path().toLocal8Bit());
        qputenv("XDG_DATA_HOME", home.filePath(u"data"_s).toLocal8Bit());
        qputenv("XDG_RUNTIME_DIR", home.path().toLocal8Bit());
        qunsetenv("DISPLAY");
        FILE *daemon = popen("dbus-daemon --session --fork --print-address=1 --print-pid=1", "r");
        char address[512] = {};
        char pid[64] = {};
        if (!daemon || !fgets(address, sizeof address, daemon) || !fgets(pid, sizeof pid, daemon)) {
            error = "dbus-daemon --session did not start";
            if (daemon)
                pclose(daemon);
            return;
        }
        pclose(daemon);
        bus = pid_t(QByteArray(pid).trimmed().toLong());
        qputenv("DBUS_SESSION_BUS_ADDRESS", QByteArray(address).trimmed());
        FILE *keyring = popen("gnome-keyring-daemon --unlock --components=secrets --daemonize >/dev/null", "w");
        if (!keyring || fputs("keyring-of-the-test", keyring) < 0 || pclose(keyring) != 0)
            error = "gnome-keyring-daemon --unlock --components=secrets did not start";
    }
    ~PrivateKeyring()
    {
        if (bus > 0)
            ::kill(bus, SIGTERM); // the keyring daemon leaves with its bus
    }
};

PrivateKeyring *s_keyring = nullptr;

} // namespace

class TestTeamKeychain : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void rememberedPassword_inTheKeychain_opensTheLibrary_notInSettings();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<test::PgServer> m_server;
    QString m_db;
};

void TestTeamKeychain::initTestCase()
{
    QVERIFY2(s_keyring && s_keyring->error.isEmpty(), s_keyring ? s_keyring->error.constData() : "no keyring");
    QVERIFY(m_dir.isValid());
    test::isolate(m_dir);
    // Only the keychain may give the password: no password file.
    qputenv("PGPASSFILE", m_dir.filePath(u"no-such-pgpass"_s).toLocal8Bit());
    m_server = std::make_unique<test::PgServer>();
    QVERIFY2(m_server->isRunning(), qPrintable(m_server->error()));
    const Result<QString> db = m_server->createDatabase(u"keychain"_s);
    QVERIFY2(db, qPrintable(db.error().message()));
    m_db = *db;
    Library owner;
    QVERIFY(owner.open(m_server->url(m_db)));
    QVERIFY(test::importSampleIssue(owner));
    QVERIFY(team::init(owner, nullptr));
    // The server's user with a password (scram-sha-256 on the loopback) may read the library.
    QVERIFY(m_server->psql(m_db, u"GRANT %1_reader TO %2"_s.arg(m_db, test::PgServer::passwordUser())));
}

void TestTeamKeychain::cleanupTestCase()
{
    m_server.reset();
}

void TestTeamKeychain::rememberedPassword_inTheKeychain_opensTheLibrary_notInSettings()
{
    QVERIFY(teamkeychain::isAvailable()); // the Secret Service on the test's bus
    const QString url = m_server->url(m_db, test::PgServer::passwordUser());
    const QString password = test::PgServer::passwordUserPassword();
    std::unique_ptr<MainWindow> window = test::openShownWindow(m_dir.filePath(u"file.sqlite"_s));
    auto *switcher = window->findChild<LibrarySwitcher *>();
    QVERIFY(switcher);

    // Nothing kept yet: the server refuses (no password anywhere), and the window stays on its file.
    QVERIFY(teamkeychain::read(url).isEmpty());
    QVERIFY(!switcher->openTeamLibraryAt(url));
    QVERIFY(!window->session()->isTeamLibrary());

    // Kept as "Remember the password" keeps it, and read back.
    QCOMPARE(teamkeychain::write(url, password), QString());
    QCOMPARE(teamkeychain::read(url), password);
    QVERIFY(switcher->openTeamLibraryAt(url)); // the password from the keychain
    QVERIFY(window->session()->isTeamLibrary());
    QCOMPARE(window->session()->library().teamAccess().role, u"reader"_s);

    // Not in the settings: nothing the app wrote there holds it.
    window->close();
    QSettings().sync();
    int files = 0;
    for (QDirIterator it(m_dir.filePath(u"settings"_s), QDir::Files, QDirIterator::Subdirectories); it.hasNext();) {
        QFile file(it.next());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        QVERIFY2(!bytes.contains(password.toUtf8()), qPrintable(file.fileName()));
        files += bytes.contains(m_db.toUtf8()) ? 1 : 0; // (the recent library is there, without its password)
    }
    QVERIFY(files > 0);
    // And the keychain forgets it when asked (unticking "Remember").
    teamkeychain::remove(url);
    QVERIFY(teamkeychain::read(url).isEmpty());
}

int main(int argc, char **argv)
{
    PrivateKeyring keyring;
    s_keyring = &keyring;
    QApplication app(argc, argv);
    TestTeamKeychain test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_teamkeychain.moc"
