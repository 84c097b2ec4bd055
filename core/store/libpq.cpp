#include "core/store/libpq.h"

#include <QLoggingCategory>

#include <dlfcn.h>

namespace dubao::libpq {

namespace {

template<typename Function>
bool resolve(void *library, const char *name, Function &function)
{
    function = reinterpret_cast<Function>(dlsym(library, name));
    return function != nullptr;
}

const Functions *load()
{
    // The soname Debian's libpq5 installs, the one Qt's QPSQL plugin is linked with.
    void *library = dlopen("libpq.so.5", RTLD_NOW | RTLD_LOCAL);
    if (!library) {
        qWarning("cannot load libpq.so.5: %s", dlerror());
        return nullptr;
    }
    static Functions loaded{};
    const bool ok =
        resolve(library, "PQstatus", loaded.status) &&
        resolve(library, "PQtransactionStatus", loaded.transactionStatus) &&
        resolve(library, "PQbackendPID", loaded.backendPID) && resolve(library, "PQgetCancel", loaded.getCancel) &&
        resolve(library, "PQcancel", loaded.cancel) && resolve(library, "PQfreeCancel", loaded.freeCancel) &&
        resolve(library, "PQencryptPasswordConn", loaded.encryptPasswordConn) &&
        resolve(library, "PQerrorMessage", loaded.errorMessage) && resolve(library, "PQfreemem", loaded.freemem);
    if (!ok) {
        qWarning("libpq.so.5 lacks a function Dubao needs: %s", dlerror());
        return nullptr;
    }
    return &loaded; // the library stays loaded for the process's life
}

} // namespace

const Functions *functions()
{
    static const Functions *const loaded = load();
    return loaded;
}

} // namespace dubao::libpq
