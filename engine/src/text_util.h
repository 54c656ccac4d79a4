// Small helpers over valid UTF-8 text: code point decoding at byte offsets, white space and
// letter case tests. Internal to the engine. REQUIRES: text already passed ValidateText.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "saidby/document.h"

namespace saidby {

struct CodePoint {
  char32_t cp = 0;
  size_t width = 0;  // bytes; 0 at the end of text
};

CodePoint DecodeAt(std::string_view text, size_t pos);
// The code point that ends at `pos` (width 0 at the start of text).
CodePoint DecodeBefore(std::string_view text, size_t pos);

bool IsSpace(char32_t cp);
bool IsLetter(char32_t cp);
bool IsUpper(char32_t cp);
bool IsLower(char32_t cp);
bool IsDigit(char32_t cp);

// IsSpace of an ASCII code point (White_Space: tab to carriage return, and space), inline:
// text is mostly ASCII and these run once per word.
inline bool IsAsciiSpace(unsigned char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }
inline bool IsSpaceAt(std::string_view t, size_t pos) {
  if (pos < t.size() && static_cast<unsigned char>(t[pos]) < 0x80) {
    return IsAsciiSpace(static_cast<unsigned char>(t[pos]));
  }
  return IsSpace(DecodeAt(t, pos).cp);
}
inline size_t SpaceWidthAt(std::string_view t, size_t pos) { return DecodeAt(t, pos).width; }
inline bool IsSpaceBefore(std::string_view t, size_t pos) {
  if (pos == 0) return false;
  if (pos <= t.size() && static_cast<unsigned char>(t[pos - 1]) < 0x80) {
    return IsAsciiSpace(static_cast<unsigned char>(t[pos - 1]));
  }
  return IsSpace(DecodeBefore(t, pos).cp);
}
inline size_t SpaceWidthBefore(std::string_view t, size_t pos) {
  return DecodeBefore(t, pos).width;
}

// ASCII letter or digit, or any byte of a multi-byte sequence (a cheap "part of a word").
inline bool IsWordByte(unsigned char c) {
  return c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

std::string AsciiLower(std::string_view s);
// `s` with each run of the bytes in `blanks` made one space, none at either end
// ("  a \t b " → "a b" for blanks " \t").
std::string CollapseBlanks(std::string_view s, std::string_view blanks);

// The first position in [from, to) holding one of the ASCII bytes `stops` (or, when
// `non_ascii` is set, any byte >= 0x80); `to` if none. Eight bytes at a time: most of an
// article is plain ASCII that scanners skip.
size_t FindByte(std::string_view t, size_t from, size_t to, std::string_view stops, bool non_ascii);

// Case of the first letter in text[span], skipping quote marks and punctuation.
bool StartsLowercase(std::string_view text, TextSpan span);
bool StartsUppercase(std::string_view text, TextSpan span);

// ASCII lower case, with curly apostrophes made straight so that "don’t" and "don't" share
// lexicon entries.
std::string LowerWord(std::string_view s);

// `s` without a trailing possessive: "Keller’s", "Keller's" → "Keller"; "Reyes’" → "Reyes".
std::string_view StripPossessive(std::string_view s);

// Words separated by spaces or tabs, as views into `s`.
std::vector<std::string_view> SplitWords(std::string_view s);

// Unicode case folding plus removal of accents (NFD, drop marks): "Zelenskyy" ~ "ZELENSKYY".
std::string FoldName(std::string_view s);

}  // namespace saidby
