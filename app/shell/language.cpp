#include "app/shell/language.h"

#include <QAbstractButton>
#include <QAbstractItemModel>
#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDockWidget>
#include <QGroupBox>
#include <QHash>
#include <QHeaderView>
#include <QLabel>
#include <QLibraryInfo>
#include <QLineEdit>
#include <QMenu>
#include <QMutex>
#include <QMutexLocker>
#include <QPlainTextEdit>
#include <QPointer>
#include <QSpinBox>
#include <QTabBar>
#include <QTabWidget>
#include <QTextEdit>
#include <QTranslator>

#include <optional>

namespace dubao {

namespace {

/// One text the program asked to translate.
struct TextKey
{
    QByteArray context;
    QByteArray source;
    QByteArray disambiguation;
    int n = -1;

    QString translated() const
    {
        return QCoreApplication::translate(context.constData(), source.constData(),
                                           disambiguation.isEmpty() ? nullptr : disambiguation.constData(), n);
    }
};

/// Asked first for every translation (installed last), it answers nothing and remembers what was asked: the keys
/// of every text the widgets can show.
class RecordingTranslator final : public QTranslator
{
public:
    using QTranslator::QTranslator;

    QString translate(const char *context, const char *sourceText, const char *disambiguation = nullptr,
                      int n = -1) const override
    {
        if (!context || !sourceText || !*sourceText)
            return {};
        QByteArray id = QByteArray(context) + '\0' + sourceText + '\0' + (disambiguation ? disambiguation : "") + '\0' +
                        QByteArray::number(n);
        const QMutexLocker lock(&m_mutex); // tr() runs on the workers too
        if (!m_keys.contains(id))
            m_keys.insert(id, TextKey{context, sourceText, disambiguation, n});
        return {};
    }

    bool isEmpty() const override { return false; }

    QList<TextKey> keys() const
    {
        const QMutexLocker lock(&m_mutex);
        return m_keys.values();
    }

private:
    mutable QMutex m_mutex;
    mutable QHash<QByteArray, TextKey> m_keys;
};

QPointer<QTranslator> g_qtTranslator;
QPointer<QTranslator> g_appTranslator;
QPointer<RecordingTranslator> g_recorder;

/// Each text the translators give now, mapped back to what was asked for.
QHash<QString, TextKey> textsToKeys()
{
    QHash<QString, TextKey> map;
    if (!g_recorder)
        return map;
    for (const TextKey &key : g_recorder->keys()) {
        const QString text = key.translated();
        if (!text.isEmpty() && !map.contains(text))
            map.insert(text, key);
    }
    return map;
}

/// Calls a function on each QEvent::LanguageChange its widget gets.
class LanguageFollower final : public QObject
{
public:
    LanguageFollower(QWidget *widget, std::function<void()> follow)
        : QObject(widget)
        , m_follow(std::move(follow))
    {
        widget->installEventFilter(this);
    }

    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::LanguageChange && watched == parent())
            m_follow();
        return false;
    }

private:
    std::function<void()> m_follow;
};

class Retranslation
{
public:
    explicit Retranslation(QHash<QString, TextKey> old)
        : m_old(std::move(old))
    {}

    /// `text` in the new language when it is a translated text, otherwise nullopt.
    std::optional<QString> again(const QString &text)
    {
        if (text.isEmpty())
            return std::nullopt;
        const auto it = m_old.constFind(text);
        if (it == m_old.cend())
            return std::nullopt;
        QString now = it->translated();
        if (now == text)
            return std::nullopt;
        ++m_changed;
        return now;
    }

    template<typename Get, typename Set>
    void apply(Get get, Set set)
    {
        if (const std::optional<QString> now = again(get()))
            set(*now);
    }

    void action(QAction *a)
    {
        apply([a] { return a->text(); }, [a](const QString &t) { a->setText(t); });
        apply([a] { return a->iconText(); }, [a](const QString &t) { a->setIconText(t); });
        apply([a] { return a->toolTip(); }, [a](const QString &t) { a->setToolTip(t); });
        apply([a] { return a->statusTip(); }, [a](const QString &t) { a->setStatusTip(t); });
    }

