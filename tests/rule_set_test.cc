#include "saidby/rule_set.h"

#include <doctest/doctest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "rule_pattern.h"
#include "saidby/attribution.h"
#include "saidby/extractor.h"
#include "saidby/quote_span.h"
#include "saidby/reported_speech.h"
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
    for (const auto& p : CheckReportedExamples(*r.rules)) out.push_back(p.ToString());
  }
  return out;
}

// The problems, one a line (doctest prints a string, not a vector, when a check fails).
std::string Joined(const std::vector<std::string>& lines) {
  std::string out;
  for (const std::string& l : lines) out += l + "\n";
  return out;
}
std::string Joined(std::initializer_list<std::string> lines) {
  return Joined(std::vector<std::string>(lines));
}
std::string Joined(const std::vector<RuleProblem>& problems) {
  std::string out;
  for (const RuleProblem& p : problems) out += p.ToString() + "\n";
  return out;
}

// The entries of a lexicon file as the loader reads them: lower case, comments and tags dropped.
std::vector<std::string> LexiconEntries(const std::string& file) {
  std::ifstream in(std::string(SAIDBY_RULES_DIR) + "/" + file);
  std::vector<std::string> out;
  for (std::string line; std::getline(in, line);) {
    line = line.substr(0, line.find_first_of("#@"));
    std::istringstream words(line);
    std::string entry;
    for (std::string w; words >> w;) entry += (entry.empty() ? "" : " ") + w;
    for (char& c : entry) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (!entry.empty()) out.push_back(entry);
  }
  return out;
}

TEST_CASE("stop words: function words from stop_words.txt, never content words") {
  RuleSet::LoadResult r = RuleSet::Load(SAIDBY_RULES_DIR);
  REQUIRE(r.rules);
  for (const std::string& w : LexiconEntries("stop_words.txt"))
    CHECK_MESSAGE(r.rules->IsStopWord(w), w);
  CHECK(r.rules->IsStopWord("those"));
  CHECK(r.rules->IsStopWord("were"));
  CHECK_FALSE(r.rules->IsStopWord("proposals"));
  CHECK_FALSE(r.rules->IsStopWord("unacceptable"));
}

TEST_CASE("the shipped rules are clean") {
  RuleSet::LoadResult r = RuleSet::Load(SAIDBY_RULES_DIR);
  CHECK(Joined(r.problems) == "");
  CHECK(Joined(r.warnings) == "");  // every rule within the program budget
  REQUIRE(r.rules);
  const RuleSet& rules = *r.rules;
  CHECK(Joined(CheckRuleExamples(rules)) == "");
  CHECK(rules.rules().size() >= 8);
  // A word has one class, the first of cue, pronoun, title, determiner, particle, auxiliary
  // (LexiconSymbol): an entry that a file earlier in that order also holds is never used.
  for (const auto& [file, symbol] :
       std::vector<std::pair<std::string, char>>{{"cues.txt", 'C'},
                                                 {"pronouns.txt", 'P'},
                                                 {"titles.txt", 'T'},
                                                 {"determiners.txt", 'D'},
                                                 {"particles.txt", 'k'},
                                                 {"auxiliaries.txt", 'V'}}) {
    const std::vector<std::string> entries = LexiconEntries(file);
    CHECK_MESSAGE(!entries.empty(), file);
    for (const std::string& entry : entries) {
      const std::string where = file + ": '" + entry + "' is shadowed";
      CHECK_MESSAGE(LexiconSymbol(rules, entry) == symbol, where);
    }
  }
}

