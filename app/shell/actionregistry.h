// Every action of the main window, registered by the feature part that owns it: the part says which menu and
// which section of it the action goes in, its stable id (the QAction's object name, used by tests and the
// shortcuts dialog) and whether it edits the library. The shell builds the menu bar once from the registry's
// menus, in a fixed order; no part finds a menu by its title or its position. Editing actions are kept off while
// the library is read-only, whoever tries to enable them.
#pragma once

#include <QHash>
#include <QKeySequence>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>

class QAction;
class QMenu;
class QMenuBar;
class QWidget;

namespace dubao {

class ActionRegistry final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ActionRegistry)

public:
    /// The menus of the menu bar, in their order.
    enum class Menu
    {
        File,
        Edit,
        View,
        Issue,
        Annotate,
        Go,
        Tools,
        Help,
    };

    /// Sections of the menus, in their order within a menu; a separator goes between two sections that both
    /// hold something. A part picks the section that says where its action belongs.
    enum class Section
    {
        // File
        FileLibrary, ///< new, open, recent
        FileImport,
        FileExport,
        FileBackup,
        FileQuit,
        // Edit
        EditUndo,
        EditClipboard,
        EditFind,
        EditIndex,
        EditPreferences,
        // View
        ViewText,     ///< original text
        ViewTextSize, ///< larger, smaller, default text
        ViewPanels,   ///< docks and panels
        ViewLook,     ///< theme, language
        ViewSearch,   ///< the search and concordance docks
                      // Issue
        IssueDetails,
        IssueReplace,
        IssueDelete,
        // Annotate
        AnnotateHighlight,
        AnnotateNote,
        AnnotateCreate,
        // Go
        GoHistory,
        GoArticles,
        GoFocus,
        // Tools
        ToolsIndex, ///< indexes built on demand (text reuse)
                    // Help
        HelpLibrary,
        HelpShortcuts,
        HelpAbout,
    };

    /// Whether an action changes the library (and so is off while it is read-only).
    enum class Kind
    {
        Reading,
        Editing,
    };

    /// Actions are children of `window`, so their shortcuts work anywhere in it.
    explicit ActionRegistry(QWidget *window);
    ~ActionRegistry() override;

    /// A new action with object name `id` (unique), placed at the end of `section` of `menu`.
    QAction *add(Menu menu, Section section, const QString &id, const QString &text, const QKeySequence &shortcut = {},
                 Kind kind = Kind::Reading);
    /// An action made elsewhere (an undo action, a dock's toggle action), placed the same way. Its object name is
    /// set to `id`.
    void addExisting(Menu menu, Section section, QAction *action, const QString &id, Kind kind = Kind::Reading);
    /// A submenu with object name `id`, placed like an action.
    QMenu *addMenu(Menu menu, Section section, const QString &id, const QString &title);

    /// The action registered as `id`, or null.
    QAction *action(const QString &id) const;
    /// Every registered action, in menu order (for the shortcuts dialog).
    QList<QAction *> actions() const;
    /// The menu; it exists from the start, whether or not it holds anything yet.
    QMenu *menu(Menu menu) const;
    /// Every menu, in Menu order (those that hold nothing too).
    QList<QMenu *> menus() const;
    /// Adds the menus that hold something to `bar`, in Menu order (once, after the parts registered).
    void populate(QMenuBar *bar) const;

    bool isEditing(const QAction *action) const;
    /// While read-only, every Editing action is off; an attempt to enable one is remembered and applied when
    /// the library becomes writable again.
    void setReadOnly(bool readOnly);
    bool isReadOnly() const { return m_readOnly; }
    /// What the user's role on a team library allows (docs/safety.md, "Roles on a team library"): every Editing
    /// action that `allowed` refuses is off, with `reason` as its tooltip, like a read-only library's; an empty
    /// function lifts the limit.
    using RoleLimit = std::function<bool(Menu menu, const QAction *action)>;
    void setRoleLimit(RoleLimit allowed, const QString &reason);

private:
    struct Entry
    {
        Menu menu;
        Section section;
        QAction *action; ///< for a submenu: its menuAction()
        Kind kind;
    };

    void place(const Entry &entry);
    void rebuild(Menu menu);
    void guard(QAction *action);
    /// Off because the library is read-only or the role does not allow it.
    bool isBlocked(const Entry &entry) const;
    void applyBlocks();

    QWidget *m_window;
    QHash<Menu, QMenu *> m_menus;
    QList<Entry> m_entries;
    QHash<QString, QAction *> m_byId;
    QHash<QAction *, bool> m_wanted; ///< editing actions: the enabled state their owner last asked for
    bool m_readOnly = false;
    bool m_forcing = false;
    RoleLimit m_roleLimit;
    QString m_roleReason;
    QHash<QAction *, QString> m_ownTips; ///< an action's tooltip before a role limit replaced it
};

} // namespace dubao
