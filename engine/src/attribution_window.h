// Attribution windows: the text around a quote that the rules are matched against, reduced to
// one token-class symbol per word (rule_pattern.h), and the matching itself.
//
// A window is the sentence(s) holding a quote, bounded so that a hostile "sentence" of quotes
// costs linear work; wider windows add the next or the previous sentence. Rule matching first
// narrows the rules to those whose required symbols occur (RE2's FilteredRE2), then runs each
// regex; both answers are remembered per thread by symbols (at most 4 MB), which changes no
// result. Cost: linear in the window's words. Windows own their tokens; they refer to the
// Document only through offsets.
//
// Example:
//   Window w = BuildWindow(doc, scan, rules, q, WindowSpan(doc, scan, q));
//   for (int r : CandidateRules(rules, w.symbols)) MatchRule(rules, r, w.symbols, groups);
#pragma once

#include <re2/re2.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "saidby/document.h"
#include "saidby/quote_span.h"
#include "saidby/rule_set.h"

namespace saidby {

struct Token {
  TextSpan span;
  char32_t symbol = 'w';  // a class byte or a literal's symbol (rule_pattern.h)
  int quote = -1;         // index of the quote this token stands for
};

struct Window {
  TextSpan span;
  std::vector<Token> tokens;
  std::string symbols;  // the tokens' symbols, one byte each unless the rules' literals are wide
  std::vector<uint32_t> token_at;  // with wide symbols, the token of each byte and of the end
};

// The token that starts at byte `at` of w.symbols (or w.tokens.size() at its end).
size_t TokenAt(const Window& w, size_t at);
size_t TokenAt(const Window& w, const char* at);

// The window's symbols for people to read: each literal word is "L".
std::string PrintableSymbols(const Window& w);

// The sentences that hold quote `q`, widened so that no other quote is cut by the edges
// (within bounds: a window cut short starts or ends between two quotes).
TextSpan WindowSpan(const Document& doc, const QuoteScan& scan, size_t q);

// The sentence before quote `q` (in its paragraph or the one before) and the quote, when the
// quote opens its own window `w` and no other quote sits in that sentence. Empty otherwise.
TextSpan PreviousSentenceWindow(const Document& doc, const QuoteScan& scan, size_t q, TextSpan w);

// The quote `q` followed by the next sentence of its paragraph, when the quote ends its own
// window `w`: “Q.” Keller said the talks would go on. Empty when there is no such sentence.
TextSpan NextSentenceWindow(const Document& doc, const QuoteScan& scan, size_t q, TextSpan w);

// The tokens of `span` (quote `q` is the token 'Q', other quotes 'q').
Window BuildWindow(const Document& doc, const QuoteScan& scan, const RuleSet& rules, size_t q,
                   TextSpan span);

// How many words SplitWords would find, counting no further than `limit`.
size_t CountWords(std::string_view s, size_t limit);

// The rules whose required symbols all occur in a window, best priority first: only these
// are matched.
std::vector<int> CandidateRules(const RuleSet& rules, const std::string& symbols);

// Runs rule `rule`'s regex anchored at the start of `symbols`; `groups` receives the whole
// match and every capture, pointing into `symbols`.
bool MatchRule(const RuleSet& rules, size_t rule, const std::string& symbols,
               std::vector<re2::StringPiece>& groups);

}  // namespace saidby