TEST_CASE("broken rule files: each problem names file, line and column") {
  RulesCopy copy;
  const std::string patterns = copy.path("patterns.txt");
  size_t n = copy.Lines("patterns.txt");

  SUBCASE("unknown token class") {
    copy.Append("patterns.txt",
                "\n[bad-class]\npriority = 10\npattern = QUOTE CUE SPEAKER(PERSN)\nexample = "
                "“Yes,” said Keller.\n");
    CHECK(Problems(copy.dir()) ==
          std::vector<std::string>{
              patterns + ":" + std::to_string(n + 4) +
              ":29: unknown name 'PERSN' (not a token class or a [define] macro)"});
  }
  SUBCASE("unbalanced parenthesis") {
    copy.Append("patterns.txt",
                "\n[bad-paren]\npriority = 10\npattern = QUOTE SPEAKER(PERSON CUE\nexample = "
                "“Yes,” Keller said.\n");
    std::vector<std::string> p = Problems(copy.dir());
    REQUIRE(p.size() == 1);
    CHECK(p[0] == patterns + ":" + std::to_string(n + 4) + ":24: '(' is never closed");
  }
  SUBCASE("duplicate rule id") {
    copy.Append("patterns.txt",
                "\n[quote-cue-speaker]\npriority = 10\npattern = QUOTE CUE "
                "SPEAKER(PERSON)\nexample = “Yes,” said Keller.\n");
    CHECK(Problems(copy.dir()) ==
          std::vector<std::string>{patterns + ":" + std::to_string(n + 2) +
                                   ":2: duplicate rule id 'quote-cue-speaker'"});
  }
  SUBCASE("pattern with no SPEAKER part") {
    copy.Append("patterns.txt",
                "\n[no-speaker]\npriority = 10\npattern = QUOTE \",\" CUE\nexample = “Yes,” said "
                "Keller.\n");
    CHECK(Problems(copy.dir()) ==
          std::vector<std::string>{
              patterns + ":" + std::to_string(n + 4) +
              ":11: pattern has no SPEAKER( … ) part (and is not 'continue = yes')"});
  }
  SUBCASE("an example that does not match its pattern, reported at the example's line") {
    copy.Append("patterns.txt",
                "\n[wrong-example]\npriority = 10\npattern = SPEAKER(PERSON) CUE \":\" "
                "QUOTE\nexample = Anna Keller said: “Yes.”\nexample = “Yes,” said Keller.\n");
    std::vector<std::string> p = Problems(copy.dir());
    REQUIRE(p.size() == 1);
    CHECK(p[0].rfind(patterns + ":" + std::to_string(n + 6) +
                         ":1: example 2 of rule 'wrong-example' does not match the pattern",
                     0) == 0);
  }
  SUBCASE("a reported rule's example that gives no row, reported at the example's line") {
    copy.Append("patterns.txt",
                "\n[wrong-reported-example]\nreported = yes\npriority = 10\npattern = "
                "SPEAKER(PERSON) CUE \"that\" CONTENT(ANY+) END\nexample = Anna Keller said that "
                "the harbour plan would fail.\nexample = The harbour plan would fail, Anna Keller "
                "said.\n");
    std::vector<std::string> p = Problems(copy.dir());
    REQUIRE(p.size() == 1);
    CHECK(p[0].rfind(patterns + ":" + std::to_string(n + 7) +
                         ":1: example 2 of rule 'wrong-reported-example' gives no reported speech",
                     0) == 0);
  }
  SUBCASE("unknown tag in a lexicon") {
    copy.Append("titles.txt", "ombudsman @neuter\n");
    CHECK(Problems(copy.dir()) ==
          std::vector<std::string>{copy.path("titles.txt") + ":" +
                                   std::to_string(copy.Lines("titles.txt")) +
                                   ":11: unknown tag '@neuter'"});
  }
  SUBCASE("a possessive that stands for no pronoun") {
    copy.Append("determiners.txt", "thy @article @of=thou\n");
    CHECK(Problems(copy.dir()) ==
          std::vector<std::string>{copy.path("determiners.txt") + ":" +
                                   std::to_string(copy.Lines("determiners.txt")) +
                                   ":1: @of=thou names no entry of pronouns.txt"});
  }
  SUBCASE("invalid UTF-8 in a lexicon") {
    copy.Append("cues.txt",
                "ok\nbad\xFF"
                "word\n");
    CHECK(Problems(copy.dir()) ==
          std::vector<std::string>{copy.path("cues.txt") + ":" +
                                   std::to_string(copy.Lines("cues.txt")) + ":4: invalid UTF-8"});
  }
  SUBCASE("a particle with an upper-case letter") {
    copy.Append("particles.txt", "  \xC3\x89l\n");
    CHECK(Problems(copy.dir()) ==
          std::vector<std::string>{copy.path("particles.txt") + ":" +
                                   std::to_string(copy.Lines("particles.txt")) +
                                   ":3: a particle is written in lower case"});
  }
  SUBCASE("empty and missing files") {
    copy.Write("determiners.txt", "");
    fs::remove(copy.path("particles.txt"));
    CHECK(Problems(copy.dir()) ==
          std::vector<std::string>{copy.path("determiners.txt") + ":1:1: file is empty",
                                   copy.path("particles.txt") +
                                       ": required rule file: cannot read file (no such file)"});
  }
  SUBCASE("a priority that is not a number") {
    copy.Append("patterns.txt",
                "\n[bad-priority]\npriority = high\npattern = QUOTE CUE SPEAKER(PERSON)\nexample = "
                "“Yes,” said Keller.\n");
    CHECK(Problems(copy.dir()) ==
          std::vector<std::string>{patterns + ":" + std::to_string(n + 3) +
                                   ":12: priority must be an integer 0-1000"});
  }
}

