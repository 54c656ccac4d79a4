#include "saidby/quote_table.h"

#include <array>
#include <charconv>
#include <nlohmann/json.hpp>

#include "saidby/csv.h"
#include "saidby/document.h"
#include "saidby/file_reader.h"
#include "saidby/label.h"
#include "text_util.h"

namespace saidby {
namespace {

// Every value here came from a table that names the place, so messages read "file:line: …".
std::string Where(const std::string& name, size_t line) {
  return name + ":" + std::to_string(line) + ": ";
}

bool ParseCount(std::string_view s, size_t& out) {
  if (s.empty()) return false;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && p == s.data() + s.size();
}

bool ParseUnitInterval(std::string_view s, double& out) {
  if (s.empty()) {
    out = 0;
    return true;
  }
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && p == s.data() + s.size() && out >= 0 && out <= 1;
}

Status CheckRecord(const QuoteRecord& r, const std::string& where) {
  if (r.doc.empty()) return Status::Error(where + "empty doc");
  if (r.quote_id == 0) return Status::Error(where + "quote_id must be 1 or more");
  if (r.kind != "full" && r.kind != "partial" && r.kind != "continued" && r.kind != "scare" &&
      r.kind != "reported") {
    return Status::Error(where + "unknown kind '" + r.kind +
                         "' (expected full, partial, continued, scare or reported)");
  }
  if (r.end < r.start) return Status::Error(where + "end is before start");
  for (const std::optional<TextSpan>& span : {r.mention_span, r.cue_span}) {
    if (span && span->end < span->begin) return Status::Error(where + "an end is before its start");
  }
  return Status();
}

}  // namespace

Result<std::vector<QuoteRecord>> ParseQuoteTableCsv(std::string_view bytes,
                                                    const std::string& name) {
  Result<CsvTable> table = ParseCsv(bytes, name);
  if (!table.ok()) return table.status();
  const CsvTable& t = table.value();
  const size_t source = t.Column("source"), doc = t.Column("doc"), quote_id = t.Column("quote_id"),
               kind = t.Column("kind"), speaker = t.Column("speaker"), quote = t.Column("quote");
  for (auto [col_name, col] : {std::pair{"source", source},
                               {"doc", doc},
                               {"quote_id", quote_id},
                               {"kind", kind},
                               {"speaker", speaker},
                               {"quote", quote}}) {
    if (col == CsvTable::npos) {
      return Status::Error(Where(name, 1) + "missing column '" + col_name +
                           "' (a quote table from `saidby extract` is expected)");
    }
  }
  const size_t start = t.Column("start"), end = t.Column("end"), mention = t.Column("mention"),
               cue = t.Column("cue"), rule = t.Column("rule"), confidence = t.Column("confidence"),
               pass = t.Column("pass");
  const std::array<size_t, 2> mention_cols{t.Column("mention_start"), t.Column("mention_end")};
  const std::array<size_t, 2> cue_cols{t.Column("cue_start"), t.Column("cue_end")};
  std::vector<QuoteRecord> out;
  out.reserve(t.rows.size());
  for (size_t i = 0; i < t.rows.size(); ++i) {
    const std::vector<std::string>& row = t.rows[i];
    const std::string where = Where(name, t.row_lines[i]);
    QuoteRecord r;
    r.source = row[source];
    r.doc = row[doc];
    if (!ParseCount(row[quote_id], r.quote_id)) {
      return Status::Error(where + "quote_id '" + row[quote_id] + "' is not a whole number");
    }
    for (auto [col, field, col_name] :
         {std::tuple{start, &r.start, "start"}, {end, &r.end, "end"}}) {
      if (col != CsvTable::npos && !row[col].empty() && !ParseCount(row[col], *field)) {
        return Status::Error(where + col_name + " '" + row[col] + "' is not a whole number");
      }
    }
    r.kind = row[kind];
    r.speaker = row[speaker];
    if (mention != CsvTable::npos) r.mention = row[mention];
    if (cue != CsvTable::npos) r.cue = row[cue];
    if (rule != CsvTable::npos) r.rule = row[rule];
    if (pass != CsvTable::npos) r.pass = row[pass];
    if (confidence != CsvTable::npos && !ParseUnitInterval(row[confidence], r.confidence)) {
      return Status::Error(where + "confidence '" + row[confidence] + "' is not a number in 0..1");
    }
    r.quote = row[quote];
    for (auto [cols, span] : {std::pair{mention_cols, &r.mention_span}, {cue_cols, &r.cue_span}}) {
      if (cols[0] == CsvTable::npos || cols[1] == CsvTable::npos) continue;
      const std::string& b = row[cols[0]];
      const std::string& e = row[cols[1]];
      if (b.empty() && e.empty()) continue;
      TextSpan read;
      if (!ParseCount(b, read.begin) || !ParseCount(e, read.end)) {
        return Status::Error(where + "offsets '" + b + "', '" + e + "' are not whole numbers");
      }
      *span = read;
    }
    if (Status s = CheckRecord(r, where); !s.ok()) return s;
    out.push_back(std::move(r));
  }
  return out;
}

Result<std::vector<QuoteRecord>> ParseQuoteTableJsonl(std::string_view bytes,
                                                      const std::string& name) {
  if (Status v = ValidateText(bytes); !v.ok()) return Status::Error(name + ": " + v.message());
  std::vector<QuoteRecord> out;
  size_t line_no = 0;
  for (size_t pos = 0; pos < bytes.size();) {
    size_t nl = bytes.find('\n', pos);
    if (nl == std::string_view::npos) nl = bytes.size();
    std::string_view line = bytes.substr(pos, nl - pos);
    pos = nl + 1;
    ++line_no;
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    const std::string where = Where(name, line_no);
    nlohmann::json j = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded()) return Status::Error(where + "not valid JSON");
    if (!j.is_object()) return Status::Error(where + "not a JSON object");
    QuoteRecord r;
    for (auto [key, field, required] : {std::tuple{"source", &r.source, true},
                                        {"doc", &r.doc, true},
                                        {"kind", &r.kind, true},
                                        {"speaker", &r.speaker, true},
                                        {"quote", &r.quote, true},
                                        {"mention", &r.mention, false},
                                        {"cue", &r.cue, false},
                                        {"rule", &r.rule, false},
                                        {"pass", &r.pass, false}}) {
      auto it = j.find(key);
      if (it == j.end() && !required) continue;
      if (it == j.end() || !it->is_string()) {
        return Status::Error(where + "missing string field \"" + key + "\"");
      }
      *field = ValidLabel(it->get_ref<const std::string&>());  // "\u0000" as written back
    }
    for (auto [key, field, required] : {std::tuple{"quote_id", &r.quote_id, true},
                                        {"start", &r.start, false},
                                        {"end", &r.end, false}}) {
      auto it = j.find(key);
      if (it == j.end() && !required) continue;
      if (it == j.end() || !it->is_number_unsigned()) {
        return Status::Error(where + "field \"" + key + "\" must be a whole number");
      }
      *field = it->get<size_t>();
    }
    for (auto [keys, span] :
         {std::pair{std::array{"mention_start", "mention_end"}, &r.mention_span},
          {std::array{"cue_start", "cue_end"}, &r.cue_span}}) {
      auto b = j.find(keys[0]), e = j.find(keys[1]);
      if ((b == j.end() || b->is_null()) && (e == j.end() || e->is_null())) continue;
      if (b == j.end() || e == j.end() || !b->is_number_unsigned() || !e->is_number_unsigned()) {
        return Status::Error(where + "fields \"" + keys[0] + "\" and \"" + keys[1] +
                             "\" must be whole numbers or null");
      }
      *span = TextSpan{b->get<size_t>(), e->get<size_t>()};
    }
    if (auto it = j.find("confidence"); it != j.end()) {
      if (!it->is_number() || it->get<double>() < 0 || it->get<double>() > 1) {
        return Status::Error(where + "field \"confidence\" must be a number in 0..1");
      }
      r.confidence = it->get<double>();
    }
    if (Status s = CheckRecord(r, where); !s.ok()) return s;
    out.push_back(std::move(r));
  }
  return out;
}

