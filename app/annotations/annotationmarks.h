// The reader's marks of the annotations on the shown article: highlights in their tag's colour, note markers in
// the margin, tag chips beside the paragraphs and the title.
#pragma once

namespace dubao {

class AnnotationDocument;
class ReaderView;

/// Shows the marks of the reader's article from `document` (none when it is null or no article is shown).
/// Returns whether an article's marks are shown.
bool showAnnotationMarks(ReaderView &reader, const AnnotationDocument *document);

} // namespace dubao
