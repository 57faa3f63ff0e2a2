#pragma once
// The JSON of columns, articles, revisions and uploads, as openapi.json describes them.

#include "core/json.h"
#include "modules/publishing/use_cases.h"

namespace tianshan::publishing {

void WriteColumn(JsonOut& out, const ColumnView& v);
void WriteArticle(JsonOut& out, const ArticleView& v);
void WriteRevision(JsonOut& out, const Revision& r, bool with_body);
void WriteUpload(JsonOut& out, const Upload& u);
// The article's optional metadata fields (subtitle … summary), in an object being written: the
// API's article and the stored revision's fields share them.
void WriteArticleMeta(JsonOut& out, const ArticleFields& f);

}  // namespace tianshan::publishing
