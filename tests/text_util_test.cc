#include "text_util.h"

#include <doctest/doctest.h>
#include <unicode/uchar.h>

#include <random>
#include <string>

namespace saidby {
namespace {

size_t NaiveFindByte(std::string_view t, size_t from, size_t to, std::string_view stops,
                     bool non_ascii) {
  for (size_t i = from; i < to; ++i) {
    const auto c = static_cast<unsigned char>(t[i]);
    if ((non_ascii && c >= 0x80) || stops.find(t[i]) != std::string_view::npos) return i;
  }
  return to;
}

TEST_CASE("IsSpaceAt and IsSpaceBefore: the ASCII shortcut agrees with ICU's White_Space") {
  for (int c = 1; c < 0x80; ++c) {
    const std::string t = std::string("a") + static_cast<char>(c) + "b";
    const bool icu = u_isUWhiteSpace(c);
    INFO(c);
    CHECK(IsSpace(static_cast<char32_t>(c)) == icu);
    CHECK(IsSpaceAt(t, 1) == icu);
    CHECK(IsSpaceBefore(t, 2) == icu);
  }
  CHECK(IsSpaceAt("a\xC2\xA0", 1));  // no-break space, through ICU
  CHECK(IsSpaceBefore("a\xC2\xA0", 3));
  CHECK_FALSE(IsSpaceAt("a", 1));
  CHECK_FALSE(IsSpaceBefore("a", 0));
}

TEST_CASE("FindByte finds the first stop byte, eight bytes at a time or one by one") {
  CHECK(FindByte("plain text with a \"quote\"", 0, 25, "\"'`", true) == 18);
  CHECK(FindByte("caf\xC3\xA9 <b>", 0, 10, "<[", false) == 6);
  CHECK(FindByte("caf\xC3\xA9 <b>", 0, 10, "<[", true) == 3);
  CHECK(FindByte("no stops here at all", 0, 20, "<[", true) == 20);
  CHECK(FindByte("a<b", 2, 3, "<", false) == 3);  // only [from, to) is searched

  std::mt19937 rng(11);
  const std::string alphabet = std::string("ab <[\"'`\x01\x7F", 11) + "\xC3\xA9\x80\xFF";
  for (int n = 0; n < 5000; ++n) {
    std::string s;
    const size_t len = rng() % 40;
    for (size_t k = 0; k < len; ++k) {
      // Mostly plain letters, so that whole eight-byte blocks are skipped too.
      s += rng() % 4 ? 'x' : alphabet[rng() % alphabet.size()];
    }
    const size_t from = s.empty() ? 0 : rng() % (s.size() + 1);
    for (bool non_ascii : {false, true}) {
      INFO(s);
      CHECK(FindByte(s, from, s.size(), "\"'`", non_ascii) ==
            NaiveFindByte(s, from, s.size(), "\"'`", non_ascii));
      CHECK(FindByte(s, from, s.size(), "<[", non_ascii) ==
            NaiveFindByte(s, from, s.size(), "<[", non_ascii));
    }
  }
}

}  // namespace
}  // namespace saidby

namespace saidby {
namespace {

TEST_CASE("CollapseBlanks: runs of the given blanks become one space, none at the ends") {
  CHECK(CollapseBlanks("  anna \t keller ", " \t") == "anna keller");
  CHECK(CollapseBlanks("anna\nkeller", " \t") == "anna\nkeller");
  CHECK(CollapseBlanks("anna\r\n keller\n", " \t\r\n") == "anna keller");
  CHECK(CollapseBlanks(" \t ", " \t").empty());
}

}  // namespace
}  // namespace saidby
