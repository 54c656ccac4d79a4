// HTML text: the words of an HTML page as plain text, laid out as saidby reads articles.
//
// The page goes through an HTML5 parser (gumbo, as browsers parse it: entities decoded,
// unclosed tags closed). What is not article text is dropped: script, style, nav, header,
// footer, the head, forms' controls, embedded SVG and MathML. Each block element (p, div, li,
// h1–h6, blockquote, td, br, …) becomes a paragraph, paragraphs separated by a blank line;
// white space inside one collapses to single spaces, as a browser shows it; <q> gets the curly
// quote marks a browser draws. Offsets of quotes found in HTML index this text, not the page.
// A page nested deeper than kMaxHtmlDepth elements (estimated from its tags) is refused: the
// parser's work grows with the square of the depth.
// Cost: one scan of the tags, one parse (a tree of the page) and one walk, iterative.
//
// Example:
//   Result<std::string> text = HtmlText("<p>&ldquo;Yes,&rdquo; she said.</p>");  // "“Yes,” she
//   said.\n"
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "saidby/status.h"

namespace saidby {

// Real pages nest a few dozen elements deep; at this depth the parser still takes a second.
constexpr size_t kMaxHtmlDepth = 512;

// REQUIRES: `html` is UTF-8 (what the parser reads; other bytes become U+FFFD).
// Error: "HTML nested deeper than 512 elements (the limit)".
Result<std::string> HtmlText(std::string_view html);

}  // namespace saidby
