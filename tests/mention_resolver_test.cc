#include "mention_resolver.h"

#include <doctest/doctest.h>

#include <string>

#include "saidby/quote_span.h"
#include "test_support.h"

namespace saidby {
namespace {

// Resolves the words `mention` (their last occurrence in `text`) as a rule would have marked
// them; the window is the whole text.
struct Resolved {
  bool named = false;
  Attribution a;
};

Resolved Resolve(const std::string& text, const std::string& mention) {
  const RuleSet& rules = testing::ShippedRules();
  Document d = testing::Doc(text);
  QuoteScan scan = FindQuoteSpans(d);
  MentionResolver resolver(d, scan, rules);
  const size_t at = text.rfind(mention);
  REQUIRE(at != std::string::npos);
  const Window w = BuildWindow(d, scan, rules, scan.spans.size() - 1, {0, d.text.size()});
  size_t a = 0, b = 0;
  while (a < w.tokens.size() && w.tokens[a].span.begin < at) ++a;
  b = a;
  while (b < w.tokens.size() && w.tokens[b].span.end <= at + mention.size()) ++b;
  Resolved r;
  r.named = resolver.Resolve(w, a, b, r.a);
  return r;
}

TEST_CASE("mention resolver: a surname is the full name the article gives") {
  Resolved r = Resolve("Anna Keller runs the port. “We are ready,” Keller said.", "Keller");
  CHECK(r.named);
  CHECK(r.a.speaker == "Anna Keller");
  CHECK(r.a.mention == "Keller");
}

TEST_CASE("mention resolver: a title before a name is part of the mention, not the speaker") {
  Resolved r = Resolve("“We are ready,” said the port director Anna Keller.",
                       "the port director Anna Keller");
  CHECK(r.a.speaker == "Anna Keller");
  CHECK(r.a.mention == "the port director Anna Keller");
}

TEST_CASE("mention resolver: a pronoun is the person its sentences are about") {
  Resolved r = Resolve("Anna Keller runs the port. “We are ready,” she said.", "she");
  CHECK(r.named);
  CHECK(r.a.speaker == "Anna Keller");
  CHECK(r.a.mention == "she");
}

TEST_CASE("mention resolver: a person's campaign or office speaks as itself, not as the person") {
  const std::string named = "Anna Keller toured the harbour. ";
  Resolved r =
      Resolve(named + "“We will appeal,” the Keller campaign said.", "the Keller campaign");
  CHECK(r.a.speaker == "Anna Keller campaign");
  r = Resolve(named + "“No comment,” Anna Keller's office said.", "Anna Keller's office");
  CHECK(r.a.speaker == "Anna Keller office");
  // Someone of the campaign is not the campaign; nor is a name further on in the mention.
  r = Resolve(named + "“No,” a Keller campaign spokesman said.", "a Keller campaign spokesman");
  CHECK(r.a.speaker.empty());
  r = Resolve(
      "Tomas Lindqvist met Anna Keller. “No,” said Lindqvist, who thinks the Keller "
      "administration failed.",
      "Lindqvist, who thinks the Keller administration");
  CHECK(r.a.speaker == "Tomas Lindqvist");
}

TEST_CASE("mention resolver: his or her campaign is the campaign of the one the pronoun means") {
  const std::string named = "Anna Keller toured the harbour with Tomas Lindqvist. ";
  Resolved r = Resolve(named + "“We will appeal,” her campaign said.", "her campaign");
  CHECK(r.a.speaker == "Anna Keller campaign");
  r = Resolve(named + "“No comment,” his office said.", "his office");
  CHECK(r.a.speaker == "Tomas Lindqvist office");
  // A role of theirs is someone else, and not named.
  r = Resolve(named + "“No,” her spokesman said.", "her spokesman");
  CHECK(r.a.speaker.empty());
}

TEST_CASE("mention resolver: the 43-year-old is the one the text gave that age") {
  Resolved r = Resolve(
      "Peter Osei, 43, runs the ferry line. Anna Keller, 51, joined him on Monday. “We will "
      "sail,” the 43-year-old said.",
      "the 43-year-old");
  CHECK(r.a.speaker == "Peter Osei");
  // With no age given, an age still describes someone named before: the article's person.
  r = Resolve("Anna Keller runs the ferry line. “We will sail,” the 51-year-old said.",
              "the 51-year-old");
  CHECK(r.a.speaker == "Anna Keller");
}

TEST_CASE("mention resolver: an angry Keller is Keller; one Keller adviser is no one named") {
  const std::string named = "Anna Keller toured the harbour on Monday. ";
  Resolved r = Resolve(named + "“Never again,” an angry Keller said.", "an angry Keller");
  CHECK(r.a.speaker == "Anna Keller");
  r = Resolve(named + "“Never again,” one Keller adviser said.", "one Keller adviser");
  CHECK(r.a.speaker.empty());
}

TEST_CASE("mention resolver: an unnamed source has no speaker but is a mention") {
  Resolved r = Resolve("“We are ready,” said a port official.", "a port official");
  CHECK(r.named);
  CHECK(r.a.speaker.empty());
  CHECK(r.a.mention == "a port official");
}

TEST_CASE("mention resolver: plain words alone name no one") {
  CHECK_FALSE(Resolve("“We are ready,” with them.", "with").named);
}

}  // namespace
}  // namespace saidby
