#include "saidby/reported_speech.h"

#include <doctest/doctest.h>
#include <re2/re2.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "saidby/extractor.h"
#include "saidby/quote_span.h"
#include "test_support.h"

namespace saidby {
namespace {

struct Row {
  std::string content, speaker, cue, rule;
};

// The reported-speech rows of an invented article, through the whole pipeline.
std::vector<Row> Reported(const std::string& text) {
  Document doc = testing::Doc(text);
  const RuleSet& rules = testing::ShippedRules();
  const QuoteScan scan = FindQuoteSpans(doc);
  QuoteAttributor attributor(doc, scan, rules, false);
  const std::vector<Attribution> quotes = attributor.Run();
  std::vector<Row> out;
  for (const ReportedSpeech& r : FindReportedSpeech(doc, scan, quotes, rules, attributor)) {
    CHECK(r.attribution.kind == "reported");
    out.push_back({std::string(doc.slice(r.content)), r.attribution.speaker, r.attribution.cue,
                   r.attribution.rule});
  }
  return out;
}

// The one row of `text`: its content and speaker.
Row One(const std::string& text) {
  std::vector<Row> rows = Reported(text);
  REQUIRE_MESSAGE(rows.size() == 1, text);
  return rows[0];
}

TEST_CASE("reported speech: X said (that) …") {
  Row r = One("Anna Keller said the harbour plan would fail.");
  CHECK(r.content == "the harbour plan would fail");
  CHECK(r.speaker == "Anna Keller");
  CHECK(r.cue == "said");
  r = One("Anna Keller said on Monday that the harbour plan would fail.");
  CHECK(r.content == "the harbour plan would fail");
  CHECK(r.speaker == "Anna Keller");
  // When it was said, before the clause.
  r = One("Anna Keller has said for weeks she would stay in the race.");
  CHECK(r.content == "she would stay in the race");
}

TEST_CASE("reported speech: X told reporters (that) …") {
  Row r = One("Samuel Osei told reporters that the bridge would open in May.");
  CHECK(r.content == "the bridge would open in May");
  CHECK(r.speaker == "Samuel Osei");
  CHECK(r.cue == "told");
}

TEST_CASE("reported speech: according to X") {
  Row r = One("According to Anna Keller, the ferry will stop running in June.");
  CHECK(r.content == "the ferry will stop running in June");
  CHECK(r.speaker == "Anna Keller");
  CHECK(r.cue == "According to");
  r = One("The ferry will stop running in June, according to Samuel Osei.");
  CHECK(r.content == "The ferry will stop running in June");
  CHECK(r.speaker == "Samuel Osei");
}

TEST_CASE("reported speech: …, X said (no quotation marks)") {
  Row r = One("The harbour will close for the winter, Anna Keller said.");
  CHECK(r.content == "The harbour will close for the winter");
  CHECK(r.speaker == "Anna Keller");
  r = One("The harbour will close for the winter, said Samuel Osei on Monday.");
  CHECK(r.speaker == "Samuel Osei");
}

TEST_CASE("reported speech: noted, argued, claimed, warned, disputed … that") {
  for (const char* cue : {"noted", "argued", "claimed", "warned", "disputed"}) {
    const std::string text =
        std::string("Samuel Osei ") + cue + " that the port had lost money for years.";
    Row r = One(text);
    CHECK(r.content == "the port had lost money for years");
    CHECK(r.speaker == "Samuel Osei");
    CHECK(r.cue == cue);
  }
}

TEST_CASE("reported speech: a pronoun speaks for the person named before") {
  std::vector<Row> rows = Reported(
      "Anna Keller runs the harbour board.\n\nShe warned the talks could collapse by June.");
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].content == "the talks could collapse by June");
  CHECK(rows[0].speaker == "Anna Keller");
}

TEST_CASE("reported speech: X's statement said …, X's claim that …") {
  Row r = One("Keller's statement said the ferry would run on Sundays.");
  CHECK(r.content == "the ferry would run on Sundays");
  CHECK(r.speaker == "Keller");
  r = One("Samuel Osei spoke first.\n\nOsei's claim that the port lost money was never checked.");
  CHECK(r.content == "the port lost money was never checked");
  CHECK(r.speaker == "Samuel Osei");
}

TEST_CASE("reported speech: thought, belief and desire give no row") {
  CHECK(Reported("Keller thinks the plan will fail.").empty());
  CHECK(Reported("Anna Keller believes the harbour plan will fail.").empty());
  CHECK(Reported("Samuel Osei wants the council to reopen the bridge.").empty());
  CHECK(Reported("Samuel Osei hopes that the council will reopen the bridge.").empty());
  // A cue tagged @thought attributes a quote but reports nothing.
  CHECK(Reported("Anna Keller wondered whether the harbour plan would fail.").empty());
  // A cue tagged @object takes no bare clause: its object is what was praised, no more.
  Row r = One("Anna Keller praised the harbour plan on Monday.");
  CHECK(r.rule == "reported-cue-object");
  CHECK(r.content == "the harbour plan on Monday");
  // A cue tagged @listener reports no one it was said to.
  CHECK(Reported("Anna Keller told reporters at the ferry terminal on Monday.").empty());
}