TEST_CASE("nicknames.txt: a line is a nickname and its given name") {
  RulesCopy copy;
  copy.Write("nicknames.txt", "# familiar forms\nben benjamin\nbenny benjamin\nkenny\n");
  CHECK(Joined(Problems(copy.dir())) ==
        Joined({copy.path("nicknames.txt") +
                ":4:1: expected two words, a nickname and its given name ('ben benjamin')"}));
  copy.Write("nicknames.txt", "ben benjamin\nbenny benjamin\n");
  RuleSet::LoadResult r = RuleSet::Load(copy.dir());
  REQUIRE(r.rules);
  CHECK(r.rules->SameGivenName("ben", "benny"));
  CHECK(r.rules->SameGivenName("benjamin", "ben"));
  CHECK_FALSE(r.rules->SameGivenName("ben", "joseph"));
}

TEST_CASE("given names: of spellings that fold alike, the first listed keeps its record") {
  RulesCopy copy;
  copy.Write("given_names.txt", "zoelle @male=1 @female=2\nzo\xC3\xABlle @male=1\n");
  RuleSet::LoadResult r = RuleSet::Load(copy.dir());
  REQUIRE(r.rules);
  const GivenName* g = r.rules->FindGivenName("zoelle");
  REQUIRE(g != nullptr);
  CHECK(g->male == 1);
  CHECK(g->female == 2);
}

TEST_CASE("given_names.txt: counts, folded keys, and words other lexicons claim left out") {
  RulesCopy copy;
  copy.Append("given_names.txt",
              "Zorblat @male=12\n\xC3\x89lodix @female=3 @male=1\ntold @male=5\n"
              "china @female=2\nhe @male=1\n");
  RuleSet::LoadResult r = RuleSet::Load(copy.dir());
  REQUIRE(r.rules);
  const GivenName* z = r.rules->FindGivenName("zorblat");
  REQUIRE(z);
  CHECK(z->male == 12);
  CHECK(z->female == 0);
  const GivenName* e = r.rules->FindGivenName("elodix");  // folded: no accent, lower case
  REQUIRE(e);
  CHECK(e->female == 3);
  CHECK(e->male == 1);
  // A cue, a place (ICU's countries) and a pronoun are no given names.
  CHECK(r.rules->FindGivenName("told") == nullptr);
  CHECK(r.rules->FindGivenName("china") == nullptr);
  CHECK(r.rules->FindGivenName("he") == nullptr);
}

TEST_CASE("patterns compile to linear-time RE2 whatever they say") {
  // Nested repetition that would backtrack catastrophically in a backtracking engine: RE2
  // simplifies it, and every rule's program stays small (matching costs time in its size).
  RulesCopy copy;
  copy.Append("patterns.txt",
              "\n[nested]\npriority = 1\npattern = SPEAKER((NAME* | WORD*)*)* ((ANY*)*)* "
              "QUOTE\nexample = Keller said “yes”.\n");
  RuleSet::LoadResult r = RuleSet::Load(copy.dir());
  CHECK(Joined(r.problems) == "");
  CHECK(Joined(r.warnings) == "");
  REQUIRE(r.rules);
  CHECK(Joined(CheckRuleExamples(*r.rules)) == "");
  REQUIRE(r.rules->rules().back().id == "nested");
  for (size_t i = 0; i < r.rules->rules().size(); ++i) {
    const AttributionRule& rule = r.rules->rules()[i];
    CAPTURE(rule.id);
    CHECK(r.rules->regex(i).ok());
    CHECK(rule.program_size == r.rules->regex(i).ProgramSize());
    CHECK(rule.program_size > 0);
    CHECK(rule.program_size <= kRuleProgramBudget);
  }
  CHECK(r.rules->rules().back().program_size < 50);
}

// Hostile rules (issue 7): each is a file:line:column problem, or loads and runs in linear time.

TEST_CASE("hostile rules: catastrophic patterns run in linear time on long windows") {
  RulesCopy copy;
  copy.Append(
      "patterns.txt",
      "\n[nested]\npriority = 1000\npattern = SPEAKER((NAME* | WORD*)*)* ((ANY* | NAME*)*)* QUOTE "
      "(ANY* (ANY | WORD)*)*\nexample = Keller said “yes”.\n");
  RuleSet::LoadResult r = RuleSet::Load(copy.dir());
  REQUIRE(r.rules);
  // 20,000 names then a quote, then 20,000 words: what a backtracking engine would not survive.
  std::string text;
  for (int i = 0; i < 20000; ++i) text += "Keller ";
  text += "said \xE2\x80\x9Cyes\xE2\x80\x9D";
  for (int i = 0; i < 20000; ++i) text += " and";
  text += ".";
  Result<ArticleQuotes> out = Extractor(*r.rules, ExtractOptions{}).Extract({"a", "s", text});
  REQUIRE(out.ok());
  CHECK(out->quotes.size() == 1);
}

