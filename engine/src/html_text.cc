#include "saidby/html_text.h"

#include <gumbo.h>

#include <cstdlib>
#include <unordered_set>
#include <utility>
#include <vector>

namespace saidby {
namespace {

bool Dropped(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_MATH:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_TEXTAREA:
      return true;
    default:
      return false;
  }
}

bool Block(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_BODY:
    case GUMBO_TAG_BR:
    case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_DETAILS:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_FIELDSET:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_HGROUP:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_HTML:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_P:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_SUMMARY:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TH:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_UL:
      return true;
    default:
      return false;
  }
}

// Paragraphs as they are written: white space collapsed, a blank line between two.
class Paragraphs {
 public:
  void Text(std::string_view s) {
    for (const char c : s) {
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
        space_ = true;
        continue;
      }
      if (space_ && !para_.empty()) para_ += ' ';
      space_ = false;
      para_ += c;
    }
  }
  void Break() {
    space_ = false;
    if (para_.empty()) return;
    if (!out_.empty()) out_ += "\n\n";
    out_ += para_;
    para_.clear();
  }
  std::string Finish() && {
    Break();
    if (!out_.empty()) out_ += '\n';
    return std::move(out_);
  }

 private:
  std::string out_;
  std::string para_;
  bool space_ = false;
};

// Gumbo's memory, freed here: gumbo_destroy_output recurses once per level of nesting, which a
// hostile page can make deep enough to overflow a worker thread's stack.
class Allocations {
 public:
  ~Allocations() {
    for (void* p : live_) std::free(p);
  }
  static void* Allocate(void* self, size_t size) {
    void* p = std::malloc(size);  // null as with gumbo's own malloc: nothing may unwind through C
    if (p != nullptr) static_cast<Allocations*>(self)->live_.insert(p);
    return p;
  }
  static void Free(void* self, void* p) {
    if (p == nullptr) return;
    static_cast<Allocations*>(self)->live_.erase(p);
    std::free(p);
  }

 private:
  std::unordered_set<void*> live_;
};

}  // namespace

std::string HtmlText(std::string_view html) {
  Allocations memory;
  GumboOptions options = kGumboDefaultOptions;
  options.allocator = &Allocations::Allocate;
  options.deallocator = &Allocations::Free;
  options.userdata = &memory;
  options.max_errors = 0;  // parse errors are not kept: a broken page would fill memory with them
  const GumboOutput* output = gumbo_parse_with_options(&options, html.data(), html.size());
  Paragraphs text;
  // Each open element, with the index of its next child; closing one may end a paragraph.
  std::vector<std::pair<const GumboNode*, unsigned>> stack{{output->root, 0}};
  while (!stack.empty()) {
    auto& [node, next] = stack.back();
    const GumboElement& e = node->v.element;
    if (next == e.children.length) {
      if (Block(e.tag)) text.Break();
      if (e.tag == GUMBO_TAG_Q) text.Text("\u201D");
      stack.pop_back();
      continue;
    }
    const GumboNode* child = static_cast<const GumboNode*>(e.children.data[next++]);
    switch (child->type) {
      case GUMBO_NODE_TEXT:
      case GUMBO_NODE_CDATA:
      case GUMBO_NODE_WHITESPACE:
        text.Text(child->v.text.text);
        break;
      case GUMBO_NODE_ELEMENT:
      case GUMBO_NODE_TEMPLATE:
        if (Dropped(child->v.element.tag)) break;
        if (Block(child->v.element.tag)) text.Break();
        if (child->v.element.tag == GUMBO_TAG_Q) text.Text("\u201C");
        stack.emplace_back(child, 0);
        break;
      default:  // comments, the document node
        break;
    }
  }
  return std::move(text).Finish();
}

}  // namespace saidby
