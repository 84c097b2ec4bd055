#include "app/shell/teamlibrarydialog.h"

#include <QCheckBox>
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDialogButtonBox>
#include <QEventLoop>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QUrl>
#include <QVBoxLayout>
#include <qt6keychain/keychain.h>

namespace dubao {

namespace teamkeychain {

namespace {

const QString kService = QStringLiteral("Dubao team library");

/// Runs a keychain job to its end.
void runJob(QKeychain::Job &job)
{
    job.setAutoDelete(false);
    QEventLoop loop;
    QObject::connect(&job, &QKeychain::Job::finished, &loop, &QEventLoop::quit);
    job.start();
    loop.exec(QEventLoop::ExcludeUserInputEvents);
}

} // namespace

bool isAvailable()
{
    const QDBusConnection bus = QDBusConnection::sessionBus();
    return bus.isConnected() && bus.interface() &&
           bus.interface()->isServiceRegistered(QStringLiteral("org.freedesktop.secrets")).value();
}

QString read(const QString &url)
{
    if (!isAvailable())
        return {};
    QKeychain::ReadPasswordJob job(kService);
    job.setKey(url);
    runJob(job);
    return job.error() == QKeychain::NoError ? job.textData() : QString();
}

QString write(const QString &url, const QString &password)
{
    QKeychain::WritePasswordJob job(kService);
    job.setKey(url);
    job.setTextData(password);
    runJob(job);
    return job.error() == QKeychain::NoError ? QString() : job.errorString();
}

void remove(const QString &url)
{
    if (!isAvailable())
        return;
    QKeychain::DeletePasswordJob job(kService);
    job.setKey(url);
    runJob(job);
}

} // namespace teamkeychain

TeamLibraryDialog::TeamLibraryDialog(const QString &url, const QString &problem, QWidget *parent)
    : QDialog(parent)
    , m_problem(new QLabel(this))
    , m_host(new QLineEdit(this))
    , m_port(new QSpinBox(this))
    , m_database(new QLineEdit(this))
    , m_user(new QLineEdit(this))
    , m_password(new QLineEdit(this))
    , m_remember(new QCheckBox(tr("&Remember the password in the keychain"), this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Open | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Open Team Library"));
    setObjectName(QStringLiteral("teamLibraryDialog"));
    auto *intro = new QLabel(tr("A team library is a Dubao library on a PostgreSQL server that a research group "
                                "shares. What you may do in it (read, annotate, edit) is your role on the server."),
                             this);
    intro->setWordWrap(true);
    m_problem->setObjectName(QStringLiteral("teamLibraryProblem"));
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("QLabel { color: #B02A37; }"));
    m_problem->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_host->setObjectName(QStringLiteral("teamHost"));
    m_port->setObjectName(QStringLiteral("teamPort"));
    m_database->setObjectName(QStringLiteral("teamDatabase"));
    m_user->setObjectName(QStringLiteral("teamUser"));
    m_password->setObjectName(QStringLiteral("teamPassword"));
    m_remember->setObjectName(QStringLiteral("teamRememberPassword"));
    m_port->setRange(1, 65535);
    m_port->setValue(5432);
    m_host->setPlaceholderText(QStringLiteral("db.example.org"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setPlaceholderText(tr("empty: from ~/.pgpass"));

    const QUrl given(url);
    if (given.isValid() && !given.host().isEmpty()) {
        m_host->setText(given.host());
        m_port->setValue(given.port(5432));
        m_database->setText(given.path().mid(1));
        m_user->setText(given.userName());
    } else {
        m_user->setText(qEnvironmentVariable("USER", qEnvironmentVariable("LOGNAME")));
    }

    if (!teamkeychain::isAvailable()) {
        m_remember->setEnabled(false);
        m_remember->setToolTip(tr("No keychain is available (no Secret Service, such as GNOME Keyring or KWallet, "
                                  "runs in this session). Leave the password empty to use ~/.pgpass, or type it each "
                                  "time."));
    } else if (!url.isEmpty()) {
        m_remember->setChecked(!teamkeychain::read(url).isEmpty());
    }

    auto *form = new QFormLayout;
    form->addRow(tr("&Host:"), m_host);
    form->addRow(tr("&Port:"), m_port);
    form->addRow(tr("&Database:"), m_database);
    form->addRow(tr("&User:"), m_user);
    form->addRow(tr("Pass&word:"), m_password);
    form->addRow(QString(), m_remember);
    auto *note = new QLabel(tr("Dubao never writes the password to its settings: it is kept in memory while Dubao "
                               "runs, in the keychain if you ask, or read from ~/.pgpass when you leave it empty."),
                            this);
    note->setWordWrap(true);
    QFont small = note->font();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    note->setFont(small);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_problem);
    layout->addLayout(form);
    layout->addWidget(note);
    layout->addWidget(m_buttons);
    m_buttons->button(QDialogButtonBox::Open)->setObjectName(QStringLiteral("teamOpen"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    for (QLineEdit *edit : {m_host, m_database, m_user})
        connect(edit, &QLineEdit::textChanged, this, &TeamLibraryDialog::updateOpenButton);
    showProblem(problem);
    updateOpenButton();
    setMinimumWidth(480);
    (m_host->text().isEmpty() ? m_host : (m_database->text().isEmpty() ? m_database : m_password))->setFocus();
}

QString TeamLibraryDialog::url() const
{
    QUrl url;
    url.setScheme(QStringLiteral("postgresql"));
    url.setHost(m_host->text().trimmed());
    url.setPort(m_port->value());
    url.setUserName(m_user->text().trimmed());
    url.setPath(u'/' + m_database->text().trimmed());
    return url.toString();
}

QString TeamLibraryDialog::password() const
{
    return m_password->text();
}

bool TeamLibraryDialog::rememberPassword() const
{
    return m_remember->isEnabled() && m_remember->isChecked();
}

void TeamLibraryDialog::showProblem(const QString &problem)
{
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
}

void TeamLibraryDialog::updateOpenButton()
{
    const bool complete =
        !m_host->text().trimmed().isEmpty() && !m_database->text().trimmed().isEmpty() && !m_user->text().isEmpty();
    m_buttons->button(QDialogButtonBox::Open)->setEnabled(complete);
}

} // namespace dubao
