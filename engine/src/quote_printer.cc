#include "saidby/quote_printer.h"

#include <cstdio>
#include <nlohmann/json.hpp>

#include "saidby/csv.h"
#include "saidby/label.h"

namespace saidby {

std::string FormatConfidence(double c) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", c);
  std::string s = buf;
  while (s.size() > 1 && s.back() == '0' && s.find('.') != std::string::npos) s.pop_back();
  if (!s.empty() && s.back() == '.') s.pop_back();
  return s;
}

namespace {

// Whatever a row holds (ids from file names, fields of a table read back), every output is
// valid UTF-8 without NUL, so that compare and --merge read it back (label.h).
std::string Csv(std::string_view field) {
  return IsValidLabel(field) ? CsvField(field) : CsvField(ValidLabel(field));
}

}  // namespace

CsvQuotePrinter::CsvQuotePrinter(std::ostream& out, bool with_explain, bool write_header)
    : out_(out), with_explain_(with_explain) {
  if (!write_header) return;
  out_ << "source,doc,quote_id,start,end,kind,speaker,mention,cue,rule,confidence,quote"
       << (with_explain_ ? ",explain" : "")
       << ",pass,mention_start,mention_end,cue_start,cue_end\r\n";
}

void CsvQuotePrinter::Write(const QuoteRecord& r) {
  out_ << Csv(r.source) << ',' << Csv(r.doc) << ',' << r.quote_id << ',' << r.start << ',' << r.end
       << ',' << Csv(r.kind) << ',' << Csv(r.speaker) << ',' << Csv(r.mention) << ',' << Csv(r.cue)
       << ',' << Csv(r.rule) << ',' << FormatConfidence(r.confidence) << ',' << Csv(r.quote);
  if (with_explain_) out_ << ',' << Csv(r.explain);
  out_ << ',' << Csv(r.pass);
  for (const std::optional<TextSpan>& span : {r.mention_span, r.cue_span}) {
    if (span) {
      out_ << ',' << span->begin << ',' << span->end;
    } else {
      out_ << ",,";
    }
  }
  out_ << "\r\n";
}

void JsonlQuotePrinter::Write(const QuoteRecord& r) {
  nlohmann::ordered_json j;
  j["source"] = ValidLabel(r.source);
  j["doc"] = ValidLabel(r.doc);
  j["quote_id"] = r.quote_id;
  j["start"] = r.start;
  j["end"] = r.end;
  j["kind"] = ValidLabel(r.kind);
  j["speaker"] = ValidLabel(r.speaker);
  j["mention"] = ValidLabel(r.mention);
  j["cue"] = ValidLabel(r.cue);
  j["rule"] = ValidLabel(r.rule);
  j["confidence"] = std::stod(FormatConfidence(r.confidence));
  j["quote"] = ValidLabel(r.quote);
  if (with_explain_) j["explain"] = ValidLabel(r.explain);
  j["pass"] = ValidLabel(r.pass);
  auto offset = [](const std::optional<TextSpan>& span, bool end) {
    return span ? nlohmann::ordered_json(end ? span->end : span->begin) : nlohmann::ordered_json();
  };
  j["mention_start"] = offset(r.mention_span, false);
  j["mention_end"] = offset(r.mention_span, true);
  j["cue_start"] = offset(r.cue_span, false);
  j["cue_end"] = offset(r.cue_span, true);
  // The text is valid UTF-8 (MakeDocument checked it); ValidLabel only guards the dump.
  if (text_) j["text"] = ValidLabel(*text_);
  out_ << j.dump() << '\n';
}

}  // namespace saidby