TEST_CASE("reported speech: the content ends where a contrast takes over") {
  Row r = One("Anna Keller said the harbour plan would fail, but the council voted for it anyway.");
  CHECK(r.content == "the harbour plan would fail");
  r = One("Samuel Osei said the ferry would run on Sundays, while the port stayed silent.");
  CHECK(r.content == "the ferry would run on Sundays");
  // Or where a second cue opens another clause, reported for the same speaker.
  std::vector<Row> rows = Reported(
      "Anna Keller said the harbour plan would fail, adding that the council had not "
      "read it.");
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].content == "the harbour plan would fail");
  CHECK(rows[1].content == "the council had not read it");
  CHECK(rows[1].speaker == "Anna Keller");
  CHECK(rows[1].rule == "reported-continued-cue");
  // With no row before it in the sentence, a continued cue reports nothing.
  CHECK(Reported(", adding that the council had not read it.").empty());
}

TEST_CASE("reported speech: plain words as the speaker (\"engineers say\", \"47 percent said\")") {
  Row r = One("The bridge will not open before the summer, engineers say.");
  CHECK(r.content == "The bridge will not open before the summer");
  CHECK(r.speaker.empty());
  r = One("Around that time, 47 percent said they would vote for the ferry plan.");
  CHECK(r.content == "they would vote for the ferry plan");
  CHECK(r.speaker.empty());
  r = One("The ferry will run on Sundays again, harbour officials said Thursday.");
  CHECK(r.content == "The ferry will run on Sundays again");
}

TEST_CASE("reported speech: a cue whose object is what was said (praised, accused)") {
  Row r = One("Samuel Osei accused the council of hiding the ferry figures.");
  CHECK(r.content == "the council of hiding the ferry figures");
  CHECK(r.speaker == "Samuel Osei");
  CHECK(r.cue == "accused");
  r = One("Anna Keller praised the harbour plan on Monday, calling it overdue.");
  CHECK(r.content == "the harbour plan on Monday");
  CHECK(r.speaker == "Anna Keller");
}

TEST_CASE("reported speech: a cue that takes no object reports no object") {
  // "said" is no @object cue: "in a statement on Monday" is not what was said.
  CHECK(Reported("Anna Keller said in a statement on Monday.").empty());
  // Nor is an @object cue after the clause a speaker inverted: nothing is reported here.
  CHECK(Reported("The ferry stopped running in June, citing the storm damage.").empty());
}

TEST_CASE("reported speech: more than one row a sentence") {
  std::vector<Row> rows = Reported(
      "Anna Keller said the harbour plan would fail, but Samuel Osei said the plan would "
      "succeed.");
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].content == "the harbour plan would fail");
  CHECK(rows[0].speaker == "Anna Keller");
  CHECK(rows[1].content == "the plan would succeed");
  CHECK(rows[1].speaker == "Samuel Osei");
}

TEST_CASE("reported speech: \"but according to\"") {
  Row r = One("But according to Samuel Osei, the ferry will stop running in June.");
  CHECK(r.content == "the ferry will stop running in June");
  CHECK(r.speaker == "Samuel Osei");
}

TEST_CASE("reported speech: a quote after \"…, X wrote,\" leaves the words before it alone") {
  for (const Row& r : Reported("Later that day, Anna Keller wrote, “The harbour plan will fail.”"))
    CHECK(r.content != "Later that day");
}

TEST_CASE("reported speech: a quote attributed by the same cue is not reported again") {
  CHECK(Reported("Anna Keller said that the plan was “dead on arrival” for the harbour.").empty());
  CHECK(Reported("“The harbour plan will fail,” Anna Keller said.").empty());
  CHECK(Reported("Anna Keller said the so-called “deal” would fail within a year.").empty());
}

