#include "saidby/speaker_identity.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "test_support.h"

namespace saidby {
namespace {

using Names = std::vector<std::string>;

SpeakerIdentityOptions WithRules() {
  SpeakerIdentityOptions o;
  o.rules = &testing::ShippedRules();
  return o;
}

std::string WriteTemp(const std::string& name, const std::string& text) {
  const std::filesystem::path p = std::filesystem::temp_directory_path() / name;
  std::ofstream(p, std::ios::binary) << text;
  return p.string();
}

}  // namespace

TEST_CASE("speaker key: titles, honorifics, initials, a leading the, possessives, accents") {
  const RuleSet* rules = &testing::ShippedRules();
  CHECK(SpeakerKey("Anna J. Keller", rules) == "anna keller");
  CHECK(SpeakerKey("Ms. Anna Keller", rules) == "anna keller");
  CHECK(SpeakerKey("Sen. Anna Keller's", rules) == "anna keller");
  CHECK(SpeakerKey("Prime Minister Anna Keller", rules) == "anna keller");
  CHECK(SpeakerKey("Ms. Keller", rules) == "keller");
  CHECK(SpeakerKey("Jon B. Varga Jr.", rules) == "jon varga");
  CHECK(SpeakerKey("The Harbour Herald", rules) == "harbour herald");
  CHECK(SpeakerKey("Zoë Márquez", rules) == "zoe marquez");
  CHECK(SpeakerKey("Jones’", rules) == "jones");
  CHECK(SpeakerKey("Harbour’s Anna Keller", rules) == "anna keller");
  CHECK(SpeakerKey("McDonald's", rules) == "mcdonald");
  // A title before an organisation's head word is part of its name.
  CHECK(SpeakerKey("General Harbour Times", rules) == "general harbour times");
  // Without rules, titles stay: the lexicon is data, not code.
  CHECK(SpeakerKey("Ms. Anna J. Keller", nullptr) == "ms anna keller");
  CHECK(SpeakerKey("", rules).empty());
}

TEST_CASE("speakers: one person's variants are one row, shown as the most quoted spelling") {
  const Names out = CanonicalSpeakers({"Anna J. Keller", "Anna Keller", "Ms. Keller", "Anna Keller",
                                       "Keller", "Anna Keller's", "anna keller"},
                                      WithRules());
  CHECK(out == Names(7, "Anna Keller"));
}

TEST_CASE("speakers: a middle name joins the first and last name when that name occurs") {
  CHECK(CanonicalSpeakers({"Anna Maria Keller", "Anna Keller", "Anna Keller"}, WithRules()) ==
        Names(3, "Anna Keller"));
  // Nothing to join to: it stays as written.
  CHECK(CanonicalSpeakers({"Anna Maria Keller", "Maria Keller"}, WithRules()) ==
        Names{"Anna Maria Keller", "Maria Keller"});
}

TEST_CASE("speakers: organisations with and without a leading the") {
  CHECK(CanonicalSpeakers({"The Harbour Herald", "Harbour Herald", "Harbour Herald"},
                          WithRules()) == Names(3, "Harbour Herald"));
}

TEST_CASE("speakers: a surname alone joins the full name holding 80% of its quotes") {
  Names in(9, "Jon Varga");
  in.push_back("Eva Varga");
  in.push_back("Varga");
  in.push_back("Mr. Varga");
  Names out = CanonicalSpeakers(in, WithRules());
  CHECK(out[10] == "Jon Varga");
  CHECK(out[11] == "Jon Varga");
  CHECK(out[9] == "Eva Varga");
  // 3 of 4 quotes (75%): no one dominates, the surname stays its own row.
  out =
      CanonicalSpeakers({"Jon Varga", "Jon Varga", "Jon Varga", "Eva Varga", "Varga"}, WithRules());
  CHECK(out[4] == "Varga");
}

TEST_CASE("speakers: nicknames join two full names only when no other reading exists") {
  CHECK(CanonicalSpeakers({"Ben Varga", "Benjamin Varga", "Benjamin Varga"}, WithRules()) ==
        Names(3, "Benjamin Varga"));
  // "Bill" and "Will" are both William: with three candidates none is joined.
  CHECK(CanonicalSpeakers({"Bill Varga", "William Varga", "Will Varga"}, WithRules()) ==
        Names{"Bill Varga", "William Varga", "Will Varga"});
  // Different given names stay apart.
  CHECK(CanonicalSpeakers({"Anna Varga", "Eva Varga"}, WithRules()) ==
        Names{"Anna Varga", "Eva Varga"});
}

TEST_CASE("speakers: aliases apply before the rules") {
  SpeakerIdentityOptions o = WithRules();
  o.aliases = {{"The Desk", "Anna Keller"}};
  CHECK(CanonicalSpeakers({"the desk", "Ms. Anna Keller", "Anna Keller"}, o) ==
        Names(3, "Anna Keller"));
}

TEST_CASE("speaker aliases: read from alias,canonical CSV; errors name file and line") {
  Result<std::vector<SpeakerAlias>> ok =
      ReadSpeakerAliases(WriteTemp("saidby_aliases_ok.csv",
                                   "alias,canonical\nThe Desk,Anna "
                                   "Keller\n\"Keller, A.\",Anna Keller\n"));
  REQUIRE(ok.ok());
  REQUIRE(ok->size() == 2);
  CHECK(ok.value()[1].alias == "Keller, A.");
  const std::string bad_header = WriteTemp("saidby_aliases_header.csv", "name,canonical\n");
  Result<std::vector<SpeakerAlias>> h = ReadSpeakerAliases(bad_header);
  REQUIRE_FALSE(h.ok());
  CHECK(h.status().message() == bad_header + ":1: the header must be exactly alias,canonical");
  const std::string bad_row =
      WriteTemp("saidby_aliases_row.csv", "alias,canonical\nA,B\nonly one field\n");
  Result<std::vector<SpeakerAlias>> r = ReadSpeakerAliases(bad_row);
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().message().starts_with(bad_row + ":3: expected 2 fields"));
  CHECK_FALSE(
      ReadSpeakerAliases(WriteTemp("saidby_aliases_empty.csv", "alias,canonical\n,B\n")).ok());
}

}  // namespace saidby
