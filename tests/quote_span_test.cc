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
  V q = Quotes("“The first paragraph of the statement goes on.\n“And the second one ends it,” "
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

}  // namespace
}  // namespace saidby
