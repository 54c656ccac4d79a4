#include "non_speech_passes.h"

#include <doctest/doctest.h>

#include <string>

#include "saidby/attribution.h"
#include "saidby/quote_span.h"
#include "test_support.h"

namespace saidby {
namespace {

Attribution Only(const std::string& text) {
  Document d = testing::Doc(text);
  std::vector<Attribution> a =
      Attribute(d, FindQuoteSpans(d), testing::ShippedRules(), /*explain=*/true);
  REQUIRE(a.size() == 1);
  return a[0];
}

TEST_CASE("work-title pass: a title after a word that introduces one is no speech") {
  Attribution a = Only("Keller has written a memoir, “Bridges And Rivers”, about the city.");
  CHECK(a.pass == "work-title");
  CHECK(a.kind == "scare");
  CHECK(a.speaker.empty());
  CHECK(a.explain.starts_with("the title of a work"));
}

TEST_CASE("work-title pass: it runs before the rules") {
  // A cue and a name follow, but the title decides first.
  Attribution a = Only("Her memoir, “Bridges And Rivers”, said Anna Keller, sold well.");
  CHECK(a.pass == "work-title");
  CHECK(a.rule.empty());
}

TEST_CASE("unattributed pass: a short fragment no one says is a scare quote") {
  Attribution a = Only("The so-called “deal guys” left the room.");
  CHECK(a.pass == "unattributed");
  CHECK(a.kind == "scare");
}

TEST_CASE("unattributed pass: a whole sentence no one says is reported, speaker unknown") {
  Attribution a = Only("“The bridge will never open for anyone in this town.”");
  CHECK(a.pass == "unattributed");
  CHECK(a.kind == "full");
  CHECK(a.speaker.empty());
  CHECK(a.rule.empty());
  CHECK(a.explain.ends_with("no rule matched; unattributed; decided by pass unattributed"));
}

}  // namespace
}  // namespace saidby
