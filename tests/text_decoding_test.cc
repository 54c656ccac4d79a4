#include "saidby/text_decoding.h"

#include <doctest/doctest.h>

#include <string>

namespace saidby {
namespace {

using std::string_literals::operator""s;

TEST_CASE("UTF-8 passes through unchanged, byte order mark and all") {
  for (const std::string& s : {"plain"s, "\xEF\xBB\xBF\xE2\x80\x9CYes,\xE2\x80\x9D she said."s}) {
    Result<DecodedText> t = DecodeText(s, "", false);
    REQUIRE(t.ok());
    CHECK(t->text == s);
    CHECK(t->note.empty());
  }
}

TEST_CASE("a UTF-16 or UTF-32 byte order mark is honoured and dropped") {
  // “Yes,” in each encoding, after its mark.
  const std::string want = "\xE2\x80\x9CYes,\xE2\x80\x9D";
  const std::string le16 = "\xFF\xFE\x1C\x20Y\0e\0s\0,\0\x1D\x20"s;
  const std::string be16 = "\xFE\xFF\x20\x1C\0Y\0e\0s\0,\x20\x1D"s;
  const std::string le32 = "\xFF\xFE\0\0\x1C\x20\0\0Y\0\0\0e\0\0\0s\0\0\0,\0\0\0\x1D\x20\0\0"s;
  for (const std::string& s : {le16, be16, le32}) {
    Result<DecodedText> t = DecodeText(s, "", false);
    REQUIRE_MESSAGE(t.ok(), t.status().message());
    CHECK(t->text == want);
    CHECK(t->note.empty());
  }
  SUBCASE("a UTF-16 text cut in the middle of a character is an error naming the mark") {
    Result<DecodedText> t = DecodeText("\xFF\xFEY\0e"s, "", false);
    REQUIRE_FALSE(t.ok());
    CHECK(t.status().message() == "not valid UTF-16LE text (byte order mark FF FE)");
  }
}

TEST_CASE("Latin-1 text is detected, converted, and the note names the guess and the byte") {
  const std::string latin1 =
      "Le ministre a d\xE9\x63lar\xE9 que la r\xE9\x66orme serait appliqu\xE9\x65 d\xE8s "
      "l'\xE9t\xE9 prochain, malgr\xE9 l'opposition des syndicats.\n";
  Result<DecodedText> t = DecodeText(latin1, "", false);
  REQUIRE(t.ok());
  CHECK(t->text.find("a d\xC3\xA9\x63lar\xC3\xA9 que") != std::string::npos);
  CHECK(t->note.starts_with("invalid UTF-8 at byte 15: read as "));
  CHECK(t->note.find("ISO-8859-1") != std::string::npos);
  SUBCASE("windows-1252 curly quotes become Unicode quotes") {
    const std::string cp1252 =
        "\x93We will see what happens next,\x94 said the minister of finance on Tuesday.\n";
    Result<DecodedText> w = DecodeText(cp1252, "", false);
    REQUIRE(w.ok());
    CHECK(w->text.starts_with("\xE2\x80\x9CWe will see"));
    CHECK(w->note.find("windows-1252") != std::string::npos);
  }
}

TEST_CASE("double-byte text is detected although it holds UTF-8 sequences by chance") {
  // Japanese in Shift_JIS, five times: "こんにちは、世界。今日はいい天気ですね。…"
  const std::string sentence =
      "\x82\xB1\x82\xF1\x82\xC9\x82\xBF\x82\xCD\x81\x41\x90\xA2\x8A\x45\x81\x42\x8D\xA1\x93"
      "\xFA\x82\xCD\x82\xA2\x82\xA2\x93\x56\x8B\x43\x82\xC5\x82\xB7\x82\xCB\x81\x42\x8E\x84"
      "\x82\xCD\x93\x8C\x8B\x9E\x82\xC9\x8F\x5A\x82\xF1\x82\xC5\x82\xA2\x82\xDC\x82\xB7\x81"
      "\x42\x93\xFA\x96\x7B\x8C\xEA\x82\xCC\x95\xB6\x8F\xCD\x82\xF0\x8F\x91\x82\xA2\x82\xC4"
      "\x82\xA2\x82\xDC\x82\xB7\x81\x42";
  std::string sjis;
  for (int i = 0; i < 5; ++i) sjis += sentence;
  Result<DecodedText> t = DecodeText(sjis, "", false);
  REQUIRE(t.ok());
  CHECK(t->note.find("read as Shift_JIS") != std::string::npos);
  CHECK(t->text.starts_with("\xE3\x81\x93\xE3\x82\x93\xE3\x81\xAB"));  // こんに
}

TEST_CASE("an HTML page that is not UTF-8 is read in the charset its <meta> declares") {
  // Too short for the detector to tell windows-1252 from ISO-8859-1: the page says which.
  const std::string page =
      "<html><head><META http-equiv=\"Content-Type\" content=\"text/html; "
      "charset=windows-1252\"></head><body><p>\x93Yes,\x94 she said.</p></body></html>";
  Result<DecodedText> t = DecodeText(page, "", /*markup=*/true);
  REQUIRE(t.ok());
  CHECK(t->text.find("<p>\xE2\x80\x9CYes,\xE2\x80\x9D she said.</p>") != std::string::npos);
  CHECK(t->note ==
        "invalid UTF-8 at byte 102: read as windows-1252 (the page's <meta> charset; "
        "--encoding NAME to choose)");
  // A page that is valid UTF-8 stays as it is, whatever it declares.
  const std::string utf8 = "<meta charset='iso-8859-1'><p>caf\xC3\xA9</p>";
  Result<DecodedText> u = DecodeText(utf8, "", true);
  REQUIRE(u.ok());
  CHECK(u->text == utf8);
  CHECK(u->note.empty());
}

TEST_CASE("what is not another encoding is left for ValidateText to report") {
  // UTF-8 with one bad byte: the valid sequences say it is UTF-8, so no guess is made.
  const std::string broken = "\xE2\x80\x9CYes,\xE2\x80\x9D said Anna \xFF Keller.";
  Result<DecodedText> t = DecodeText(broken, "", false);
  REQUIRE(t.ok());
  CHECK(t->text == broken);
  CHECK(t->note.empty());
  // NUL bytes: binary data, never converted.
  const std::string binary =
      "\x7F"
      "ELF\x02\x01\x01\0\0\0 \xE9"s;
  Result<DecodedText> b = DecodeText(binary, "", false);
  REQUIRE(b.ok());
  CHECK(b->text == binary);
}

TEST_CASE("--encoding reads every input as the encoding named, with no guessing") {
  Result<DecodedText> t = DecodeText("caf\xE9", "ISO-8859-1", false);
  REQUIRE(t.ok());
  CHECK(t->text == "caf\xC3\xA9");
  CHECK(t->note.empty());
  Result<DecodedText> bad = DecodeText("caf\xE9", "UTF-8", false);
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.status().message() == "not valid UTF-8 text");
  CHECK(IsKnownEncoding("windows-1252"));
  CHECK(IsKnownEncoding("latin1"));
  CHECK_FALSE(IsKnownEncoding("no-such-charset"));
}

}  // namespace
}  // namespace saidby
