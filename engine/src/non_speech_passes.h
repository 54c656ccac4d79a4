// Non-speech passes: a quote that is no one's speech.
//   work-title    the title of a work: title case, at most 8 words, right after a word that
//                 introduces a title ("her memoir, “Tough Choices”") or a capitalised possessor
//                 ("CBS's “Face the Nation”"); runs first, so no rule attributes it;
//   unattributed  the last pass, after every other failed: nobody is presented as saying
//                 these words. A fragment or a quote of at most 4 words is a scare quote ("the
//                 so-called “deal guys”"); a whole sentence is reported, speaker unknown.
// Both always leave the speaker empty. Cost: a look at the quote's words and the 3 tokens
// before it. They own nothing.
//
// Example:
//   if (WorkTitlePass(context, attempt)) attempt.a.pass = "work-title";  // kind "scare"
#pragma once

#include "attribution_pass.h"

namespace saidby {

bool WorkTitlePass(const PassContext& c, QuoteAttempt& t);
bool UnattributedPass(const PassContext& c, QuoteAttempt& t);  // always decides

}  // namespace saidby
