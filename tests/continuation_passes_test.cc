#include "continuation_passes.h"

#include <doctest/doctest.h>

#include <string>

#include "saidby/attribution.h"
#include "saidby/quote_span.h"
#include "test_support.h"

namespace saidby {
namespace {

std::vector<Attribution> Attributed(const std::string& text) {
  Document d = testing::Doc(text);
  return Attribute(d, FindQuoteSpans(d), testing::ShippedRules(), /*explain=*/true);
}

TEST_CASE("continuation pass: a whole-sentence quote after an attributed one continues it") {
  std::vector<Attribution> a = Attributed(
      "“The bridge will open in May,” said Anna Keller.\n\n“It will carry trams and bicycles "
      "across the river.”");
  REQUIRE(a.size() == 2);
  CHECK(a[0].pass == "own-sentence");
  CHECK(a[1].pass == "continuation");
  CHECK(a[1].rule == "continuation");
  CHECK(a[1].speaker == "Anna Keller");
  CHECK(a[1].kind == "continued");
}

TEST_CASE("continuation pass: nothing to continue after an unattributed quote") {
  std::vector<Attribution> a = Attributed(
      "“The bridge will never open for anyone in this town.”\n\n“It will carry trams and "
      "bicycles across the river.”");
  REQUIRE(a.size() == 2);
  CHECK(a[1].pass == "unattributed");
  CHECK(a[1].speaker.empty());
}

TEST_CASE("multi-paragraph pass: a quote re-opened after a paragraph break keeps its speaker") {
  std::vector<Attribution> a = Attributed(
      "“The bridge will open in May,” said Anna Keller. “It will carry trams.\n\n“And it will "
      "be free for everyone who lives here.”");
  REQUIRE(a.size() == 3);
  CHECK(a[2].pass == "multi-paragraph");
  CHECK(a[2].rule == "@multi-paragraph");
  CHECK(a[2].speaker == "Anna Keller");
  CHECK(a[2].kind == "continued");
}

}  // namespace
}  // namespace saidby
