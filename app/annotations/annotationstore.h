// The open library's annotations as the GUI sees them: the tag, annotation and notebook repositories on the
// window's Library, and signals that tell the reader and the panels to refresh after any change (the undo
// commands in annotationcommands.h go through here).
#pragma once

#include "core/store/annotationrepository.h"
#include "core/store/notebookrepository.h"
#include "core/store/tagrepository.h"

#include <QColor>
#include <QHash>
#include <QObject>

#include <memory>

namespace dubao {

class Library;

class AnnotationStore final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AnnotationStore)

public:
    explicit AnnotationStore(QObject *parent = nullptr);
    ~AnnotationStore() override;

    /// Binds to a library (nullptr: none). Emits every changed signal.
    void setLibrary(Library *library);
    bool hasLibrary() const { return m_library != nullptr; }
    Library *library() const { return m_library; }

    TagRepository &tags() { return *m_tags; }
    AnnotationRepository &annotations() { return *m_annotations; }
    NotebookRepository &notebooks() { return *m_notebooks; }

    /// Tag id → colour, from the last tagsChanged().
    QColor tagColor(qint64 tagId) const { return m_colors.value(tagId); }
    QList<Tag> tagList() const { return m_tagList; }
    QString tagPath(qint64 tagId) const;

    /// The last tag used to highlight or tag something (0: none) and the most recently used first.
    qint64 lastTag() const { return m_recent.isEmpty() ? 0 : m_recent.front(); }
    QList<qint64> recentTags() const { return m_recent; }
    void noteTagUsed(qint64 tagId);
    /// All tags, the recently used first, then in tree order.
    QList<Tag> tagsRecentFirst() const;

    void notifyTagsChanged();
    void notifyAnnotationsChanged();
    void notifyNotebooksChanged();
    void notifyError(const QString &message) { emit errorOccurred(message); }

signals:
    void tagsChanged();
    void annotationsChanged();
    void notebooksChanged();
    void errorOccurred(const QString &message);

private:
    Library *m_library = nullptr;
    std::unique_ptr<TagRepository> m_tags;
    std::unique_ptr<AnnotationRepository> m_annotations;
    std::unique_ptr<NotebookRepository> m_notebooks;
    QList<Tag> m_tagList;
    QHash<qint64, QColor> m_colors;
    QList<qint64> m_recent;
};

} // namespace dubao