TEST_CASE("hostile rules: a repetition too large for RE2 is a compile problem with its line") {
  RulesCopy copy;
  const size_t n = copy.Lines("patterns.txt");
  copy.Append("patterns.txt",
              "\n[huge]\npriority = 1\npattern = SPEAKER(NAME) (ANY{50,50}){50,50} QUOTE\n"
              "example = Keller said “yes”.\n");
  std::vector<std::string> p = Problems(copy.dir());
  REQUIRE(p.size() == 1);
  CAPTURE(p[0]);
  CHECK(p[0].rfind(copy.path("patterns.txt") + ":" + std::to_string(n + 2) +
                       ":1: pattern does not compile: invalid repetition size: {50,50}",
                   0) == 0);
}

TEST_CASE("hostile rules: a lexicon of 1,000,000 entries loads") {
  RulesCopy copy;
  std::string lexicon = "# a million capitalised words that are not names\n";
  lexicon.reserve(12 << 20);
  for (int i = 0; i < 1000000; ++i) lexicon += "Notname" + std::to_string(i) + "\n";
  copy.Write("not_names.txt", lexicon);
  RuleSet::LoadResult r = RuleSet::Load(copy.dir());
  REQUIRE(r.problems.empty());
  REQUIRE(r.rules);
  CHECK(r.rules->IsNotName("notname0"));
  CHECK(r.rules->IsNotName("notname999999"));
  CHECK_FALSE(r.rules->IsNotName("notname1000000"));
}

TEST_CASE("hostile rules: one lexicon entry of thousands of words is refused") {
  // Every window tries each phrase length up to the longest entry, at every token.
  RulesCopy copy;
  std::string entry;
  for (int i = 0; i < 5000; ++i) entry += "word ";
  copy.Append("cues.txt", "   " + entry + "\n");
  CHECK(Joined(Problems(copy.dir())) ==
        Joined({copy.path("cues.txt") + ":" + std::to_string(copy.Lines("cues.txt")) +
                ":4: entry has 5000 words (at most 8)"}));
  RulesCopy literal;
  const size_t n = literal.Lines("patterns.txt");
  literal.Append(
      "patterns.txt",
      "\n[long-literal]\npriority = 1\npattern = QUOTE \"a b c d e f g h i\" SPEAKER(NAME)\n"
      "example = “Yes,” a b c d e f g h i Keller.\n");
  CHECK(Joined(Problems(literal.dir())) ==
        Joined({literal.path("patterns.txt") + ":" + std::to_string(n + 4) +
                ":17: literal of more than 8 words"}));
}

TEST_CASE("hostile rules: a file for the folder, a folder or a FIFO for a file") {
  RulesCopy copy;
  SUBCASE("the rules path is a file: no line or column") {
    CHECK(Joined(Problems(copy.path("cues.txt"))) ==
          Joined({copy.path("cues.txt") + ": not a rules folder (it is a file, not a folder)"}));
  }
  SUBCASE("a lexicon that is a folder") {
    fs::remove(copy.path("cues.txt"));
    fs::create_directory(copy.path("cues.txt"));
    CHECK(Joined(Problems(copy.dir())) ==
          Joined({copy.path("cues.txt") + ": required rule file: is a directory, not a file"}));
  }
  SUBCASE("patterns.txt is a FIFO: refused, not waited on") {
    fs::remove(copy.path("patterns.txt"));
    REQUIRE(::mkfifo(copy.path("patterns.txt").c_str(), 0600) == 0);
    CHECK(Joined(Problems(copy.dir())) ==
          Joined({copy.path("patterns.txt") +
                  ": required rule file: not a regular file (FIFO, socket or device)"}));
  }
}

