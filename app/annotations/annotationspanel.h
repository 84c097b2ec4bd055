// The annotations panel: every highlight and note in the library, filtered by tag (optionally with its child
// tags), author (remembered), article, issue date range and text (an AnnotationListModel in a tree view, sortable by
// any column). Activating a row opens the reader at it.
#pragma once

#include "core/store/annotationrepository.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QTimer;
class QTreeView;

namespace dubao {

class AnnotationDocument;
class AnnotationListModel;

class AnnotationsPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AnnotationsPanel)

public:
    explicit AnnotationsPanel(AnnotationDocument &document, QWidget *parent = nullptr);
    ~AnnotationsPanel() override;

    /// The article "this article only" filters by (the one in the reader).
    void setCurrentArticle(qint64 articleId);
    void setTagFilter(qint64 tagId, bool includeChildren = true);
    void setTextFilter(const QString &text);
    void setArticleOnly(bool on);
    void setDateRange(const QDate &from, const QDate &to);
    /// Shows only what `name` made (empty: everyone's); remembered in the settings.
    void setAuthorFilter(const QString &name);
    QComboBox *authorFilter() const { return m_author; }
    AnnotationFilter filter() const;

    QTreeView *list() const { return m_list; }
    AnnotationListModel *model() const { return m_model; }
    QList<AnnotationItem> items() const;
    /// The selected row's annotation, if any.
    std::optional<AnnotationItem> currentItem() const;

    void refresh();

signals:
    void annotationActivated(const dubao::AnnotationItem &item);
    /// "Export…": export what the current filter shows (the window opens the export dialog with it).
    void exportRequested(const dubao::AnnotationFilter &filter);
    /// Right-click: the window fills the menu (add to notebook, delete…).
    void contextMenuRequested(QMenu *menu, const dubao::AnnotationItem &item);

private:
    void reloadTags();
    /// The people who annotated the library (SearchService::authors()), the chosen one kept.
    void reloadAuthors();

    AnnotationDocument &m_document;
    QComboBox *m_tag;
    QComboBox *m_author;
    QString m_wantedAuthor; ///< the remembered choice, until the library knows that name
    QCheckBox *m_children;
    QCheckBox *m_articleOnly;
    QCheckBox *m_useDates;
    QDateEdit *m_from;
    QDateEdit *m_to;
    QLineEdit *m_text;
    AnnotationListModel *m_model;
    QTreeView *m_list;
    QLabel *m_count;
    QTimer *m_refreshTimer;
    qint64 m_articleId = 0;
};

} // namespace dubao

Q_DECLARE_METATYPE(dubao::AnnotationItem)
