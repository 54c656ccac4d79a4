// Sentence passes: attribution by the rules of patterns.txt on the sentences around a quote.
// Each pass builds a window (attribution_window.h), runs the rules on it best priority first
// and lets the first rule that names someone decide (PassContext::TryWindow):
//   own-sentence                the sentence(s) holding the quote, continuation rules left out;
//   next-sentence               a quote that ends its sentence, with the next sentence of its
//                               paragraph (“Q.” Keller said the talks would go on.);
//   previous-sentence           a quote that opens its sentence, with the sentence before it, by
//                               the rules ranked above every continuation rule (Keller argued
//                               that the plan was dead.¶“Q”): these outrank continuing;
//   previous-sentence-fallback  the same window by every rule, after the continuation pass
//                               (Keller is upbeat about the vote.¶“Q”).
// Cost: one window built and matched per pass that runs. They own nothing.
//
// Example:
//   if (NextSentencePass(context, attempt)) attempt.a.pass = "next-sentence";
#pragma once

#include "attribution_pass.h"

namespace saidby {

bool OwnSentencePass(const PassContext& c, QuoteAttempt& t);
bool NextSentencePass(const PassContext& c, QuoteAttempt& t);
bool PreviousSentencePass(const PassContext& c, QuoteAttempt& t);
bool PreviousSentenceFallbackPass(const PassContext& c, QuoteAttempt& t);

}  // namespace saidby
