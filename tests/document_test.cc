#include "saidby/document.h"

#include <doctest/doctest.h>

#include "test_support.h"

namespace saidby {
namespace {

using testing::Doc;

std::vector<std::string> Sentences(const std::string& text) {
  Document d = Doc(text);
  std::vector<std::string> out;
  for (const TextSpan& s : d.sentences) out.emplace_back(d.slice(s));
  return out;
}

TEST_CASE("utf-8 validation names the byte") {
  CHECK(ValidateText("plain ascii").ok());
  CHECK(ValidateText("Kyiv’s “quote” «guillemets»").ok());
  Status bad = ValidateText("abc\xFF" "def");
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.message() == "invalid UTF-8 at byte 3");
  SUBCASE("overlong encoding of '/'") { CHECK_FALSE(ValidateText("ab\xC0\xAF").ok()); }
  SUBCASE("overlong three-byte form") { CHECK_FALSE(ValidateText("\xE0\x80\xAF").ok()); }
  SUBCASE("UTF-16 surrogate") {
    Status s = ValidateText("x\xED\xA0\x80");
    REQUIRE_FALSE(s.ok());
    CHECK(s.message() == "invalid UTF-8 at byte 1");
  }
  SUBCASE("truncated sequence at the end") {
    CHECK(ValidateText("end \xE2\x80").message() == "invalid UTF-8 (truncated) at byte 4");
  }
  SUBCASE("NUL byte means binary data") {
    CHECK(ValidateText(std::string("ab\0cd", 5)).message() == "binary data (NUL byte) at byte 2");
  }
}

TEST_CASE("empty and blank documents are errors") {
  const SentenceSplitter& sp = testing::ShippedRules().splitter();
  CHECK(MakeDocument("a", "s", "", sp).status().message() == "empty file");
  CHECK(MakeDocument("a", "s", " \n\r\n\t ", sp).status().message() == "no text (only white space)");
}

TEST_CASE("paragraphs end at line breaks, offsets count original bytes") {
  // BOM, CRLF and a lone CR: offsets stay in input bytes.
  Document d = Doc("\xEF\xBB\xBF" "First line.\r\nSecond line.\rThird.\n\n  Fourth.  ");
  REQUIRE(d.paragraphs.size() == 4);
  CHECK(d.paragraphs[0].begin == 3);
  CHECK(d.slice(d.paragraphs[0]) == "First line.");
  CHECK(d.slice(d.paragraphs[1]) == "Second line.");
  CHECK(d.slice(d.paragraphs[2]) == "Third.");
  CHECK(d.slice(d.paragraphs[3]) == "Fourth.");
}

TEST_CASE("sentences survive titles, initials and abbreviations") {
  CHECK(Sentences("Mr. Peskov spoke first. Then Dr. Graham replied.") ==
        std::vector<std::string>{"Mr. Peskov spoke first.", "Then Dr. Graham replied."});
  CHECK(Sentences("Lt. Gen. Keith Kellogg arrived on Monday. He left on Tuesday.") ==
        std::vector<std::string>{"Lt. Gen. Keith Kellogg arrived on Monday.", "He left on Tuesday."});
  CHECK(Sentences("The letter was signed by J. Smith and sent to the U.S. embassy. Nobody replied.") ==
        std::vector<std::string>{"The letter was signed by J. Smith and sent to the U.S. embassy.",
                                 "Nobody replied."});
}

TEST_CASE("quotes that end sentences") {
  CHECK(Sentences("“It’s a magnificent city,” said Rubio. Then the cameras cut out.") ==
        std::vector<std::string>{"“It’s a magnificent city,” said Rubio.", "Then the cameras cut out."});
  CHECK(Sentences("“Why now?” he asked. Nobody answered.") ==
        std::vector<std::string>{"“Why now?” he asked.", "Nobody answered."});
  CHECK(Sentences("“No, this is incorrect,” said Peskov. “The thing is that it was accepted.”") ==
        std::vector<std::string>{"“No, this is incorrect,” said Peskov.",
                                 "“The thing is that it was accepted.”"});
}

TEST_CASE("sentence lookup by byte") {
  Document d = Doc("One two. Three four.\nFive.");
  CHECK(d.SentenceAt(0) == 0);
  CHECK(d.SentenceAt(10) == 1);
  CHECK(d.SentenceAt(22) == 2);
  CHECK(d.sentence_paragraph[2] == 1);
  CHECK(d.ParagraphAt(22) == 1);
}

TEST_CASE("words keep hyphenated names and apostrophes whole") {
  Document d = Doc("Bashar al-Assad’s envoy didn’t say, he said.");
  std::vector<std::string> words;
  for (TextSpan w : WordsIn(d.text, d.paragraphs[0])) words.emplace_back(d.slice(w));
  CHECK(words == std::vector<std::string>{"Bashar", "al-Assad’s", "envoy", "didn’t", "say", ",",
                                          "he", "said", "."});
}

}  // namespace
}  // namespace saidby
