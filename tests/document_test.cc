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
  Status bad = ValidateText(
      "abc\xFF"
      "def");
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
  SUBCASE("UTF-16 and UTF-32 are named by their byte order mark, with the offset of byte 0") {
    size_t offset = 99;
    CHECK(ValidateText(std::string("\xFF\xFEY\0e\0s\0", 8), &offset).message() ==
          "looks like UTF-16 (byte order mark FF FE), not UTF-8: convert it first");
    CHECK(offset == 0);
    CHECK(ValidateText(std::string("\xFE\xFF\0Y", 4))
              .message()
              .starts_with("looks like UTF-16 (byte order mark FE FF)"));
    CHECK(ValidateText(std::string("\xFF\xFE\0\0Y\0\0\0", 8))
              .message()
              .starts_with("looks like UTF-32 (byte order mark FF FE 00 00)"));
    CHECK(ValidateText("x\xFF\xFE").message() == "invalid UTF-8 at byte 1");
    ValidateText("ab\xC0", &offset);
    CHECK(offset == 2);
  }
}

TEST_CASE("empty and blank documents are errors") {
  const SentenceSplitter& sp = testing::ShippedRules().splitter();
  CHECK(MakeDocument("a", "s", "", sp).status().message() == "empty file");
  CHECK(MakeDocument("a", "s", " \n\r\n\t ", sp).status().message() ==
        "no text (only white space)");
}

TEST_CASE("paragraphs end at line breaks, offsets count original bytes") {
  // BOM, CRLF and a lone CR: offsets stay in input bytes.
  Document d =
      Doc("\xEF\xBB\xBF"
          "First line.\r\nSecond line.\rThird.\n\n  Fourth.  ");
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
  CHECK(
      Sentences("Lt. Gen. Keith Kellogg arrived on Monday. He left on Tuesday.") ==
      std::vector<std::string>{"Lt. Gen. Keith Kellogg arrived on Monday.", "He left on Tuesday."});
  CHECK(Sentences(
            "The letter was signed by J. Smith and sent to the U.S. embassy. Nobody replied.") ==
        std::vector<std::string>{"The letter was signed by J. Smith and sent to the U.S. embassy.",
                                 "Nobody replied."});
}