TEST_CASE("hostile rules: empty files, comment-only files, invalid UTF-8") {
  RulesCopy copy;
  SUBCASE("empty patterns.txt") {
    copy.Write("patterns.txt", "");
    CHECK(Joined(Problems(copy.dir())) ==
          Joined({copy.path("patterns.txt") + ":1:1: file is empty"}));
  }
  SUBCASE("a lexicon of comments and blank lines only") {
    copy.Write("particles.txt", "# nothing here\n\n   \n# still nothing\n");
    CHECK(Joined(Problems(copy.dir())) ==
          Joined({copy.path("particles.txt") + ":1:1: no entries (only comments or blank lines)"}));
  }
  SUBCASE("invalid UTF-8 in patterns.txt names line and column") {
    const size_t n = copy.Lines("patterns.txt");
    copy.Append("patterns.txt",
                "\n[bad-bytes]\npriority = 1\npattern = QUOTE CUE \xC0\xAF SPEAKER(NAME)\n");
    CHECK(Joined(Problems(copy.dir())) ==
          Joined({copy.path("patterns.txt") + ":" + std::to_string(n + 4) + ":21: invalid UTF-8"}));
  }
  SUBCASE("a surrogate in a lexicon") {
    copy.Append("titles.txt", "envoy\xED\xA0\x80\n");
    CHECK(Joined(Problems(copy.dir())) ==
          Joined({copy.path("titles.txt") + ":" + std::to_string(copy.Lines("titles.txt")) +
                  ":6: invalid UTF-8"}));
  }
  SUBCASE("NUL bytes in a rule file") {
    copy.Append("cues.txt", std::string("bad\0cue\n", 8));
    CHECK(Joined(Problems(copy.dir())) ==
          Joined({copy.path("cues.txt") + ":" + std::to_string(copy.Lines("cues.txt")) +
                  ":4: binary data (NUL byte)"}));
  }
}

TEST_CASE("hostile rules: no SPEAKER, SPEAKER in a macro, duplicates, self-reference") {
  RulesCopy copy;
  const std::string patterns = copy.path("patterns.txt");
  const size_t n = copy.Lines("patterns.txt");
  SUBCASE("SPEAKER only inside a macro") {
    copy.Append("patterns.txt", "\n[define]\nWHO = SPEAKER(NAME)\n");
    CHECK(Joined(Problems(copy.dir())) ==
          Joined({patterns + ":" + std::to_string(n + 3) +
                  ":7: SPEAKER( … ) cannot be used inside a [define] macro"}));
  }
  SUBCASE("a macro defined twice") {
    copy.Append("patterns.txt", "\n[define]\nPERSON = NAME\n");
    CHECK(Joined(Problems(copy.dir())) == Joined({patterns + ":" + std::to_string(n + 3) +
                                                  ":10: macro 'PERSON' is defined twice"}));
  }
  SUBCASE("a key given twice") {
    copy.Append("patterns.txt",
                "\n[twice]\npriority = 1\npriority = 2\npattern = QUOTE CUE SPEAKER(NAME)\nexample "
                "= “Yes,” said Keller.\n");
    CHECK(Joined(Problems(copy.dir())) ==
          Joined({patterns + ":" + std::to_string(n + 4) + ":1: 'priority' given twice"}));
  }
  SUBCASE("the same rule id three times") {
    const std::string rule =
        "priority = 1\npattern = QUOTE CUE SPEAKER(NAME)\nexample = “Yes,” said Keller.\n";
    copy.Append("patterns.txt", "\n[again]\n" + rule + "[again]\n" + rule + "[again]\n" + rule);
    CHECK(Joined(Problems(copy.dir())) ==
          Joined({patterns + ":" + std::to_string(n + 6) + ":2: duplicate rule id 'again'",
                  patterns + ":" + std::to_string(n + 10) + ":2: duplicate rule id 'again'"}));
  }
  SUBCASE("macros cannot form a cycle: a name must be defined before it is used") {
    // There are no include files; the only references are macros, expanded when defined.
    copy.Append("patterns.txt",
                "\n[define]\nLOOP_A = NAME LOOP_B\nLOOP_B = LOOP_A\nSELF = NAME SELF\n");
    CHECK(Joined(Problems(copy.dir())) ==
          Joined({patterns + ":" + std::to_string(n + 3) +
                      ":15: unknown name 'LOOP_B' (not a token class or a [define] macro)",
                  patterns + ":" + std::to_string(n + 4) +
                      ":10: unknown name 'LOOP_A' (not a token class or a [define] macro)",
                  patterns + ":" + std::to_string(n + 5) +
                      ":13: unknown name 'SELF' (not a token class or a [define] macro)"}));
  }
}

