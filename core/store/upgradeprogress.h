// How far long work on opening a library is (an upgrade of its schema: minutes on a big library). Library::open()
// takes no parameter for it: whoever shows progress holds an UpgradeProgress on the opening thread around open(),
// and a schema step (or the work after the steps) calls UpgradeProgress::report().
#pragma once

#include <QString>

#include <functional>

namespace dubao {

class UpgradeProgress final
{
    Q_DISABLE_COPY_MOVE(UpgradeProgress)

public:
    /// `done` of `total` units of `what`, a translated phrase ("Compressing the stored files").
    using Report = std::function<void(const QString &what, qint64 done, qint64 total)>;

    /// Routes report() on this thread to `report` while this object lives.
    explicit UpgradeProgress(Report report);
    ~UpgradeProgress();

    /// Reports to the innermost UpgradeProgress of this thread; nothing when there is none.
    static void report(const QString &what, qint64 done, qint64 total);

private:
    Report m_report;
    UpgradeProgress *m_previous;
};

} // namespace dubao
