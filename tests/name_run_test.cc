#include "name_run.h"

#include <re2/re2.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "saidby/document.h"
#include "test_support.h"

namespace saidby {
namespace {

// Every run RE2 finds in `text` with the finder's own Pattern(), searched as attribution
// searches. Only the shipped rules are used here, so the regex is compiled once.
std::vector<TextSpan> RegexRuns(const RuleSet& rules, std::string_view text) {
  static const RE2 name_run(rules.name_finder().Pattern());
  REQUIRE(name_run.ok());
  std::vector<TextSpan> out;
  re2::StringPiece match;
  for (size_t at = 0;
       at < text.size() && name_run.Match(text, at, text.size(), RE2::UNANCHORED, &match, 1);) {
    const size_t pos = static_cast<size_t>(match.data() - text.data());
    out.push_back({pos, pos + match.size()});
    at = pos + std::max<size_t>(match.size(), 1);
  }
  return out;
}

std::vector<TextSpan> FinderRuns(const RuleSet& rules, std::string_view text) {
  std::vector<TextSpan> out;
  for (size_t at = 0; at < text.size();) {
    std::optional<TextSpan> run = rules.name_finder().Find(text, at);
    if (!run) break;
    out.push_back(*run);
    at = run->begin + std::max<size_t>(run->size(), 1);
  }
  return out;
}

std::vector<std::string> Slices(std::string_view text, const std::vector<TextSpan>& spans) {
  std::vector<std::string> out;
  for (TextSpan s : spans) out.emplace_back(text.substr(s.begin, s.size()));
  return out;
}

TEST_CASE("NameRunFinder finds names with particles, initials and hyphens") {
  const RuleSet& rules = testing::ShippedRules();
  const std::string text =
      "Officials said Ursula von der Leyen met J. Smith and Bashar al-Assad in the U.S. on "
      "Monday; O\xE2\x80\x99"
      "Brien and Jean-Luc Picard of McDonald's agreed with \xC3\x81ngela "
      "de la Cruz, not iPhone users.";
  CHECK(Slices(text, FinderRuns(rules, text)) ==
        std::vector<std::string>{"Officials", "Ursula von der Leyen", "J. Smith", "Bashar al-Assad",
                                 "U.", "S.", "Monday",
                                 "O\xE2\x80\x99"
                                 "Brien",
                                 "Jean-Luc Picard", "McDonald's", "\xC3\x81ngela de la Cruz",
                                 "Phone"});
}

TEST_CASE("NameRunFinder agrees with the name_run regex on every corpus article") {
  const RuleSet& rules = testing::ShippedRules();
  size_t files = 0, runs = 0;
  for (const char* collection : {"seeds", "polnear-train", "polnear-dev"}) {
    const std::filesystem::path dir = std::filesystem::path(SAIDBY_CORPUS_DIR) / collection;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
      if (entry.path().extension() != ".txt") continue;
      std::ifstream in(entry.path(), std::ios::binary);
      std::stringstream buf;
      buf << in.rdbuf();
      const std::string text = buf.str();
      if (!ValidateText(text).ok()) continue;
      const std::vector<TextSpan> want = RegexRuns(rules, text);
      const std::vector<TextSpan> got = FinderRuns(rules, text);
      INFO(entry.path().string());
      REQUIRE(Slices(text, got) == Slices(text, want));
      ++files;
      runs += want.size();
    }
  }
  CHECK(files > 900);
  CHECK(runs > 90000);
}

TEST_CASE("NameRunFinder agrees with the name_run regex on random strings") {
  const RuleSet& rules = testing::ShippedRules();
  // Pieces that meet at the edges of the regex: particles before and after hyphens and
  // spaces, initials, apostrophes, marks, title case and lower case.
  const std::vector<std::string> pieces = {"A",        "b",        ".",        " ",
                                           "\t",       "-",        "'",        "\xE2\x80\x99",
                                           "von",      "der",      "de",       "la",
                                           "al",       "bin",      "Van",      "\xC3\x81",
                                           "\xC3\xA9", "\xCC\x81", "\xC7\x85", "\xE2\x80\x9C",
                                           ",",        "x"};
  std::mt19937 rng(7);
  for (int i = 0; i < 20000; ++i) {
    std::string s;
    const int n = static_cast<int>(rng() % 14) + 1;
    for (int k = 0; k < n; ++k) s += pieces[rng() % pieces.size()];
    INFO(s);
    REQUIRE(Slices(s, FinderRuns(rules, s)) == Slices(s, RegexRuns(rules, s)));
  }
}

std::string Utf8(char32_t cp) {
  std::string out;
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
  return out;
}

// The finder reads letter classes from ICU, the regex from RE2's own tables: they must agree on
// every code point that has letters or marks (a library upgrade could split them silently).
TEST_CASE("NameRunFinder and the regex agree on upper case, letters and marks of every plane") {
  const RuleSet& rules = testing::ShippedRules();
  size_t checked = 0;
  for (char32_t cp = 1; cp < 0xE1000; ++cp) {
    if (cp == 0x40000) cp = 0xE0000;                 // planes 4-13 hold no assigned characters
    if (cp >= 0xD800 && cp < 0xE000) continue;       // surrogates are no code points
    const std::string alone = " " + Utf8(cp) + " ";  // \p{Lu} starts a run
    const std::string after = "A" + Utf8(cp) + " ";  // [\p{L}\p{M}] continues one
    for (const std::string& text : {alone, after}) {
      if (FinderRuns(rules, text) != RegexRuns(rules, text)) {
        FAIL_CHECK("code point U+" << std::hex << static_cast<uint32_t>(cp));
      }
    }
    ++checked;
  }
  CHECK(checked > 260000);
}

TEST_CASE("NameRunFinder stays linear on a long run of particles") {
  const RuleSet& rules = testing::ShippedRules();
  std::string text = "Anna";
  for (int i = 0; i < 200000; ++i) text += " de";
  text += " x";
  CHECK(Slices(text, FinderRuns(rules, text)) == std::vector<std::string>{"Anna"});
}

}  // namespace
}  // namespace saidby