    void widget(QWidget *w)
    {
        apply([w] { return w->windowTitle(); }, [w](const QString &t) { w->setWindowTitle(t); });
        apply([w] { return w->toolTip(); }, [w](const QString &t) { w->setToolTip(t); });
        apply([w] { return w->statusTip(); }, [w](const QString &t) { w->setStatusTip(t); });
        apply([w] { return w->accessibleName(); }, [w](const QString &t) { w->setAccessibleName(t); });
        if (auto *label = qobject_cast<QLabel *>(w))
            apply([label] { return label->text(); }, [label](const QString &t) { label->setText(t); });
        else if (auto *button = qobject_cast<QAbstractButton *>(w))
            apply([button] { return button->text(); }, [button](const QString &t) { button->setText(t); });
        else if (auto *box = qobject_cast<QGroupBox *>(w))
            apply([box] { return box->title(); }, [box](const QString &t) { box->setTitle(t); });
        else if (auto *plain = qobject_cast<QPlainTextEdit *>(w))
            apply([plain] { return plain->placeholderText(); },
                  [plain](const QString &t) { plain->setPlaceholderText(t); });
        else if (auto *rich = qobject_cast<QTextEdit *>(w))
            apply([rich] { return rich->placeholderText(); },
                  [rich](const QString &t) { rich->setPlaceholderText(t); });
        else if (auto *line = qobject_cast<QLineEdit *>(w))
            apply([line] { return line->placeholderText(); },
                  [line](const QString &t) { line->setPlaceholderText(t); });
        else if (auto *combo = qobject_cast<QComboBox *>(w)) {
            for (int i = 0; i < combo->count(); ++i)
                apply([combo, i] { return combo->itemText(i); },
                      [combo, i](const QString &t) { combo->setItemText(i, t); });
        } else if (auto *spin = qobject_cast<QSpinBox *>(w)) {
            apply([spin] { return spin->suffix(); }, [spin](const QString &t) { spin->setSuffix(t); });
            apply([spin] { return spin->prefix(); }, [spin](const QString &t) { spin->setPrefix(t); });
            apply([spin] { return spin->specialValueText(); },
                  [spin](const QString &t) { spin->setSpecialValueText(t); });
        } else if (auto *tabs = qobject_cast<QTabBar *>(w)) {
            for (int i = 0; i < tabs->count(); ++i) {
                apply([tabs, i] { return tabs->tabText(i); }, [tabs, i](const QString &t) { tabs->setTabText(i, t); });
                apply([tabs, i] { return tabs->tabToolTip(i); },
                      [tabs, i](const QString &t) { tabs->setTabToolTip(i, t); });
            }
        } else if (auto *menu = qobject_cast<QMenu *>(w)) {
            apply([menu] { return menu->title(); }, [menu](const QString &t) { menu->setTitle(t); });
        }
        // Models answer their headers in the language of the moment: ask the views to ask again.
        if (auto *view = qobject_cast<QAbstractItemView *>(w); view && view->model()) {
            QAbstractItemModel *model = view->model();
            if (model->columnCount() > 0)
                emit model->headerDataChanged(Qt::Horizontal, 0, model->columnCount() - 1);
            view->viewport()->update();
        }
        for (QAction *a : w->actions())
            action(a);
    }

    int changed() const { return m_changed; }

private:
    QHash<QString, TextKey> m_old;
    int m_changed = 0;
};

} // namespace

QLocale uiLocale(const QString &languageSetting)
{
    if (languageSetting == QLatin1String("en"))
        return QLocale(QLocale::English, QLocale::UnitedStates);
    if (languageSetting == QLatin1String("zh_CN"))
        return QLocale(QLocale::Chinese, QLocale::SimplifiedChineseScript, QLocale::China);
    return QLocale::system();
}

bool installTranslations(const QString &languageSetting)
{
    QCoreApplication *app = QCoreApplication::instance();
    for (QPointer<QTranslator> *old : {&g_qtTranslator, &g_appTranslator}) {
        if (*old) {
            QCoreApplication::removeTranslator(*old);
            delete old->data();
        }
    }
    const QLocale locale = uiLocale(languageSetting);
    QLocale::setDefault(locale);
    bool loaded = false;
    if (locale.language() == QLocale::Chinese) {
        auto *qt = new QTranslator(app);
        if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                     QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
            QCoreApplication::installTranslator(qt);
            g_qtTranslator = qt;
        } else {
            delete qt;
        }
        auto *dubao = new QTranslator(app);
        // Compiled from translations/dubao_zh_CN.ts by qt_add_translations into the :/i18n resource.
        if (dubao->load(locale, QStringLiteral("dubao"), QStringLiteral("_"), QStringLiteral(":/i18n"))) {
            QCoreApplication::installTranslator(dubao);
            g_appTranslator = dubao;
            loaded = true;
        } else {
            delete dubao;
        }
    }
    // The recorder goes last, so it is asked first: it sees every text, whichever translator answers it.
    if (!g_recorder)
        g_recorder = new RecordingTranslator(app);
    else
        QCoreApplication::removeTranslator(g_recorder);
    QCoreApplication::installTranslator(g_recorder);
    return loaded;
}

int switchLanguage(const QString &languageSetting)
{
    Retranslation retranslation(textsToKeys()); // the texts as the old language gives them
    installTranslations(languageSetting);
    for (QWidget *top : QApplication::topLevelWidgets()) {
        retranslation.widget(top);
        for (QWidget *w : top->findChildren<QWidget *>())
            retranslation.widget(w);
        for (QAction *a : top->findChildren<QAction *>())
            retranslation.action(a);
    }
    return retranslation.changed();
}

void followLanguageChanges(QWidget *widget, std::function<void()> follow)
{
    new LanguageFollower(widget, std::move(follow)); // a child of the widget
}

} // namespace dubao
