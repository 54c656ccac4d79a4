#include "saidby/html_text.h"

#include <gumbo.h>

#include <algorithm>
#include <cctype>
#include <cstddef>
#include <cstdlib>
#include <string>
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

// Gumbo's memory, freed here: gumbo_destroy_output recurses once per level of nesting. Each
// block is on a list (the header before it), so freeing the lot is one loop.
class Allocations {
 public:
  Allocations() = default;
  Allocations(const Allocations&) = delete;
  Allocations& operator=(const Allocations&) = delete;
  ~Allocations() {
    while (head_.next != &head_) Free(this, head_.next + 1);
  }
  static void* Allocate(void* self, size_t size) {
    // Null as with gumbo's own malloc: nothing may unwind through C.
    auto* h = static_cast<Header*>(std::malloc(sizeof(Header) + size));
    if (h == nullptr) return nullptr;
    Header& head = static_cast<Allocations*>(self)->head_;
    h->prev = &head;
    h->next = head.next;
    head.next->prev = h;
    head.next = h;
    return h + 1;
  }
  static void Free(void*, void* p) {
    if (p == nullptr) return;
    Header* h = static_cast<Header*>(p) - 1;
    h->prev->next = h->next;
    h->next->prev = h->prev;
    std::free(h);
  }

 private:
  struct alignas(std::max_align_t) Header {
    Header* prev;
    Header* next;
  };
  Header head_{&head_, &head_};
};

// Elements that close their open siblings or have no content: they add no depth.
bool Nests(std::string_view tag) {
  static constexpr std::string_view kFlat[] = {
      "area", "base", "br",     "col", "dd",     "dt", "embed", "hr", "img",   "input", "li",
      "link", "meta", "option", "p",   "source", "td", "th",    "tr", "track", "wbr"};
  for (std::string_view f : kFlat) {
    if (tag == f) return false;
  }
  return true;
}

// An estimate of how deep `html` nests, from its tags alone (an end tag closes up to the open
// element of its name, if any, as the parser does). The parser scans its stack of open elements
// for many tags, so a page nested N deep costs it N² (100,000 <div> take minutes): deeper than
// `limit`, the estimate stops.
size_t NestingDepth(std::string_view html, size_t limit) {
  std::vector<std::string> open;
  size_t i = 0;
  auto lower_name = [&](size_t from) {
    std::string name;
    while (from < html.size() && std::isalnum(static_cast<unsigned char>(html[from]))) {
      name += static_cast<char>(std::tolower(static_cast<unsigned char>(html[from++])));
    }
    return name;
  };
  while ((i = html.find('<', i)) != std::string_view::npos && open.size() <= limit) {
    ++i;
    if (html.substr(i, 3) == "!--") {
      const size_t end = html.find("-->", i + 3);
      i = end == std::string_view::npos ? html.size() : end + 3;
      continue;
    }
    const bool closing = i < html.size() && html[i] == '/';
    const std::string name = lower_name(closing ? i + 1 : i);
    if (name.empty() || !std::isalpha(static_cast<unsigned char>(name[0]))) continue;
    if (closing) {
      for (size_t k = open.size(); k-- > 0;) {
        if (open[k] != name) continue;
        open.resize(k);
        break;
      }
      continue;
    }
    const size_t tag_end = html.find('>', i);
    if (tag_end == std::string_view::npos) break;
    if (name == "script" || name == "style") {  // raw text: "a<b" in a script is no tag
      const size_t close = html.find("</", tag_end);
      i = close == std::string_view::npos ? html.size() : close;
      while (i < html.size() && lower_name(i + 2) != name) {
        const size_t next = html.find("</", i + 2);
        i = next == std::string_view::npos ? html.size() : next;
      }
      continue;
    }
    // "<div/>" opens a div that stays open: the slash closes only in SVG and MathML.
    const bool self_closing =
        html[tag_end - 1] == '/' && std::any_of(open.begin(), open.end(), [](const std::string& e) {
          return e == "svg" || e == "math";
        });
    if (!self_closing && Nests(name)) open.push_back(name);
    i = tag_end + 1;
  }
  return open.size();
}

}  // namespace

Result<std::string> HtmlText(std::string_view html) {
  if (NestingDepth(html, kMaxHtmlDepth) > kMaxHtmlDepth) {
    return Status::Error("HTML nested deeper than " + std::to_string(kMaxHtmlDepth) +
                         " elements (the limit)");
  }
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
