#include "saidby/calibration.h"

#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <string>

#include "saidby/extractor.h"
#include "test_support.h"

namespace saidby {
namespace {
namespace fs = std::filesystem;

MentionType Type(const std::string& speaker, const std::string& mention) {
  return MentionTypeOf(speaker, mention, testing::ShippedRules());
}

TEST_CASE("the mention type: name, pronoun, description or none") {
  CHECK(Type("Anna Keller", "Keller") == MentionType::kName);
  CHECK(Type("Anna Keller", "Harbour director Anna Keller’s") == MentionType::kName);
  CHECK(Type("Anna Keller", "Anna Keller, an adviser to the mayor") == MentionType::kName);
  // An acronym the entity stage expanded: the name is the mention's capitalised head.
  CHECK(Type("Harbour Workers Union", "the HWU") == MentionType::kName);
  CHECK(Type("Anna Keller", "she") == MentionType::kPronoun);
  CHECK(Type("", "they") == MentionType::kPronoun);
  CHECK(Type("Anna Keller", "the senator") == MentionType::kDescription);
  CHECK(Type("", "a Kremlin official") == MentionType::kDescription);
  CHECK(Type("", "one Ohio Democrat") == MentionType::kDescription);
  // "the" is in both, but no name word of the speaker is in the mention.
  CHECK(Type("The Harbour Herald", "the newspaper") == MentionType::kDescription);
  CHECK(Type("", "") == MentionType::kNone);
  CHECK(Type("Anna Keller", "") == MentionType::kNone);
}

TEST_CASE(
    "CalibrateConfidence: the table's value for rule and mention type; scare quotes keep "
    "theirs") {
  const RuleSet& rules = testing::ShippedRules();
  REQUIRE_FALSE(rules.confidence().empty());  // rules/en ships a confidence.txt
  Attribution a;
  a.kind = "full";
  a.rule = "quote-speaker-cue";
  a.speaker = "Anna Keller";
  a.mention = "she";
  a.confidence = 0.123;
  CalibrateConfidence(a, rules);
  CHECK(a.mention_type == MentionType::kPronoun);
  CHECK(a.confidence ==
        doctest::Approx(*rules.confidence().Find("quote-speaker-cue", MentionType::kPronoun))
            .epsilon(0.006));
  Attribution unattributed;
  unattributed.kind = "full";
  unattributed.confidence = 0.123;
  CalibrateConfidence(unattributed, rules);
  CHECK(unattributed.mention_type == MentionType::kNone);
  CHECK(unattributed.confidence ==
        doctest::Approx(*rules.confidence().Find(std::string(kNoRuleId), MentionType::kNone))
            .epsilon(0.006));
  Attribution scare;
  scare.kind = "scare";
  scare.confidence = 0.5;
  CalibrateConfidence(scare, rules);
  CHECK(scare.confidence == 0.5);
}

// The shipped rules with a confidence.txt of invented values, one per mention type for every
// rule, so each row's confidence tells which cell it came from.
class CalibratedRules {
 public:
  CalibratedRules() {
    dir_ = fs::temp_directory_path() / ("saidby-calibration-" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::copy(SAIDBY_RULES_DIR, dir_, fs::copy_options::recursive);
    std::ofstream out(dir_ / "confidence.txt", std::ios::trunc);
    out << "# invented\n*  *  0.11\n*  description  0.21\n";
    for (const AttributionRule& r : testing::ShippedRules().rules()) {
      out << r.id << " name 0.64\n" << r.id << " pronoun 0.37\n";
    }
    out.close();
    RuleSet::LoadResult r = RuleSet::Load(dir_.string());
    REQUIRE_MESSAGE(r.problems.empty(), (r.problems.empty() ? "" : r.problems[0].ToString()));
    rules_ = std::move(r.rules);
  }
  ~CalibratedRules() { fs::remove_all(dir_); }
  const RuleSet& rules() const { return *rules_; }

 private:
  fs::path dir_;
  std::unique_ptr<const RuleSet> rules_;
};

TEST_CASE("extract reports the calibrated confidence of each row's rule and mention type") {
  CalibratedRules calibrated;
  const Extractor extractor(calibrated.rules(), ExtractOptions{});
  Result<ArticleQuotes> r = extractor.Extract(
      {"a1", "test",
       "“Nothing is decided yet and nothing will be for many weeks.”\n\n"
       "Anna Keller, the harbour director, spoke on Monday. “The pier will reopen in May,” "
       "Keller said. “We are ready.”\n\n"
       "“We will need more money,” she said.\n\n"
       "“The budget is tight,” a port official said.\n"});
  REQUIRE(r.ok());
  // (rule, name) and (rule, pronoun) are listed for every rule; a description falls back to
  // (*, description); an unattributed quote (rule @none, type none) to (*, *).
  const std::map<std::string, double> expected = {
      {"name", 0.64}, {"pronoun", 0.37}, {"description", 0.21}, {"none", 0.11}};
  std::map<std::string, int> seen;
  for (const QuoteRecord& q : r->quotes) {
    CAPTURE(q.quote);
    REQUIRE(expected.count(q.mention_type));
    CHECK(q.confidence == doctest::Approx(expected.at(q.mention_type)));
    ++seen[q.mention_type];
  }
  CHECK(seen["none"] == 1);
  CHECK(seen["name"] == 2);  // "Keller said" and the quote continuing it
  CHECK(seen["pronoun"] == 1);
  CHECK(seen["description"] == 1);
}

}  // namespace
}  // namespace saidby
