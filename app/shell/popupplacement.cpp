#include "app/shell/popupplacement.h"

#include <QGuiApplication>
#include <QScreen>
#include <QWidget>

#include <algorithm>
#include <array>

namespace dubao {

QPoint popupPosition(QSize size, const QRect &avoid, const QRect &screen)
{
    const int gap = 8;
    // Centred on the avoided rectangle along the side it opens on, then kept on the screen.
    auto clampX = [&](int x) {
        return std::clamp(x, screen.left(), std::max(screen.left(), screen.right() + 1 - size.width()));
    };
    auto clampY = [&](int y) {
        return std::clamp(y, screen.top(), std::max(screen.top(), screen.bottom() + 1 - size.height()));
    };
    const int centredX = clampX(avoid.center().x() - size.width() / 2);
    const int centredY = clampY(avoid.center().y() - size.height() / 2);
    struct Side
    {
        QPoint position;
        int room; ///< free pixels on this side, along the axis it opens on
        int need;
    };
    const std::array<Side, 4> sides{{
        {{centredX, avoid.bottom() + 1 + gap}, screen.bottom() - avoid.bottom() - gap, size.height()},
        {{centredX, avoid.top() - gap - size.height()}, avoid.top() - screen.top() - gap, size.height()},
        {{avoid.right() + 1 + gap, centredY}, screen.right() - avoid.right() - gap, size.width()},
        {{avoid.left() - gap - size.width(), centredY}, avoid.left() - screen.left() - gap, size.width()},
    }};
    for (const Side &side : sides)
        if (side.room >= side.need)
            return side.position;
    const Side &roomiest = *std::max_element(
        sides.begin(), sides.end(), [](const Side &a, const Side &b) { return a.room - a.need < b.room - b.need; });
    return {clampX(roomiest.position.x()), clampY(roomiest.position.y())};
}

void placePopupBeside(QWidget *popup, const QRect &avoid)
{
    if (!popup || avoid.isEmpty())
        return;
    QSize size = popup->size();
    if (!popup->testAttribute(Qt::WA_Resized)) {
        size = popup->sizeHint().expandedTo(popup->minimumSize());
        popup->resize(size);
    }
    QScreen *screen = QGuiApplication::screenAt(avoid.center());
    if (!screen)
        screen = popup->screen();
    // The frame the window manager adds is not known before the window is shown: leave room for a title bar.
    const QSize framed = size + QSize(0, 32);
    popup->move(popupPosition(framed, avoid, screen->availableGeometry()));
}

} // namespace dubao
