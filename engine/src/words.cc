#include "saidby/words.h"

#include <unicode/uchar.h>

#include <algorithm>

#include "text_util.h"

namespace saidby {
namespace {

bool IsApostrophe(char32_t cp) {
  return cp == '\'' || cp == 0x2019 || cp == 0x2018 || cp == 0x02BC;
}

bool IsWordChar(char32_t cp) {
  if (IsLetter(cp) || IsDigit(cp)) return true;
  const int8_t type = u_charType(static_cast<UChar32>(cp));
  return type == U_NON_SPACING_MARK || type == U_COMBINING_SPACING_MARK;
}

// FoldName, with the modifier apostrophe ʼ (U+02BC) written ' like ’ and ‘.
std::string FoldWord(std::string_view word) {
  std::string folded = FoldName(word);
  for (size_t p; (p = folded.find("\xCA\xBC")) != std::string::npos;) folded.replace(p, 2, "'");
  return folded;
}

}  // namespace

QuoteWords SplitQuoteWords(std::string_view quote) {
  QuoteWords out;
  size_t word_begin = std::string_view::npos;
  auto finish = [&](size_t end) {
    if (word_begin == std::string_view::npos) return;
    // Apostrophes belong to a word only inside it: 'tis and dogs' lose theirs, it's keeps its.
    size_t b = word_begin, e = end;
    while (b < e && IsApostrophe(DecodeAt(quote, b).cp)) b += DecodeAt(quote, b).width;
    while (e > b && IsApostrophe(DecodeBefore(quote, e).cp)) e -= DecodeBefore(quote, e).width;
    if (b < e) {
      out.folded.push_back(FoldWord(quote.substr(b, e - b)));
      out.spans.push_back({b, e});
    }
    word_begin = std::string_view::npos;
  };
  for (size_t pos = 0; pos < quote.size();) {
    const CodePoint cp = DecodeAt(quote, pos);
    const size_t width = std::max<size_t>(cp.width, 1);
    if (IsWordChar(cp.cp) || (IsApostrophe(cp.cp) && word_begin != std::string_view::npos) ||
        (IsApostrophe(cp.cp) && pos + width < quote.size() &&
         IsWordChar(DecodeAt(quote, pos + width).cp))) {
      if (word_begin == std::string_view::npos) word_begin = pos;
      pos += width;
      continue;
    }
    finish(pos);
    size_t dots = 0;
    while (pos + dots < quote.size() && quote[pos + dots] == '.') ++dots;
    if (cp.cp == 0x2026 || dots >= 3) {
      const size_t len = cp.cp == 0x2026 ? width : dots;
      if (out.folded.empty() || out.folded.back() != kEllipsis) {
        out.folded.emplace_back(kEllipsis);
        out.spans.push_back({pos, pos + len});
      }
      pos += len;
      continue;
    }
    pos += width;
  }
  finish(quote.size());
  return out;
}

std::vector<std::string> QuoteTokens(std::string_view text) {
  std::vector<std::string> tokens = SplitQuoteWords(text).folded;
  std::erase(tokens, std::string(kEllipsis));
  return tokens;
}

std::string NormalizeSpan(std::string_view text) {
  std::string out;
  bool pending_space = false;
  for (size_t pos = 0; pos < text.size();) {
    CodePoint cp = DecodeAt(text, pos);
    if (IsSpace(cp.cp)) {
      pending_space = !out.empty();
    } else {
      if (pending_space) out.push_back(' ');
      pending_space = false;
      out.append(text, pos, cp.width);
    }
    pos += cp.width;
  }
  return out;
}

}  // namespace saidby
