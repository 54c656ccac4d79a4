#include "continuation_passes.h"

namespace saidby {

bool MultiParagraphPass(const PassContext& c, QuoteAttempt& t) {
  if (!c.scan().spans[t.q].continues_previous || t.q == 0 || t.done[t.q - 1].rule.empty()) {
    return false;
  }
  c.InheritFrom(t.done[t.q - 1], t.a, "@multi-paragraph", 0.9);
  if (c.explain()) t.why << "re-opens the quote of the previous paragraph; ";
  return true;
}

bool ContinuationPass(const PassContext& c, QuoteAttempt& t) {
  // Every rule runs again, but the others already failed on this window: only a continuation
  // rule can decide here.
  return c.TryWindow(t.q, t.window, t.done, true, t.a, t.why);
}

}  // namespace saidby
