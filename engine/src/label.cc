#include "saidby/label.h"

#include "saidby/document.h"

namespace saidby {
namespace {

// Length of the well-formed UTF-8 sequence at p[0..n) (NUL excluded), or 0 if there is none.
// The ranges are those of ValidateText (no overlongs, surrogates or code points past U+10FFFF).
size_t SequenceLength(const unsigned char* p, size_t n) {
  const unsigned char c = p[0];
  if (c < 0x80) return c == 0 ? 0 : 1;
  size_t len = 0;
  unsigned char lo = 0x80, hi = 0xBF;
  if (c >= 0xC2 && c <= 0xDF) {
    len = 2;
  } else if (c >= 0xE0 && c <= 0xEF) {
    len = 3;
    if (c == 0xE0) lo = 0xA0;
    if (c == 0xED) hi = 0x9F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    len = 4;
    if (c == 0xF0) lo = 0x90;
    if (c == 0xF4) hi = 0x8F;
  } else {
    return 0;
  }
  if (len > n || p[1] < lo || p[1] > hi) return 0;
  for (size_t k = 2; k < len; ++k) {
    if ((p[k] & 0xC0) != 0x80) return 0;
  }
  return len;
}

}  // namespace

bool IsValidLabel(std::string_view bytes) { return ValidateText(bytes).ok(); }

std::string ValidLabel(std::string_view bytes) {
  if (IsValidLabel(bytes)) return std::string(bytes);
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  const size_t n = bytes.size();
  std::string out;
  out.reserve(n + 16);
  for (size_t i = 0; i < n;) {
    const size_t len = SequenceLength(p + i, n - i);
    if (len > 0) {
      out.append(bytes.substr(i, len));
      i += len;
      continue;
    }
    static constexpr char kHex[] = "0123456789ABCDEF";
    out += "\\x";
    out += kHex[p[i] >> 4];
    out += kHex[p[i] & 0xF];
    ++i;
  }
  return out;
}

}  // namespace saidby
