// Continuation passes: a quote that goes on with an earlier quote's speaker.
//   multi-paragraph  a quote that re-opens the previous paragraph's quote (no closing mark
//                    before the paragraph break) is the same speaker's, by layout; rule
//                    `@multi-paragraph`;
//   continuation     the continuation rules (`continue = yes`) on the quote's own sentence: the
//                    speaker of the latest attributed quote at most two paragraphs back
//                    (PassContext::ContinuationSource), scare quotes skipped.
// Both make the quote `continued`. Cost: a look-back over the quotes before it, which stops at
// the first non-scare one. They own nothing.
//
// Example:
//   if (MultiParagraphPass(context, attempt)) attempt.a.pass = "multi-paragraph";
#pragma once

#include "attribution_pass.h"

namespace saidby {

bool MultiParagraphPass(const PassContext& c, QuoteAttempt& t);
bool ContinuationPass(const PassContext& c, QuoteAttempt& t);

}  // namespace saidby
