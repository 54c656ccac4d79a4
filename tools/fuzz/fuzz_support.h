// Shared by the fuzz targets: the shipped rules, loaded once per process, and a check that
// aborts (so libFuzzer reports a crash and keeps the input) when an invariant does not hold.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <memory>

#include "saidby/document.h"
#include "saidby/quote_span.h"
#include "saidby/rule_set.h"

#define FUZZ_CHECK(cond)                                                            \
  do {                                                                              \
    if (!(cond)) {                                                                  \
      std::fprintf(stderr, "%s:%d: invariant failed: %s\n", __FILE__, __LINE__, #cond); \
      std::abort();                                                                 \
    }                                                                               \
  } while (0)

namespace saidby::fuzz {

inline const RuleSet& ShippedRules() {
  static const RuleSet* rules = [] {
    RuleSet::LoadResult r = RuleSet::Load(SAIDBY_RULES_DIR);
    if (!r.rules) {
      std::fprintf(stderr, "cannot load %s\n", SAIDBY_RULES_DIR);
      std::abort();
    }
    return r.rules.release();
  }();
  return *rules;
}

// What the engine promises about a document and its quote spans (document.h, quote_span.h).
inline void CheckDocument(const Document& d, const QuoteScan& scan) {
  FUZZ_CHECK(d.sentences.size() == d.sentence_paragraph.size());
  size_t prev_end = 0;
  for (const TextSpan& p : d.paragraphs) {
    FUZZ_CHECK(p.begin >= prev_end && p.begin < p.end && p.end <= d.text.size());
    prev_end = p.end;
  }
  prev_end = 0;
  for (size_t i = 0; i < d.sentences.size(); ++i) {
    const TextSpan& s = d.sentences[i];
    FUZZ_CHECK(s.begin >= prev_end && s.begin < s.end);
    const TextSpan& p = d.paragraphs.at(d.sentence_paragraph[i]);
    FUZZ_CHECK(s.begin >= p.begin && s.end <= p.end);  // never crossing a paragraph end
    prev_end = s.end;
  }
  prev_end = 0;
  for (const QuoteSpan& q : scan.spans) {
    FUZZ_CHECK(q.outer.begin >= prev_end);  // in document order, never overlapping
    FUZZ_CHECK(q.outer.begin <= q.content.begin && q.content.begin < q.content.end);
    FUZZ_CHECK(q.content.end <= q.outer.end && q.outer.end <= d.text.size());
    FUZZ_CHECK(q.paragraph < d.paragraphs.size());
    FUZZ_CHECK(ValidateText(d.slice(q.content)).ok());  // cut at code point boundaries
    prev_end = q.outer.end;
  }
}

}  // namespace saidby::fuzz
