// HTML text: the words of an HTML page as plain text, laid out as saidby reads articles.
//
// The page goes through an HTML5 parser (gumbo, as browsers parse it: entities decoded,
// unclosed tags closed). What is not article text is dropped: script, style, nav, header,
// footer, the head, forms' controls, embedded SVG and MathML. Each block element (p, div, li,
// h1–h6, blockquote, td, br, …) becomes a paragraph, paragraphs separated by a blank line;
// white space inside one collapses to single spaces, as a browser shows it; <q> gets the curly
// quote marks a browser draws. Offsets of quotes found in HTML index this text, not the page.
// Cost: one parse (a tree of the page) and one walk, iterative (no recursion on deep pages).
//
// Example:
//   std::string text = HtmlText("<p>&ldquo;Yes,&rdquo; she said.</p>");  // "“Yes,” she said.\n"
#pragma once

#include <string>
#include <string_view>

namespace saidby {

// REQUIRES: `html` is UTF-8 (what the parser reads; other bytes become U+FFFD).
std::string HtmlText(std::string_view html);

}  // namespace saidby
