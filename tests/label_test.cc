#include "saidby/label.h"

#include <doctest/doctest.h>

#include <string>

#include "saidby/document.h"

namespace saidby {
namespace {

TEST_CASE("labels: bad bytes and NUL written as \\xHH, valid text unchanged") {
  CHECK(ValidLabel("Anna Keller") == "Anna Keller");
  CHECK(ValidLabel("") == "");
  CHECK(ValidLabel("caf\xC3\xA9 \xF0\x9F\x98\x80") == "caf\xC3\xA9 \xF0\x9F\x98\x80");
  CHECK(ValidLabel("b\xFF") == "b\\xFF");
  CHECK(ValidLabel(std::string("a\0b", 3)) == "a\\x00b");
  CHECK(ValidLabel("Out\xC3let") == "Out\\xC3let");                 // a lead byte without its tail
  CHECK(ValidLabel("\xE2\x80") == "\\xE2\\x80");                    // truncated at the end
  CHECK(ValidLabel("\xC0\xAF") == "\\xC0\\xAF");                    // overlong
  CHECK(ValidLabel("\xED\xA0\x80") == "\\xED\\xA0\\x80");           // a surrogate
  CHECK(ValidLabel("\xF4\x90\x80\x80") == "\\xF4\\x90\\x80\\x80");  // past U+10FFFF
  // Latin-1 names stay distinct from each other.
  CHECK(ValidLabel("\xE9t\xE9") != ValidLabel("\xE8t\xE8"));
}

TEST_CASE("labels: every result is valid text, and escaping twice changes nothing") {
  std::string all;
  for (int b = 0; b < 256; ++b) all += static_cast<char>(b);
  for (const std::string& s : {all, all + "\xE2\x80\x9C" + all, std::string("\xF0\x9F", 2)}) {
    const std::string label = ValidLabel(s);
    CHECK(ValidateText(label).ok());
    CHECK(IsValidLabel(label));
    CHECK(ValidLabel(label) == label);
    CHECK_FALSE(IsValidLabel(s));
  }
}

}  // namespace
}  // namespace saidby
