#include "app/shell/actionregistry.h"

#include <QAction>
#include <QMenu>
#include <QMenuBar>
#include <QWidget>

#include <algorithm>

namespace dubao {

namespace {

constexpr ActionRegistry::Menu kMenus[] = {
    ActionRegistry::Menu::File,  ActionRegistry::Menu::Edit,     ActionRegistry::Menu::View,
    ActionRegistry::Menu::Issue, ActionRegistry::Menu::Annotate, ActionRegistry::Menu::Go,
    ActionRegistry::Menu::Tools, ActionRegistry::Menu::Help,
};

} // namespace

ActionRegistry::ActionRegistry(QWidget *window)
    : QObject(window)
    , m_window(window)
{
    const std::pair<Menu, std::pair<QString, const char *>> menus[] = {
        {Menu::File, {tr("&File"), "menuFile"}},
        {Menu::Edit, {tr("&Edit"), "menuEdit"}},
        {Menu::View, {tr("&View"), "menuView"}},
        {Menu::Issue, {tr("&Issue"), "menuIssue"}},
        {Menu::Annotate, {tr("&Annotate"), "menuAnnotate"}},
        {Menu::Go, {tr("&Go"), "menuGo"}},
        {Menu::Tools, {tr("&Tools"), "menuTools"}},
        {Menu::Help, {tr("&Help"), "menuHelp"}},
    };
    for (const auto &[menu, title] : menus) {
        auto *m = new QMenu(title.first, window);
        m->setObjectName(QLatin1String(title.second));
        m->setToolTipsVisible(true); // a disabled action's tooltip says why (a team library's role)
        m_menus.insert(menu, m);
    }
}

ActionRegistry::~ActionRegistry() = default;

QAction *ActionRegistry::add(Menu menu, Section section, const QString &id, const QString &text,
                             const QKeySequence &shortcut, Kind kind)
{
    auto *action = new QAction(text, m_window);
    if (!shortcut.isEmpty())
        action->setShortcut(shortcut);
    addExisting(menu, section, action, id, kind);
    return action;
}

void ActionRegistry::addExisting(Menu menu, Section section, QAction *action, const QString &id, Kind kind)
{
    Q_ASSERT_X(!m_byId.contains(id), "ActionRegistry::addExisting", "an action id is registered twice");
    action->setObjectName(id);
    m_byId.insert(id, action);
    place({menu, section, action, kind});
}

QMenu *ActionRegistry::addMenu(Menu menu, Section section, const QString &id, const QString &title)
{
    auto *submenu = new QMenu(title, m_window);
    submenu->setObjectName(id);
    submenu->menuAction()->setObjectName(id);
    m_byId.insert(id, submenu->menuAction());
    place({menu, section, submenu->menuAction(), Kind::Reading});
    return submenu;
}

QAction *ActionRegistry::action(const QString &id) const
{
    return m_byId.value(id);
}

QList<QAction *> ActionRegistry::actions() const
{
    QList<QAction *> result;
    for (const Menu menu : kMenus)
        for (QAction *action : m_menus.value(menu)->actions())
            if (!action->isSeparator())
                result.append(action);
    return result;
}

QMenu *ActionRegistry::menu(Menu menu) const
{
    return m_menus.value(menu);
}

QList<QMenu *> ActionRegistry::menus() const
{
    QList<QMenu *> result;
    for (const Menu menu : kMenus)
        result << m_menus.value(menu);
    return result;
}

void ActionRegistry::populate(QMenuBar *bar) const
{
    for (const Menu menu : kMenus) {
        QMenu *m = m_menus.value(menu);
        if (!m->isEmpty())
            bar->addMenu(m);
    }
}

bool ActionRegistry::isEditing(const QAction *action) const
{
    return std::any_of(m_entries.cbegin(), m_entries.cend(),
                       [action](const Entry &e) { return e.action == action && e.kind == Kind::Editing; });
}

void ActionRegistry::setReadOnly(bool readOnly)
{
    if (m_readOnly == readOnly)
        return;
    m_readOnly = readOnly;
    applyBlocks();
}

void ActionRegistry::setRoleLimit(RoleLimit allowed, const QString &reason)
{
    m_roleLimit = std::move(allowed);
    m_roleReason = reason;
    applyBlocks();
}

bool ActionRegistry::isBlocked(const Entry &entry) const
{
    return m_readOnly || (m_roleLimit && !m_roleLimit(entry.menu, entry.action));
}

void ActionRegistry::applyBlocks()
{
    m_forcing = true;
    for (const Entry &entry : std::as_const(m_entries)) {
        if (entry.kind != Kind::Editing)
            continue;
        const bool blocked = isBlocked(entry);
        entry.action->setEnabled(!blocked && m_wanted.value(entry.action, true));
        // A disabled action says why: the role that does not allow it.
        const bool byRole = m_roleLimit && !m_roleLimit(entry.menu, entry.action);
        if (byRole) {
            if (!m_ownTips.contains(entry.action))
                m_ownTips.insert(entry.action, entry.action->toolTip());
            entry.action->setToolTip(m_roleReason);
            entry.action->setStatusTip(m_roleReason);
        } else if (m_ownTips.contains(entry.action)) {
            entry.action->setToolTip(m_ownTips.take(entry.action));
            entry.action->setStatusTip({});
        }
    }
    m_forcing = false;
}

void ActionRegistry::place(const Entry &entry)
{
    // Stable: an action goes after those already in its section.
    const auto at = std::upper_bound(m_entries.begin(), m_entries.end(), entry, [](const Entry &a, const Entry &b) {
        return a.menu != b.menu ? a.menu < b.menu : a.section < b.section;
    });
    m_entries.insert(at, entry);
    if (entry.kind == Kind::Editing)
        guard(entry.action);
    rebuild(entry.menu);
}

void ActionRegistry::rebuild(Menu menu)
{
    QMenu *m = m_menus.value(menu);
    m->clear(); // deletes only the separators: the actions belong to the window
    bool first = true;
    Section last{};
    for (const Entry &entry : std::as_const(m_entries)) {
        if (entry.menu != menu)
            continue;
        if (!first && entry.section != last)
            m->addSeparator();
        m->addAction(entry.action);
        first = false;
        last = entry.section;
    }
}

void ActionRegistry::guard(QAction *action)
{
    m_wanted.insert(action, action->isEnabled());
    const auto blocked = [this, action] {
        return std::any_of(m_entries.cbegin(), m_entries.cend(),
                           [&](const Entry &e) { return e.action == action && isBlocked(e); });
    };
    if (blocked()) {
        m_forcing = true;
        action->setEnabled(false);
        m_forcing = false;
    }
    connect(action, &QAction::enabledChanged, this, [this, action, blocked](bool enabled) {
        if (m_forcing)
            return;
        m_wanted.insert(action, enabled);
        if (enabled && blocked()) {
            m_forcing = true;
            action->setEnabled(false);
            m_forcing = false;
        }
    });
}

} // namespace dubao
