// Quote printers: the sinks that turn QuoteRecords into bytes. One printer per format, each
// writing to a caller-owned stream; the header row (CSV) is written on construction.
// Every text field is written as valid UTF-8 without NUL: other bytes (from a file name, say)
// become \xHH, as in label.h, so the output always reads back. Neither printer throws.
// Cost: one formatted line per record. Neither printer buffers records beyond the stream.
//
// Example:
//   CsvQuotePrinter out(std::cout);
//   for (const QuoteRecord& r : quotes) out.Write(r);
#pragma once

#include <optional>
#include <ostream>
#include <string_view>

#include "saidby/extractor.h"

namespace saidby {

class QuoteSink {
 public:
  virtual ~QuoteSink() = default;
  virtual void Write(const QuoteRecord& r) = 0;
};

// RFC 4180, the contract's header: source,doc,quote_id,start,end,kind,speaker,mention,cue,
// rule,confidence,quote (plus explain when asked), pass, then mention_start,mention_end,
// cue_start,cue_end (empty when there is no mention or cue): columns added later go at the
// end, so scripts that read columns by position keep working.
class CsvQuotePrinter : public QuoteSink {
 public:
  // `write_header` false: rows only, to be appended after a header written elsewhere.
  CsvQuotePrinter(std::ostream& out, bool with_explain = false, bool write_header = true);
  void Write(const QuoteRecord& r) override;

 private:
  std::ostream& out_;
  bool with_explain_;
};

// One JSON object per line with the same field names (offsets of no mention or cue: null).
class JsonlQuotePrinter : public QuoteSink {
 public:
  JsonlQuotePrinter(std::ostream& out, bool with_explain = false)
      : out_(out), with_explain_(with_explain) {}
  void Write(const QuoteRecord& r) override;
  // Rows written from now on end with a "text" field holding `text` (the text their offsets
  // index: ArticleQuotes::text); nullopt, the default, leaves it out.
  void set_text(std::optional<std::string_view> text) { text_ = text; }

 private:
  std::ostream& out_;
  bool with_explain_;
  std::optional<std::string_view> text_;
};

// "0.95": confidence as printed in every format (two decimals, no trailing zeros).
std::string FormatConfidence(double c);

}  // namespace saidby
