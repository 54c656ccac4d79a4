#include "saidby/output_diff.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace saidby {
namespace {

QuoteRecord Row(const std::string& doc, size_t id, size_t start, const std::string& quote,
                const std::string& speaker, const std::string& rule,
                const std::string& kind = "full") {
  QuoteRecord r;
  r.source = "Harbour Herald";
  r.doc = doc;
  r.quote_id = id;
  r.start = start;
  r.end = start + quote.size();
  r.kind = kind;
  r.quote = quote;
  r.speaker = speaker;
  r.mention = speaker;
  r.rule = rule;
  r.pass = rule.empty() ? "unattributed" : "own-sentence";
  return r;
}

const RowChange* Find(const OutputDiff& d, DiffChange change, const std::string& quote) {
  for (const RowChange& c : d.changes) {
    if (c.change == change && c.Row().quote == quote) return &c;
  }
  return nullptr;
}

// A rule edit as a linguist might make it: a new cue ("text") makes "Reading" a speaker, and a
// lost cue drops Osei's quote. Gold says who said what.
struct Fixture {
  std::vector<GoldQuote> gold = {
      {"a", "Anna Keller", "The ferry will run all winter long.", "full", "said"},
      {"a", "UNKNOWN", "We will see what happens next, one step at a time.", "full", ""},
      {"a", "Tomas Berg", "Nobody told us anything about the plan.", "full", "said"},
      {"a", "", "white elephant", "scare", ""},
      {"a", "Samuel Osei", "The budget is simply not there this year.", "full", "argued"},
      {"a", "Anna Keller", "The harbour will close for two weeks in March.", "full", "said"},
      {"a", "Anna Keller", "not before the spring", "partial", "said"},
  };
  std::vector<QuoteRecord> before = {
      Row("a", 1, 10, "The ferry will run all winter long.", "Anna Keller", "quote-cue-person"),
      Row("a", 2, 100, "We will see what happens next, one step at a time.", "", ""),
      Row("a", 3, 200, "Nobody told us anything about the plan.", "Anna Keller", "person-cue"),
      Row("a", 4, 300, "The budget is simply not there this year.", "Samuel Osei",
          "quote-person-cue"),
      Row("a", 5, 400, "a sentence that nobody annotated at all here", "Anna Keller",
          "quote-person-cue"),
      Row("a", 6, 500, "The harbour will close for two weeks in March.", "Anna Keller",
          "quote-cue-person"),
      Row("a", 7, 600, "not before the spring", "Anna Keller", "quote-cue-person", "full"),
      Row("a", 8, 700, "The quay stays open to fishing boats.", "Anna Keller", "quote-cue-person"),
  };
  // Ids renumber: Osei's quote and the stray sentence are gone, "white elephant" is new.
  std::vector<QuoteRecord> after = {
      Row("a", 1, 10, "The ferry will run all winter long.", "Reading", "quote-cue-person"),
      Row("a", 2, 100, "We will see what happens next, one step at a time.", "Reading",
          "quote-cue-person"),
      Row("a", 3, 200, "Nobody told us anything about the plan.", "Tomas Berg", "person-cue"),
      Row("a", 4, 480, "white elephant", "Reading", "quote-cue-person", "partial"),
      // One word shorter at the end: the same gold row, right either way.
      Row("a", 5, 500, "The harbour will close for two weeks in", "Anna Keller",
          "quote-cue-person"),
      Row("a", 6, 600, "not before the spring", "Anna Keller", "quote-cue-person", "partial"),
      Row("a", 7, 700, "The quay stays open to fishing boats.", "Anna Keller", "quote-cue-person"),
      Row("b", 1, 50, "Words in an article nobody annotated.", "Reading", "quote-cue-person"),
  };
};

TEST_CASE("diff: rows keyed by span, not quote id, each change judged against the gold") {
  const Fixture f;
  const OutputDiff d = DiffOutputs(f.before, f.after, {&f.gold});
  CHECK(d.before_rows == 8);
  CHECK(d.after_rows == 8);
  CHECK(d.unchanged == 1);  // the quay: same span, speaker and kind under another id
  CHECK(d.found == 3);
  CHECK(d.lost == 3);
  CHECK(d.speakers == 3);
  CHECK(d.kinds == 1);

  // Right before, now "Reading": broken, for a named speaker and for gold UNKNOWN alike.
  const RowChange* keller = Find(d, DiffChange::kSpeaker, "The ferry will run all winter long.");
  REQUIRE(keller != nullptr);
  CHECK(keller->verdict == DiffVerdict::kBroken);
  CHECK(keller->before->speaker == "Anna Keller");
  CHECK(keller->after->speaker == "Reading");
  REQUIRE(keller->gold.has_value());
  CHECK(keller->gold->speaker == "Anna Keller");
  const RowChange* unknown =
      Find(d, DiffChange::kSpeaker, "We will see what happens next, one step at a time.");
  REQUIRE(unknown != nullptr);
  CHECK(unknown->verdict == DiffVerdict::kBroken);
  // Wrong before, right now.
  const RowChange* berg = Find(d, DiffChange::kSpeaker, "Nobody told us anything about the plan.");
  REQUIRE(berg != nullptr);
  CHECK(berg->verdict == DiffVerdict::kFixed);

  // A right quote lost is broken; a false hit lost is fixed.
  const RowChange* osei = Find(d, DiffChange::kLost, "The budget is simply not there this year.");
  REQUIRE(osei != nullptr);
  CHECK(osei->verdict == DiffVerdict::kBroken);
  CHECK(osei->before->quote_id == 4);
  const RowChange* stray =
      Find(d, DiffChange::kLost, "a sentence that nobody annotated at all here");
  REQUIRE(stray != nullptr);
  CHECK(stray->verdict == DiffVerdict::kFixed);
  CHECK_FALSE(stray->gold.has_value());

  // A scare quote found as speech is broken.
  const RowChange* scare = Find(d, DiffChange::kFound, "white elephant");
  REQUIRE(scare != nullptr);
  CHECK(scare->verdict == DiffVerdict::kBroken);
  CHECK(scare->gold->kind == "scare");

  // A span that moved by a word is lost and found, but the gold row is right on both sides.
  const RowChange* moved_old =
      Find(d, DiffChange::kLost, "The harbour will close for two weeks in March.");
  const RowChange* moved_new =
      Find(d, DiffChange::kFound, "The harbour will close for two weeks in");
  REQUIRE(moved_old != nullptr);
  REQUIRE(moved_new != nullptr);
  CHECK(moved_old->verdict == DiffVerdict::kNeutral);
  CHECK(moved_new->verdict == DiffVerdict::kNeutral);

  // The kind now agrees with the gold's.
  const RowChange* kind = Find(d, DiffChange::kKind, "not before the spring");
  REQUIRE(kind != nullptr);
  CHECK(kind->verdict == DiffVerdict::kFixed);

  // Doc b has no gold rows: nothing judges its change.
  const RowChange* b = Find(d, DiffChange::kFound, "Words in an article nobody annotated.");
  REQUIRE(b != nullptr);
  CHECK(b->verdict == DiffVerdict::kNeutral);

  CHECK(d.fixed == 3);
  CHECK(d.broken == 4);
  CHECK(d.neutral == 3);

  // Document order, then span: doc a's changes from offset 10 on, doc b's last.
  REQUIRE(d.changes.size() == 10);
  CHECK(d.changes.front().Row().start == 10);
  CHECK(d.changes.back().Row().doc == "b");
  for (size_t i = 1; i + 1 < d.changes.size(); ++i) {
    CHECK(d.changes[i - 1].Row().start <= d.changes[i].Row().start);
  }

  // Per rule, most broken first. quote-cue-person: the two speakers to "Reading" and the scare
  // quote (broken), the kind (fixed), the moved span (neutral twice), doc b (neutral); @none
  // shares the UNKNOWN quote's change.
  REQUIRE(d.rules.size() == 4);
  CHECK(d.rules[0].rule == "quote-cue-person");
  CHECK(d.rules[0].changes == 7);
  CHECK(d.rules[0].broken == 3);
  CHECK(d.rules[0].fixed == 1);
  CHECK(d.rules[0].neutral == 3);
  CHECK(d.rules[1].rule == "quote-person-cue");
  CHECK(d.rules[1].broken == 1);
  CHECK(d.rules[1].fixed == 1);
  CHECK(d.rules[2].rule == "@none");
  CHECK(d.rules[2].broken == 1);
  CHECK(d.rules[3].rule == "person-cue");
  CHECK(d.rules[3].fixed == 1);
}

TEST_CASE("diff without gold: the same changes, none judged") {
  const Fixture f;
  const OutputDiff d = DiffOutputs(f.before, f.after);
  CHECK(d.found == 3);
  CHECK(d.lost == 3);
  CHECK(d.speakers == 3);
  CHECK(d.kinds == 1);
  CHECK(d.fixed + d.broken + d.neutral == 0);
  for (const RowChange& c : d.changes) {
    CHECK(c.verdict == DiffVerdict::kNone);
    CHECK_FALSE(c.gold.has_value());
  }
  CHECK(d.rules.front().rule == "quote-cue-person");
}

TEST_CASE("diff of an output with itself is empty, whatever the row order") {
  const Fixture f;
  std::vector<QuoteRecord> shuffled(f.after.rbegin(), f.after.rend());
  const OutputDiff d = DiffOutputs(f.after, shuffled, {&f.gold});
  CHECK(d.changes.empty());
  CHECK(d.unchanged == f.after.size());
  CHECK(d.rules.empty());
}

TEST_CASE("diff: a wrong speaker found where the old output had the gold row right is broken") {
  const std::vector<GoldQuote> gold = {
      {"a", "Anna Keller", "The ferry will run all winter long.", "full", "said"}};
  const std::vector<QuoteRecord> before = {
      Row("a", 1, 10, "The ferry will run all winter long.", "Anna Keller", "quote-cue-person")};
  // The span grew by its closing word and the speaker went wrong.
  const std::vector<QuoteRecord> after = {
      Row("a", 1, 10, "The ferry will run all winter long. Yes", "Reading", "quote-cue-person")};
  const OutputDiff d = DiffOutputs(before, after, {&gold});
  REQUIRE(d.changes.size() == 2);
  CHECK(d.changes[0].change == DiffChange::kLost);  // the same start, the shorter end first
  CHECK(d.changes[1].change == DiffChange::kFound);
  // Found wrong where OLD had the gold row right; lost right where NEW does not have it right.
  CHECK(d.changes[0].verdict == DiffVerdict::kBroken);
  CHECK(d.changes[1].verdict == DiffVerdict::kBroken);
}

TEST_CASE("diff: a wrong speaker gained is broken, one lost fixed, one moved neutral") {
  const std::vector<GoldQuote> gold = {
      {"a", "Ben Carson", "Hamas", "partial", "called"},
      {"a", "Tomas Berg", "Nobody told us anything about the plan.", "full", "said"},
      {"a", "Samuel Osei", "The budget is simply not there this year at all.", "full", "said"}};
  const std::vector<QuoteRecord> before = {
      Row("a", 1, 200, "Nobody told us anything about the plan.", "Anna Keller", "person-cue"),
      Row("a", 2, 300, "The budget is simply not there this year at all.", "Anna Keller",
          "person-cue")};
  const std::vector<QuoteRecord> after = {
      Row("a", 1, 10, "Hamas", "Reading", "speaker-clause-cue"),
      // One word shorter, still Keller's: the same error at another span.
      Row("a", 2, 300, "The budget is simply not there this year at", "Anna Keller", "person-cue")};
  const OutputDiff d = DiffOutputs(before, after, {&gold});
  const RowChange* hamas = Find(d, DiffChange::kFound, "Hamas");
  REQUIRE(hamas != nullptr);
  CHECK(hamas->verdict == DiffVerdict::kBroken);  // a false speaker, where there was none
  const RowChange* berg = Find(d, DiffChange::kLost, "Nobody told us anything about the plan.");
  REQUIRE(berg != nullptr);
  CHECK(berg->verdict == DiffVerdict::kFixed);  // a misattribution gone
  const RowChange* moved_old =
      Find(d, DiffChange::kLost, "The budget is simply not there this year at all.");
  const RowChange* moved_new =
      Find(d, DiffChange::kFound, "The budget is simply not there this year at");
  REQUIRE(moved_old != nullptr);
  REQUIRE(moved_new != nullptr);
  CHECK(moved_old->verdict == DiffVerdict::kNeutral);
  CHECK(moved_new->verdict == DiffVerdict::kNeutral);
}

TEST_CASE("diff: a quote said twice, gained with a false speaker, is broken") {
  // Gold rows name no offsets: the two "Hamas" rows match predictions in text order, so NEW's
  // new first row takes the gold row OLD's (unchanged) row had. That is no moved span.
  const std::vector<GoldQuote> gold = {{"a", "Ben Carson", "Hamas", "partial", "pronounced"},
                                       {"a", "*", "Hamas", "partial", "mispronunciations of"}};
  const std::vector<QuoteRecord> before = {Row("a", 1, 1158, "Hamas", "", "speaker-cue")};
  const std::vector<QuoteRecord> after = {Row("a", 1, 329, "Hamas", "Reading", "clause-cue"),
                                          Row("a", 2, 1158, "Hamas", "", "speaker-cue")};
  const OutputDiff d = DiffOutputs(before, after, {&gold});
  REQUIRE(d.changes.size() == 1);
  CHECK(d.changes[0].change == DiffChange::kFound);
  CHECK(d.changes[0].after->speaker == "Reading");
  CHECK(d.changes[0].verdict == DiffVerdict::kBroken);
}

TEST_CASE("diff: kinds are judged against the gold's, continued counting as full") {
  const std::vector<GoldQuote> gold = {
      {"a", "Anna Keller", "The ferry will run all winter long.", "full", "said"},
      {"a", "Anna Keller", "And the quay stays open to the fishing boats.", "full", ""},
      {"a", "Anna Keller", "not before the spring", "partial", "said"}};
  const std::vector<QuoteRecord> before = {
      Row("a", 1, 10, "The ferry will run all winter long.", "Anna Keller", "r", "full"),
      Row("a", 2, 60, "And the quay stays open to the fishing boats.", "Anna Keller", "r", "full"),
      Row("a", 3, 200, "not before the spring", "Anna Keller", "r", "partial")};
  const std::vector<QuoteRecord> after = {
      Row("a", 1, 10, "The ferry will run all winter long.", "Anna Keller", "r", "partial"),
      Row("a", 2, 60, "And the quay stays open to the fishing boats.", "Anna Keller", "r",
          "continued"),
      Row("a", 3, 200, "not before the spring", "Anna Keller", "r", "full")};
  const OutputDiff d = DiffOutputs(before, after, {&gold});
  REQUIRE(d.kinds == 3);
  CHECK(d.changes[0].verdict == DiffVerdict::kBroken);   // full → partial, gold full
  CHECK(d.changes[1].verdict == DiffVerdict::kNeutral);  // full → continued, gold full
  CHECK(d.changes[2].verdict == DiffVerdict::kBroken);   // partial → full, gold partial
}

}  // namespace
}  // namespace saidby