TEST_CASE("hostile rules: macros that double on every line are refused with their size") {
  // M30 would be 5 * 2^30 - 4 symbols (memory exhausted); each macro is refused from the first
  // that passes the limit, M15 (5 * 2^15 - 4), and none is expanded.
  RulesCopy copy;
  const std::string patterns = copy.path("patterns.txt");
  const size_t n = copy.Lines("patterns.txt");
  std::string text = "\n[define]\nM0 = NAME\n";
  for (int i = 1; i <= 30; ++i) {
    const std::string prev = "M" + std::to_string(i - 1);
    text += "M" + std::to_string(i) + " = " + prev + " " + prev + "\n";
  }
  text +=
      "\n[doubled]\npriority = 1\npattern = QUOTE CUE SPEAKER(M30)\nexample = “Yes,” said "
      "Keller.\n";
  copy.Append("patterns.txt", text);
  const std::vector<std::string> p = Problems(copy.dir());
  REQUIRE(p.size() == 17);
  CHECK(p[0] == patterns + ":" + std::to_string(n + 18) +
                    ":11: macro expands to 163836 symbols (limit 100000)");
  CHECK(p[1] == patterns + ":" + std::to_string(n + 19) +
                    ":7: macro expands to 327676 symbols (limit 100000)");
  CHECK(p[15] == patterns + ":" + std::to_string(n + 33) +
                     ":7: macro expands to 5368709116 symbols (limit 100000)");
  CHECK(p[16] == patterns + ":" + std::to_string(n + 37) +
                     ":29: pattern expands to 5368709123 symbols (limit 100000)");
}

TEST_CASE("hostile rules: a counted repetition counts as the copies RE2 makes of it") {
  // Found by fuzz_rules: macros of a few hundred symbols each, repeated {1,50} and nested, were
  // under the limit when a repetition counted once, and took RE2 minutes to compile.
  RulesCopy copy;
  const std::string patterns = copy.path("patterns.txt");
  const size_t n = copy.Lines("patterns.txt");
  // With the brackets a macro reference adds and the quantifier itself: M1 = 1 + (3 + 2) * 50 +
  // 1 + 1 = 253 symbols, M2 = (253 + 2) * 50 + 1 = 12,751, M3 = 12,753 * 9 + 1 = 114,778.
  copy.Append("patterns.txt",
              "\n[define]\nM0 = NAME NAME WORD\nM1 = (M0{1,50})\nM2 = M1{0,50}\n"
              "M3 = M2{2,8} M2\n"
              "\n[repeated]\npriority = 1\npattern = QUOTE CUE SPEAKER(NAME | M2)\n"
              "example = “Yes,” said Keller.\n");
  CHECK(Joined(Problems(copy.dir())) ==
        Joined({patterns + ":" + std::to_string(n + 6) +
                ":8: macro expands to 114778 symbols (limit 100000)"}));
}

TEST_CASE("hostile rules: a macro just within the expansion limit loads") {
  RulesCopy copy;
  std::string text = "\n[define]\nM0 = NAME\n";
  for (int i = 1; i <= 14; ++i) {  // M14: 81,916 symbols
    const std::string prev = "M" + std::to_string(i - 1);
    text += "M" + std::to_string(i) + " = " + prev + " " + prev + "\n";
  }
  text +=
      "\n[doubled]\npriority = 1\npattern = QUOTE CUE SPEAKER(NAME | M9)\n"
      "example = “Yes,” said Keller.\n";
  copy.Append("patterns.txt", text);
  CHECK(Joined(Problems(copy.dir())) == "");
}

// Extracts every article of the dev corpus; one line per quote.
std::string DevCorpusRows(const RuleSet& rules) {
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(std::string(SAIDBY_CORPUS_DIR) + "/polnear-dev")) {
    if (e.path().extension() == ".txt") files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  REQUIRE(files.size() > 10);
  const Extractor extractor(rules, ExtractOptions{});
  std::string rows;
  for (const fs::path& f : files) {
    std::ifstream in(f, std::ios::binary);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    Result<ArticleQuotes> r = extractor.Extract({f.stem().string(), "dev", text});
    REQUIRE(r.ok());
    for (const QuoteRecord& q : r->quotes) {
      rows += f.stem().string() + "|" + std::to_string(q.start) + "|" + q.kind + "|" + q.speaker +
              "|" + q.mention + "|" + q.cue + "|" + q.rule + "|" + std::to_string(q.confidence) +
              "\n";
    }
  }
  return rows;
}

