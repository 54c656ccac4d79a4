#include "report_text.h"

#include <cstdio>

#include "saidby/words.h"

namespace saidby::cli {

namespace {

constexpr size_t kShownQuoteChars = 120;

}  // namespace

// Quote text for one line of the text report: white space made single spaces, cut after
// kShownQuoteChars code points.
std::string ShownQuote(const std::string& quote) {
  std::string s = NormalizeSpan(quote);
  size_t chars = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) continue;  // inside a code point
    if (chars++ == kShownQuoteChars) return s.substr(0, i) + "…";
  }
  return s;
}

std::string Fixed(double v, int decimals) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  return buf;
}

std::string Pad(std::string s, size_t width) {
  if (s.size() < width) s.append(width - s.size(), ' ');
  return s;
}

std::string PadLeft(const std::string& s, size_t width) {
  return s.size() < width ? std::string(width - s.size(), ' ') + s : s;
}

}  // namespace saidby::cli
