#include "app/shell/docklayout.h"

#include <QAbstractItemView>
#include <QDockWidget>
#include <QHeaderView>
#include <QMainWindow>
#include <QTreeView>

#include <algorithm>
#include <numeric>

namespace dubao {

namespace {

int rowHeight(const QAbstractItemView *view)
{
    // A row as the view lays it out (the delegate's size hint with the view's font), or a line of text.
    return std::max(view->fontMetrics().height() + 4,
                    view->model() && view->model()->rowCount() > 0 ? view->sizeHintForRow(0) : 0);
}

QList<QAbstractItemView *> lists(const QDockWidget *dock)
{
    QList<QAbstractItemView *> found;
    for (QAbstractItemView *view : dock->findChildren<QAbstractItemView *>())
        if (!qobject_cast<QHeaderView *>(view) && view->isVisible())
            found << view;
    return found;
}

/// The height `dock` needs for each of its lists to show kDockListRows rows (at least its minimum).
int readableHeight(const QDockWidget *dock)
{
    int need = dock->minimumSizeHint().height();
    for (const QAbstractItemView *view : lists(dock))
        need = std::max(need, dock->height() - view->viewport()->height() + kDockListRows * rowHeight(view));
    return need;
}

} // namespace

void giveSideDocksFullHeight(QMainWindow &window)
{
    window.setCorner(Qt::BottomLeftCorner, Qt::LeftDockWidgetArea);
    window.setCorner(Qt::BottomRightCorner, Qt::RightDockWidgetArea);
}

void keepDockListsReadable(QDockWidget &dock)
{
    // A hard minimum of two rows: more would make the window taller than a small screen; tabifyCrowdedSides()
    // and the shares it gives keep kDockListRows.
    for (QAbstractItemView *view : dock.findChildren<QAbstractItemView *>()) {
        if (qobject_cast<QHeaderView *>(view))
            continue;
        int header = 0;
        if (auto *tree = qobject_cast<QTreeView *>(view); tree && !tree->isHeaderHidden())
            header = tree->header()->sizeHint().height();
        view->setMinimumHeight(2 * rowHeight(view) + header + 2 * view->frameWidth());
    }
}

int tabifyCrowdedSides(QMainWindow &window)
{
    int tabbed = 0;
    for (const Qt::DockWidgetArea area : {Qt::LeftDockWidgetArea, Qt::RightDockWidgetArea}) {
        // One shown dock per stack: a tab that is not the current one is hidden, or moved out of sight.
        QList<QDockWidget *> stack;
        for (QDockWidget *dock : window.findChildren<QDockWidget *>(Qt::FindDirectChildrenOnly))
            if (!dock->isFloating() && dock->isVisible() && !dock->visibleRegion().isEmpty() &&
                window.dockWidgetArea(dock) == area)
                stack << dock;
        if (stack.size() < 2)
            continue;
        // Docks side by side in one area (dragged there) each have the whole height: only those one above the
        // other count, the ones that overlap the top one's columns.
        std::sort(stack.begin(), stack.end(),
                  [](const QDockWidget *a, const QDockWidget *b) { return a->y() < b->y(); });
        const QRect top = stack.front()->geometry();
        stack.erase(std::remove_if(stack.begin() + 1, stack.end(),
                                   [&](const QDockWidget *d) {
                                       return d->geometry().right() < top.left() || d->geometry().left() > top.right();
                                   }),
                    stack.end());
        if (stack.size() < 2)
            continue;
        QList<int> heights;
        QList<int> needs;
        for (const QDockWidget *dock : std::as_const(stack)) {
            heights << dock->height();
            needs << readableHeight(dock);
        }
        const int total = std::accumulate(heights.cbegin(), heights.cend(), 0);
        const int needed = std::accumulate(needs.cbegin(), needs.cend(), 0);
        if (needed > total) {
            // No room: the lowest goes into the tabs of the one above it, which stays in front. Once the layout
            // has placed them, the next call sees whether the rest fit.
            window.tabifyDockWidget(stack.at(stack.size() - 2), stack.back());
            stack.at(stack.size() - 2)->raise();
            ++tabbed;
            continue;
        }
        // Room enough: each gets what it needs, the rest shared as it was.
        bool shortOfRoom = false;
        for (qsizetype i = 0; i < stack.size(); ++i)
            shortOfRoom = shortOfRoom || heights.at(i) < needs.at(i);
        if (!shortOfRoom)
            continue;
        const int spare = total - needed;
        QList<int> sizes;
        for (qsizetype i = 0; i < stack.size(); ++i)
            sizes << needs.at(i) + int(qint64(spare) * heights.at(i) / std::max(1, total));
        window.resizeDocks(stack, sizes, Qt::Vertical);
    }
    return tabbed;
}

void narrowSideDocks(QMainWindow &window, int deficit)
{
    if (deficit <= 0)
        return;
    QList<QDockWidget *> docks;
    QList<int> widths;
    QList<int> room;
    for (const Qt::DockWidgetArea area : {Qt::LeftDockWidgetArea, Qt::RightDockWidgetArea}) {
        for (QDockWidget *dock : window.findChildren<QDockWidget *>(Qt::FindDirectChildrenOnly)) {
            if (dock->isFloating() || !dock->isVisible() || window.dockWidgetArea(dock) != area ||
                dock->visibleRegion().isEmpty())
                continue;
            docks << dock;
            widths << dock->width();
            room << std::max(0, dock->width() - dock->minimumSizeHint().width());
            break;
        }
    }
    const int available = std::accumulate(room.cbegin(), room.cend(), 0);
    if (available == 0)
        return;
    const int take = std::min(deficit, available);
    for (qsizetype i = 0; i < docks.size(); ++i)
        widths[i] -= static_cast<int>((qint64(take) * room[i] + available - 1) / available); // rounded up
    window.resizeDocks(docks, widths, Qt::Horizontal);
}

} // namespace dubao