TEST_CASE("hostile rules: past 128 distinct literal words, every literal keeps its own symbol") {
  // 200 literals that sort before the shipped ones, and "zzz" after them all: once, every
  // literal past the 128th matched any word of its lexicon class instead ("zzz" any word, and
  // the shipped rules' own literals changed meaning).
  RulesCopy copy;
  std::string many = "\n[define]\nMANY = \"zzz\"";
  for (int i = 0; i < 200; ++i) {
    char word[16];
    std::snprintf(word, sizeof word, "aaa%03d", i);
    many += std::string(" | \"") + word + "\"";
  }
  many +=
      "\n\n[many-literals]\npriority = 1000\npattern = QUOTE MANY SPEAKER(NAME)\n"
      "example = “Yes,” zzz Keller.\nexample = “Yes,” aaa199 Keller.\n";
  copy.Append("patterns.txt", many);
  RuleSet::LoadResult r = RuleSet::Load(copy.dir());
  CHECK(Joined(r.problems) == "");
  REQUIRE(r.rules);
  CHECK(Joined(CheckRuleExamples(*r.rules)) == "");
  const Extractor extractor(*r.rules, ExtractOptions{/*keep_scare=*/true, /*explain=*/false});
  auto rule_of = [&](const std::string& text) {
    Result<ArticleQuotes> out = extractor.Extract({"a", "s", text});
    REQUIRE(out.ok());
    REQUIRE(out->quotes.size() == 1);
    return out->quotes[0].rule;
  };
  CHECK(rule_of("“Yes,” zzz Keller.") == "many-literals");
  CHECK(rule_of("“Yes,” aaa000 Keller.") == "many-literals");
  CHECK(rule_of("“Yes,” bbb Keller.") != "many-literals");
  CHECK(rule_of("“Yes,” said Keller.") != "many-literals");
  // The shipped rules find the same quotes, speakers and cues with the extra literals.
  CHECK(DevCorpusRows(*r.rules) == DevCorpusRows(testing::ShippedRules()));
}

TEST_CASE("hostile rules: a rule over the RE2 program budget loads, with a warning naming it") {
  RulesCopy copy;
  const size_t n = copy.Lines("patterns.txt");
  copy.Append("patterns.txt",
              "\n[big]\npriority = 1\npattern = QUOTE CUE SPEAKER(NAME (WORD{0,30} NAME){0,30} | "
              "TITLE (WORD{0,30} TITLE){0,30} | DET (WORD{0,30} DET){0,30} | PRONOUN (WORD{0,30} "
              "PRONOUN){0,30})\nexample = “Yes,” said Keller.\n");
  RuleSet::LoadResult r = RuleSet::Load(copy.dir());
  CHECK(Joined(r.problems) == "");
  REQUIRE(r.rules);
  const AttributionRule& big = r.rules->rules().back();
  REQUIRE(big.id == "big");
  CHECK(big.program_size > kRuleProgramBudget);
  CHECK(Joined(r.warnings) ==
        Joined({copy.path("patterns.txt") + ":" + std::to_string(n + 2) +
                ":1: rule 'big' compiles to " + std::to_string(big.program_size) +
                " RE2 instructions (budget " + std::to_string(kRuleProgramBudget) +
                "): slow to match on text not seen before"}));
}

TEST_CASE("a lexicon entry shadowed by another class is a warning naming both lines") {
  RulesCopy copy;
  const size_t cues = copy.Lines("cues.txt"), titles = copy.Lines("titles.txt");
  const size_t determiners = copy.Lines("determiners.txt"), pronouns = copy.Lines("pronouns.txt");
  // "harbourmaster" a cue and a title: a CUE. "yonder" a pronoun, a determiner and an auxiliary:
  // a PRONOUN, reported once for each entry it shadows. "grumbled" twice in cues.txt.
  copy.Append("cues.txt", "harbourmaster\ngrumbled\ngrumbled @object\n");
  copy.Append("titles.txt", "harbourmaster @male\n");
  copy.Append("pronouns.txt", "yonder\n");
  copy.Append("determiners.txt", "yonder\n");
  copy.Append("auxiliaries.txt", "yonder\n");
  RuleSet::LoadResult r = RuleSet::Load(copy.dir());
  CHECK(Joined(r.problems) == "");
  REQUIRE(r.rules);
  const std::string order =
      " (class precedence CUE > PRONOUN > TITLE > DET > PARTICLE > AUXVERB); remove one of the "
      "two entries";
  const std::string at = ":" + std::to_string(pronouns + 1);
  CHECK(
      Joined(r.warnings) ==
      Joined({copy.path("cues.txt") + ":" + std::to_string(cues + 3) +
                  ":1: 'grumbled' is listed again (first on line " + std::to_string(cues + 2) + ")",
              copy.path("auxiliaries.txt") + ":" + std::to_string(copy.Lines("auxiliaries.txt")) +
                  ":1: 'yonder' is shadowed by " + copy.path("pronouns.txt") + at +
                  ": a window reads it as PRONOUN, never AUXVERB" + order,
              copy.path("determiners.txt") + ":" + std::to_string(determiners + 1) +
                  ":1: 'yonder' is shadowed by " + copy.path("pronouns.txt") + at +
                  ": a window reads it as PRONOUN, never DET" + order,
              copy.path("titles.txt") + ":" + std::to_string(titles + 1) +
                  ":1: 'harbourmaster' is shadowed by " + copy.path("cues.txt") + ":" +
                  std::to_string(cues + 1) + ": a window reads it as CUE, never TITLE" + order}));
  // The precedence the warning states is the one windows use.
  CHECK(LexiconSymbol(*r.rules, "harbourmaster") == 'C');
  CHECK(LexiconSymbol(*r.rules, "yonder") == 'P');
}

