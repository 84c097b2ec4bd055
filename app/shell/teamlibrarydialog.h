// File → Open Team Library…: the address of a team library on a PostgreSQL server (host, port, database, user) and
// a password, which is never written to the settings: it is kept in this process's memory, in the platform's
// keychain when the user asks and a Secret Service runs (qtkeychain), or left to ~/.pgpass (issue 13).
#pragma once

#include <QDialog>
#include <QString>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace dubao {

/// The platform keychain's entries for team libraries' passwords, by address. Synchronous (a nested event loop
/// while the Secret Service answers).
namespace teamkeychain {
/// True when a Secret Service runs on the session bus (the keychain qtkeychain writes on Linux).
bool isAvailable();
/// The password kept for `url`, or empty.
QString read(const QString &url);
/// Keeps `password` for `url`; an error message, or empty on success.
QString write(const QString &url, const QString &password);
void remove(const QString &url);
} // namespace teamkeychain

class TeamLibraryDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TeamLibraryDialog)

public:
    /// Prefilled from `url` (postgresql://USER@HOST:PORT/DB) when not empty; `problem` is shown above the fields
    /// (why the last attempt to open it failed).
    explicit TeamLibraryDialog(const QString &url = {}, const QString &problem = {}, QWidget *parent = nullptr);

    /// postgresql://USER@HOST:PORT/DB, without the password.
    QString url() const;
    QString password() const;
    bool rememberPassword() const;
    /// Shows why opening failed, keeping what was typed.
    void showProblem(const QString &problem);

private:
    void updateOpenButton();

    QLabel *m_problem;
    QLineEdit *m_host;
    QSpinBox *m_port;
    QLineEdit *m_database;
    QLineEdit *m_user;
    QLineEdit *m_password;
    QCheckBox *m_remember;
    QDialogButtonBox *m_buttons;
};

} // namespace dubao
