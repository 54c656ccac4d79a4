#include "saidby/extractor.h"

#include <doctest/doctest.h>

#include <cstdint>
#include <functional>
#include <string>

#include "saidby/attribution.h"
#include "test_support.h"

namespace saidby {
namespace {

// Hostile whole articles (issue 7): the pipeline's work must grow linearly with the input.
// The work is read off --explain, whose explanations open with their window's token symbols
// (the tokens built for every window), and off AttributionWork (the candidates compared by
// name canonicalisation and pronoun, role and continuation resolution). An article grown 4×
// must cost about 4× (a quadratic window, every quote of a sentence looking at the whole
// sentence, costs 16×). Sizes are kept small enough for the asan preset.

struct Work {
  size_t quotes = 0;
  size_t explain_bytes = 0;
  uint64_t candidates = 0;  // AttributionWork
  std::vector<QuoteRecord> rows;
};

Work Extracted(const std::string& text) {
  const Extractor extractor(testing::ShippedRules(),
                            ExtractOptions{/*keep_scare=*/true, /*explain=*/true});
  const uint64_t before = AttributionWork();
  Result<ArticleQuotes> r = extractor.Extract({"hostile", "test", text});
  REQUIRE(r.ok());
  Work w;
  w.candidates = AttributionWork() - before;
  w.quotes = r->quotes.size();
  for (const QuoteRecord& q : r->quotes) w.explain_bytes += q.explain.size();
  w.rows = std::move(r->quotes);
  return w;
}

std::string Repeat(const std::string& unit, size_t times) {
  std::string out;
  out.reserve(unit.size() * times);
  for (size_t i = 0; i < times; ++i) out += unit;
  return out;
}

// A capitalised word made of letters only, different for every i: "Qa", "Qb", … "Qba".
std::string Word(size_t i) {
  std::string letters;
  do {
    letters.insert(letters.begin(), static_cast<char>('a' + i % 26));
    i /= 26;
  } while (i > 0);
  return "Q" + letters;
}

// Extracts make(n) and make(4n): n and 4n quotes (plus `extra`) for at most 5× the work.
Work CheckLinear(const std::function<std::string(size_t)>& make, size_t n, size_t quotes_per_n,
                 size_t extra = 0) {
  const Work small = Extracted(make(n));
  Work big = Extracted(make(4 * n));
  CHECK(small.quotes == quotes_per_n * n + extra);
  CHECK(big.quotes == 4 * quotes_per_n * n + extra);
  CHECK(small.explain_bytes > 0);
  CHECK(big.explain_bytes <= 5 * small.explain_bytes);
  CHECK(big.candidates <= 5 * small.candidates);
  return big;
}

TEST_CASE("offsets: quote, mention and cue spans index the text, in bytes or in code points") {
  // "“" and "ë" are several bytes but one code point each.
  const std::string text =
      "Zo\xC3\xAB Martin spoke first. \xE2\x80\x9CWe will reopen,\xE2\x80\x9D said Zo\xC3\xAB "
      "Martin.\n\n\xE2\x80\x9C"
      "And soon.\xE2\x80\x9D\n";
  auto extract = [&](OffsetUnit unit) {
    ExtractOptions options;
    options.offsets = unit;
    options.keep_text = true;
    Result<ArticleQuotes> r = Extractor(testing::ShippedRules(), options).Extract({"d", "s", text});
    REQUIRE(r.ok());
    CHECK(r->text == text);
    return std::move(r).value();
  };
  const ArticleQuotes bytes = extract(OffsetUnit::kBytes);
  REQUIRE(bytes.quotes.size() >= 2);
  const QuoteRecord& q = bytes.quotes[0];
  REQUIRE(q.mention_span);
  REQUIRE(q.cue_span);
  CHECK(text.substr(q.start, q.end - q.start) == "We will reopen,");
  CHECK(text.substr(q.mention_span->begin, q.mention_span->size()) == q.mention);
  CHECK(q.mention == "Zo\xC3\xAB Martin");
  CHECK(text.substr(q.cue_span->begin, q.cue_span->size()) == "said");

  const ArticleQuotes chars = extract(OffsetUnit::kChars);
  REQUIRE(chars.quotes.size() == bytes.quotes.size());
  const QuoteRecord& c = chars.quotes[0];
  // 24 code points before the opening mark (26 bytes), then one for it.
  CHECK(c.start == 25);
  CHECK(c.end == 25 + 15);
  CHECK(c.cue_span == TextSpan{42, 46});
  CHECK(c.mention_span == TextSpan{47, 57});
  // The continued quote takes its speaker's mention and cue, and their places.
  const QuoteRecord& next = chars.quotes[1];
  CHECK(next.mention_span == c.mention_span);
  CHECK(next.cue_span == c.cue_span);
}

TEST_CASE("hostile: one sentence of thousands of quotes (\"a b\" \"a b\" …) stays linear") {
  // Before the fix every quote's window was the whole sentence: 16× the work for 4× the text.
  CheckLinear([](size_t n) { return Repeat("\"a b\" ", n); }, 2000, 1);
  CheckLinear(
      [](size_t n) { return Repeat("\xE2\x80\x9Cwe will,\xE2\x80\x9D ", n) + "said Keller."; },
      2000, 1);
}

TEST_CASE("hostile: thousands of attributed quotes (names, pronouns, roles) stay linear") {
  SUBCASE("the same name") {
    Work w = CheckLinear(
        [](size_t n) { return Repeat("\xE2\x80\x9CYes,\xE2\x80\x9D said Anna Keller. ", n); }, 2500,
        1);
    CHECK(w.rows.back().speaker == "Anna Keller");
    CHECK(w.candidates >= 4 * 2500);  // one canonicalisation (at least) per quote is counted
  }
  SUBCASE("ten thousand spellings of one surname (only the first 64 are kept as candidates)") {
    Work w = CheckLinear(
        [](size_t n) {
          std::string out;
          for (size_t i = 0; i < n; ++i) {
            out += "\xE2\x80\x9CYes,\xE2\x80\x9D said Anna " + Word(i) + " Keller. ";
          }
          return out + "\xE2\x80\x9CNo,\xE2\x80\x9D said Keller.";
        },
        2500, 1, 1);
    CHECK(w.rows[0].speaker == "Anna Qa Keller");
    CHECK(w.rows.back().speaker.find(" Keller") != std::string::npos);  // one of the 64 kept
  }
  SUBCASE("pronouns with no compatible speaker") {
    CheckLinear(
        [](size_t n) {
          return "\xE2\x80\x9CNo,\xE2\x80\x9D said Mr. John Keller. " +
                 Repeat("\xE2\x80\x9CYes,\xE2\x80\x9D she said. ", n);
        },
        2500, 1, 1);
    CheckLinear([](size_t n) { return Repeat("\xE2\x80\x9CYes,\xE2\x80\x9D he said.\n", n); }, 2500,
                1);
  }
  SUBCASE("a role named again and again") {
    CheckLinear(
        [](size_t n) { return Repeat("\xE2\x80\x9CYes,\xE2\x80\x9D the spokesman said. ", n); },
        2500, 1);
  }
}

TEST_CASE("hostile: deeply repeated cue words") {
  // A window reaches at most 2,000 bytes past its quote, so a cue run of any length costs the
  // same per quote.
  SUBCASE("one quote, 100,000 cue words after it") {
    Work w = Extracted("\xE2\x80\x9CYes,\xE2\x80\x9D " + Repeat("said ", 100000) + "Keller.");
    CHECK(w.quotes == 1);
    CHECK(w.explain_bytes < 20000);
  }
  SUBCASE("one quote, 100,000 cue words before it") {
    Work w = Extracted(Repeat("said ", 100000) + "Keller: \xE2\x80\x9CYes.\xE2\x80\x9D");
    CHECK(w.quotes == 1);
    CHECK(w.explain_bytes < 20000);
  }
  SUBCASE("cue words between many quotes") {
    CheckLinear([](size_t n) { return Repeat("\xE2\x80\x9CYes\xE2\x80\x9D said said told ", n); },
                2000, 1);
  }
}

TEST_CASE("hostile: a name run of 10,000 capitalised words") {
  for (size_t words : {size_t{10000}, size_t{40000}}) {
    std::string run;
    for (size_t i = 0; i < words; ++i) run += Word(i) + " ";
    Work after = Extracted("\xE2\x80\x9CYes,\xE2\x80\x9D said " + run + "Keller.");
    CHECK(after.quotes == 1);
    CHECK(after.explain_bytes < 20000);
    Work before = Extracted(run + "Keller said: \xE2\x80\x9CYes.\xE2\x80\x9D");
    CHECK(before.quotes == 1);
    CHECK(before.explain_bytes < 20000);
  }
}

}  // namespace
}  // namespace saidby
