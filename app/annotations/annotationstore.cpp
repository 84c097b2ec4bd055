#include "app/annotations/annotationstore.h"

#include "core/store/library.h"

namespace dubao {

AnnotationStore::AnnotationStore(QObject *parent)
    : QObject(parent)
{}

AnnotationStore::~AnnotationStore() = default;

void AnnotationStore::setLibrary(Library *library)
{
    m_library = library;
    m_recent.clear();
    if (library) {
        m_tags = std::make_unique<TagRepository>(*library);
        m_annotations = std::make_unique<AnnotationRepository>(*library);
        m_notebooks = std::make_unique<NotebookRepository>(*library);
    } else {
        m_tags.reset();
        m_annotations.reset();
        m_notebooks.reset();
    }
    notifyTagsChanged();
    notifyNotebooksChanged();
}

QString AnnotationStore::tagPath(qint64 tagId) const
{
    for (const Tag &tag : m_tagList)
        if (tag.id == tagId)
            return tag.path;
    return {};
}

void AnnotationStore::noteTagUsed(qint64 tagId)
{
    if (tagId <= 0)
        return;
    m_recent.removeAll(tagId);
    m_recent.prepend(tagId);
}

QList<Tag> AnnotationStore::tagsRecentFirst() const
{
    QList<Tag> result;
    for (qint64 id : m_recent)
        for (const Tag &tag : m_tagList)
            if (tag.id == id)
                result << tag;
    for (const Tag &tag : m_tagList)
        if (!m_recent.contains(tag.id))
            result << tag;
    return result;
}

void AnnotationStore::notifyTagsChanged()
{
    m_tagList = m_tags ? m_tags->list() : QList<Tag>{};
    m_colors.clear();
    for (const Tag &tag : std::as_const(m_tagList))
        m_colors.insert(tag.id, QColor(tag.color));
    // A deleted or merged tag is no longer "last used".
    m_recent.removeIf([this](qint64 id) { return !m_colors.contains(id); });
    emit tagsChanged();
    // Tag colours and names show on highlights and in the panels.
    emit annotationsChanged();
}

void AnnotationStore::notifyAnnotationsChanged()
{
    emit annotationsChanged();
}

void AnnotationStore::notifyNotebooksChanged()
{
    emit notebooksChanged();
}

} // namespace dubao
