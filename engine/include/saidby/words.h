// Words: the one definition of a word that evaluation (quote overlap), comparison (clusters)
// and speaker names share, so that scores and clusters agree on what a word is. A word is a
// run of letters, digits, combining marks and inner apostrophes (' ’ ‘ ʼ, all written '),
// case-folded with accents dropped; an ellipsis ("...", "…") is the token kEllipsis.
// Pure; cost linear in the text.
//
// Example:
//   QuoteWords w = SplitQuoteWords("It’s (PUTIN)... 'élan'");
//   // w.folded == {"it's", "putin", kEllipsis, "elan"}; QuoteTokens drops the ellipsis
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "saidby/document.h"

namespace saidby {

inline constexpr std::string_view kEllipsis = "\xE2\x80\xA6";
struct QuoteWords {
  std::vector<std::string> folded;
  std::vector<TextSpan> spans;  // byte span of each token in the quote text
};
QuoteWords SplitQuoteWords(std::string_view quote);

// The folded words alone, ellipses left out: what quote overlap is scored on.
std::vector<std::string> QuoteTokens(std::string_view text);

// Exact-span form: white space trimmed at both ends and runs of it inside made one space.
std::string NormalizeSpan(std::string_view text);

}  // namespace saidby
