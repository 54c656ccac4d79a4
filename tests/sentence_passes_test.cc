#include "sentence_passes.h"

#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <string>

#include "saidby/attribution.h"
#include "saidby/quote_span.h"
#include "test_support.h"

namespace saidby {
namespace {

// Each quote's attribution by `rules`.
std::vector<Attribution> Attributed(const std::string& text,
                                    const RuleSet& rules = testing::ShippedRules()) {
  Document d = testing::Doc(text);
  return Attribute(d, FindQuoteSpans(d), rules, /*explain=*/true);
}

TEST_CASE("own-sentence pass: a rule on the quote's own sentence names the speaker") {
  std::vector<Attribution> a = Attributed("“The bridge will open in May,” said Anna Keller.");
  REQUIRE(a.size() == 1);
  CHECK(a[0].pass == "own-sentence");
  CHECK(a[0].speaker == "Anna Keller");
  CHECK(a[0].rule == "quote-cue-speaker");
  CHECK(a[0].explain.ends_with("decided by pass own-sentence"));
}

TEST_CASE("next-sentence pass: “Q.” then a sentence that names the speaker") {
  std::vector<Attribution> a = Attributed(
      "The council met on Tuesday. “The bridge will open in May.” Anna Keller said the work "
      "was on time.");
  REQUIRE(a.size() == 1);
  CHECK(a[0].pass == "next-sentence");
  CHECK(a[0].speaker == "Anna Keller");
  CHECK(a[0].explain.find("next sentence: ") != std::string::npos);
}

TEST_CASE("previous-sentence pass: the speaker is named in the sentence before") {
  std::vector<Attribution> a =
      Attributed("Anna Keller argued that the plan was dead.\n\n“We will not vote for it.”");
  REQUIRE(a.size() == 1);
  CHECK(a[0].pass == "previous-sentence");
  CHECK(a[0].speaker == "Anna Keller");
  CHECK(a[0].kind == "full");
}

TEST_CASE("previous-sentence pass: it outranks continuing the previous speaker") {
  std::vector<Attribution> a = Attributed(
      "“We will build it,” said Tomas Lindqvist.\n\nAnna Keller argued that the plan was "
      "dead.\n\n“We will not vote for it.”");
  REQUIRE(a.size() == 2);
  CHECK(a[1].pass == "previous-sentence");
  CHECK(a[1].speaker == "Anna Keller");
}

// The shipped rules rank every rule but continuation above it, so the fallback needs a rule
// ranked below: a subject with no cue.
class RulesWithLowRule {
 public:
  RulesWithLowRule() {
    namespace fs = std::filesystem;
    dir_ = fs::temp_directory_path() / ("saidby-passes-" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::copy(SAIDBY_RULES_DIR, dir_, fs::copy_options::recursive);
    std::ofstream(dir_ / "patterns.txt", std::ios::app)
        << "\n[subject-before-quote]\npriority = 10\n"
           "pattern = START SPEAKER(NAME+) ANY* \".\" QUOTE END\n"
           "example = Anna Keller is upbeat about the vote. “We will win it.”\n";
    RuleSet::LoadResult r = RuleSet::Load(dir_.string());
    REQUIRE(r.problems.empty());
    rules_ = std::move(r.rules);
  }
  ~RulesWithLowRule() { std::filesystem::remove_all(dir_); }
  const RuleSet& rules() const { return *rules_; }

 private:
  std::filesystem::path dir_;
  std::unique_ptr<const RuleSet> rules_;
};

TEST_CASE(
    "previous-sentence-fallback pass: a rule ranked below continuation, when nothing "
    "continues") {
  RulesWithLowRule low;
  const std::string text = "Anna Keller is upbeat about the vote.\n\n“We will win it.”";
  std::vector<Attribution> a = Attributed(text, low.rules());
  REQUIRE(a.size() == 1);
  CHECK(a[0].pass == "previous-sentence-fallback");
  CHECK(a[0].rule == "subject-before-quote");
  CHECK(a[0].speaker == "Anna Keller");
  // The shipped rules have no such rule: the quote stays unattributed.
  CHECK(Attributed(text)[0].pass == "unattributed");
}

TEST_CASE("previous-sentence-fallback pass: continuing an earlier quote comes first") {
  RulesWithLowRule low;
  std::vector<Attribution> a = Attributed(
      "“We will build it,” said Tomas Lindqvist.\n\nAnna Keller is upbeat about the vote.\n\n"
      "“We will win it.”",
      low.rules());
  REQUIRE(a.size() == 2);
  CHECK(a[1].pass == "continuation");
  CHECK(a[1].speaker == "Tomas Lindqvist");
}

}  // namespace
}  // namespace saidby
