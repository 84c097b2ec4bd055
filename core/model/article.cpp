#include "core/model/article.h"

namespace dubao {

QString blockKindName(BlockKind kind)
{
    switch (kind) {
    case BlockKind::Body:
        return QStringLiteral("body");
    case BlockKind::Heading:
        return QStringLiteral("heading");
    case BlockKind::Speaker:
        return QStringLiteral("speaker");
    case BlockKind::Caption:
        return QStringLiteral("caption");
    case BlockKind::Note:
        return QStringLiteral("note");
    }
    return QStringLiteral("body");
}

std::optional<BlockKind> blockKindFromName(QStringView name)
{
    for (BlockKind kind :
         {BlockKind::Body, BlockKind::Heading, BlockKind::Speaker, BlockKind::Caption, BlockKind::Note}) {
        if (name == blockKindName(kind))
            return kind;
    }
    return std::nullopt;
}

} // namespace dubao
