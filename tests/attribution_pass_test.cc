#include "attribution_pass.h"

#include <doctest/doctest.h>

#include <set>
#include <string>

#include "saidby/quote_span.h"
#include "test_support.h"

namespace saidby {
namespace {

TEST_CASE("the pass table: the documented order, unique names, the last always decides") {
  std::vector<std::string> names;
  for (const AttributionPass& p : AttributionPasses()) names.emplace_back(p.name);
  CHECK(names == std::vector<std::string>{"work-title", "multi-paragraph", "own-sentence",
                                          "next-sentence", "previous-sentence", "continuation",
                                          "previous-sentence-fallback", "unattributed"});
  CHECK(std::set<std::string>(names.begin(), names.end()).size() == names.size());
}

TEST_CASE("TryWindow: the best-priority rule that names someone decides") {
  const RuleSet& rules = testing::ShippedRules();
  Document d = testing::Doc("“The bridge will open,” said Anna Keller.");
  QuoteScan scan = FindQuoteSpans(d);
  MentionResolver resolver(d, scan, rules);
  PassContext context(d, scan, rules, /*explain=*/true, resolver);
  const Window w = BuildWindow(d, scan, rules, 0, WindowSpan(d, scan, 0));
  std::vector<Attribution> done(1);
  Attribution a;
  std::ostringstream why;
  REQUIRE(context.TryWindow(0, w, done, /*continuations=*/false, a, why));
  CHECK(a.speaker == "Anna Keller");
  CHECK(a.cue == "said");
  CHECK(a.rule == "quote-cue-speaker");
  CHECK(why.str().find("[chosen: highest priority that named a speaker]") != std::string::npos);
  // Above every rule's priority, none may decide.
  Attribution none;
  CHECK_FALSE(context.TryWindow(0, w, done, false, none, why, 100000));
  CHECK(none.speaker.empty());
}

TEST_CASE("ContinuationSource: the latest attributed quote, scare quotes skipped") {
  const RuleSet& rules = testing::ShippedRules();
  Document d = testing::Doc("“A,” said Keller. The “so-called” plan. “B.”");
  QuoteScan scan = FindQuoteSpans(d);
  REQUIRE(scan.spans.size() == 3);
  MentionResolver resolver(d, scan, rules);
  PassContext context(d, scan, rules, false, resolver);
  std::vector<Attribution> done(3);
  done[0].rule = "quote-cue-speaker";
  done[1].kind = "scare";
  CHECK(context.ContinuationSource(2, done) == 0);
  done[0].rule.clear();  // unattributed: nothing to continue
  CHECK(context.ContinuationSource(2, done) == -1);
}

}  // namespace
}  // namespace saidby
