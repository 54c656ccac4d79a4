#include "saidby/quote_printer.h"

#include <cstdio>
#include <nlohmann/json.hpp>

#include "saidby/csv.h"

namespace saidby {

std::string FormatConfidence(double c) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", c);
  std::string s = buf;
  while (s.size() > 1 && s.back() == '0' && s.find('.') != std::string::npos) s.pop_back();
  if (!s.empty() && s.back() == '.') s.pop_back();
  return s;
}

CsvQuotePrinter::CsvQuotePrinter(std::ostream& out, bool with_explain, bool write_header)
    : out_(out), with_explain_(with_explain) {
  if (!write_header) return;
  out_ << "source,doc,quote_id,start,end,kind,speaker,mention,cue,rule,confidence,quote"
       << (with_explain_ ? ",explain" : "") << "\r\n";
}

void CsvQuotePrinter::Write(const QuoteRecord& r) {
  out_ << CsvField(r.source) << ',' << CsvField(r.doc) << ',' << r.quote_id << ',' << r.start << ','
       << r.end << ',' << r.kind << ',' << CsvField(r.speaker) << ',' << CsvField(r.mention) << ','
       << CsvField(r.cue) << ',' << CsvField(r.rule) << ',' << FormatConfidence(r.confidence) << ','
       << CsvField(r.quote);
  if (with_explain_) out_ << ',' << CsvField(r.explain);
  out_ << "\r\n";
}

void JsonlQuotePrinter::Write(const QuoteRecord& r) {
  nlohmann::ordered_json j;
  j["source"] = r.source;
  j["doc"] = r.doc;
  j["quote_id"] = r.quote_id;
  j["start"] = r.start;
  j["end"] = r.end;
  j["kind"] = r.kind;
  j["speaker"] = r.speaker;
  j["mention"] = r.mention;
  j["cue"] = r.cue;
  j["rule"] = r.rule;
  j["confidence"] = std::stod(FormatConfidence(r.confidence));
  j["quote"] = r.quote;
  if (with_explain_) j["explain"] = r.explain;
  out_ << j.dump() << '\n';
}

}  // namespace saidby
