#include "saidby/document.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdint>
#include <cstring>

#include "text_util.h"
#include "word_breaks.h"

namespace saidby {
namespace {

// ICU break iterators are not thread-safe and costly to create: one per thread, made once.
icu::BreakIterator* ThreadSentenceIterator() {
  thread_local std::unique_ptr<icu::BreakIterator> iter;
  if (!iter) {
    UErrorCode status = U_ZERO_ERROR;
    // "@ss=standard" turns on ICU's abbreviation suppressions (no break after "Mr.").
    iter.reset(
        icu::BreakIterator::createSentenceInstance(icu::Locale("en_US@ss=standard"), status));
    assert(U_SUCCESS(status) && iter);
  }
  return iter.get();
}

struct UTextCloser {
  void operator()(UText* t) const { utext_close(t); }
};
using UTextPtr = std::unique_ptr<UText, UTextCloser>;

UTextPtr OpenUText(std::string_view text, TextSpan span) {
  UErrorCode status = U_ZERO_ERROR;
  UText* ut =
      utext_openUTF8(nullptr, text.data() + span.begin, static_cast<int64_t>(span.size()), &status);
  assert(U_SUCCESS(status));
  return UTextPtr(ut);
}

// Positions of boundaries inside text[span], relative to text, from first to last.
std::vector<size_t> Boundaries(icu::BreakIterator* iter, std::string_view text, TextSpan span) {
  UTextPtr ut = OpenUText(text, span);
  UErrorCode status = U_ZERO_ERROR;
  iter->setText(ut.get(), status);
  assert(U_SUCCESS(status));
  std::vector<size_t> out;
  for (int32_t p = iter->first(); p != icu::BreakIterator::DONE; p = iter->next()) {
    out.push_back(span.begin + static_cast<size_t>(p));
  }
  // Detach the iterator from the UText before it is closed.
  iter->setText(icu::UnicodeString());
  return out;
}

TextSpan Trim(std::string_view text, TextSpan s) {
  while (s.begin < s.end && IsSpaceAt(text, s.begin)) s.begin += SpaceWidthAt(text, s.begin);
  while (s.end > s.begin && IsSpaceBefore(text, s.end)) s.end -= SpaceWidthBefore(text, s.end);
  return s;
}

}  // namespace

size_t Document::SentenceAt(size_t pos) const {
  auto it = std::upper_bound(sentences.begin(), sentences.end(), pos,
                             [](size_t p, const TextSpan& s) { return p < s.begin; });
  return it == sentences.begin() ? 0 : static_cast<size_t>(it - sentences.begin()) - 1;
}

size_t Document::ParagraphAt(size_t pos) const {
  auto it = std::upper_bound(paragraphs.begin(), paragraphs.end(), pos,
                             [](size_t p, const TextSpan& s) { return p < s.begin; });
  return it == paragraphs.begin() ? 0 : static_cast<size_t>(it - paragraphs.begin()) - 1;
}

namespace {

// A UTF-16 or UTF-32 byte order mark at the start ("" if none): such a file fails as UTF-8 at
// byte 0 or 1, which says nothing useful about what it is.
std::string_view WideByteOrderMark(std::string_view s) {
  if (s.substr(0, 4) == std::string_view("\xFF\xFE\0\0", 4))
    return "UTF-32 (byte order mark FF FE 00 00)";
  if (s.substr(0, 4) == std::string_view("\0\0\xFE\xFF", 4))
    return "UTF-32 (byte order mark 00 00 FE FF)";
  if (s.substr(0, 2) == "\xFF\xFE") return "UTF-16 (byte order mark FF FE)";
  if (s.substr(0, 2) == "\xFE\xFF") return "UTF-16 (byte order mark FE FF)";
  return {};
}

// Written by hand rather than with ICU's U8_NEXT: that macro indexes with int32_t, and inputs
// may exceed 2 GiB; this also gives the exact byte offset of the first bad byte.
Status ValidateUtf8(std::string_view s, size_t* error_offset) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  size_t i = 0;
  auto fail = [&](const std::string& why) {
    if (error_offset) *error_offset = i;
    return Status::Error(why + " at byte " + std::to_string(i));
  };
  while (i < n) {
    // Eight ASCII bytes at a time while there is no high bit and no NUL among them (news text
    // is mostly ASCII); anything else goes through the byte-by-byte checks below.
    while (i + 8 <= n) {
      uint64_t w;
      std::memcpy(&w, p + i, 8);
      constexpr uint64_t kHigh = 0x8080808080808080ull, kOnes = 0x0101010101010101ull;
      if ((w & kHigh) != 0 || ((w - kOnes) & ~w & kHigh) != 0) break;
      i += 8;
    }
    if (i >= n) break;
    unsigned char c = p[i];
    if (c < 0x80) {
      if (c == 0) {
        return fail("binary data (NUL byte)");
      }
      ++i;
      continue;
    }
    size_t len = 0;
    unsigned char lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) {
      len = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
      len = 3;
      if (c == 0xE0) lo = 0xA0;  // overlong
      if (c == 0xED) hi = 0x9F;  // surrogates
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4;
      if (c == 0xF0) lo = 0x90;  // overlong
      if (c == 0xF4) hi = 0x8F;  // above U+10FFFF
    } else {
      return fail("invalid UTF-8");
    }
    if (i + len > n) return fail("invalid UTF-8 (truncated)");
    if (p[i + 1] < lo || p[i + 1] > hi) {
      return fail("invalid UTF-8");
    }
    for (size_t k = 2; k < len; ++k) {
      if ((p[i + k] & 0xC0) != 0x80) {
        return fail("invalid UTF-8");
      }
    }
    i += len;
  }
  return Status();
}

}  // namespace

