#include "non_speech_passes.h"

#include <string>
#include <string_view>

#include "text_util.h"

namespace saidby {
namespace {

// Is quote q the title of a work: title case, at most 8 words, right after a word that
// introduces a title ("her memoir, “Tough Choices”") or a capitalised possessor ("CBS's
// “Face the Nation”")?
bool IsWorkTitle(const Document& doc, const QuoteScan& scan, const RuleSet& rules, size_t q,
                 const Window& w) {
  const std::string_view content = doc.slice(scan.spans[q].content);
  size_t words = 0;
  bool capital_word = false;
  for (std::string_view word : SplitWords(content)) {
    if (++words > 8) return false;
    CodePoint first = DecodeAt(word, 0);
    size_t letters = 0;
    for (size_t k = 0; k < word.size();) {
      CodePoint c = DecodeAt(word, k);
      letters += IsLetter(c.cp) ? 1 : 0;
      k += c.width;
    }
    if (IsLetter(first.cp) && !IsUpper(first.cp) && letters > 3) return false;
    capital_word |= IsUpper(first.cp);
  }
  if (words == 0 || !capital_word) return false;
  size_t at = 0;
  while (at < w.tokens.size() && w.tokens[at].quote != static_cast<int>(q)) ++at;
  if (at == w.tokens.size()) return false;
  for (size_t back = 1; back <= 3 && back <= at; ++back) {
    const Token& t = w.tokens[at - back];
    if (back == 1 && t.symbol == 'G') return true;
    if (rules.IsWorkNoun(LowerWord(doc.slice(t.span)))) return true;
    if (t.symbol != ',' && t.symbol != ':' && t.symbol != 'w' && t.symbol != 'D') break;
  }
  return false;
}

}  // namespace

bool WorkTitlePass(const PassContext& c, QuoteAttempt& t) {
  if (!IsWorkTitle(c.doc(), c.scan(), c.rules(), t.q, t.window)) return false;
  t.a.kind = "scare";
  t.a.confidence = 0.5;
  if (c.explain()) {
    t.why << "the title of a work (title case after \""
          << c.doc().slice(t.window.tokens.front().span) << "…\")";
  }
  return true;
}

bool UnattributedPass(const PassContext& c, QuoteAttempt& t) {
  Attribution& a = t.a;
  if (a.kind == "partial" || CountWords(c.doc().slice(c.scan().spans[t.q].content), 5) <= 4)
    a.kind = "scare";
  a.confidence = a.kind == "scare" ? 0.5 : 0.2;
  if (c.explain())
    t.why << "no rule matched; " << (a.kind == "scare" ? "scare quote" : "unattributed");
  return true;
}

}  // namespace saidby
