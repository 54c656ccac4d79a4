// Quote spans: every quoted stretch of a document, found from its quotation marks alone.
//
// Recognises curly “ ” and ‘ ’, straight " and ', « » and ‹ ›, and „ “. A quote inside a
// quote is part of the outer one. Apostrophes (don’t, Kyiv’s, the ’90s, rock ’n’ roll) are
// not marks, and neither are marks inside markup residue (`[x a=”b”]`, HTML tags). A quote
// that a paragraph opens and leaves open, with the next paragraph re-opening it, is the news
// convention for a long quote: both parts are reported and linked. Any other unbalanced mark
// is closed at its paragraph end with a warning, so it never swallows the rest of the text.
// Cost: one pass over the bytes, O(bytes); the result owns no text (spans index `doc.text`).
//
// Example:
//   QuoteScan scan = FindQuoteSpans(doc);
//   for (const QuoteSpan& q : scan.spans) use(doc.slice(q.content));
#pragma once

#include <string>
#include <vector>

#include "saidby/document.h"

namespace saidby {

struct QuoteSpan {
  TextSpan content;  // the quoted words, inside the marks
  TextSpan outer;    // with the marks (for an unclosed quote, ends at the paragraph end)
  size_t paragraph = 0;
  bool closed = true;               // false: no closing mark; recovered at paragraph end
  bool continues_next = false;      // a multi-paragraph quote goes on in the next paragraph
  bool continues_previous = false;  // this quote re-opens the previous paragraph's quote
};

struct QuoteScan {
  std::vector<QuoteSpan> spans;       // in document order, never overlapping
  std::vector<std::string> warnings;  // "unbalanced quote mark at byte N: …"
};

QuoteScan FindQuoteSpans(const Document& doc);

}  // namespace saidby
