#include "attribution_window.h"

#include <doctest/doctest.h>

#include <string>

#include "saidby/quote_span.h"
#include "test_support.h"

namespace saidby {
namespace {

struct Windows {
  Document doc;
  QuoteScan scan;
  TextSpan own;
};

Windows Of(const std::string& text) {
  Windows w{testing::Doc(text), {}, {}};
  w.scan = FindQuoteSpans(w.doc);
  REQUIRE(!w.scan.spans.empty());
  w.own = WindowSpan(w.doc, w.scan, 0);
  return w;
}

std::string Symbols(const Windows& w, TextSpan span) {
  return PrintableSymbols(BuildWindow(w.doc, w.scan, testing::ShippedRules(), 0, span));
}

TEST_CASE("window: the quote is one token among the classes of its sentence's words") {
  Windows w = Of("The council met. “The bridge will open,” said Anna Keller.");
  CHECK(w.doc.slice(w.own) == "“The bridge will open,” said Anna Keller.");
  CHECK(Symbols(w, w.own) == "QCNN.");
}

TEST_CASE("window: the next sentence only for a quote that ends its own") {
  Windows w = Of("“The bridge will open.” Anna Keller said the work was on time.");
  const TextSpan next = NextSentenceWindow(w.doc, w.scan, 0, w.own);
  CHECK(w.doc.slice(next) == w.doc.text);
  CHECK(PreviousSentenceWindow(w.doc, w.scan, 0, w.own).end == 0);  // nothing before it
  Windows inside = Of("Anna Keller said “the bridge will open” on Monday. She left.");
  CHECK(NextSentenceWindow(inside.doc, inside.scan, 0, inside.own).end == 0);
}

TEST_CASE("window: the previous sentence for a quote that opens its own") {
  Windows w = Of("Anna Keller argued that the plan was dead.\n\n“We will not vote for it.”");
  const TextSpan prev = PreviousSentenceWindow(w.doc, w.scan, 0, w.own);
  CHECK(w.doc.slice(prev) == w.doc.text);
  CHECK(Symbols(w, prev).ends_with(".Q"));
}

TEST_CASE("window: a title or an initial keeps its period") {
  Windows w = Of("“We are ready,” said Sen. A. Keller.");
  CHECK(Symbols(w, w.own) == "QCTNN.");
}

TEST_CASE("candidate rules come best priority first and match the window") {
  const RuleSet& rules = testing::ShippedRules();
  Windows w = Of("“The bridge will open,” said Anna Keller.");
  const Window win = BuildWindow(w.doc, w.scan, rules, 0, w.own);
  const std::vector<int> hits = CandidateRules(rules, win.symbols);
  REQUIRE(!hits.empty());
  for (size_t i = 1; i < hits.size(); ++i) {
    CHECK(rules.rules()[static_cast<size_t>(hits[i - 1])].priority >=
          rules.rules()[static_cast<size_t>(hits[i])].priority);
  }
  std::vector<re2::StringPiece> groups;
  CHECK(MatchRule(rules, static_cast<size_t>(hits[0]), win.symbols, groups));
  CHECK(rules.rules()[static_cast<size_t>(hits[0])].id == "quote-cue-speaker");
}

TEST_CASE("CountWords stops at its limit") {
  CHECK(CountWords("one two  three", 10) == 3);
  CHECK(CountWords("one two three four five six", 5) == 5);
  CHECK(CountWords("  ", 5) == 0);
}

}  // namespace
}  // namespace saidby