Status ValidateText(std::string_view s, size_t* error_offset) {
  Status status = ValidateUtf8(s, error_offset);
  if (status.ok()) return status;
  if (std::string_view wide = WideByteOrderMark(s); !wide.empty()) {
    if (error_offset) *error_offset = 0;
    return Status::Error("looks like " + std::string(wide) + ", not UTF-8: convert it first");
  }
  return status;
}

SentenceSplitter::SentenceSplitter(std::unordered_set<std::string> abbreviations)
    : abbreviations_(std::move(abbreviations)) {}
SentenceSplitter::~SentenceSplitter() = default;

bool SentenceSplitter::IsAbbreviation(std::string_view word) const {
  // word ends with '.'; strip any leading opening punctuation such as '(' or a quote mark.
  while (!word.empty() && !IsWordByte(static_cast<unsigned char>(word.front()))) {
    word.remove_prefix(1);
  }
  if (word.size() == 2 && word[0] >= 'A' && word[0] <= 'Z') return true;  // initial "J."
  std::string lower = AsciiLower(word);
  if (abbreviations_.count(lower)) return true;
  // Dotted initialisms such as "U.S." or "U.N." are handled by ICU's suppressions and the list.
  return false;
}

std::vector<TextSpan> SentenceSplitter::Split(std::string_view text, TextSpan span) const {
  std::vector<TextSpan> out;
  if (span.size() == 0) return out;
  std::vector<size_t> b = Boundaries(ThreadSentenceIterator(), text, span);
  for (size_t i = 0; i + 1 < b.size(); ++i) {
    TextSpan piece = Trim(text, {b[i], b[i + 1]});
    if (piece.size() == 0) continue;
    if (!out.empty()) {
      TextSpan& prev = out.back();
      std::string_view pv = text.substr(prev.begin, prev.size());
      // Only the last kMaxWordBytes are searched for the last word: a longer word is no
      // abbreviation, and searching all of a growing merged sentence is quadratic on hostile
      // text ("a?\u00A0b" repeated: no ASCII space, every piece merged).
      constexpr size_t kMaxWordBytes = 64;
      const std::string_view tail = pv.substr(pv.size() - std::min(pv.size(), kMaxWordBytes));
      size_t last_space = tail.find_last_of(" \t");
      std::string_view last_word = last_space != std::string_view::npos
                                       ? tail.substr(last_space + 1)
                                   : tail.size() == pv.size() ? pv
                                                              : std::string_view();
      bool merge = false;
      // A sentence cannot start in lower case: "“Why?” he asked." is one sentence.
      if (StartsLowercase(text, piece)) merge = true;
      // A break after a title or an initial ("Lt. Gen. Smith", "J. Smith") is not an end.
      if (!merge && !last_word.empty() && last_word.back() == '.' && IsAbbreviation(last_word) &&
          StartsUppercase(text, piece)) {
        merge = true;
      }
      if (merge) {
        prev.end = piece.end;
        continue;
      }
    }
    out.push_back(piece);
  }
  return out;
}

