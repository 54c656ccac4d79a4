#include "saidby/words.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace saidby {

using Tokens = std::vector<std::string>;

TEST_CASE("words: every apostrophe is one, kept only inside a word") {
  // ' ’ ‘ ʼ (U+02BC, the modifier letter apostrophe) are the same mark.
  for (const char* text : {"Kyiv's 'élan'", "Kyiv’s ‘élan’", "Kyivʼs ʼélanʼ"}) {
    CAPTURE(text);
    CHECK(QuoteTokens(text) == Tokens{"kyiv's", "elan"});
    CHECK(SplitQuoteWords(text).folded == Tokens{"kyiv's", "elan"});
  }
}

TEST_CASE("words: scoring and comparing agree; only the ellipsis token differs") {
  const std::string quote = "It’s (PUTIN)... we’ll see… rock ’n’ roll, 3.5%";
  Tokens compared = SplitQuoteWords(quote).folded;
  CHECK(compared == Tokens{"it's", "putin", std::string(kEllipsis), "we'll", "see",
                           std::string(kEllipsis), "rock", "n", "roll", "3", "5"});
  std::erase(compared, std::string(kEllipsis));
  CHECK(QuoteTokens(quote) == compared);
}

TEST_CASE("words: spans point at each word's bytes in the quote") {
  const std::string quote = "Oh, ‘tis done";
  const QuoteWords w = SplitQuoteWords(quote);
  REQUIRE(w.spans.size() == 3);
  CHECK(quote.substr(w.spans[1].begin, w.spans[1].end - w.spans[1].begin) == "tis");
}

TEST_CASE("normalize span: white space trimmed and made single spaces") {
  CHECK(NormalizeSpan("  Anna \t\n Keller ") == "Anna Keller");
  CHECK(NormalizeSpan("").empty());
}

}  // namespace saidby