TEST_CASE("reported speech: rows follow the quotes, numbered on; --direct-only leaves them out") {
  const std::string text =
      "“The ferry will run all winter,” said Anna Keller.\n\n"
      "Samuel Osei said the bridge would open in May.";
  const RuleSet& rules = testing::ShippedRules();
  Result<ArticleQuotes> all = Extractor(rules, ExtractOptions{}).Extract({"a", "s", text});
  REQUIRE(all.ok());
  REQUIRE(all->quotes.size() == 2);
  CHECK(all->quotes[0].kind == "full");
  CHECK(all->quotes[1].kind == "reported");
  CHECK(all->quotes[1].quote_id == 2);
  CHECK(all->quotes[1].quote == "the bridge would open in May");
  CHECK(text.substr(all->quotes[1].start, all->quotes[1].end - all->quotes[1].start) ==
        all->quotes[1].quote);
  CHECK(all->quotes[1].speaker == "Samuel Osei");
  // The CSV's last column: quotes name their attribution pass, reported rows this step.
  CHECK(all->quotes[0].pass == "own-sentence");
  CHECK(all->quotes[1].pass == "reported-speech");
  Result<ArticleQuotes> direct =
      Extractor(rules, ExtractOptions{false, false, false}).Extract({"a", "s", text});
  REQUIRE(direct.ok());
  REQUIRE(direct->quotes.size() == 1);
  CHECK(direct->quotes[0].kind == "full");
}

TEST_CASE("reported rules: CONTENT only in reported rules, and their examples are checked") {
  CHECK(CheckReportedExamples(testing::ShippedRules()).empty());
  CHECK(!testing::ShippedRules().reported_rules().empty());
}

// The spans of groups 1.. of `re` matched against `symbols`, or {} when it does not match;
// group 0 is left out: the wrapped form's reaches back to the start.
std::vector<std::pair<ptrdiff_t, size_t>> GroupSpans(const re2::RE2& re, RE2::Anchor anchor,
                                                     const std::string& symbols) {
  std::vector<re2::StringPiece> groups(static_cast<size_t>(re.NumberOfCapturingGroups()) + 1);
  if (!re.Match(symbols, 0, symbols.size(), anchor, groups.data(),
                static_cast<int>(groups.size()))) {
    return {};
  }
  std::vector<std::pair<ptrdiff_t, size_t>> out;
  for (size_t g = 1; g < groups.size(); ++g) {
    out.emplace_back(groups[g].data() ? groups[g].data() - symbols.data() : -1, groups[g].size());
  }
  return out;
}

TEST_CASE("reported regexes matched unanchored find what the anchored wrapped form finds") {
  // reported_speech.cc matches "(P)" unanchored where quote rules match "(?s:.)*?(P)" anchored at
  // the start: same matches and groups, on every sentence of the corpus, random symbol strings
  // and mutated sentences.
  const RuleSet& rules = testing::ShippedRules();
  std::vector<std::string> inputs;
  for (const char* collection : {"seeds", "polnear-dev"}) {
    const std::filesystem::path dir = std::filesystem::path(SAIDBY_CORPUS_DIR) / collection;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
      if (entry.path().extension() != ".txt") continue;
      std::ifstream in(entry.path(), std::ios::binary);
      const std::string text((std::istreambuf_iterator<char>(in)),
                             std::istreambuf_iterator<char>());
      Result<Document> made = MakeDocument("t", "t", text, rules.splitter());
      if (!made.ok()) continue;
      const Document& doc = made.value();
      const QuoteScan scan = FindQuoteSpans(doc);
      QuoteAttributor attributor(doc, scan, rules, false);
      for (TextSpan s : doc.sentences) {
        if (s.size() <= 2000) inputs.push_back(attributor.Read(s).symbols);
      }
    }
  }
  REQUIRE(inputs.size() > 3000);
  std::set<char> seen;
  for (const std::string& s : inputs) seen.insert(s.begin(), s.end());
  const std::vector<char> alphabet(seen.begin(), seen.end());
  std::mt19937 rng(17);
  auto pick = [&] { return alphabet[rng() % alphabet.size()]; };
  const size_t sentences = inputs.size();
  for (size_t i = 0; i < 600; ++i) {
    std::string s(rng() % 40, ' ');
    for (char& c : s) c = pick();
    inputs.push_back(s);
    std::string m = inputs[rng() % sentences];
    for (int k = 0; k < 3 && !m.empty(); ++k) m[rng() % m.size()] = pick();
    inputs.push_back(m);
  }
  size_t matches = 0;
  for (size_t r = 0; r < rules.reported_rules().size(); ++r) {
    const re2::RE2& plain = rules.reported_regex(r);
    const re2::RE2 wrapped("(?s:.)*?(" + rules.reported_rules()[r].regex + ")", plain.options());
    REQUIRE(wrapped.ok());
    REQUIRE(wrapped.NumberOfCapturingGroups() == plain.NumberOfCapturingGroups());
    for (const std::string& s : inputs) {
      const auto want = GroupSpans(wrapped, RE2::ANCHOR_START, s);
      const auto got = GroupSpans(plain, RE2::UNANCHORED, s);
      INFO(rules.reported_rules()[r].id, " on \"", s, "\"");
      REQUIRE(got == want);
      matches += !want.empty();
    }
  }
  CHECK(matches > 1000);
}

}  // namespace
}  // namespace saidby
