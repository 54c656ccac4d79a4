// Attribution passes: the named steps that, one after the other, try to decide who said a quote
// (the order is the table in attribution.cc). A pass reads the document through a PassContext
// and works on the quote's QuoteAttempt; it returns true when it decided, and then no later
// pass runs. PassContext also holds what several passes share: matching the rules on a window
// (TryWindow: quote → mention, then MentionResolver: mention → speaker) and inheriting an
// earlier quote's speaker. Cost: a pass costs its windows' rule matching. A PassContext owns
// nothing; it refers to the document, its scan, the rules and the resolver.
//
// Example:
//   bool OwnSentencePass(const PassContext& c, QuoteAttempt& t) {
//     return c.TryWindow(t.q, t.window, t.done, /*continuations=*/false, t.a, t.why);
//   }
#pragma once

#include <cstddef>
#include <limits>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "attribution_window.h"
#include "mention_resolver.h"
#include "saidby/attribution.h"
#include "saidby/document.h"
#include "saidby/quote_span.h"
#include "saidby/rule_set.h"

namespace saidby {

// One quote while the passes run.
struct QuoteAttempt {
  size_t q = 0;                          // its index in the scan
  const std::vector<Attribution>& done;  // the quotes before it, decided
  TextSpan span;                         // its own window's span (WindowSpan)
  Window window;  // its own window; the wider window of the pass that decided, once one did
  Attribution a;  // kind set before the first pass; the rest by the pass that decides
  std::ostringstream why;  // --explain: what each pass tried
  // The previous-sentence window, built by the first pass that asks (PreviousWindow).
  std::optional<Window> previous;
  bool previous_built = false;
};

class PassContext {
 public:
  PassContext(const Document& doc, const QuoteScan& scan, const RuleSet& rules, bool explain,
              const MentionResolver& resolver);

  const Document& doc() const { return doc_; }
  const QuoteScan& scan() const { return scan_; }
  const RuleSet& rules() const { return rules_; }
  bool explain() const { return explain_; }
  // The highest priority of a continuation rule (none: the lowest int).
  int continuation_priority() const { return continuation_priority_; }

  // Runs the rules on window `w` for quote `q`, best priority first; the first rule that names
  // a speaker decides `a`. Continuation rules run only when `continuations` is set.
  bool TryWindow(size_t q, const Window& w, const std::vector<Attribution>& done,
                 bool continuations, Attribution& a, std::ostringstream& why,
                 int min_priority = std::numeric_limits<int>::min()) const;

  // The quote whose speaker quote q may continue: the latest attributed one before it, scare
  // quotes skipped, at most two paragraphs back (a paragraph of narration may come between).
  // None (-1) if an unattributed quote comes first.
  int ContinuationSource(size_t q, const std::vector<Attribution>& done) const;

  // `a` takes `prev`'s speaker, mention and cue as a continued quote of rule `rule`.
  void InheritFrom(const Attribution& prev, Attribution& a, const std::string& rule,
                   double confidence) const;

 private:
  const Document& doc_;
  const QuoteScan& scan_;
  const RuleSet& rules_;
  const bool explain_;
  const MentionResolver& resolver_;
  int continuation_priority_ = std::numeric_limits<int>::min();
};

using PassFunction = bool (*)(const PassContext& context, QuoteAttempt& attempt);

struct AttributionPass {
  std::string_view name;  // reported in Attribution::pass (the `pass` column)
  PassFunction run;
};

// The passes in the order they run: the one table (attribution.cc). The last always decides.
const std::vector<AttributionPass>& AttributionPasses();

}  // namespace saidby
