// The window's side of a team library's change notices (issue 13): when a colleague tags, highlights or notes,
// corrects or imports, the window reads again what the change touches — the open article's marks and the
// annotation panels and Tags dock (through AnnotationDocument::reload()), the shown article's text after a
// correction or re-parse, the library tree after an import — and says in the status bar who did what, within a
// second of the commit. The notices of the window's own connection are skipped (it shows its own changes already).
// While the user types in a text editor (a note), the annotations are read again only once focus leaves it.
#pragma once

#include "core/store/changenotice.h"

#include <QObject>

class QTimer;

namespace dubao {

class ChangeListener;
class MainWindow;

class TeamChangeListener final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TeamChangeListener)

public:
    explicit TeamChangeListener(MainWindow &window);
    ~TeamChangeListener() override;

    /// Listens to the window's library when it is a team library (called when a library opens); stops otherwise.
    void follow();
    void stop();
    bool isListening() const;
    /// The status bar message that said the last change of a colleague's (for tests).
    QString lastMessage() const { return m_lastMessage; }

    /// "rita added a note to “Title”" and its siblings; `title` empty when no single article is known.
    static QString describe(const changes::ChangeNotice &notice, const QString &title);

signals:
    /// A colleague's change was applied to what the window shows.
    void applied(const dubao::changes::ChangeNotice &notice);

private:
    void onChanged(const changes::ChangeNotice &notice);
    void applyPending();
    /// Reloads the annotations, unless the user is typing in a text editor (a note being written is saved when
    /// focus leaves it, and a reload meanwhile would put the stored text back over what was typed): then later.
    void reloadAnnotationsWhenNotTyping();

    MainWindow &m_window;
    ChangeListener *m_listener;
    QTimer *m_coalesce;
    QTimer *m_whileTyping; ///< checks again for the annotations' reload that waits for typing to end
    QList<changes::ChangeNotice> m_pending;
    QString m_lastMessage;
};

} // namespace dubao
