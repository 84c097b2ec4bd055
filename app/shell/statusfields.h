// The permanent fields of the window's status bar: the shown issue (publication and date), the article's place
// in it, and the library's size.
#pragma once

#include <QObject>

class QLabel;
class QModelIndex;
class QStatusBar;

namespace dubao {

class LibrarySession;
class LibraryTreeModel;

class StatusFields final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StatusFields)

public:
    explicit StatusFields(QStatusBar *bar);

    void update(const LibraryTreeModel &model, qint64 issueId, const QModelIndex &article, LibrarySession *session,
                int articleCount);
    /// The fields, joined (for tests).
    QString text() const;
    /// A team library's role ("reader", "annotator", "editor", "owner", or empty), in the user's language.
    static QString roleName(const QString &role);

private:
    QLabel *m_issue;
    QLabel *m_position;
    QLabel *m_library;
};

} // namespace dubao
