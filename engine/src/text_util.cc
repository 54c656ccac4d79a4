#include "text_util.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdint>
#include <cstring>

namespace saidby {

CodePoint DecodeAt(std::string_view text, size_t pos) {
  if (pos >= text.size()) return {};
  auto c = static_cast<unsigned char>(text[pos]);
  if (c < 0x80) return {c, 1};
  size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
  if (pos + len > text.size()) return {0xFFFD, 1};
  char32_t cp = c & (len == 2 ? 0x1F : len == 3 ? 0x0F : 0x07);
  for (size_t k = 1; k < len; ++k)
    cp = (cp << 6) | (static_cast<unsigned char>(text[pos + k]) & 0x3F);
  return {cp, len};
}

CodePoint DecodeBefore(std::string_view text, size_t pos) {
  if (pos == 0 || pos > text.size()) return {};
  size_t start = pos - 1;
  while (start > 0 && pos - start < 4 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) {
    --start;
  }
  CodePoint cp = DecodeAt(text, start);
  if (start + cp.width != pos) return {0xFFFD, 1};
  return cp;
}

bool IsSpace(char32_t cp) { return u_isUWhiteSpace(static_cast<UChar32>(cp)) || cp == 0xFEFF; }
bool IsLetter(char32_t cp) { return u_isalpha(static_cast<UChar32>(cp)); }
bool IsUpper(char32_t cp) {
  return u_isupper(static_cast<UChar32>(cp)) || u_istitle(static_cast<UChar32>(cp));
}
bool IsLower(char32_t cp) { return u_islower(static_cast<UChar32>(cp)); }
bool IsDigit(char32_t cp) { return u_isdigit(static_cast<UChar32>(cp)); }

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::string CollapseBlanks(std::string_view s, std::string_view blanks) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (blanks.find(c) != std::string_view::npos) {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

namespace {
int FirstLetterCase(std::string_view text, TextSpan span) {
  size_t pos = span.begin;
  while (pos < span.end) {
    CodePoint cp = DecodeAt(text, pos);
    if (cp.width == 0) break;
    if (IsLetter(cp.cp)) return IsLower(cp.cp) ? -1 : IsUpper(cp.cp) ? 1 : 0;
    if (IsDigit(cp.cp)) return 0;
    pos += cp.width;
  }
  return 0;
}
}  // namespace

bool StartsLowercase(std::string_view text, TextSpan span) {
  return FirstLetterCase(text, span) < 0;
}
bool StartsUppercase(std::string_view text, TextSpan span) {
  return FirstLetterCase(text, span) > 0;
}

std::string LowerWord(std::string_view s) {
  // Most words hold no curly apostrophe: lower them in place (one copy, no per-byte appends);
  // this runs for every word that attribution and the entity stage look up.
  if (s.find('\xE2') == std::string_view::npos) return AsciiLower(s);
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\xE2' && s.compare(i, 3, "\xE2\x80\x99") == 0) {
      out.push_back('\'');
      i += 2;
    } else {
      const char c = s[i];
      out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
    }
  }
  return out;
}

std::string_view StripPossessive(std::string_view s) {
  for (std::string_view suffix : {"\xE2\x80\x99s", "'s", "\xE2\x80\x99", "'"}) {
    if (s.size() > suffix.size() && s.ends_with(suffix))
      return s.substr(0, s.size() - suffix.size());
  }
  return s;
}

std::vector<std::string_view> SplitWords(std::string_view s) {
  std::vector<std::string_view> out;
  for (size_t i = 0; i < s.size();) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
    size_t e = i;
    while (e < s.size() && s[e] != ' ' && s[e] != '\t') ++e;
    if (e > i) out.push_back(s.substr(i, e - i));
    i = e;
  }
  return out;
}

std::string FoldName(std::string_view s) {
  // ASCII folds to its lower case and has nothing to decompose: skip ICU (names are mostly
  // ASCII in English news, and this runs for every capitalised run of every document).
  if (std::all_of(s.begin(), s.end(),
                  [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
    return AsciiLower(s);
  }
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  icu::UnicodeString u =
      icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
  u.foldCase();
  icu::UnicodeString d = nfd->normalize(u, status);
  icu::UnicodeString out;
  for (int32_t i = 0; i < d.length();) {
    UChar32 c = d.char32At(i);
    i += U16_LENGTH(c);
    if (u_charType(c) == U_NON_SPACING_MARK) continue;
    if (c == 0x2019 || c == 0x2018) c = '\'';
    if (c == 0x2010 || c == 0x2011 || c == 0x2013) c = '-';
    out.append(c);
  }
  std::string r;
  out.toUTF8String(r);
  return r;
}

size_t FindByte(std::string_view t, size_t from, size_t to, std::string_view stops,
                bool non_ascii) {
  constexpr uint64_t kOnes = 0x0101010101010101ull, kHigh = 0x8080808080808080ull;
  size_t i = from;
  while (i + 8 <= to) {
    uint64_t w;
    std::memcpy(&w, t.data() + i, 8);
    uint64_t hit = non_ascii ? w : 0;
    for (char c : stops) {
      const uint64_t x = w ^ (kOnes * static_cast<unsigned char>(c));
      hit |= (x - kOnes) & ~x;  // high bit set in a zero byte of x (and maybe after one)
    }
    if (hit & kHigh) break;
    i += 8;
  }
  for (; i < to; ++i) {
    const auto c = static_cast<unsigned char>(t[i]);
    if ((non_ascii && c >= 0x80) || stops.find(static_cast<char>(c)) != std::string_view::npos) {
      return i;
    }
  }
  return to;
}

}  // namespace saidby