std::vector<TextSpan> WordsIn(std::string_view text, TextSpan span) {
  std::vector<TextSpan> out;
  if (span.size() == 0) return out;
  std::vector<size_t> b = WordBoundaries(text, span);
  for (size_t i = 0; i + 1 < b.size(); ++i) {
    TextSpan w = Trim(text, {b[i], b[i + 1]});
    if (w.size() == 0) continue;
    // Join "al" "-" "Assad" into one word when nothing separates them.
    if (out.size() >= 2 && text.substr(out.back().begin, out.back().size()) == "-" &&
        out.back().begin == out[out.size() - 2].end && out.back().end == w.begin &&
        IsWordByte(static_cast<unsigned char>(text[w.begin])) &&
        IsWordByte(static_cast<unsigned char>(text[out.back().begin - 1]))) {
      out.pop_back();
      out.back().end = w.end;
      continue;
    }
    out.push_back(w);
  }
  return out;
}

Result<Document> MakeParagraphs(std::string id, std::string source, std::string text) {
  if (text.empty()) return Status::Error("empty file");
  if (Status s = ValidateText(text); !s.ok()) return s;
  Document doc;
  doc.id = std::move(id);
  doc.source = std::move(source);
  doc.text = std::move(text);
  const std::string_view t = doc.text;
  size_t pos = t.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
  // Line ends by memchr: the next '\n' per line, the next '\r' only when passed (usually once
  // per document, when there are none).
  auto find = [&](char c, size_t from) {
    const void* hit = std::memchr(t.data() + from, c, t.size() - from);
    return hit ? static_cast<size_t>(static_cast<const char*>(hit) - t.data()) : t.size();
  };
  size_t next_cr = find('\r', pos);
  while (pos < t.size()) {
    if (next_cr < pos) next_cr = find('\r', pos);
    const size_t eol = std::min(find('\n', pos), next_cr);
    TextSpan para = Trim(t, {pos, eol});
    if (para.size() > 0) doc.paragraphs.push_back(para);
    pos = eol;
    if (pos < t.size() && t[pos] == '\r') ++pos;
    if (pos < t.size() && t[pos] == '\n') ++pos;
  }
  if (doc.paragraphs.empty()) return Status::Error("no text (only white space)");
  return doc;
}

void AddSentences(Document& doc, const SentenceSplitter& splitter,
                  const std::vector<size_t>& paragraphs) {
  const std::string_view t = doc.text;
  for (size_t i : paragraphs) {
    assert(i < doc.paragraphs.size());
    assert(doc.sentence_paragraph.empty() || doc.sentence_paragraph.back() < i);
    for (TextSpan s : splitter.Split(t, doc.paragraphs[i])) {
      doc.sentences.push_back(s);
      doc.sentence_paragraph.push_back(i);
    }
  }
}

Result<Document> MakeDocument(std::string id, std::string source, std::string text,
                              const SentenceSplitter& splitter) {
  Result<Document> doc = MakeParagraphs(std::move(id), std::move(source), std::move(text));
  if (!doc.ok()) return doc;
  std::vector<size_t> all(doc->paragraphs.size());
  for (size_t i = 0; i < all.size(); ++i) all[i] = i;
  AddSentences(doc.value(), splitter, all);
  return doc;
}

}  // namespace saidby
