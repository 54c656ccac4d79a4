// Reported speech: what an article says people said without quotation marks ("Keller said the
// plan would fail", "according to Osei, …", "…, Keller said.").
//
// Every sentence that holds a cue reporting speech (cues.txt, not tagged @thought) is read
// as attribution reads a quote's window, every quote in it an OTHERQUOTE, and matched against
// the rules of patterns.txt marked `reported = yes`, best priority first: CONTENT( … ) gives
// the reported words, SPEAKER( … ) the words that name the speaker, resolved as a quote's are
// (QuoteAttributor, after the quotes, so it knows their speakers); words that name no one the
// resolver knows ("engineers say") stand as the mention of a row with no speaker. After a row,
// the rest of its sentence (past the content and the cue) is read again: at most four rows a
// sentence ("74 percent said …, while 22 percent said …").
// Content that overlaps a quote attribution attributed, or that is mostly quoted words, is left
// to the quote. Cost: one scan of the text for cue words, a sentence split of the paragraphs
// that hold one, and a linear RE2 match per such sentence. Pure; owns its results.
//
// Example:
//   QuoteAttributor attributor(doc, scan, rules, false);
//   std::vector<Attribution> quotes = attributor.Run();
//   for (const ReportedSpeech& r : FindReportedSpeech(doc, scan, quotes, rules, attributor))
//     use(doc.slice(r.content), r.attribution.speaker);
#pragma once

#include <vector>

#include "saidby/attribution.h"
#include "saidby/document.h"
#include "saidby/quote_span.h"
#include "saidby/rule_set.h"

namespace saidby {

struct ReportedSpeech {
  TextSpan content;         // the reported words, trailing punctuation left out
  Attribution attribution;  // kind "reported"; speaker, mention, cue, rule, confidence
};

// In document order. `quotes` are the attributions of `scan.spans` (QuoteAttributor::Run).
std::vector<ReportedSpeech> FindReportedSpeech(const Document& doc, const QuoteScan& scan,
                                               const std::vector<Attribution>& quotes,
                                               const RuleSet& rules,
                                               const QuoteAttributor& attributor);

// Runs every reported rule's examples through FindReportedSpeech; one problem per example
// that gives no row by its own rule (file:line of the rule).
std::vector<RuleProblem> CheckReportedExamples(const RuleSet& rules);

}  // namespace saidby
