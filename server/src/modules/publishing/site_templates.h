#pragma once
// The public site's Mustache templates. {{x}} is escaped; {{{x}}} is used only for HTML that this
// module produced itself (a rendered page part, a sanitized body).

namespace tianshan::publishing::templates {

inline constexpr const char* kLayout = R"(<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>{{title}}</title>
<meta name="description" content="{{description}}">
<link rel="stylesheet" href="/site/static/site.css">
{{#canonical}}<link rel="canonical" href="{{url}}">
{{/canonical}}<link rel="alternate" type="application/atom+xml" title="{{feed_title}}" href="{{feed}}">
<meta property="og:site_name" content="{{org_name}}">
<meta property="og:type" content="{{og_type}}">
<meta property="og:title" content="{{title}}">
<meta property="og:description" content="{{description}}">
<meta property="og:url" content="{{url}}">
<meta property="og:locale" content="zh_CN">
{{#has_image}}<meta property="og:image" content="{{image}}">
{{/has_image}}{{#published}}<meta property="article:published_time" content="{{published}}">
{{/published}}</head>
<body>
<header class="site-header"><a class="site-name" href="/site/{{org_id}}">{{org_name}}</a>
<form class="site-search" action="/site/{{org_id}}/search" method="get" role="search"><input type="search" name="q" value="{{q}}" maxlength="50" placeholder="搜索文章" aria-label="搜索文章"><button type="submit">搜索</button></form>
</header>
<nav class="site-nav" aria-label="栏目"><a href="/site/{{org_id}}">首页</a>{{#nav}}<a href="/site/{{org_id}}/columns/{{id}}"{{#current}} aria-current="page"{{/current}}>{{name}}</a>{{/nav}}</nav>
<main class="site-main">
{{{content}}}
</main>
<footer class="site-footer"><p>{{org_name}} · <a href="{{feed}}">订阅本页 (Atom)</a></p></footer>
</body>
</html>
)";

inline constexpr const char* kCrumbs =
    R"(<nav class="crumbs" aria-label="breadcrumb">您现在的位置：<a href="/site/{{org_id}}">首页</a>{{#crumbs}} &gt; {{#has_href}}<a href="{{href}}">{{name}}</a>{{/has_href}}{{^has_href}}{{name}}{{/has_href}}{{/crumbs}}</nav>)";

inline constexpr const char* kList = R"({{{crumbs}}}
<h1 class="list-title">{{heading}}</h1>
{{#has_children}}<nav class="subcolumns" aria-label="子栏目">{{#children}}<a href="/site/{{org_id}}/columns/{{id}}">{{name}}</a>{{/children}}</nav>{{/has_children}}
<ul class="article-list">{{#items}}
<li><a href="{{href}}">{{title}}</a> <time datetime="{{iso}}">{{date}}</time>{{#has_summary}}<p>{{summary}}</p>{{/has_summary}}</li>{{/items}}
</ul>
{{^items}}<p class="empty">{{empty}}</p>{{/items}}
{{#paged}}<nav class="pages" aria-label="分页">{{#has_prev}}<a href="{{prev}}" rel="prev">上一页</a>{{/has_prev}}<span>第 {{page}} / {{pages}} 页</span>{{#has_next}}<a href="{{next}}" rel="next">下一页</a>{{/has_next}}</nav>{{/paged}})";

inline constexpr const char* kArticle = R"({{{crumbs}}}
<article class="article">
<h1>{{title}}</h1>
{{#has_subtitle}}<p class="subtitle">{{subtitle}}</p>
{{/has_subtitle}}<p class="meta"><span>发布时间：<time datetime="{{iso}}">{{date}}</time></span>{{#has_source}}<span>文章来源：{{#has_source_url}}<a href="{{source_url}}" rel="noopener nofollow ugc">{{source}}</a>{{/has_source_url}}{{^has_source_url}}{{source}}{{/has_source_url}}</span>{{/has_source}}{{#has_author}}<span>作者：{{author}}</span>{{/has_author}}<span>阅读：{{views}}</span></p>
{{#has_cover}}<img class="cover" src="{{cover}}" alt="">
{{/has_cover}}<div class="body">{{{body}}}</div>
{{#has_attachments}}<section class="attachments"><h2>附件</h2><ul>{{#attachments}}<li><a href="/media/{{key}}" download>{{name}}</a> <span>{{size}}</span></li>{{/attachments}}</ul></section>
{{/has_attachments}}{{#has_tags}}<p class="tags">标签：{{#tags}}<span>{{.}}</span>{{/tags}}</p>
{{/has_tags}}{{#has_editor}}<p class="editor">[责任编辑：{{editor}}]</p>
{{/has_editor}}<aside class="share"><img src="/site/{{org_id}}/articles/{{id}}/qr.svg" alt="本文的二维码" width="132" height="132"><p>扫一扫，在手机上阅读或分享本文<br><span class="url">{{url}}</span></p></aside>
</article>)";

inline constexpr const char* kWithdrawn = R"({{{crumbs}}}
<article class="article withdrawn">
<h1>{{title}}</h1>
<p class="notice" role="status">本文已于 {{date}} 撤回。撤回原因：{{reason}}</p>
</article>)";

inline constexpr const char* kFeed = R"(<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">
<title>{{title}}</title>
<id>{{alternate}}</id>
<link rel="self" type="application/atom+xml" href="{{self}}"/>
<link rel="alternate" type="text/html" href="{{alternate}}"/>
<updated>{{updated}}</updated>
<author><name>{{org_name}}</name></author>
{{#entries}}<entry>
<title>{{title}}</title>
<id>{{url}}</id>
<link rel="alternate" type="text/html" href="{{url}}"/>
<published>{{published}}</published>
<updated>{{updated}}</updated>
{{#has_author}}<author><name>{{author}}</name></author>
{{/has_author}}<summary>{{summary}}</summary>
<content type="html">{{body}}</content>
</entry>
{{/entries}}</feed>
)";

inline constexpr const char* kNotFound = R"(<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>未找到页面</title><link rel="stylesheet" href="/site/static/site.css"></head>
<body><main class="site-main"><h1>未找到页面</h1><p>您访问的页面不存在或尚未发布。</p></main></body></html>
)";

inline constexpr const char* kCss = R"(*{box-sizing:border-box}
body{margin:0;font-family:"Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;color:#1f2329;background:#f6f7f9;line-height:1.75;font-size:17px}
a{color:#b41e1e}
.site-header{background:#b41e1e;color:#fff;padding:12px 16px;display:flex;flex-wrap:wrap;gap:8px;align-items:center;justify-content:space-between}
.site-name{color:#fff;font-weight:700;font-size:20px;text-decoration:none}
.site-search{display:flex;gap:4px;flex:1 1 220px;max-width:360px}
.site-search input{flex:1;min-width:0;padding:6px 8px;border:0;border-radius:4px;font-size:16px}
.site-search button{padding:6px 12px;border:0;border-radius:4px;background:#fff;color:#b41e1e;font-size:16px}
.site-nav{display:flex;gap:4px 16px;flex-wrap:wrap;padding:8px 16px;background:#fff;border-bottom:1px solid #e5e6eb}
.site-nav a{text-decoration:none;color:#1f2329;padding:4px 0}
.site-nav a[aria-current]{color:#b41e1e;font-weight:700}
.site-main{max-width:760px;margin:0 auto;padding:12px 16px 32px;background:#fff;min-height:60vh}
.crumbs{font-size:14px;color:#646a73;margin:4px 0 12px}
.article h1{font-size:24px;line-height:1.4;margin:8px 0}
.subtitle{color:#646a73;margin:0 0 8px}
.meta{font-size:14px;color:#646a73;display:flex;flex-wrap:wrap;gap:4px 16px;border-bottom:1px solid #e5e6eb;padding-bottom:8px}
.body p{text-indent:2em;margin:0 0 1em}
.body img,.cover{max-width:100%;height:auto;display:block;margin:8px auto}
.body table{border-collapse:collapse;width:100%;display:block;overflow-x:auto}
.body td,.body th{border:1px solid #dcdfe6;padding:4px 8px}
.body blockquote{margin:0 0 1em;padding:4px 12px;border-left:4px solid #e5e6eb;color:#4e5969}
.editor{text-align:right;color:#646a73}
.share{display:flex;gap:12px;align-items:center;border-top:1px solid #e5e6eb;margin-top:16px;padding-top:12px;font-size:14px;color:#646a73}
.share img{width:132px;height:132px;flex:none}
.share .url{word-break:break-all}
.article-list{list-style:none;padding:0;margin:0}
.article-list li{padding:10px 0;border-bottom:1px solid #f0f1f2}
.article-list li a{font-size:17px;text-decoration:none;color:#1f2329}
.article-list time{display:block;font-size:13px;color:#8f959e}
.article-list p{margin:4px 0 0;font-size:14px;color:#646a73}
.list-title{font-size:22px;margin:4px 0 8px}
.subcolumns{display:flex;gap:12px;flex-wrap:wrap;margin-bottom:8px}
.pages{display:flex;gap:16px;justify-content:center;margin-top:16px;font-size:15px}
.notice{background:#fff7e8;border:1px solid #ffd591;padding:12px;border-radius:4px}
.tags span{display:inline-block;background:#f2f3f5;border-radius:4px;padding:0 8px;margin-right:6px;font-size:14px}
.site-footer{text-align:center;font-size:13px;color:#8f959e;padding:16px}
@media (min-width:900px){.site-header,.site-nav{padding-left:calc(50% - 380px);padding-right:calc(50% - 380px)}}
)";

}  // namespace tianshan::publishing::templates
