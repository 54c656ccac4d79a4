#include "saidby/rule_set.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "saidby/attribution.h"
#include "test_support.h"

namespace saidby {
namespace {
namespace fs = std::filesystem;

// A private copy of the shipped rules that a test may break.
class RulesCopy {
 public:
  RulesCopy() {
    dir_ = fs::temp_directory_path() /
           ("saidby-rules-" + std::to_string(::getpid()) + "-" + std::to_string(counter_++));
    fs::remove_all(dir_);
    fs::copy(SAIDBY_RULES_DIR, dir_, fs::copy_options::recursive);
  }
  ~RulesCopy() { fs::remove_all(dir_); }
  std::string path(const std::string& name) const { return (dir_ / name).string(); }
  std::string dir() const { return dir_.string(); }
  void Write(const std::string& name, const std::string& text) const {
    std::ofstream(path(name), std::ios::binary | std::ios::trunc) << text;
  }
  void Append(const std::string& name, const std::string& text) const {
    std::ofstream(path(name), std::ios::binary | std::ios::app) << text;
  }
  size_t Lines(const std::string& name) const {
    std::ifstream in(path(name));
    std::string l;
    size_t n = 0;
    while (std::getline(in, l)) ++n;
    return n;
  }

 private:
  static inline int counter_ = 0;
  fs::path dir_;
};

std::vector<std::string> Problems(const std::string& dir) {
  RuleSet::LoadResult r = RuleSet::Load(dir);
  std::vector<std::string> out;
  for (const auto& p : r.problems) out.push_back(p.ToString());
  if (r.rules) {
    for (const auto& p : CheckRuleExamples(*r.rules)) out.push_back(p.ToString());
  }
  return out;
}

TEST_CASE("the shipped rules are clean") {
  CHECK(Problems(SAIDBY_RULES_DIR).empty());
  const RuleSet& rules = testing::ShippedRules();
  CHECK(rules.rules().size() >= 8);
  for (const auto& rule : rules.rules()) {
    CHECK_MESSAGE(!rule.examples.empty(), rule.id);
  }
}

TEST_CASE("broken rule files: each problem names file, line and column") {
  RulesCopy copy;
  const std::string patterns = copy.path("patterns.txt");
  size_t n = copy.Lines("patterns.txt");

  SUBCASE("unknown token class") {
    copy.Append("patterns.txt", "\n[bad-class]\npriority = 10\npattern = QUOTE CUE SPEAKER(PERSN)\nexample = “Yes,” said Keller.\n");
    CHECK(Problems(copy.dir()) ==
          std::vector<std::string>{patterns + ":" + std::to_string(n + 4) + ":29: unknown name 'PERSN' (not a token class or a [define] macro)"});
  }
  SUBCASE("unbalanced parenthesis") {
    copy.Append("patterns.txt", "\n[bad-paren]\npriority = 10\npattern = QUOTE SPEAKER(PERSON CUE\nexample = “Yes,” Keller said.\n");
    std::vector<std::string> p = Problems(copy.dir());
    REQUIRE(p.size() == 1);
    CHECK(p[0] == patterns + ":" + std::to_string(n + 4) + ":24: '(' is never closed");
  }
  SUBCASE("duplicate rule id") {
    copy.Append("patterns.txt", "\n[quote-cue-speaker]\npriority = 10\npattern = QUOTE CUE SPEAKER(PERSON)\nexample = “Yes,” said Keller.\n");
    CHECK(Problems(copy.dir()) ==
          std::vector<std::string>{patterns + ":" + std::to_string(n + 2) + ":2: duplicate rule id 'quote-cue-speaker'"});
  }
  SUBCASE("pattern with no SPEAKER part") {
    copy.Append("patterns.txt", "\n[no-speaker]\npriority = 10\npattern = QUOTE \",\" CUE\nexample = “Yes,” said Keller.\n");
    CHECK(Problems(copy.dir()) ==
          std::vector<std::string>{patterns + ":" + std::to_string(n + 4) +
                                   ":11: pattern has no SPEAKER( … ) part (and is not 'continue = yes')"});
  }
  SUBCASE("an example that does not match its pattern") {
    copy.Append("patterns.txt", "\n[wrong-example]\npriority = 10\npattern = SPEAKER(PERSON) CUE \":\" QUOTE\nexample = “Yes,” said Keller.\n");
    std::vector<std::string> p = Problems(copy.dir());
    REQUIRE(p.size() == 1);
    CHECK(p[0].rfind(patterns + ":" + std::to_string(n + 2) + ":1: example 1 of rule 'wrong-example' does not match the pattern", 0) == 0);
  }
  SUBCASE("unknown tag in a lexicon") {
    copy.Append("titles.txt", "ombudsman @neuter\n");
    CHECK(Problems(copy.dir()) ==
          std::vector<std::string>{copy.path("titles.txt") + ":" + std::to_string(copy.Lines("titles.txt")) +
                                   ":11: unknown tag '@neuter'"});
  }
  SUBCASE("invalid UTF-8 in a lexicon") {
    copy.Append("cues.txt", "ok\nbad\xFF" "word\n");
    CHECK(Problems(copy.dir()) ==
          std::vector<std::string>{copy.path("cues.txt") + ":" + std::to_string(copy.Lines("cues.txt")) +
                                   ":4: invalid UTF-8"});
  }
  SUBCASE("empty and missing files") {
    copy.Write("determiners.txt", "");
    fs::remove(copy.path("particles.txt"));
    CHECK(Problems(copy.dir()) ==
          std::vector<std::string>{copy.path("determiners.txt") + ":1:1: file is empty",
                                   copy.path("particles.txt") + ":1:1: cannot read required rule file"});
  }
  SUBCASE("a priority that is not a number") {
    copy.Append("patterns.txt", "\n[bad-priority]\npriority = high\npattern = QUOTE CUE SPEAKER(PERSON)\nexample = “Yes,” said Keller.\n");
    CHECK(Problems(copy.dir()) ==
          std::vector<std::string>{patterns + ":" + std::to_string(n + 3) + ":12: priority must be an integer 0-1000"});
  }
}

TEST_CASE("patterns compile to linear-time RE2 whatever they say") {
  // Nested repetition that would backtrack catastrophically in a backtracking engine.
  RulesCopy copy;
  copy.Append("patterns.txt", "\n[nested]\npriority = 1\npattern = SPEAKER((NAME* | WORD*)*)* ((ANY*)*)* QUOTE\nexample = Keller said “yes”.\n");
  CHECK(Problems(copy.dir()).empty());
}

}  // namespace
}  // namespace saidby
