// Schema steps and per-connection set-up that live beside the features they belong to. Library::open()
// runs setUpConnection() after every open (before migrating) and the steps in order.
#pragma once

#include <QSqlDatabase>
#include <QString>

namespace dubao::schema {

/// v1 → v2: tags, highlights, notes, notebooks (core/store/annotationschema.cpp).
bool migrateTo2(QSqlDatabase &db, QString *error);

/// v2 → v3: the full-text index and the triggers that keep it in step (core/search/searchschema.cpp).
bool migrateTo3(QSqlDatabase &db, QString *error);

/// Per connection, right after open: registers Dubao's FTS5 tokenizer (core/search/searchschema.cpp).
/// The tokenizer is per connection, so every connection (every thread) needs it.
bool setUpConnection(QSqlDatabase &db, QString *error);

} // namespace dubao::schema
