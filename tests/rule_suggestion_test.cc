#include "saidby/rule_suggestion.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "test_support.h"

namespace saidby {
namespace {

using testing::Doc;
using testing::ShippedRules;

// Invented articles: "grumbled" (no cue) costs four quotes, two by harbour pilots; "said"
// attributes four. "quay" stands next to one miss and three found quotes.
struct Fixture {
  std::vector<Document> docs;
  std::vector<SuggestCase> cases;

  void Add(const std::string& text, const std::string& quote, const std::string& speaker,
           bool found) {
    docs.push_back(Doc(text));
    SuggestCase c;
    c.doc = docs.size() - 1;
    const size_t at = text.find(quote);
    REQUIRE(at != std::string::npos);
    c.span = TextSpan{at, at + quote.size()};
    c.speaker = speaker;
    c.found = found;
    cases.push_back(c);
  }

  Fixture() {
    Add("“The harbour will stay open,” Anna Keller grumbled on the quay.",
        "The harbour will stay open,", "Anna Keller", false);
    Add("“We will rebuild the pier,” Tomas Lindqvist grumbled.", "We will rebuild the pier,",
        "Tomas Lindqvist", false);
    Add("“The tide is late again,” a harbour pilot grumbled.", "The tide is late again,",
        "a harbour pilot", false);
    Add("“Fog, always fog,” one ferry pilot grumbled.", "Fog, always fog,", "one ferry pilot",
        false);
    Add("“The vote was fair,” Samuel Osei said on the quay.", "The vote was fair,", "Samuel Osei",
        true);
    Add("“Taxes must fall,” Marta Reyes said on the quay.", "Taxes must fall,", "Marta Reyes",
        true);
    Add("“The ferry runs at noon,” a ferry captain said on the quay.", "The ferry runs at noon,",
        "a ferry captain", true);
    Add("“Nobody asked us,” Ida Berg said.", "Nobody asked us,", "Ida Berg", true);
  }
};

TEST_CASE("the word next to missed quotes, and not to found ones, is the first cue") {
  Fixture f;
  const Suggestions s = SuggestRules(ShippedRules(), f.docs, f.cases);
  CHECK(s.rows == 8);
  CHECK(s.missed == 4);
  CHECK(s.located == 8);
  REQUIRE(!s.cues.empty());
  CHECK(s.cues[0].word == "grumbled");
  CHECK(s.cues[0].missed == 4);
  CHECK(s.cues[0].found == 0);
  CHECK(s.cues[0].score == doctest::Approx(4.0));  // 4 · (1 − 0.5) / (1 − 0.5)
  CHECK(s.cues[0].example.find("grumbled") != std::string::npos);
  // Beside one miss and three found quotes: no suggestion. Nor a cue, a title or "the".
  for (const SuggestedWord& c : s.cues) {
    CHECK(c.word != "quay");
    CHECK(c.word != "said");
    CHECK(c.word != "the");
    CHECK(c.word != "captain");
  }
}

TEST_CASE("the head of a described missed speaker is a title suggestion") {
  Fixture f;
  const Suggestions s = SuggestRules(ShippedRules(), f.docs, f.cases);
  REQUIRE(!s.titles.empty());
  CHECK(s.titles[0].word == "pilot");
  CHECK(s.titles[0].missed == 2);
}

TEST_CASE("a window no pattern matches, shared by two misses, is a draft rule") {
  Fixture f;
  const Suggestions s = SuggestRules(ShippedRules(), f.docs, f.cases);
  // From the quote to the speaker and one token beyond: "grumbled", a WORD.
  const DraftRule* named = nullptr;
  for (const DraftRule& r : s.drafts) {
    if (r.pattern == "QUOTE SPEAKER(NAME+) WORD") named = &r;
  }
  REQUIRE(named != nullptr);
  CHECK(named->missed == 2);
  CHECK(named->classes == "QNNw");  // as --explain prints the window "QNNw..."
  REQUIRE(named->examples.size() == 2);
  CHECK(named->examples[0] == "“The harbour will stay open,” Anna Keller grumbled on the quay.");
  CHECK(named->examples[1] == "“We will rebuild the pier,” Tomas Lindqvist grumbled.");
  for (const DraftRule& r : s.drafts) CHECK(r.missed >= 2);
  // Most misses first.
  for (size_t i = 1; i < s.drafts.size(); ++i) CHECK(s.drafts[i - 1].missed >= s.drafts[i].missed);
}

TEST_CASE("a row not found in its text, or a found one, gives no draft") {
  Fixture f;
  for (SuggestCase& c : f.cases) c.span.reset();
  const Suggestions s = SuggestRules(ShippedRules(), f.docs, f.cases);
  CHECK(s.located == 0);
  CHECK(s.missed == 4);
  CHECK(s.cues.empty());
  CHECK(s.drafts.empty());
}

}  // namespace
}  // namespace saidby
