// Document: an article's bytes, checked as UTF-8, cut into paragraphs and sentences.
//
// Every offset is a byte offset into the original input (`text`), end exclusive, so a
// reported span can always be cut back out of the file. Paragraphs end at a line break;
// sentences come from ICU's sentence breaks (with abbreviation suppressions), then repaired
// for initials, titles and quotes that end a sentence (`…,” said Rubio.`).
// Cost: one pass for validation, one ICU pass for sentences; O(bytes).
// A Document owns its text; spans index into it.
//
// Example:
//   SentenceSplitter splitter(abbreviations);
//   Result<Document> doc = MakeDocument("a1", "Outlet", bytes, splitter);
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "saidby/status.h"

namespace saidby {

struct TextSpan {
  size_t begin = 0;
  size_t end = 0;  // exclusive
  size_t size() const { return end - begin; }
  bool contains(size_t pos) const { return pos >= begin && pos < end; }
  friend bool operator==(const TextSpan&, const TextSpan&) = default;
};

struct Document {
  std::string id;
  std::string source;
  std::string text;
  std::vector<TextSpan> paragraphs;  // non-blank lines, trimmed, in order
  // In order, never crossing a paragraph end. Every paragraph's after MakeDocument; only
  // those of the paragraphs that hold a quote after Extractor::Extract (see AddSentences).
  std::vector<TextSpan> sentences;
  std::vector<size_t> sentence_paragraph;  // paragraph index of each sentence

  std::string_view slice(TextSpan s) const {
    return std::string_view(text).substr(s.begin, s.end - s.begin);
  }
  // Index of the sentence holding byte `pos`, or the last sentence that starts before it.
  size_t SentenceAt(size_t pos) const;
  size_t ParagraphAt(size_t pos) const;
};

// OK, or an error "invalid UTF-8 at byte N" / "binary data (NUL byte) at byte N", or, for text
// that starts with a UTF-16 or UTF-32 byte order mark, "looks like UTF-16 (byte order mark FF
// FE), …". Overlong forms and surrogates are invalid. `error_offset`, if given, receives N.
Status ValidateText(std::string_view bytes, size_t* error_offset = nullptr);

// Splits text into sentences. Immutable after construction; safe to share between threads.
class SentenceSplitter {
 public:
  // `abbreviations`: lower-case words that end with a period but do not end a sentence
  // ("mr.", "gen.", "u.s."); single capital initials ("J.") are handled without a list.
  explicit SentenceSplitter(std::unordered_set<std::string> abbreviations);
  ~SentenceSplitter();
  SentenceSplitter(const SentenceSplitter&) = delete;
  SentenceSplitter& operator=(const SentenceSplitter&) = delete;

  // Sentences of `text[span]`, in order; spans are trimmed of surrounding white space.
  std::vector<TextSpan> Split(std::string_view text, TextSpan span) const;

 private:
  bool IsAbbreviation(std::string_view word_with_period) const;
  std::unordered_set<std::string> abbreviations_;
};

// Words and punctuation of `text[span]` (ICU word breaks, white space dropped; hyphenated
// words such as "al-Assad" kept whole).
std::vector<TextSpan> WordsIn(std::string_view text, TextSpan span);

// Validates `text` and builds paragraphs and sentences. A UTF-8 byte order mark is skipped
// (offsets still count it). Errors: invalid UTF-8, NUL bytes, empty or blank text.
Result<Document> MakeDocument(std::string id, std::string source, std::string text,
                              const SentenceSplitter& splitter);

// MakeDocument without the sentences: validation and paragraphs only. Sentence breaking is
// the costly part (ICU), and most paragraphs of an article hold no quote, so the Extractor
// splits only the paragraphs that need it, with AddSentences.
Result<Document> MakeParagraphs(std::string id, std::string source, std::string text);

// Appends the sentences of the paragraphs listed in `paragraphs` to `doc.sentences`.
// REQUIRES: indices ascending, each above any paragraph already split.
void AddSentences(Document& doc, const SentenceSplitter& splitter,
                  const std::vector<size_t>& paragraphs);

}  // namespace saidby
