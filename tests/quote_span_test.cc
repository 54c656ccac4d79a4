#include "saidby/quote_span.h"

#include <doctest/doctest.h>

#include "test_support.h"

namespace saidby {
namespace {

using testing::Doc;

std::vector<std::string> Quotes(const std::string& text, QuoteScan* scan_out = nullptr) {
  Document d = Doc(text);
  QuoteScan scan = FindQuoteSpans(d);
  std::vector<std::string> out;
  for (const QuoteSpan& q : scan.spans) {
    // Offsets are original bytes: the content is exactly what lies between the marks.
    CHECK(d.text.substr(q.content.begin, q.content.size()) == d.slice(q.content));
    out.emplace_back(d.slice(q.content));
  }
  if (scan_out) *scan_out = scan;
  return out;
}

using V = std::vector<std::string>;

TEST_CASE("curly double quotes, split by the attribution") {
  CHECK(Quotes("“Putin doesn’t want to see Witkoff coming to Moscow,” said Graham. “He really "
               "does want to turn this into a normal process.”") ==
        V{"Putin doesn’t want to see Witkoff coming to Moscow,",
          "He really does want to turn this into a normal process."});
}

TEST_CASE("straight double quotes") {
  CHECK(Quotes("Dmitriev, who was present, called the meeting \"productive.\" Ushakov said "
               "\"key question\" twice.") == V{"productive.", "key question"});
}

TEST_CASE("straight and curly marks mixed in one article") {
  CHECK(Quotes("Trump said \"(Putin) would like to end the war.\" Rutte called it “the strongest "
               "position”.") == V{"(Putin) would like to end the war.", "the strongest position"});
}

TEST_CASE("single curly quotes as the outer marks") {
  CHECK(Quotes("‘We will not pay for this,’ the minister told the BBC.") ==
        V{"We will not pay for this,"});
}

TEST_CASE("guillemets and low-high German marks") {
  CHECK(Quotes("« Nous sommes prêts », a déclaré le ministre.") == V{" Nous sommes prêts "});
  CHECK(Quotes("„Wir schaffen das“, sagte die Kanzlerin.") == V{"Wir schaffen das"});
  CHECK(Quotes("‹ Oui ›, dit-il.") == V{" Oui "});
}

TEST_CASE("a quote inside a quote is part of the outer one") {
  CHECK(Quotes("“He told me ‘never again’ and walked out,” she said.") ==
        V{"He told me ‘never again’ and walked out,"});
  CHECK(Quotes("“They called it a “deal” but it was not,” he said.").size() == 1);
}

TEST_CASE("apostrophes are not quote marks") {
  CHECK(Quotes("Kyiv’s leaders don’t expect a deal before the ’90s-style talks end.").empty());
  CHECK(Quotes("It was rock ’n’ roll, and the band’s fans’ favourite.").empty());
  CHECK(Quotes("The '90s were different, and rock 'n' roll didn't care.").empty());
}

TEST_CASE("scare quotes are found as spans (attribution decides they are not speech)") {
  CHECK(Quotes("Donald Trump’s self-described “deal guys”, being led by officials.") ==
        V{"deal guys"});
}

TEST_CASE("markup residue is not speech") {
  CHECK(Quotes("[time-brightcove not-tgx=”true”]").empty());
  CHECK(Quotes("Read <a href=\"https://example.org\">the report</a> now.").empty());
  CHECK(Quotes("Some [proposals] were “accepted”.") == V{"accepted"});
}

TEST_CASE("a quote that runs over several paragraphs") {
  QuoteScan scan;
  V q = Quotes(
      "“The first paragraph of the statement goes on.\n“And the second one ends it,” "
      "he said.\nAfter that, nothing.",
      &scan);
  REQUIRE(q == V{"The first paragraph of the statement goes on.", "And the second one ends it,"});
  CHECK(scan.spans[0].continues_next);
  CHECK_FALSE(scan.spans[0].closed);
  CHECK(scan.spans[1].continues_previous);
  CHECK(scan.warnings.empty());
}

TEST_CASE("an unbalanced mark is closed at its paragraph end with a warning") {
  QuoteScan scan;
  V q = Quotes("He said “this never closes and runs on.\nThe next paragraph has “its own” quote.",
               &scan);
  CHECK(q == V{"this never closes and runs on.", "its own"});
  REQUIRE(scan.warnings.size() == 1);
  CHECK(scan.warnings[0].find("unbalanced quote mark at byte 8") == 0);
  CHECK_FALSE(scan.spans[0].closed);
}

TEST_CASE("inch marks after digits are not quotes") {
  CHECK(Quotes("He is 6'2\" tall and said \"fine\".") == V{"fine"});
}

TEST_CASE("two apostrophes stand for a double quotation mark") {
  QuoteScan scan;
  CHECK(Quotes("''Our jobs are being sucked out of our states,'' Mr. Trump said. ''It's my "
               "wheelhouse.''",
               &scan) == V{"Our jobs are being sucked out of our states,", "It's my wheelhouse."});
  CHECK(scan.warnings.empty());
  CHECK(Quotes("''That's why I've tried,'' she said.\n''Here's what I will do.''") ==
        V{"That's why I've tried,", "Here's what I will do."});
}

// Hostile input (issue 7). Big inputs are built at test time. Each case compares two sizes
// (N and 4N, 4N being the size the issue names) where the output must scale exactly, at sizes where
// quadratic work could not finish; the scanner keeps a count of open marks per family, so no step
// searches its stack.

std::string Repeat(const std::string& unit, size_t bytes) {
  std::string out;
  out.reserve(bytes + unit.size());
  while (out.size() < bytes) out += unit;
  return out;
}

// Paragraphs only: the scanner needs no sentences, and ICU would dominate the test's time.
QuoteScan ScanOnly(const std::string& text, Document* doc_out = nullptr) {
  Result<Document> d = MakeParagraphs("test", "test", text);
  REQUIRE(d.ok());
  QuoteScan scan = FindQuoteSpans(d.value());
  if (doc_out) *doc_out = std::move(d).value();
  return scan;
}

TEST_CASE("hostile: 10 MB of “ only is one unclosed quote with one warning") {
  for (size_t bytes : {size_t{10} << 18, size_t{10} << 20}) {
    const std::string text = Repeat("\xE2\x80\x9C", bytes);
    QuoteScan scan = ScanOnly(text);
    REQUIRE(scan.spans.size() == 1);
    CHECK(scan.spans[0].content == TextSpan{3, text.size()});
    CHECK_FALSE(scan.spans[0].closed);
    CHECK(scan.warnings.size() == 1);
  }
}

TEST_CASE("hostile: 10 MB of \" alternating with words") {
  SUBCASE("pairs: every pair is a quote, spans scale with the input") {
    const std::string unit = "\"a b\" ";
    QuoteScan n = ScanOnly(Repeat(unit, size_t{10} << 18));
    QuoteScan n4 = ScanOnly(Repeat(unit, size_t{10} << 20));
    CHECK(n.spans.size() == ((size_t{10} << 18) + unit.size() - 1) / unit.size());
    CHECK(n4.spans.size() == ((size_t{10} << 20) + unit.size() - 1) / unit.size());
    CHECK(n.warnings.empty());
    CHECK(n4.warnings.empty());
  }
  SUBCASE("glued: \"word\"word\"word… closes and opens in turn") {
    QuoteScan n = ScanOnly(Repeat("\"word", size_t{10} << 18));
    QuoteScan n4 = ScanOnly(Repeat("\"word", size_t{10} << 20));
    CHECK(n.spans.size() > 1000);
    CHECK(n4.spans.size() >= 4 * n.spans.size() - 1);
    CHECK(n4.spans.size() <= 4 * n.spans.size() + 1);
  }
  SUBCASE("openers only: \"word \"word … nests into one quote") {
    QuoteScan scan = ScanOnly(Repeat("\"word ", size_t{10} << 20));
    CHECK(scan.spans.size() == 1);
    CHECK(scan.warnings.size() == 1);
  }
}

TEST_CASE("hostile: 100,000 nested or unclosed quotes") {
  const size_t n = 100000;
  SUBCASE("nested “ openers: one quote, one warning") {
    QuoteScan scan = ScanOnly(Repeat("\xE2\x80\x9Cx ", 4 * n * 3));
    CHECK(scan.spans.size() == 1);
    CHECK(scan.warnings.size() == 1);
  }
  SUBCASE("100,000 « then 100,000 ”: a closer of another family never searches the stack") {
    std::string text = Repeat(
                           "\xC2\xAB"
                           "x ",
                           n * 4) +
                       Repeat("x\xE2\x80\x9D ", n * 5);
    QuoteScan scan = ScanOnly(text);
    REQUIRE(scan.spans.size() == 1);
    CHECK(scan.spans[0].outer.begin == 0);
    CHECK(scan.warnings.size() == 1);
  }
  SUBCASE("then as many » close them all: one quote, no warning") {
    std::string text = Repeat(
                           "\xC2\xAB"
                           "x ",
                           n * 4) +
                       Repeat("x\xC2\xBB ", n * 4);
    QuoteScan scan = ScanOnly(text);
    REQUIRE(scan.spans.size() == 1);
    CHECK(scan.spans[0].closed);
    CHECK(scan.warnings.empty());
  }
  SUBCASE("100,000 paragraphs each left open: a long multi-paragraph quote, one warning") {
    QuoteScan scan = ScanOnly(Repeat("\xE2\x80\x9Cword\n", n * 8));
    REQUIRE(scan.spans.size() == n);
    CHECK(scan.warnings.size() == 1);
    CHECK(scan.spans[1].continues_previous);
    CHECK(scan.spans[n - 1].continues_previous);
  }
  SUBCASE("single marks: ‘ inside ‘ is ignored") {
    QuoteScan scan = ScanOnly(Repeat("\xE2\x80\x98x ", n * 5));
    CHECK(scan.spans.size() == 1);
  }
}

TEST_CASE("hostile: line ends (CRLF, lone CR) end an unclosed quote and a BOM counts in offsets") {
  Document d;
  QuoteScan scan = ScanOnly(
      "\xEF\xBB\xBF"
      "He said \xE2\x80\x9Cthis never closes\r\n"
      "Next \xE2\x80\x9Cone\xE2\x80\x9D\rThird \xE2\x80\x9Ctwo\xE2\x80\x9D\n",
      &d);
  REQUIRE(scan.spans.size() == 3);
  CHECK(d.slice(scan.spans[0].content) == "this never closes");
  CHECK(scan.spans[0].content.begin == 3 + 8 + 3);
  CHECK(d.slice(scan.spans[1].content) == "one");
  CHECK(d.slice(scan.spans[2].content) == "two");
  CHECK(scan.warnings.size() == 1);
}

TEST_CASE("a single quote that opens with a contraction is a quote, not an elision") {
  CHECK(Quotes("Anna Keller: \xE2\x80\x98I\xE2\x80\x99m tired of waiting for the "
               "council.\xE2\x80\x99") == V{"I\xE2\x80\x99m tired of waiting for the council."});
  CHECK(Quotes("They played rock \xE2\x80\x99n\xE2\x80\x99 roll all night.").empty());
}

TEST_CASE("an invisible format character before a misused closing mark still opens") {
  // U+202A (left-to-right embedding) left by a web page, then ” used as the opening mark.
  CHECK(Quotes("\xE2\x80\xAA\xE2\x80\x9DThanks for the help,\xE2\x80\x9D posted Anna Keller.") ==
        V{"Thanks for the help,"});
}

}  // namespace
}  // namespace saidby
