// Extractor: the whole pipeline for one article, text → document → quote spans → attributions
// → rows of the quote table (see CONTRACT.md for the columns).
//
// Reported speech (reported_speech.h) follows the quotes, numbered on from the last quote, so a
// quote's row is the same with it or without it.
// Each stage is a pure function of the previous one; the Extractor only holds a reference to
// the immutable RuleSet and its Options, so one Extractor may serve many threads at once.
// Cost: linear in the article's bytes. Failures (invalid UTF-8, empty text) come back as a
// Status naming the byte; warnings (an unbalanced quote mark) travel with the result.
//
// Example:
//   Extractor ex(rules, ExtractOptions{});
//   Result<ArticleQuotes> r = ex.Extract({"a1", "Outlet", bytes});
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "saidby/document.h"
#include "saidby/rule_set.h"
#include "saidby/status.h"

namespace saidby {

// What the offsets of a QuoteRecord count: bytes of the UTF-8 text, or Unicode code points
// (what Python's str indexes).
enum class OffsetUnit { kBytes, kChars };

struct ExtractOptions {
  bool keep_scare = false;  // default false: scare quotes are not speech and are dropped
  bool explain = false;     // default false: fill QuoteRecord::explain
  bool reported = true;     // default true: also reported speech (kind `reported`), after quotes
  OffsetUnit offsets = OffsetUnit::kBytes;
  bool keep_text = false;  // default false: fill ArticleQuotes::text
};

struct Article {
  std::string id;      // document id: file name without extension, or the JSONL "id"
  std::string source;  // outlet label
  std::string text;    // raw bytes as read
};

struct QuoteRecord {
  std::string source;
  std::string doc;
  size_t quote_id = 0;  // 1, 2, … within the document
  size_t start = 0;     // offsets of the quoted words in the text, end exclusive (OffsetUnit)
  size_t end = 0;
  std::string kind;
  std::string speaker;
  std::string mention;
  std::string cue;
  std::string rule;
  double confidence = 0;
  std::string quote;
  std::string explain;
  // The attribution pass that decided (attribution.h); the last column. Empty in a quote table
  // written before it was added.
  std::string pass;
  // name, pronoun, description or none (calibration.h). Not an output column: `eval` reports
  // it per row; empty in a quote table read back.
  std::string mention_type;
  // Where `mention` and `cue` are in the text, in the same unit as start and end; none when
  // they are empty (and in a quote table read back). For a continued quote, the mention and
  // cue of the quote it continues.
  std::optional<TextSpan> mention_span;
  std::optional<TextSpan> cue_span;
};

struct ArticleQuotes {
  std::vector<QuoteRecord> quotes;
  std::vector<std::string> warnings;
  std::string text;  // the text the offsets index, with ExtractOptions::keep_text
};

class Extractor {
 public:
  Extractor(const RuleSet& rules, ExtractOptions options) : rules_(rules), options_(options) {}
  Result<ArticleQuotes> Extract(Article article) const;

 private:
  const RuleSet& rules_;
  ExtractOptions options_;
};

}  // namespace saidby
