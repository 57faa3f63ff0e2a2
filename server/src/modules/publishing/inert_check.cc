#include "modules/publishing/inert_check.h"

#include <gumbo.h>

#include <vector>

#include "modules/publishing/html_sanitizer.h"

namespace tianshan::publishing {
namespace {

std::string_view AttributeOf(const GumboElement& e, const char* name) {
  const GumboAttribute* a = gumbo_get_attribute(&e.attributes, name);
  return a ? std::string_view(a->value) : std::string_view();
}

bool IsAbsoluteHttpUrl(std::string_view href) {
  return href.rfind("http://", 0) == 0 || href.rfind("https://", 0) == 0;
}

std::string CheckElement(const GumboNode& node) {
  const GumboElement& e = node.v.element;
  if (e.tag_namespace != GUMBO_NAMESPACE_HTML) return "foreign element";
  std::string name = e.tag == GUMBO_TAG_UNKNOWN ? "unknown" : gumbo_normalized_tagname(e.tag);
  // The parser adds html, head and body around a fragment; tbody inside a table is allowed.
  if (name == "html" || name == "head" || name == "body") return "";
  if (!IsAllowedElement(name)) return "element <" + name + ">";
  for (unsigned i = 0; i < e.attributes.length; ++i) {
    const auto* attr = static_cast<const GumboAttribute*>(e.attributes.data[i]);
    std::string_view attribute(attr->name);
    if (name == "a" && (attribute == "rel" || attribute == "target")) continue;
    if (!IsAllowedAttribute(name, attribute)) return "attribute " + name + "[" + std::string(attribute) + "]";
  }
  if (name == "a") {
    std::string_view href = AttributeOf(e, "href");
    if (!href.empty() && !IsSafeHref(href)) return "href " + std::string(href);
    if (IsAbsoluteHttpUrl(href) && AttributeOf(e, "rel") != "noopener nofollow ugc") return "external link without rel";
  }
  if (name == "img" && UploadKeyOf(AttributeOf(e, "src")).empty()) return "image " + std::string(AttributeOf(e, "src"));
  return "";
}

}  // namespace

std::string FindNonInert(std::string_view html) {
  GumboOutput* out = gumbo_parse_with_options(&kGumboDefaultOptions, html.data(), html.size());
  std::string found;
  // Iterative walk: the output is bounded in depth, but the check must not trust that.
  std::vector<const GumboNode*> stack{out->document};
  while (!stack.empty() && found.empty()) {
    const GumboNode* node = stack.back();
    stack.pop_back();
    if (node->type == GUMBO_NODE_COMMENT) found = "comment";
    if (node->type == GUMBO_NODE_TEMPLATE) found = "template";
    if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_DOCUMENT) continue;
    if (node->type == GUMBO_NODE_ELEMENT) found = CheckElement(*node);
    const GumboVector& children =
        node->type == GUMBO_NODE_DOCUMENT ? node->v.document.children : node->v.element.children;
    for (unsigned i = 0; i < children.length; ++i) stack.push_back(static_cast<const GumboNode*>(children.data[i]));
  }
  gumbo_destroy_output(&kGumboDefaultOptions, out);
  return found;
}

}  // namespace tianshan::publishing