TEST_CASE("quotes that end sentences") {
  CHECK(Sentences("“It’s a magnificent city,” said Rubio. Then the cameras cut out.") ==
        std::vector<std::string>{"“It’s a magnificent city,” said Rubio.",
                                 "Then the cameras cut out."});
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

// Hostile input (issue 7). Big inputs are built at test time.

std::string Repeat(const std::string& unit, size_t bytes) {
  std::string out;
  out.reserve(bytes + unit.size());
  while (out.size() < bytes) out += unit;
  return out;
}

TEST_CASE(
    "hostile: one 50 MB line is one paragraph, and a long line splits into sentences linearly") {
  const std::string line = Repeat("The cat sat on the mat. ", size_t{50} << 20);
  Result<Document> d = MakeParagraphs("big", "s", line);
  REQUIRE(d.ok());
  REQUIRE(d->paragraphs.size() == 1);
  CHECK(d->paragraphs[0] == TextSpan{0, line.size() - 1});  // trailing space trimmed
  CHECK(d->sentences.empty());  // split later, only where a quote is (AddSentences)

  // Sentence breaking of one long line: N and 4N sentences for N and 4N repeats.
  const SentenceSplitter& sp = testing::ShippedRules().splitter();
  const std::string unit = "The cat sat on the mat. ";
  for (size_t repeats : {size_t{20000}, size_t{80000}}) {
    std::string text;
    for (size_t i = 0; i < repeats; ++i) text += unit;
    CHECK(sp.Split(text, {0, text.size()}).size() == repeats);
  }
}

TEST_CASE("hostile: pieces merged into a growing sentence do not rescan it") {
  // "a?\u00A0b": ICU breaks after each "?", every piece starts in lower case and is merged,
  // and there is no ASCII space to stop a search for the last word. Quadratic before the fix
  // (document.cc: the last word is looked for in the last 64 bytes only).
  const SentenceSplitter& sp = testing::ShippedRules().splitter();
  for (size_t bytes : {size_t{1} << 20, size_t{4} << 20}) {
    const std::string text = Repeat(
        "a?\xC2\xA0"
        "b",
        bytes);
    std::vector<TextSpan> s = sp.Split(text, {0, text.size()});
    REQUIRE(s.size() == 1);
    CHECK(s[0] == TextSpan{0, text.size()});
  }
}

TEST_CASE("hostile: NUL bytes anywhere make the document binary") {
  const SentenceSplitter& sp = testing::ShippedRules().splitter();
  std::string text = Repeat("Plain words. ", size_t{10} << 20);
  const size_t at = text.size() - 5;
  text[at] = '\0';
  CHECK(MakeDocument("a", "s", text, sp).status().message() ==
        "binary data (NUL byte) at byte " + std::to_string(at));
  CHECK(MakeDocument("a", "s", std::string(1, '\0'), sp).status().message() ==
        "binary data (NUL byte) at byte 0");
  CHECK(MakeDocument("a", "s", std::string("\xEF\xBB\xBF\0x", 5), sp).status().message() ==
        "binary data (NUL byte) at byte 3");
}

TEST_CASE("hostile: a UTF-8 byte order mark") {
  const SentenceSplitter& sp = testing::ShippedRules().splitter();
  CHECK(MakeDocument("a", "s", "\xEF\xBB\xBF", sp).status().message() ==
        "no text (only white space)");
  CHECK(MakeDocument("a", "s", "\xEF\xBB\xBF\r\n \xEF\xBB\xBF\n", sp).status().message() ==
        "no text (only white space)");
  Document d =
      Doc("\xEF\xBB\xBF"
          "One. Two.\n\xEF\xBB\xBF"
          "Three.");
  REQUIRE(d.paragraphs.size() == 2);
  CHECK(d.paragraphs[0].begin == 3);
  CHECK(d.slice(d.paragraphs[1]) == "Three.");  // a BOM inside the text is white space
  CHECK(d.sentences.size() == 3);
}

TEST_CASE("hostile: CRLF, lone CR and mixed line ends") {
  const SentenceSplitter& sp = testing::ShippedRules().splitter();
  CHECK(MakeDocument("a", "s", "\r\r\r\n\n\r", sp).status().message() ==
        "no text (only white space)");
  Document d = Doc("a.\r\n\r\nb.\rc.\n\rd.\r\r\ne.");
  std::vector<std::string> paragraphs;
  for (TextSpan p : d.paragraphs) paragraphs.emplace_back(d.slice(p));
  CHECK(paragraphs == std::vector<std::string>{"a.", "b.", "c.", "d.", "e."});
  // 100,000 lone CRs: as many paragraphs, found in one pass.
  Result<Document> many = MakeParagraphs("a", "s", Repeat("x\r", 200000));
  REQUIRE(many.ok());
  CHECK(many->paragraphs.size() == 100000);
}

TEST_CASE("hostile: overlong, surrogate and out-of-range UTF-8 sequences name the byte") {
  const SentenceSplitter& sp = testing::ShippedRules().splitter();
  struct Case {
    const char* bytes;
    const char* message;
  };
  const Case cases[] = {
      {"ab\xC0\x80", "invalid UTF-8 at byte 2"},                  // overlong NUL
      {"ab\xC1\xBF", "invalid UTF-8 at byte 2"},                  // overlong 2-byte form
      {"ab\xE0\x80\xAF", "invalid UTF-8 at byte 2"},              // overlong 3-byte '/'
      {"ab\xE0\x9F\xBF", "invalid UTF-8 at byte 2"},              // overlong 3-byte, top
      {"ab\xF0\x80\x80\xAF", "invalid UTF-8 at byte 2"},          // overlong 4-byte
      {"ab\xF0\x8F\xBF\xBF", "invalid UTF-8 at byte 2"},          // overlong 4-byte, top
      {"ab\xED\xA0\x80", "invalid UTF-8 at byte 2"},              // lone high surrogate
      {"ab\xED\xBF\xBF", "invalid UTF-8 at byte 2"},              // lone low surrogate
      {"ab\xED\xA0\xBD\xED\xB8\x80", "invalid UTF-8 at byte 2"},  // CESU-8 surrogate pair
      {"ab\xF4\x90\x80\x80", "invalid UTF-8 at byte 2"},          // above U+10FFFF
      {"ab\xF5\x80\x80\x80", "invalid UTF-8 at byte 2"},
      {"ab\xFF", "invalid UTF-8 at byte 2"},
      {"ab\x80", "invalid UTF-8 at byte 2"},  // lone continuation byte
      {"ab\xE2\x80"
       "c",
       "invalid UTF-8 at byte 2"},  // sequence cut short
      {"ab\xF0\x9F\x98", "invalid UTF-8 (truncated) at byte 2"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.message);
    Result<Document> d = MakeDocument("a", "s", c.bytes, sp);
    REQUIRE_FALSE(d.ok());
    CHECK(d.status().message() == c.message);
  }
  // The largest valid forms are accepted.
  CHECK(ValidateText("\xED\x9F\xBF \xEE\x80\x80 \xF4\x8F\xBF\xBF \xF0\x90\x80\x80").ok());
}

}  // namespace
}  // namespace saidby
