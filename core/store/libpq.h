// libpq, loaded when it is first needed instead of linked: the few functions Dubao calls on a team library's
// connection, which Qt's QPSQL driver opened (and which loaded libpq already). A process that never opens a team
// library — every dubao-cli search on a library file — then loads neither libpq nor the ~25 libraries it needs (TLS,
// Kerberos, LDAP, …), whose loading and relocation were a quarter of a short search's instructions.
#pragma once

#include <libpq-fe.h>

namespace dubao::libpq {

struct Functions
{
    decltype(&PQstatus) status;
    decltype(&PQtransactionStatus) transactionStatus;
    decltype(&PQbackendPID) backendPID;
    decltype(&PQgetCancel) getCancel;
    decltype(&PQcancel) cancel;
    decltype(&PQfreeCancel) freeCancel;
    decltype(&PQencryptPasswordConn) encryptPasswordConn;
    decltype(&PQerrorMessage) errorMessage;
    decltype(&PQfreemem) freemem;
};

/// libpq's functions, loaded on the first call (thread-safe); nullptr when libpq cannot be loaded — then no team
/// library connection can exist either (the QPSQL driver needs it).
const Functions *functions();

} // namespace dubao::libpq
