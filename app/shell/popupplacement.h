// Where a pop-up (the tag palette, the note editor) opens: beside what the user is annotating, never over it. The
// reader says what to keep clear (ReaderView::annotatedRect()); every pop-up of the app is placed through here.
#pragma once

#include <QPoint>
#include <QRect>
#include <QSize>

class QWidget;

namespace dubao {

/// The top-left corner for a pop-up of `size` that covers none of `avoid`, within `screen` (all in global
/// coordinates): below `avoid`, else above it, else to its right, else to its left; when it fits on no side, the
/// side with the most room, so it covers as little as it can.
QPoint popupPosition(QSize size, const QRect &avoid, const QRect &screen);

/// Moves `popup` (sized to its size hint first when it has no size yet) beside `avoid` (global coordinates) on
/// the screen that shows `avoid`.
void placePopupBeside(QWidget *popup, const QRect &avoid);

} // namespace dubao
