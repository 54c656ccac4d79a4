// Attribution: links each quote span to the person who said it, using the compiled RuleSet.
//
// Each quote goes through named passes in a fixed order (the table in attribution.cc) until
// one decides: the title of a work; a quote re-opened after a paragraph break; the rules on the
// quote's own sentence, then with the next sentence, then with the previous one; continuing the
// previous speaker (`continue = yes` rules); the previous sentence with every rule; else
// unattributed or a scare quote. A rule window is the text reduced to a string of token-class
// symbols, matched against the patterns whose required symbols it holds (RE2's FilteredRE2),
// best priority first; the first match that names someone decides. The words it marks resolve
// to a speaker (mention → entity): names to their entity or fullest form ("Peskov" → "Dmitry
// Peskov"), pronouns to the most salient compatible entity, roles to the entity described.
// `Attribution::pass` reports the pass that decided. Cost: linear in the sentences that hold
// quotes, plus one pass over the document for names. Pure function of its inputs; owns nothing.
//
// Example:
//   std::vector<Attribution> a = Attribute(doc, FindQuoteSpans(doc), rules, /*explain=*/false);
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "saidby/confidence_table.h"
#include "saidby/document.h"
#include "saidby/quote_span.h"
#include "saidby/rule_set.h"

namespace saidby {

struct Attribution {
  std::string kind;       // full, partial, continued or scare
  std::string speaker;    // canonical name; empty when unknown or unnamed
  std::string mention;    // the words that named the speaker
  TextSpan mention_span;  // where `mention` is in the text (a continued quote: its first's)
  std::string cue;
  TextSpan cue_span;  // where `cue` is in the text, when it is not empty
  std::string rule;   // id of the rule that fired; empty when none did
  // The attribution pass that decided (own-sentence, next-sentence, continuation, …; README,
  // "Attribution passes"); every quote has one, the last being unattributed.
  std::string pass;
  // What named the speaker (calibration.h); with `rule`, what the confidence was measured for.
  MentionType mention_type = MentionType::kNone;
  double confidence = 0;  // calibrated (confidence.txt) unless the rules folder has no table
  std::string explain;    // filled when asked: the candidates weighed and why the winner won
};

// One Attribution per quote of `scan.spans`, in the same order.
std::vector<Attribution> Attribute(const Document& doc, const QuoteScan& scan, const RuleSet& rules,
                                   bool explain);

// A stretch of text as attribution reads a quote's window: its tokens, each with one symbol of
// the pattern language (rule_pattern.h); every quote inside it is an OTHERQUOTE.
struct TokenWindow {
  struct Token {
    TextSpan span;
    char32_t symbol = 'w';
  };
  TextSpan span;
  std::vector<Token> tokens;
  std::string symbols;             // what patterns match
  std::vector<uint32_t> token_at;  // with wide symbols, the token of each byte and of the end
  size_t TokenAt(size_t byte) const { return token_at.empty() ? byte : token_at[byte]; }
};

// Quote attribution kept open after its run, for passes that attribute more than quotes
// (reported speech, reported_speech.h): they read text and name speakers as quotes do, with the
// speakers the quotes established. Owns the document's entities; borrows its arguments.
class QuoteAttributor {
 public:
  QuoteAttributor(const Document& doc, const QuoteScan& scan, const RuleSet& rules, bool explain);
  ~QuoteAttributor();
  QuoteAttributor(const QuoteAttributor&) = delete;
  QuoteAttributor& operator=(const QuoteAttributor&) = delete;

  // What Attribute returns. Call it once, before the functions below.
  std::vector<Attribution> Run();
  // The tokens of `span` (a sentence), classified as in a quote's window.
  TokenWindow Read(TextSpan span) const;
  // Names the speaker of tokens [a, b) of `w` as a quote's mention is named: fills speaker,
  // mention and mention_span of `out`. False when the words name no one.
  bool ResolveSpeaker(const TokenWindow& w, size_t a, size_t b, Attribution& out) const;

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

// Candidates compared so far on this thread by name canonicalisation and by pronoun, role and
// continuation resolution: work counted where it happens, for tests that it grows linearly.
uint64_t AttributionWork();

// Runs every rule's examples through the real pipeline; one problem per example that does not
// match its own pattern (file:line of the rule).
std::vector<RuleProblem> CheckRuleExamples(const RuleSet& rules);

}  // namespace saidby
