// A library file in a temporary folder of its own, fresh for each test.
#pragma once

#include "core/model/result.h"
#include "core/store/library.h"
#include "tests/support/engines.h"

#include <QString>
#include <QTemporaryDir>

#include <memory>

namespace dubao::test {

/// A temporary folder with a library opened on a file in it. Held like the std::unique_ptr<Library> it stands
/// for: `*library` and `library->` reach the Library. create() starts afresh, reset() closes the library and
/// then removes its folder (never the other way round).
class TemporaryLibrary final
{
    Q_DISABLE_COPY_MOVE(TemporaryLibrary)

public:
    TemporaryLibrary() = default;
    ~TemporaryLibrary() { reset(); }

    /// Makes a new folder and opens (creates) `fileName` in it; the error when either fails. In the PostgreSQL run of
    /// a test on both engines (tests/support/engines.h), a new database of the test function's own instead.
    Result<void> create(const QString &fileName = QStringLiteral("lib.sqlite"))
    {
        reset();
        m_dir = std::make_unique<QTemporaryDir>();
        if (!m_dir->isValid())
            return Error(m_dir->errorString());
        m_library = std::make_unique<Library>();
        if (onPostgres()) {
            const QString url = libraryLocation();
            if (url.isEmpty())
                return Error(engineRun().lastError);
            return m_library->open(url);
        }
        return m_library->open(m_dir->filePath(fileName));
    }

    void reset()
    {
        m_library.reset();
        m_dir.reset();
    }

    Library &operator*() const { return *m_library; }
    Library *operator->() const { return m_library.get(); }

    /// A path in the library's folder, for files a test writes beside it.
    QString filePath(const QString &name) const { return m_dir->filePath(name); }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Library> m_library;
};

} // namespace dubao::test