TEST_CASE("confidence.txt: cells load; each broken line is a problem at file:line:column") {
  RulesCopy copy;
  copy.Write("confidence.txt",
             "# invented values\n*  *  0.5\nquote-speaker-cue  pronoun  0.37  # 9 rows\n");
  RuleSet::LoadResult r = RuleSet::Load(copy.dir());
  CHECK(Joined(r.problems) == "");
  CHECK(Joined(r.warnings) == "");
  REQUIRE(r.rules);
  CHECK(r.rules->confidence().Find("quote-speaker-cue", MentionType::kPronoun) == 0.37);
  CHECK(r.rules->confidence().Find("quote-speaker-cue", MentionType::kName) == 0.5);

  copy.Write("confidence.txt",
             "* * 0.5\n"
             "quote-speaker-cue pronoun\n"
             "quote-speaker-cue pronom 0.3\n"
             "quote-speaker-cue name 1.5\n"
             "  * * 0.6\n"
             "quote-speaker-cue name nan\n");
  const std::string f = copy.path("confidence.txt");
  CHECK(Joined(Problems(copy.dir())) ==
        Joined({f + ":2:1: expected 'RULE TYPE CONFIDENCE' (3 fields), found 2",
                f + ":3:19: unknown mention type 'pronom' (expected name, pronoun, description, "
                    "none or *)",
                f + ":4:24: confidence must be a number 0-1, not '1.5'",
                f + ":5:3: '* *' given twice (first on line 1)",
                f + ":6:24: confidence must be a number 0-1, not 'nan'"}));
  copy.Write("confidence.txt", "# nothing but a comment\n");
  CHECK(Joined(Problems(copy.dir())) == Joined({f + ":1:1: no entries (only comments or blank "
                                                    "lines)"}));
}

TEST_CASE(
    "confidence.txt: a rule id not in patterns.txt is a warning; a missing file leaves the "
    "rules' constants, with a warning") {
  RulesCopy copy;
  copy.Write("confidence.txt", "* * 0.5\n@none none 0.1\nno-such-rule name 0.9\n");
  RuleSet::LoadResult r = RuleSet::Load(copy.dir());
  CHECK(Joined(r.problems) == "");
  CHECK(Joined(r.warnings) == Joined({copy.path("confidence.txt") +
                                      ":3:1: rule 'no-such-rule' is not in patterns.txt: this "
                                      "line is never used"}));
  fs::remove(copy.path("confidence.txt"));
  r = RuleSet::Load(copy.dir());
  CHECK(Joined(r.problems) == "");
  REQUIRE(r.rules);
  CHECK(r.rules->confidence().empty());
  CHECK(Joined(r.warnings) ==
        Joined({copy.path("confidence.txt") +
                ": missing: confidence is each rule's `confidence =` value, uncalibrated "
                "(tools/calibrate writes this file)"}));
  // Without a table, attribution keeps the rule's own constant.
  Document d = testing::Doc("“The pier will reopen in May,” Anna Keller said.");
  QuoteScan scan = FindQuoteSpans(d);
  std::vector<Attribution> a = Attribute(d, scan, *r.rules, false);
  REQUIRE(a.size() == 1);
  REQUIRE_FALSE(a[0].rule.empty());
  for (const AttributionRule& rule : r.rules->rules()) {
    if (rule.id == a[0].rule) CHECK(a[0].confidence == doctest::Approx(rule.confidence));
  }
}

TEST_CASE("each loaded RuleSet has its own serial, even at a reused address") {
  std::set<uint64_t> serials;
  for (int i = 0; i < 3; ++i) {
    RuleSet::LoadResult r = RuleSet::Load(SAIDBY_RULES_DIR);
    REQUIRE(r.rules);
    serials.insert(r.rules->serial());
  }
  CHECK(serials.size() == 3);
}

}  // namespace
}  // namespace saidby
