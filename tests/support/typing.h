// Typing into a widget as a user does, Chinese included.
#pragma once

#include <QCoreApplication>
#include <QKeyEvent>
#include <QString>
#include <QTest>
#include <QWidget>

namespace dubao::test {

/// Types `text` into `widget` key by key (QTest::keyClicks takes ASCII only: a Chinese character comes as the text of
/// a key event, as an input method delivers it).
inline void type(QWidget *widget, const QString &text)
{
    for (const QChar c : text) {
        if (c.unicode() < 128) {
            QTest::keyClick(widget, char(c.unicode()));
            continue;
        }
        QKeyEvent press(QEvent::KeyPress, Qt::Key_unknown, Qt::NoModifier, QString(c));
        QCoreApplication::sendEvent(widget, &press);
        QKeyEvent release(QEvent::KeyRelease, Qt::Key_unknown, Qt::NoModifier, QString(c));
        QCoreApplication::sendEvent(widget, &release);
    }
}

} // namespace dubao::test
