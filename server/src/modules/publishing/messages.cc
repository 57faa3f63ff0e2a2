#include "modules/publishing/messages.h"

namespace tianshan::publishing {

std::vector<MessageText> Messages() {
  return {
      {"publishing.not_found", "未找到该文章", "No such article"},
      {"publishing.column_not_found", "未找到该栏目", "No such column"},
      {"publishing.revision_not_found", "未找到该版本", "No such revision"},
      {"publishing.upload_not_found", "未找到该文件", "No such file"},
      {"publishing.column_name_taken", "同一位置已有同名栏目", "A column of that name exists there already"},
      {"publishing.bad_column_name", "栏目名称不能含有“>”", "Column names cannot contain \">\""},
      {"publishing.bad_parent", "上级栏目须是本组织的另一个栏目",
       "The parent must be another column of this organization"},
      {"publishing.too_deep", "栏目最多两级", "Columns have at most two levels"},
      {"publishing.unknown_account", "没有这个账号", "No such account"},
      {"publishing.denied_text", "含有禁止发布的内容：{}", "Contains text that may not be published: {}"},
      {"publishing.foreign_image", "图片只能来自本平台上传的文件：{}",
       "Images must be files uploaded to the platform: {}"},
      {"publishing.unknown_upload", "没有这个上传文件：{}", "No such uploaded file: {}"},
      {"publishing.body_too_large", "正文不能超过 {} KB", "The body must not exceed {} KB"},
      {"publishing.body_too_deep", "正文的嵌套层级不能超过 {} 层", "The body must not nest deeper than {} levels"},
      {"publishing.bad_url", "链接须以 http:// 或 https:// 开头", "Links start with http:// or https://"},
      {"publishing.reprint_needs_url", "转载文章须填写原文链接", "A reprint needs the address of the original"},
      {"publishing.bad_tag", "标签为 1–{} 个字符，不含逗号", "Tags are 1–{} characters without commas"},
      {"publishing.bad_time", "时间格式应为 2026-12-01T08:00:00+08:00", "Times are written 2026-12-01T08:00:00+08:00"},
      {"publishing.publish_at_past", "定时发布的时间须在将来", "A scheduled time must be in the future"},
      {"publishing.wrong_state", "文章当前的状态不允许此操作", "The article's state does not allow this"},
      {"publishing.needs_review", "文章须经审核通过后才能发布", "An article is published only after review"},
      {"publishing.stale_revision", "文章已被他人修改（当前为第 {} 版），请刷新后再编辑",
       "Someone else saved the article meanwhile (now revision {}); reload before editing"},
      {"publishing.own_article", "不能审核通过自己撰写或提交的文章",
       "Nobody approves an article they wrote or submitted"},
      {"publishing.no_title", "没有找到文章标题", "No title found in the text"},
      {"publishing.bad_file_name", "文件名须为 1–100 个字符", "File names are 1–100 characters"},
      {"publishing.upload_too_large", "文件不能超过 {} MB", "Files must not exceed {} MB"},
      {"publishing.file_type", "只接受 PNG、JPEG、GIF、WebP 图片和 PDF、Office、ZIP、纯文本文件",
       "Only PNG, JPEG, GIF and WebP images and PDF, Office, ZIP and plain-text files are accepted"},
      {"publishing.notice.submitted_title", "有文章待审核", "An article waits for review"},
      {"publishing.notice.submitted_body", "《{title}》已提交审核。", "\"{title}\" was submitted for review."},
      {"publishing.notice.approved_title", "文章已审核通过", "Article approved"},
      {"publishing.notice.approved_body", "《{title}》已审核通过，等待发布。",
       "\"{title}\" was approved and waits to be published."},
      {"publishing.notice.rejected_title", "文章被退回修改", "Article returned for changes"},
      {"publishing.notice.rejected_body", "《{title}》被退回：{note}", "\"{title}\" was returned: {note}"},
      {"publishing.notice.published_title", "文章已发布", "Article published"},
      {"publishing.notice.published_body", "《{title}》已在网站上发布。", "\"{title}\" is now on the public site."},
      {"publishing.notice.withdrawn_title", "文章已撤回", "Article withdrawn"},
      {"publishing.notice.withdrawn_body", "《{title}》已撤回：{note}", "\"{title}\" was withdrawn: {note}"},
  };
}

}  // namespace tianshan::publishing
