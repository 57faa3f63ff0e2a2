#pragma once
// The publishing module (网上共青团, issue 14): columns, articles with review, revisions, uploads
// and the public site (see README.md). API routes:
//   GET|POST /api/v1/organizations/{id}/publishing/columns     PUT /api/v1/publishing/columns/{id}
//   GET  /api/v1/organizations/{id}/publishing/articles         POST /api/v1/publishing/columns/{id}/articles
//   POST /api/v1/publishing/columns/{id}/imports                GET|PUT /api/v1/publishing/articles/{id}
//   POST /api/v1/publishing/articles/{id}/{submit,approve,reject,publish,withdraw}
//   GET  /api/v1/publishing/articles/{id}/revisions[/{revision}]
//   POST /api/v1/organizations/{id}/publishing/uploads?name=    POST /api/v1/publishing/preview
// Public (no session): /site/{org}, /site/{org}/columns/{column}, /site/{org}/articles/{id},
//   /site/{org}/search?q=, /site/{org}/feed.atom, /site/{org}/columns/{column}/feed.atom,
//   /site/{org}/articles/{id}/qr.svg, /site/static/site.css, /media/{key}

#include "kit/module.h"

namespace tianshan::publishing {

ModuleDefinition PublishingModule();

}  // namespace tianshan::publishing