bool IsQuoteTablePath(std::string_view path) {
  const std::string lower = AsciiLower(path);
  auto ends_with = [&](std::string_view suffix) {
    return lower.size() >= suffix.size() &&
           std::string_view(lower).substr(lower.size() - suffix.size()) == suffix;
  };
  return ends_with(".csv") || ends_with(".jsonl") || ends_with(".ndjson");
}

Result<std::vector<QuoteRecord>> ReadQuoteTable(const std::string& path) {
  Result<std::string> bytes =
      ReadRegularFile(path, kMaxQuoteTableBytes, "the limit for a quote table");
  if (!bytes.ok()) return Status::Error(path + ": " + bytes.status().message());
  const std::string lower = AsciiLower(path);
  auto ends_with = [&](std::string_view ext) {
    return lower.size() >= ext.size() &&
           lower.compare(lower.size() - ext.size(), ext.size(), ext) == 0;
  };
  bool csv = ends_with(".csv");
  if (!csv && !ends_with(".jsonl") && !ends_with(".ndjson")) {
    // Another name: JSON Lines start with an object, extract's CSV with its header.
    const size_t first = bytes->find_first_not_of(" \t\r\n");
    csv = first != std::string::npos && bytes.value()[first] != '{';
  }
  if (csv) return ParseQuoteTableCsv(bytes.value(), path);
  return ParseQuoteTableJsonl(bytes.value(), path);
}

}  // namespace saidby
