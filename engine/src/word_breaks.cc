#include "word_breaks.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/utext.h>

#include <cassert>
#include <cstdint>
#include <memory>

namespace saidby {
namespace {

// ICU's word break classes of the code points the fast path knows (root word.txt: the colon is
// not MidLetter there, so no ASCII character is).
enum Class : uint8_t {
  kOther,
  kCR,
  kLF,
  kNewline,
  kSpace,  // WSegSpace
  kLetter,
  kNumeric,
  kMidNumLet,  // '.', U+2018, U+2019; Single_Quote ("'") behaves the same in these rules
  kMidNum,     // ',', ';'
  kExtendNumLet,
  kUnknown,
};

constexpr bool IsMidNumLetQ(uint8_t c) { return c == kMidNumLet; }
constexpr bool IsMidNumQ(uint8_t c) { return c == kMidNum || c == kMidNumLet; }

struct AsciiTable {
  uint8_t cls[128];
  constexpr AsciiTable() : cls() {
    for (int c = 0; c < 128; ++c) {
      uint8_t k = kOther;
      // ICU's root rules count '@' as a letter ("@handle", e-mail addresses stay whole).
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '@') k = kLetter;
      if (c >= '0' && c <= '9') k = kNumeric;
      if (c == '.' || c == '\'') k = kMidNumLet;
      if (c == ',' || c == ';') k = kMidNum;
      if (c == '_') k = kExtendNumLet;
      if (c == ' ') k = kSpace;
      if (c == '\r') k = kCR;
      if (c == '\n') k = kLF;
      if (c == '\v' || c == '\f') k = kNewline;
      cls[c] = k;
    }
  }
};
constexpr AsciiTable kAscii;

// Class and byte length of the code point at p[0..n), kUnknown if the fast path does not know it.
inline uint8_t ClassAt(const unsigned char* p, size_t n, size_t* len) {
  if (p[0] < 0x80) {
    *len = 1;
    return kAscii.cls[p[0]];
  }
  if (p[0] == 0xC2 && n >= 2 && p[1] == 0xA0) {
    *len = 2;
    return kOther;  // no-break space is not WSegSpace
  }
  if (p[0] == 0xE2 && n >= 3 && p[1] == 0x80) {
    *len = 3;
    switch (p[2]) {
      case 0x93:  // en dash
      case 0x94:  // em dash
      case 0x95:  // horizontal bar
      case 0x9C:  // left double quotation mark
      case 0x9D:  // right double quotation mark
      case 0xA6:  // ellipsis
        return kOther;
      case 0x98:  // left single quotation mark
      case 0x99:  // right single quotation mark
        return kMidNumLet;
      default:
        return kUnknown;
    }
  }
  return kUnknown;
}

// Whether UAX #29 keeps cur with prev (WB3–WB13b, without the rules for classes the fast path
// never sees); before2 and next are the neighbours, kOther at the ends.
inline bool Joined(uint8_t before2, uint8_t prev, uint8_t cur, uint8_t next) {
  if (prev == kCR && cur == kLF) return true;        // WB3
  if (prev == kSpace && cur == kSpace) return true;  // WB3d
  switch (prev) {
    case kLetter:
      if (cur == kLetter || cur == kNumeric || cur == kExtendNumLet) return true;  // WB5, 9, 13a
      return IsMidNumLetQ(cur) && next == kLetter;                                 // WB6
    case kNumeric:
      if (cur == kLetter || cur == kNumeric || cur == kExtendNumLet) return true;  // WB10, 8, 13a
      return IsMidNumQ(cur) && next == kNumeric;                                   // WB12
    case kExtendNumLet:
      return cur == kLetter || cur == kNumeric || cur == kExtendNumLet;  // WB13b, 13a
    case kMidNumLet:
      if (cur == kLetter && before2 == kLetter) return true;  // WB7
      return cur == kNumeric && before2 == kNumeric;          // WB11
    case kMidNum:
      return cur == kNumeric && before2 == kNumeric;  // WB11
    default:
      return false;
  }
}

// ICU break iterators are not thread-safe and costly to create: one per thread, made once.
icu::BreakIterator* ThreadWordIterator() {
  thread_local std::unique_ptr<icu::BreakIterator> iter;
  if (!iter) {
    UErrorCode status = U_ZERO_ERROR;
    iter.reset(icu::BreakIterator::createWordInstance(icu::Locale("en_US@ss=standard"), status));
    assert(U_SUCCESS(status) && iter);
  }
  return iter.get();
}

}  // namespace

bool FastWordBoundaries(std::string_view text, TextSpan span, std::vector<size_t>* out) {
  out->clear();
  if (span.size() == 0) return true;
  // One pass over the code points with a window of four classes: the pair (prev, cur) and a
  // neighbour on each side (kOther past the ends, which no rule looks for).
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const size_t end = span.end;
  size_t len = 1;
  uint8_t prev = ClassAt(p + span.begin, end - span.begin, &len);
  if (prev == kUnknown) return false;
  out->push_back(span.begin);
  size_t cur_pos = span.begin + len;
  if (cur_pos < end) {
    uint8_t before2 = kOther;
    uint8_t cur = ClassAt(p + cur_pos, end - cur_pos, &len);
    if (cur == kUnknown) return false;
    size_t next_pos = cur_pos + len;
    while (true) {
      uint8_t next = kOther;
      if (next_pos < end) {
        next = ClassAt(p + next_pos, end - next_pos, &len);
        if (next == kUnknown) return false;
      }
      const bool newline = prev == kCR || prev == kLF || prev == kNewline || cur == kCR ||
                           cur == kLF || cur == kNewline;
      if (newline ? !(prev == kCR && cur == kLF) : !Joined(before2, prev, cur, next)) {
        out->push_back(cur_pos);
      }
      if (next_pos >= end) break;
      before2 = prev;
      prev = cur;
      cur = next;
      cur_pos = next_pos;
      next_pos += len;
    }
  }
  out->push_back(end);
  return true;
}

std::vector<size_t> IcuWordBoundaries(std::string_view text, TextSpan span) {
  std::vector<size_t> out;
  if (span.size() == 0) return out;
  UErrorCode status = U_ZERO_ERROR;
  UText* ut =
      utext_openUTF8(nullptr, text.data() + span.begin, static_cast<int64_t>(span.size()), &status);
  assert(U_SUCCESS(status));
  icu::BreakIterator* iter = ThreadWordIterator();
  iter->setText(ut, status);
  assert(U_SUCCESS(status));
  for (int32_t b = iter->first(); b != icu::BreakIterator::DONE; b = iter->next()) {
    out.push_back(span.begin + static_cast<size_t>(b));
  }
  // Detach the iterator from the UText before it is closed.
  iter->setText(icu::UnicodeString());
  utext_close(ut);
  return out;
}

std::vector<size_t> WordBoundaries(std::string_view text, TextSpan span) {
  std::vector<size_t> out;
  if (FastWordBoundaries(text, span, &out)) return out;
  return IcuWordBoundaries(text, span);
}

}  // namespace saidby
