#include "sentence_passes.h"

#include <limits>
#include <utility>

namespace saidby {
namespace {

// The previous-sentence window of the attempt's quote, built once for both passes that use it;
// null when the quote has none (PreviousSentenceWindow).
const Window* PreviousWindow(const PassContext& c, QuoteAttempt& t) {
  if (!t.previous_built) {
    t.previous_built = true;
    const TextSpan prev = PreviousSentenceWindow(c.doc(), c.scan(), t.q, t.span);
    if (prev.end > 0) t.previous = BuildWindow(c.doc(), c.scan(), c.rules(), t.q, prev);
  }
  return t.previous ? &*t.previous : nullptr;
}

// Rules on the previous-sentence window from `min_priority` up; the window becomes the
// attempt's when they decide.
bool TryPrevious(const PassContext& c, QuoteAttempt& t, int min_priority) {
  const Window* pw = PreviousWindow(c, t);
  if (!pw) return false;
  if (c.explain()) t.why << "previous sentence: ";
  if (!c.TryWindow(t.q, *pw, t.done, false, t.a, t.why, min_priority)) return false;
  t.window = *pw;
  return true;
}

}  // namespace

bool OwnSentencePass(const PassContext& c, QuoteAttempt& t) {
  return c.TryWindow(t.q, t.window, t.done, false, t.a, t.why);
}

bool NextSentencePass(const PassContext& c, QuoteAttempt& t) {
  const TextSpan next = NextSentenceWindow(c.doc(), c.scan(), t.q, t.span);
  if (next.end == 0) return false;
  Window nw = BuildWindow(c.doc(), c.scan(), c.rules(), t.q, next);
  if (c.explain()) t.why << "next sentence: ";
  if (!c.TryWindow(t.q, nw, t.done, false, t.a, t.why)) return false;
  t.window = std::move(nw);
  return true;
}

bool PreviousSentencePass(const PassContext& c, QuoteAttempt& t) {
  // Rules ranked below continuation (a subject with no cue) wait for the fallback pass.
  return TryPrevious(c, t, c.continuation_priority() + 1);
}

bool PreviousSentenceFallbackPass(const PassContext& c, QuoteAttempt& t) {
  return TryPrevious(c, t, std::numeric_limits<int>::min());
}

}  // namespace saidby
