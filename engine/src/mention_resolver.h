// MentionResolver: turns the words a rule marked as naming the speaker into the speaker
// (mention → entity). A name becomes its entity's canonical name, or the fullest form the
// document gives it ("Peskov" → "Dmitry Peskov"); a pronoun its antecedent (entities.h), else the
// latest earlier speaker who fits; a description ("the senator", "the company", "her statement")
// the entity it describes, an earlier speaker with that role, or someone the text gave that
// title. It remembers each quote's speaker (Remember) for the pronouns and roles of later
// quotes. Cost: one pass over the document for names and entities at construction; each look-up
// is bounded (kMaxLookback earlier speakers and names). Owns the document's entities, names and
// speakers; refers to the Document, its scan and the RuleSet, which must outlive it.
//
// Example:
//   MentionResolver resolver(doc, scan, rules);
//   if (resolver.Resolve(window, first_token, end_token, a)) resolver.Remember(window, a);
#pragma once

#include <cstddef>
#include <memory>

#include "attribution_window.h"
#include "saidby/attribution.h"
#include "saidby/document.h"
#include "saidby/quote_span.h"
#include "saidby/rule_set.h"

namespace saidby {

class MentionResolver {
 public:
  MentionResolver(const Document& doc, const QuoteScan& scan, const RuleSet& rules);
  ~MentionResolver();
  MentionResolver(const MentionResolver&) = delete;
  MentionResolver& operator=(const MentionResolver&) = delete;

  // Resolves tokens [a, b) of window `w` into `out`'s speaker, mention and mention_span.
  // Returns false if they name no one; true with an empty speaker when the mention is someone
  // the text does not name ("a Kremlin official").
  bool Resolve(const Window& w, size_t a, size_t b, Attribution& out) const;

  // Records the speaker `a` names (a quote decided on window `w`), for later pronouns and
  // roles; a quote with no mention, or decided by layout (a rule id starting with "@"), is not.
  void Remember(const Window& w, const Attribution& a);

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace saidby
